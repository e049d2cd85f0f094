/**
 * Turns what a rule produced into the `.workflows` executor params (Kibana's connector adapter
 * for system actions): the alerts become `inputs.event`, as Elastic's own connector builds it.
 */
import type { ConnectorAdapter } from '@kbn/alerting-plugin/server';
import { buildAlertEvent } from '../alerts/alert_event';
import { RuleActionParamsSchema, type ExecutorParams, type RuleActionParams } from './schema';
import { WORKFLOWS_ACTION_TYPE_ID } from './workflows_action_type';

export const workflowsConnectorAdapter: ConnectorAdapter<RuleActionParams, ExecutorParams> = {
  connectorTypeId: WORKFLOWS_ACTION_TYPE_ID,
  ruleActionParamsSchema: RuleActionParamsSchema,
  buildActionParams({ alerts, rule, ruleUrl, spaceId, params }) {
    const { workflowId, inputs = {}, summaryMode = true, alertStates } = params.subActionParams;
    // Which alert states start runs: new ones by default, as Elastic's form preselects.
    const states = alertStates ?? { new: true, ongoing: false, recovered: false };
    const chosen = [...(states.new ? alerts.new.data : []), ...(states.ongoing ? alerts.ongoing.data : []), ...(states.recovered ? alerts.recovered.data : [])];
    const event = buildAlertEvent({ alerts: chosen, rule, ruleUrl, spaceId, params: { workflowId, summaryMode } });
    return {
      subAction: 'run',
      subActionParams: { workflowId, inputs: { ...inputs, event }, summaryMode, spaceId, ...(alertStates ? { alertStates } : {}) },
    };
  },
};
