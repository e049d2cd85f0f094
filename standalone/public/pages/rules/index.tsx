/*
 * The host's Rules page (`/app/rules`): rules of the host's alerting, with the Actions section
 * rendering the action type models plugins registered with triggersActionsUi, as Kibana's rule
 * form does.
 */
import type { CoreSetup } from '@kbn/core/public';
import type { HostPagesStartDeps } from '../host_pages_plugin';

export const RULES_APP_ID = 'rules';

export const registerRulesApp = (core: CoreSetup<HostPagesStartDeps>) =>
  core.application.register({
    id: RULES_APP_ID,
    title: 'Rules',
    euiIconType: 'watchesApp',
    order: 10,
    mount: async ({ element, history }) => {
      const [coreStart, { triggersActionsUi }] = await core.getStartServices();
      const [{ renderPage }, { RulesApp }] = await Promise.all([import('../render_page'), import('./rules_app')]);
      return renderPage(
        coreStart,
        element,
        <RulesApp http={coreStart.http} toasts={coreStart.notifications.toasts} history={history} triggersActionsUi={triggersActionsUi} />,
      );
    },
  });
