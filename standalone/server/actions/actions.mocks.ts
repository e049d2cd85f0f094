/* Fixtures for the actions tests: a system action type like the plugin's `.workflows`, and a tiny plugin registering it. */
import { schema } from '@kbn/config-schema';
import type { Plugin } from '@kbn/core/server';
import type { ActionType, PluginSetupContract, PluginStartContract } from '@kbn/actions-plugin/server';
import type { PluginModule } from '../plugin_host';

const empty = { schema: schema.object({}) };

export function systemType(overrides: Partial<ActionType> = {}): ActionType {
  return {
    id: '.workflows',
    name: 'Workflows',
    minimumLicenseRequired: 'gold',
    supportedFeatureIds: ['alerting', 'siem'],
    isSystemActionType: true,
    validate: { params: { schema: schema.object({ workflowId: schema.string({ minLength: 1 }) }) }, config: empty, secrets: empty },
    executor: async ({ actionId, params }) => ({ actionId, status: 'ok', data: { ran: params.workflowId } }),
    ...overrides,
  };
}

export interface ActionsProbe {
  actions?: PluginStartContract;
}

/** A plugin that registers the system type and hands its actions start contract to the test. */
export function createActionsProbePlugin(probe: ActionsProbe): PluginModule {
  class ProbePlugin implements Plugin<void, void, { actions: PluginSetupContract }, { actions: PluginStartContract }> {
    setup(_core: unknown, { actions }: { actions: PluginSetupContract }) {
      actions.registerType(systemType());
    }
    start(_core: unknown, { actions }: { actions: PluginStartContract }) {
      probe.actions = actions;
    }
  }
  return { config: { schema: schema.object({}, { unknowns: 'allow' }) }, plugin: async () => new ProbePlugin() };
}
