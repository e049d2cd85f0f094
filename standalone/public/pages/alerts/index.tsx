import type { CoreSetup } from '@kbn/core/public';
import type { HostPagesStartDeps } from '../host_pages_plugin';

export const ALERTS_APP_ID = 'alerts';

export const registerAlertsApp = (core: CoreSetup<HostPagesStartDeps>) =>
  core.application.register({
    id: ALERTS_APP_ID,
    title: 'Alerts',
    euiIconType: 'bell',
    order: 20,
    mount: async ({ element }) => {
      const [coreStart, { uiActions }] = await core.getStartServices();
      const [{ renderPage }, { AlertsPage }] = await Promise.all([import('../render_page'), import('./alerts_page')]);
      return renderPage(coreStart, element, <AlertsPage core={coreStart} uiActions={uiActions} />);
    },
  });
