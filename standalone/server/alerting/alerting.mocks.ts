/*
 * A tiny plugin for the alerting tests: a system action type with a connector adapter (shaped
 * like `.workflows`) and a plain connector type, both recording what they were run with.
 */
import { schema } from '@kbn/config-schema';
import type { PluginSetupContract as ActionsSetup } from '@kbn/actions-plugin/server';
import type { AlertingServerSetup } from '@kbn/alerting-plugin/server';
import type { CoreStart, KibanaRequest, Plugin } from '@kbn/core/server';
import type { PluginModule } from '../plugin_host';

export const TEST_SYSTEM_TYPE = '.test-system';
export const TEST_SYSTEM_CONNECTOR = `system-connector-${TEST_SYSTEM_TYPE}`;
export const TEST_RECORD_TYPE = '.test-record';

export interface RecordedExecution {
  actionTypeId: string;
  actionId: string;
  params: Record<string, unknown>;
  user: string | null;
}

export interface AlertingProbe {
  executions: RecordedExecution[];
}

export const newAlertingProbe = (): AlertingProbe => ({ executions: [] });

const empty = { schema: schema.object({}) };
const anyParams = { schema: schema.recordOf(schema.string(), schema.any()) };

export function createAlertingTestPlugin(probe: AlertingProbe): PluginModule {
  class AlertingTestPlugin implements Plugin<void, void, { actions: ActionsSetup; alerting: AlertingServerSetup }, object> {
    private core?: CoreStart;

    setup(_core: unknown, { actions, alerting }: { actions: ActionsSetup; alerting: AlertingServerSetup }) {
      const record = (actionTypeId: string, actionId: string, params: Record<string, unknown>, request?: KibanaRequest) =>
        probe.executions.push({ actionTypeId, actionId, params, user: request ? (this.core!.security.authc.getCurrentUser(request)?.username ?? null) : null });

      actions.registerType({
        id: TEST_SYSTEM_TYPE,
        name: 'Test system action',
        minimumLicenseRequired: 'gold',
        supportedFeatureIds: ['alerting', 'siem'],
        isSystemActionType: true,
        validate: { params: anyParams, config: empty, secrets: empty },
        executor: async ({ actionId, params, request }) => {
          record(TEST_SYSTEM_TYPE, actionId, params, request);
          if (params.tag === 'fail') return { actionId, status: 'error', message: 'error running the test action', serviceMessage: 'the tag says fail' };
          return { actionId, status: 'ok', data: { received: (params.alerts as unknown[]).length } };
        },
      });
      actions.registerType({
        id: TEST_RECORD_TYPE,
        name: 'Test recorder',
        minimumLicenseRequired: 'basic',
        supportedFeatureIds: ['alerting'],
        validate: { params: anyParams, config: empty, secrets: empty },
        executor: async ({ actionId, params, request }) => {
          record(TEST_RECORD_TYPE, actionId, params, request);
          return { actionId, status: 'ok' };
        },
      });
      alerting.registerConnectorAdapter<{ tag: string }>({
        connectorTypeId: TEST_SYSTEM_TYPE,
        ruleActionParamsSchema: schema.object({ tag: schema.string() }),
        buildActionParams: ({ alerts, rule, params, spaceId, ruleUrl }) => ({ tag: params.tag, alerts: alerts.new.data, all: alerts.all.count, rule, spaceId, ruleUrl }),
      });
    }

    start(core: CoreStart) {
      this.core = core;
    }
  }
  return { config: { schema: schema.object({}, { unknowns: 'allow' }) }, plugin: async () => new AlertingTestPlugin() };
}
