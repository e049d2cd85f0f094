import type { LoggerFactory } from '../server/logging';
import type { ApplicationSetup, ApplicationStart } from './application';
import type { HttpSetup, HttpStart } from './http';
import type { NotificationsSetup, NotificationsStart } from './notifications';
import type { I18nStart, RenderingService } from './rendering';
import type { ThemeServiceSetup, ThemeServiceStart } from './theme';

export interface PluginInitializerContext<ConfigSchema extends object = object> {
  readonly opaqueId: symbol;
  readonly env: {
    mode: { name: 'development' | 'production'; dev: boolean; prod: boolean };
    packageInfo: { version: string; branch: string; buildNum: number; buildSha: string; dist: boolean };
    airgapped: boolean;
  };
  readonly logger: LoggerFactory;
  readonly config: { get<T extends object = ConfigSchema>(): T };
}

export interface CoreSetup<TPluginsStart extends object = object, TStart = unknown> {
  application: ApplicationSetup;
  http: HttpSetup;
  notifications: NotificationsSetup;
  theme: ThemeServiceSetup;
  getStartServices(): Promise<[CoreStart, TPluginsStart, TStart]>;
}

export interface CoreStart {
  application: ApplicationStart;
  http: HttpStart;
  notifications: NotificationsStart;
  i18n: I18nStart;
  theme: ThemeServiceStart;
  rendering: RenderingService;
}

export interface Plugin<TSetup = void, TStart = void, TPluginsSetup extends object = object, TPluginsStart extends object = object> {
  setup(core: CoreSetup<TPluginsStart, TStart>, plugins: TPluginsSetup): TSetup;
  start(core: CoreStart, plugins: TPluginsStart): TStart;
  stop?(): void;
}

/** Browser plugins are created synchronously, unlike server ones. */
export type PluginInitializer<
  TSetup = void,
  TStart = void,
  TPluginsSetup extends object = object,
  TPluginsStart extends object = object,
> = (context: PluginInitializerContext) => Plugin<TSetup, TStart, TPluginsSetup, TPluginsStart>;
