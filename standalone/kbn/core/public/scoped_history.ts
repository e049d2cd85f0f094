/** The parts of the `history` package's types that Kibana's `ScopedHistory` exposes. */
export interface Location<State = unknown> {
  pathname: string;
  search: string;
  hash: string;
  state: State;
  key?: string;
}

export type LocationDescriptorObject<State = unknown> = Partial<Location<State>>;

export type Action = 'PUSH' | 'POP' | 'REPLACE';

export type LocationListener<State = unknown> = (location: Location<State>, action: Action) => void;

export type UnregisterCallback = () => void;

/**
 * A history whose paths are relative to one app: `push('/edit/1')` inside the workflows app goes to
 * `/app/workflows/edit/1`.
 */
export interface ScopedHistory<HistoryLocationState = unknown> {
  readonly length: number;
  readonly action: Action;
  readonly location: Location<HistoryLocationState>;
  push(pathOrLocation: string | LocationDescriptorObject<HistoryLocationState>, state?: HistoryLocationState): void;
  replace(pathOrLocation: string | LocationDescriptorObject<HistoryLocationState>, state?: HistoryLocationState): void;
  go(n: number): void;
  goBack(): void;
  goForward(): void;
  listen(listener: LocationListener<HistoryLocationState>): UnregisterCallback;
  /** Href of a location of this app, base path and app route included, for `<a href>`. */
  createHref(location: LocationDescriptorObject<HistoryLocationState>, options?: { prependBasePath?: boolean }): string;
}
