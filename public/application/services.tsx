import { createContext, useContext, type ReactNode } from 'react';
import type { AppMountParameters, HttpStart, NotificationsStart, ScopedHistory } from '@kbn/core/public';
import type { WorkflowsApi } from './lib/api';

export interface WorkflowsServices {
  api: WorkflowsApi;
  http: HttpStart;
  notifications: NotificationsStart;
  history: ScopedHistory;
  onAppLeave: AppMountParameters['onAppLeave'];
}

const ServicesContext = createContext<WorkflowsServices | null>(null);

export const ServicesProvider = ({ services, children }: { services: WorkflowsServices; children: ReactNode }) => (
  <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
);

export const useServices = (): WorkflowsServices => {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() needs a <ServicesProvider> above it');
  return services;
};
