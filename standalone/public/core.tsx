import { BehaviorSubject } from 'rxjs';
import type { CoreSetup, CoreStart, CoreTheme, Plugin, PluginInitializerContext } from '@kbn/core/public';
import { I18nProvider } from '@kbn/i18n-react';
import { ApplicationService } from './application';
import { createBasePath } from './base_path';
import { HostEuiProvider } from './eui_provider';
import { BrowserHistory } from './history';
import type { HostInfo } from './host_info';
import { createHttp } from './http';
import { createConsoleLoggerFactory } from './logger';
import { ToastsService } from './toasts';
import { createTriggersActionsUi } from './triggers_actions_ui';
import { createUiActions } from './ui_actions';

/** The core services of one page, shared by every plugin and by the chrome. */
export const createCoreServices = (hostInfo: HostInfo) => {
  const basePath = createBasePath(hostInfo.basePath);
  const history = new BrowserHistory(window);
  const application = new ApplicationService(history, basePath);
  const http = createHttp(basePath);
  const toasts = new ToastsService();
  const theme$ = new BehaviorSubject<CoreTheme>({ darkMode: false, name: 'borealis' });
  const theme = { theme$: theme$.asObservable(), getTheme: () => theme$.value };
  const loggerFactory = createConsoleLoggerFactory();
  // A plugin service rather than core in Kibana; the host's own pages read it too (the Alerts page's actions).
  const uiActions = createUiActions(loggerFactory.get('plugins', 'uiActions'));
  // Likewise: the workflows plugin registers its action type model, the Rules page renders it.
  const triggersActionsUi = createTriggersActionsUi();
  return { hostInfo, basePath, history, application, http, toasts, theme$, theme, loggerFactory, uiActions, triggersActionsUi };
};

export type CoreServices = ReturnType<typeof createCoreServices>;

export const createInitializerContext = ({ hostInfo, loggerFactory }: CoreServices, pluginId: string): PluginInitializerContext => ({
  opaqueId: Symbol(pluginId),
  env: {
    mode: { name: 'production', dev: false, prod: true },
    packageInfo: { version: hostInfo.version, branch: 'standalone', buildNum: 0, buildSha: '', dist: true },
    airgapped: true,
  },
  logger: { get: (...context) => loggerFactory.get('plugins', pluginId, ...context) },
  // Nothing in the workflows config is exposed to the browser yet (`exposeToBrowser: {}`).
  config: { get: <T extends object>() => ({}) as T },
});

const createCoreSetup = <TPluginsStart extends object, TStart>(
  core: CoreServices,
  startServices: Promise<[CoreStart, TPluginsStart, TStart]>,
): CoreSetup<TPluginsStart, TStart> => ({
  application: core.application.setup(),
  http: core.http,
  notifications: { toasts: core.toasts },
  theme: core.theme,
  getStartServices: () => startServices,
});

const createCoreStart = (core: CoreServices): CoreStart => ({
  application: core.application.start(),
  http: core.http,
  notifications: { toasts: core.toasts },
  i18n: { Context: I18nProvider },
  theme: core.theme,
  rendering: {
    addContext: (element) => (
      <I18nProvider>
        <HostEuiProvider>{element}</HostEuiProvider>
      </I18nProvider>
    ),
  },
});

/**
 * Kibana's order for one plugin: setup with a `getStartServices()` that resolves once start has run,
 * then start.
 */
export const runPluginLifecycle = <TSetup, TStart, TPluginsSetup extends object, TPluginsStart extends object>(
  core: CoreServices,
  instance: Plugin<TSetup, TStart, TPluginsSetup, TPluginsStart>,
  deps: { setup: TPluginsSetup; start: TPluginsStart },
) => {
  let resolveStart: (services: [CoreStart, TPluginsStart, TStart]) => void = () => {};
  const startServices = new Promise<[CoreStart, TPluginsStart, TStart]>((resolve) => (resolveStart = resolve));
  const setup = instance.setup(createCoreSetup(core, startServices), deps.setup);
  const coreStart = createCoreStart(core);
  const start = instance.start(coreStart, deps.start);
  resolveStart([coreStart, deps.start, start]);
  return { setup, start };
};
