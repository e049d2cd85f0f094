/*
 * The slice of Kibana's `@kbn/core/server` contracts that the workflows plugin uses.
 * Shapes follow Kibana 9.x (see ../../../../../shared/KIBANA_CONTRACTS.md); the standalone host implements them.
 */
export type { Logger, LoggerFactory, LogLevelId, LogMeta } from './logging';
export type {
  IRouter,
  RouteConfig,
  RouteSecurity,
  RouteValidatorConfig,
  RouteValidationSpec,
  RequestHandler,
  RequestHandlerContext,
  KibanaRequest,
  KibanaRequestRoute,
  KibanaResponseFactory,
  IKibanaResponse,
  ResponseError,
  ResponseErrorAttributes,
  HttpResponseOptions,
  CustomHttpResponseOptions,
  RouteMethod,
} from './http';
export type {
  PluginInitializerContext,
  PluginInitializer,
  PluginConfigDescriptor,
  Plugin,
  CoreSetup,
  CoreStart,
  HttpServiceSetup,
  HttpServiceStart,
  ElasticsearchServiceStart,
  IClusterClient,
  IScopedClusterClient,
  ElasticsearchClient,
  AuthenticatedUser,
  SecurityServiceStart,
} from './plugin';
export { DEFAULT_APP_CATEGORIES } from './app_categories';
export type { AppCategory } from './app_categories';
