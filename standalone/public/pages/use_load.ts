import { useCallback, useEffect, useState } from 'react';
import moment from 'moment';

export interface LoadState<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload(): void;
}

/** Loads whenever `load` changes identity (wrap it in useCallback); late answers of old loads are dropped. */
export const useLoad = <T>(load: () => Promise<T>): LoadState<T> => {
  const [state, setState] = useState<Omit<LoadState<T>, 'reload'>>({ loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let active = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => active && setState({ data, loading: false }),
      (error: unknown) => active && setState((previous) => ({ ...previous, error, loading: false })),
    );
    return () => {
      active = false;
    };
  }, [load, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
};

/** Kibana's error body message when the server sent one, else the error's own. */
export const errorMessage = (error: unknown): string =>
  (error as { body?: { message?: string } } | undefined)?.body?.message ?? (error instanceof Error ? error.message : String(error));

/** Kibana's default `dateFormat` advanced setting. */
export const formatTime = (iso: unknown): string =>
  typeof iso === 'string' && iso ? moment(iso).format('MMM D, YYYY @ HH:mm:ss.SSS') : '—';
