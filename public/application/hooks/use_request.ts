import { useCallback, useEffect, useState } from 'react';

interface RequestState<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
}

export interface UseRequestOptions<T> {
  /** Asks again every `intervalMs` while this says the data may still change (e.g. a run not finished). */
  pollWhile?: (data: T) => boolean;
  intervalMs?: number;
}

/**
 * Loads once per `load` identity (wrap it in useCallback), optionally keeps polling, and drops
 * answers that arrive after the component moved on.
 */
export const useRequest = <T>(load: () => Promise<T>, { pollWhile, intervalMs = 1000 }: UseRequestOptions<T> = {}) => {
  const [state, setState] = useState<RequestState<T>>({ loading: true });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polling = false;
    const run = async () => {
      try {
        const data = await load();
        if (!active) return;
        setState({ data, loading: false });
        polling = pollWhile?.(data) ?? false;
      } catch (error) {
        if (!active) return;
        // A failed poll keeps the last data and tries again: the run is still going on the server.
        setState((previous) => ({ ...previous, error, loading: false }));
      }
      if (polling) timer = setTimeout(run, intervalMs);
    };
    setState((previous) => ({ ...previous, loading: true }));
    run();
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [load, pollWhile, intervalMs, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const setData = useCallback(
    (update: (data: T | undefined) => T | undefined) => setState((previous) => ({ ...previous, data: update(previous.data) })),
    [],
  );

  return { ...state, reload, setData };
};
