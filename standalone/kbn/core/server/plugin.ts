import type { Observable } from 'rxjs';
import type { Client } from '@elastic/elasticsearch';
import type { Type } from '@kbn/config-schema';
import type { Logger, LoggerFactory } from './logging';
import type { IRouter, KibanaRequest, RequestHandlerContext } from './http';

export type ElasticsearchClient = Omit<Client, 'connectionPool' | 'serializer' | 'extend' | 'close' | 'diagnostic'>;

export interface IScopedClusterClient {
  readonly asInternalUser: ElasticsearchClient;
  readonly asCurrentUser: ElasticsearchClient;
}

export interface IClusterClient {
  readonly asInternalUser: ElasticsearchClient;
  asScoped(request: KibanaRequest): IScopedClusterClient;
}

export interface ElasticsearchServiceStart {
  readonly client: IClusterClient;
  readonly publicBaseUrl?: string;
}

export interface HttpServiceSetup {
  createRouter<Ctx extends RequestHandlerContext = RequestHandlerContext>(): IRouter<Ctx>;
  basePath: { serverBasePath: string; publicBaseUrl?: string; get(request: KibanaRequest): string };
}

export interface HttpServiceStart {
  basePath: { serverBasePath: string; publicBaseUrl?: string; get(request: KibanaRequest): string };
}

export interface CoreSetup<TPluginsStart extends object = object, TStart = unknown> {
  http: HttpServiceSetup;
  elasticsearch: { legacy?: unknown; publicBaseUrl?: string };
  getStartServices(): Promise<[CoreStart, TPluginsStart, TStart]>;
}

export interface AuthenticatedUser {
  username: string;
  full_name?: string;
  email?: string;
  roles: string[];
}

export interface SecurityServiceStart {
  authc: { getCurrentUser(request: KibanaRequest): AuthenticatedUser | null };
}

export interface CoreStart {
  http: HttpServiceStart;
  elasticsearch: ElasticsearchServiceStart;
  security: SecurityServiceStart;
}

export interface PluginInitializerContext<ConfigSchema = unknown> {
  readonly opaqueId: symbol;
  readonly env: {
    mode: { name: 'development' | 'production'; dev: boolean; prod: boolean };
    packageInfo: { version: string; branch: string; buildNum: number; buildSha: string; dist: boolean };
    instanceUuid: string;
    configs: readonly string[];
    airgapped: boolean;
  };
  readonly logger: LoggerFactory;
  readonly config: {
    create<T = ConfigSchema>(): Observable<T>;
    get<T = ConfigSchema>(): T;
  };
}

export interface Plugin<TSetup = void, TStart = void, TPluginsSetup extends object = object, TPluginsStart extends object = object> {
  setup(core: CoreSetup<TPluginsStart, TStart>, plugins: TPluginsSetup): TSetup;
  start(core: CoreStart, plugins: TPluginsStart): TStart;
  stop?(): void | Promise<void>;
}

export type PluginInitializer<TSetup = void, TStart = void, TPluginsSetup extends object = object, TPluginsStart extends object = object> = (
  context: PluginInitializerContext
) => Promise<Plugin<TSetup, TStart, TPluginsSetup, TPluginsStart>>;

export interface PluginConfigDescriptor<T = any> {
  schema: Type<T>;
  exposeToBrowser?: { [P in keyof T]?: boolean };
}

export type { Logger };
