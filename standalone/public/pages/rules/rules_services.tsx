import { createContext, useContext, type ReactNode } from 'react';
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
