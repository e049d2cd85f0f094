import type { Observable } from 'rxjs';
import type { AppCategory } from '../server/app_categories';
import type { MountPoint } from './mount_point';
import type { ScopedHistory } from './scoped_history';
import type { CoreTheme } from './theme';

export enum AppStatus {
  accessible = 0,
  inaccessible = 1,
}

export type AppDeepLinkLocations = 'globalSearch' | 'sideNav' | 'home' | 'kibanaOverview';

export type AppUnmount = () => void;

export type AppMount<HistoryLocationState = unknown> = (
  params: AppMountParameters<HistoryLocationState>,
) => AppUnmount | Promise<AppUnmount>;

export interface App<HistoryLocationState = unknown> {
  id: string;
  title: string;
  mount: AppMount<HistoryLocationState>;
  category?: AppCategory;
  order?: number;
  euiIconType?: string;
  icon?: string;
  tooltip?: string;
  /** Defaults to `/app/<id>`. */
  appRoute?: string;
  defaultPath?: string;
  visibleIn?: AppDeepLinkLocations[];
  status?: AppStatus;
  chromeless?: boolean;
  exactRoute?: boolean;
  keywords?: string[];
}

export enum AppLeaveActionType {
  confirm = 'confirm',
  default = 'default',
}

export interface AppLeaveDefaultAction {
  type: AppLeaveActionType.default;
}

export interface AppLeaveConfirmAction {
  type: AppLeaveActionType.confirm;
  text: string;
  title?: string;
  confirmButtonText?: string;
  buttonColor?: 'primary' | 'danger' | 'warning' | 'success';
  callback?: () => void;
}

export type AppLeaveAction = AppLeaveDefaultAction | AppLeaveConfirmAction;

export interface AppLeaveActionFactory {
  confirm(
    text: string,
    title?: string,
    callback?: () => void,
    confirmButtonText?: string,
    buttonColor?: AppLeaveConfirmAction['buttonColor'],
  ): AppLeaveConfirmAction;
  default(): AppLeaveDefaultAction;
}

export type AppLeaveHandler = (factory: AppLeaveActionFactory, nextAppId?: string) => AppLeaveAction;

export interface AppMountParameters<HistoryLocationState = unknown> {
  element: HTMLElement;
  history: ScopedHistory<HistoryLocationState>;
  /** @deprecated use `history` */
  appBasePath: string;
  onAppLeave(handler: AppLeaveHandler): void;
  /** @deprecated */
  setHeaderActionMenu(menuMount: MountPoint | undefined): void;
  theme$: Observable<CoreTheme>;
}

export interface Capabilities {
  navLinks: Record<string, boolean>;
  management: Record<string, Record<string, boolean>>;
  catalogue: Record<string, boolean>;
  [key: string]: Record<string, boolean | Record<string, boolean>>;
}

export interface NavigateToAppOptions {
  path?: string;
  state?: unknown;
  replace?: boolean;
  openInNewTab?: boolean;
  skipAppLeave?: boolean;
  deepLinkId?: string;
}

export interface NavigateToUrlOptions {
  skipAppLeave?: boolean;
  forceRedirect?: boolean;
  state?: unknown;
}

export interface ApplicationSetup {
  register<HistoryLocationState = unknown>(app: App<HistoryLocationState>): void;
}

export interface ApplicationStart {
  capabilities: Readonly<Capabilities>;
  navigateToApp(appId: string, options?: NavigateToAppOptions): Promise<void>;
  navigateToUrl(url: string, options?: NavigateToUrlOptions): Promise<void>;
  getUrlForApp(appId: string, options?: { path?: string; absolute?: boolean; deepLinkId?: string }): string;
  currentAppId$: Observable<string | undefined>;
}
