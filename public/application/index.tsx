import { createRoot } from 'react-dom/client';
import type { AppMountParameters, CoreStart } from '@kbn/core/public';
import { WorkflowsApp } from './app';
import { WorkflowsApi } from './lib/api';
import { ServicesProvider } from './services';

export const renderApp = (coreStart: CoreStart, { element, history, onAppLeave }: AppMountParameters) => {
  const services = {
    api: new WorkflowsApi(coreStart.http),
    http: coreStart.http,
    notifications: coreStart.notifications,
    history,
    onAppLeave,
  };
  const root = createRoot(element);
  root.render(
    coreStart.rendering.addContext(
      <ServicesProvider services={services}>
        <WorkflowsApp />
      </ServicesProvider>,
    ),
  );
  return () => root.unmount();
};
