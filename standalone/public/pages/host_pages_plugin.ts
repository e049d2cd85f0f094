/*
 * The host's own pages (Rules, Alerts, Cases, Connectors) as a small browser plugin: they register apps and
 * get core and plugin contracts exactly as the workflows plugin does, so the chrome lists and routes
 * them like any Kibana app.
 */
import type { CoreSetup, Plugin } from '@kbn/core/public';
import type { TriggersAndActionsUIPublicPluginStart } from '@kbn/triggers-actions-ui-plugin/public';
import type { UiActionsStart } from '@kbn/ui-actions-plugin/public';
import { registerAlertsApp } from './alerts';
import { registerCasesApp } from './cases';
import { registerConnectorsApp } from './connectors';
import { registerRulesApp } from './rules';

export interface HostPagesStartDeps {
  uiActions: UiActionsStart;
  triggersActionsUi: TriggersAndActionsUIPublicPluginStart;
}

export class HostPagesPlugin implements Plugin<void, void, object, HostPagesStartDeps> {
  setup(core: CoreSetup<HostPagesStartDeps>): void {
    registerRulesApp(core);
    registerAlertsApp(core);
    registerCasesApp(core);
    registerConnectorsApp(core);
  }

  start(): void {}
}
