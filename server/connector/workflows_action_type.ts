/**
 * The "Workflows" system action type (`.workflows`) for stack rules and security detection rules.
 * It only schedules runs (through Task Manager) and returns at once: a slow workflow never
 * delays the rule. A disabled or deleted workflow makes the action fail with its name.
 */
import type { ActionType } from '@kbn/actions-plugin/server';
import { AlertingConnectorFeatureId, SecurityConnectorFeatureId } from '@kbn/actions-plugin/server';
import type { AlertEvent } from '../alerts/alert_event';
import type { AlertRunResult, AlertRunRequest } from '../alerts/alert_runs';
import { EmptySchema, ExecutorParamsSchema, type ExecutorParams } from './schema';

export const WORKFLOWS_ACTION_TYPE_ID = '.workflows';
export const WORKFLOWS_SYSTEM_CONNECTOR_ID = `system-connector-${WORKFLOWS_ACTION_TYPE_ID}`;

export interface WorkflowsActionData {
  workflowRunIds: string[];
  skippedAlerts: number;
}

export function workflowsActionType(startAlertRuns: (job: AlertRunRequest) => Promise<AlertRunResult>): ActionType<{}, {}, ExecutorParams, WorkflowsActionData> {
  return {
    id: WORKFLOWS_ACTION_TYPE_ID,
    name: 'Workflows',
    minimumLicenseRequired: 'gold',
    supportedFeatureIds: [AlertingConnectorFeatureId, SecurityConnectorFeatureId],
    isSystemActionType: true,
    validate: {
      config: { schema: EmptySchema },
      secrets: { schema: EmptySchema },
      params: { schema: ExecutorParamsSchema },
    },
    async executor({ actionId, params, request }) {
      if (params.subAction !== 'run') {
        throw new Error(`[WorkflowsConnector][Action][ExternalService] Unsupported subAction type ${params.subAction}.`);
      }
      const { workflowId, inputs = {}, summaryMode, spaceId } = params.subActionParams;
      const { event, ...otherInputs } = inputs as { event?: AlertEvent };
      if (!event?.alerts?.length) return { status: 'ok', actionId, data: { workflowRunIds: [], skippedAlerts: 0 } };
      try {
        const result = await startAlertRuns({ spaceId, workflowId, event, inputs: otherInputs, summaryMode, request });
        return { status: 'ok', actionId, data: { workflowRunIds: result.workflowRunIds, skippedAlerts: result.skippedAlerts } };
      } catch (error) {
        return {
          status: 'error',
          actionId,
          errorSource: 'user',
          message: `Workflows action failed: ${(error as Error).message}`,
          retry: false,
        };
      }
    },
  };
}
