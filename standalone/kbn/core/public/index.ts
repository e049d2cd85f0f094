/*
 * The slice of Kibana's `@kbn/core/public` contracts that the workflows plugin uses.
 * Shapes follow Kibana 9.x (see KIBANA_CONTRACTS.md section 7); standalone/public implements them.
 */
export type { PluginInitializerContext, PluginInitializer, Plugin, CoreSetup, CoreStart } from './plugin';
export type {
  App,
  AppMount,
  AppUnmount,
  AppMountParameters,
  AppDeepLinkLocations,
  AppLeaveHandler,
  AppLeaveAction,
  AppLeaveActionFactory,
  AppLeaveConfirmAction,
  AppLeaveDefaultAction,
  ApplicationSetup,
  ApplicationStart,
  Capabilities,
  NavigateToAppOptions,
  NavigateToUrlOptions,
} from './application';
export { AppStatus, AppLeaveActionType } from './application';
export type {
  HttpSetup,
  HttpStart,
  HttpHandler,
  HttpFetchOptions,
  HttpFetchOptionsWithPath,
  HttpFetchQuery,
  HttpResponse,
  IHttpFetchError,
  IBasePath,
} from './http';
export type {
  NotificationsSetup,
  NotificationsStart,
  IToasts,
  Toast,
  ToastInput,
  ToastInputFields,
  ErrorToastOptions,
} from './notifications';
export type { MountPoint, UnmountCallback } from './mount_point';
export type { ScopedHistory, Location, LocationDescriptorObject, LocationListener, UnregisterCallback, Action } from './scoped_history';
export type { CoreTheme, ThemeServiceSetup, ThemeServiceStart } from './theme';
export type { I18nStart, RenderingService } from './rendering';
export type { Logger, LoggerFactory, LogLevelId, LogMeta } from '../server/logging';
// Kibana serves the same categories to both sides from @kbn/core-application-common.
export { DEFAULT_APP_CATEGORIES } from '../server/app_categories';
export type { AppCategory } from '../server/app_categories';
