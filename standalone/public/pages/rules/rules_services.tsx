import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { IToasts, ScopedHistory } from '@kbn/core/public';
import type { ActionTypeRegistryContract } from '@kbn/triggers-actions-ui-plugin/public';
import type { RulesApi } from './rules_api';

export interface RulesServices {
  api: RulesApi;
  toasts: IToasts;
  history: ScopedHistory;
  actionTypeRegistry: ActionTypeRegistryContract;
  /** Absolute URL of a server path, for the curl example. */
  absoluteUrl(path: string): string;
}

const RulesServicesContext = createContext<RulesServices | null>(null);

export const RulesServicesProvider = ({ services, children }: { services: RulesServices; children: ReactNode }) => (
  <RulesServicesContext.Provider value={services}>{children}</RulesServicesContext.Provider>
);

export const useRulesServices = (): RulesServices => {
  const services = useContext(RulesServicesContext);
  if (!services) throw new Error('useRulesServices() needs a <RulesServicesProvider> above it');
  return services;
};

/** The server's own message when there is one (Kibana's error body), else the error's. */
export const errorMessage = (error: unknown): string =>
  (error as { body?: { message?: string } })?.body?.message ?? (error instanceof Error ? error.message : String(error));

/** Loads once per `load` identity (wrap it in useCallback) and drops answers that arrive too late. */
export const useLoad = <T,>(load: () => Promise<T>) => {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
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
