/*
 * The host's `triggersActionsUi` plugin: the registries connector and rule type models are registered
 * into at setup and read from at start (by the host's Rules page). As in Kibana, setup and start hand
 * out the same registries.
 */
import type {
  ActionTypeModel,
  RuleTypeModel,
  TriggersAndActionsUIPublicPluginSetup,
  TriggersAndActionsUIPublicPluginStart,
} from '@kbn/triggers-actions-ui-plugin/public';
import { TypeRegistry } from './type_registry';

export { TypeRegistry };

export interface TriggersActionsUiContracts {
  setup: TriggersAndActionsUIPublicPluginSetup;
  start: TriggersAndActionsUIPublicPluginStart;
}

export const createTriggersActionsUi = (): TriggersActionsUiContracts => {
  const registries = { actionTypeRegistry: new TypeRegistry<ActionTypeModel>(), ruleTypeRegistry: new TypeRegistry<RuleTypeModel>() };
  return { setup: registries, start: registries };
};
