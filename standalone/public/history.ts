import type { Action, Location, LocationDescriptorObject, LocationListener, ScopedHistory, UnregisterCallback } from '@kbn/core/public';

interface HistoryEntryState {
  key: string;
  usr: unknown;
}

const newKey = () => Math.random().toString(36).slice(2, 10);

const toPath = ({ pathname = '', search = '', hash = '' }: LocationDescriptorObject<unknown>): string =>
  `${pathname}${search && !search.startsWith('?') ? `?${search}` : search}${hash && !hash.startsWith('#') ? `#${hash}` : hash}`;

/**
 * The address bar, shared by the chrome and every app's `ScopedHistory`, so that all of them hear
 * about a navigation whoever made it.
 */
export class BrowserHistory {
  private readonly listeners = new Set<LocationListener>();
  private lastAction: Action = 'POP';

  constructor(private readonly win: Window) {
    win.addEventListener('popstate', () => this.notify('POP'));
  }

  get action(): Action {
    return this.lastAction;
  }

  get length(): number {
    return this.win.history.length;
  }

  get location(): Location {
    const { pathname, search, hash } = this.win.location;
    const state = this.win.history.state as HistoryEntryState | null;
    return { pathname, search, hash, state: state?.usr, key: state?.key };
  }

  push(path: string, state?: unknown): void {
    this.win.history.pushState({ key: newKey(), usr: state } satisfies HistoryEntryState, '', path);
    this.notify('PUSH');
  }

  replace(path: string, state?: unknown): void {
    this.win.history.replaceState({ key: newKey(), usr: state } satisfies HistoryEntryState, '', path);
    this.notify('REPLACE');
  }

  go(delta: number): void {
    this.win.history.go(delta);
  }

  listen(listener: LocationListener): UnregisterCallback {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(action: Action): void {
    this.lastAction = action;
    const location = this.location;
    [...this.listeners].forEach((listener) => listener(location, action));
  }
}

/** Kibana's `ScopedHistory`: paths relative to one app's route (`/app/<id>` behind the base path). */
export class AppScopedHistory<State = unknown> implements ScopedHistory<State> {
  constructor(
    private readonly parent: BrowserHistory,
    private readonly appPath: string,
  ) {}

  get action(): Action {
    return this.parent.action;
  }

  get length(): number {
    return this.parent.length;
  }

  get location(): Location<State> {
    return this.scope(this.parent.location);
  }

  push(pathOrLocation: string | LocationDescriptorObject<State>, state?: State): void {
    this.parent.push(this.toHref(pathOrLocation), this.stateOf(pathOrLocation, state));
  }

  replace(pathOrLocation: string | LocationDescriptorObject<State>, state?: State): void {
    this.parent.replace(this.toHref(pathOrLocation), this.stateOf(pathOrLocation, state));
  }

  go(delta: number): void {
    this.parent.go(delta);
  }

  goBack(): void {
    this.parent.go(-1);
  }

  goForward(): void {
    this.parent.go(1);
  }

  /** Like Kibana's, listeners only hear about locations inside the app. */
  listen(listener: LocationListener<State>): UnregisterCallback {
    return this.parent.listen((location, action) => {
      if (this.owns(location.pathname)) listener(this.scope(location), action);
    });
  }

  createHref(location: LocationDescriptorObject<State>, { prependBasePath = true }: { prependBasePath?: boolean } = {}): string {
    return prependBasePath ? this.toHref(location) : toPath(location);
  }

  private owns(pathname: string): boolean {
    return pathname === this.appPath || pathname.startsWith(`${this.appPath}/`);
  }

  private scope(location: Location): Location<State> {
    return { ...location, state: location.state as State, pathname: location.pathname.slice(this.appPath.length) || '/' };
  }

  private toHref(pathOrLocation: string | LocationDescriptorObject<State>): string {
    const path = typeof pathOrLocation === 'string' ? pathOrLocation : toPath(pathOrLocation);
    return path === '' || /^[?#]/.test(path) ? `${this.appPath}${path}` : `${this.appPath}${path.startsWith('/') ? '' : '/'}${path}`;
  }

  private stateOf(pathOrLocation: string | LocationDescriptorObject<State>, state?: State): State | undefined {
    return typeof pathOrLocation === 'string' ? state : (pathOrLocation.state ?? state);
  }
}
