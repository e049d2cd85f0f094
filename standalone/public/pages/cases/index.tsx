import type { CoreSetup } from '@kbn/core/public';
import type { HostPagesStartDeps } from '../host_pages_plugin';

export const CASES_APP_ID = 'cases';

export const registerCasesApp = (core: CoreSetup<HostPagesStartDeps>) =>
  core.application.register({
    id: CASES_APP_ID,
    title: 'Cases',
    euiIconType: 'casesApp',
    order: 30,
    mount: async ({ element, history }) => {
      const [coreStart] = await core.getStartServices();
      const [{ renderPage }, { CasesApp }] = await Promise.all([import('../render_page'), import('./cases_app')]);
      return renderPage(coreStart, element, <CasesApp http={coreStart.http} history={history} />);
    },
  });
