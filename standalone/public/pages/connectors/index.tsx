import type { CoreSetup } from '@kbn/core/public';
import type { HostPagesStartDeps } from '../host_pages_plugin';

export const CONNECTORS_APP_ID = 'connectors';

export const registerConnectorsApp = (core: CoreSetup<HostPagesStartDeps>) =>
  core.application.register({
    id: CONNECTORS_APP_ID,
    title: 'Connectors',
    euiIconType: 'plugs',
    order: 40,
    mount: async ({ element }) => {
      const [coreStart] = await core.getStartServices();
      const [{ renderPage }, { ConnectorsPage }] = await Promise.all([import('../render_page'), import('./connectors_page')]);
      return renderPage(coreStart, element, <ConnectorsPage core={coreStart} />);
    },
  });
