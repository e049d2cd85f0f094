import { BehaviorSubject } from 'rxjs';
import {
  AppLeaveActionType,
  type App,
  type AppLeaveActionFactory,
  type AppLeaveHandler,
  type ApplicationSetup,
  type ApplicationStart,
  type IBasePath,
  type NavigateToAppOptions,
} from '@kbn/core/public';
import type { BrowserHistory } from './history';

const leaveActions: AppLeaveActionFactory = {
  confirm: (text, title, callback, confirmButtonText, buttonColor) => ({
    type: AppLeaveActionType.confirm,
    text,
    title,
    callback,
    confirmButtonText,
    buttonColor,
  }),
  default: () => ({ type: AppLeaveActionType.default }),
};

/** The host's application service: the app registry, cross-app navigation and leave confirmations. */
export class ApplicationService {
  private readonly apps = new Map<string, App>();
  private readonly leaveHandlers = new Map<string, AppLeaveHandler>();
  private startContract?: ApplicationStart;
  readonly currentAppId$ = new BehaviorSubject<string | undefined>(undefined);

  constructor(
    private readonly history: BrowserHistory,
    private readonly basePath: IBasePath,
  ) {}

  setup(): ApplicationSetup {
    return {
      register: (app) => {
        if (this.apps.has(app.id)) throw new Error(`An application is already registered with the id "${app.id}"`);
        this.apps.set(app.id, app as App);
      },
    };
  }

  start(): ApplicationStart {
    return (this.startContract ??= {
      capabilities: { navLinks: {}, management: {}, catalogue: {} },
      currentAppId$: this.currentAppId$,
      getUrlForApp: (appId, { path, absolute } = {}) => {
        const url = this.urlForApp(appId, path);
        return absolute ? new URL(url, window.location.origin).href : url;
      },
      navigateToApp: async (appId, options) => this.navigateToApp(appId, options),
      navigateToUrl: async (url, { skipAppLeave, state } = {}) => {
        const target = new URL(url, window.location.href);
        const app = target.origin === window.location.origin ? this.appForPath(target.pathname) : undefined;
        if (!app) {
          window.location.assign(target.href);
          return;
        }
        if (!skipAppLeave && !this.confirmLeave(app.id)) return;
        this.history.push(`${target.pathname}${target.search}${target.hash}`, state);
      },
    });
  }

  list(): App[] {
    return [...this.apps.values()].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  }

  appRoute(app: App): string {
    return this.basePath.prepend(app.appRoute ?? `/app/${app.id}`);
  }

  appForPath(pathname: string): App | undefined {
    return this.list().find((app) => {
      const route = this.appRoute(app);
      return pathname === route || pathname.startsWith(`${route}/`);
    });
  }

  setLeaveHandler(appId: string, handler: AppLeaveHandler | undefined): void {
    if (handler) this.leaveHandlers.set(appId, handler);
    else this.leaveHandlers.delete(appId);
  }

  /** Asks the current app whether it may be left; true when it may. */
  confirmLeave(nextAppId?: string): boolean {
    const current = this.currentAppId$.value;
    const handler = current && current !== nextAppId ? this.leaveHandlers.get(current) : undefined;
    const action = handler?.(leaveActions, nextAppId);
    if (action?.type !== AppLeaveActionType.confirm) return true;
    const confirmed = window.confirm(action.title ? `${action.title}\n\n${action.text}` : action.text);
    if (confirmed) action.callback?.();
    return confirmed;
  }

  /** The text the browser's "leave page?" prompt needs, when the current app wants one. */
  leaveWarning(): string | undefined {
    const current = this.currentAppId$.value;
    const action = current ? this.leaveHandlers.get(current)?.(leaveActions) : undefined;
    return action?.type === AppLeaveActionType.confirm ? action.text : undefined;
  }

  private navigateToApp(appId: string, { path, state, replace, openInNewTab, skipAppLeave }: NavigateToAppOptions = {}): void {
    const url = this.urlForApp(appId, path);
    if (openInNewTab) {
      window.open(url, '_blank', 'noopener');
      return;
    }
    if (!skipAppLeave && !this.confirmLeave(appId)) return;
    if (replace) this.history.replace(url, state);
    else this.history.push(url, state);
  }

  private urlForApp(appId: string, path = ''): string {
    const app = this.apps.get(appId);
    const route = app ? this.appRoute(app) : this.basePath.prepend(`/app/${appId}`);
    return path === '' ? route : `${route}${/^[/?#]/.test(path) ? '' : '/'}${path}`;
  }
}
