/*
 * The host's Rules page (`/app/rules`): rules of the host's alerting, with the Actions section
 * rendering the action type models plugins registered with triggersActionsUi, as Kibana's rule
 * form does.
 */
import type { ApplicationSetup, HttpStart, IToasts } from '@kbn/core/public';
import type { TriggersAndActionsUIPublicPluginStart } from '@kbn/triggers-actions-ui-plugin/public';

export interface RulesAppDeps {
  http: HttpStart;
  toasts: IToasts;
  triggersActionsUi: TriggersAndActionsUIPublicPluginStart;
}

export const RULES_APP_ID = 'rules';

export const registerRulesApp = (application: ApplicationSetup, deps: RulesAppDeps) =>
  application.register({
    id: RULES_APP_ID,
    title: 'Rules',
    euiIconType: 'bell',
    // After the plugin's own app, which stays the landing page.
    order: 10,
    mount: async (params) => (await import('./rules_app')).renderRulesApp(params, deps),
  });
