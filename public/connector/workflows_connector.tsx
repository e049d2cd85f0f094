import { lazy } from 'react';
import type { ActionParamsProps, ActionTypeModel, GenericValidationResult } from '@kbn/triggers-actions-ui-plugin/public';
import { EnabledWorkflows } from './enabled_workflows';
import { ACTION_TYPE_TITLE, SELECT_MESSAGE, WORKFLOW_ID_REQUIRED, WORKFLOW_UNAVAILABLE } from './translations';
import type { WorkflowsActionParams, WorkflowsConnectorServices } from './types';

export const WORKFLOWS_CONNECTOR_ID = '.workflows';

export interface WorkflowsConnectorDeps {
  /**
   * Resolves once core has started. The model is registered at setup, when `application` does not
   * exist yet; the form and the validation only run later, inside a started app.
   */
  getServices(): Promise<WorkflowsConnectorServices>;
}

export type WorkflowsConnectorType = ActionTypeModel<Record<string, never>, Record<string, never>, WorkflowsActionParams>;

/**
 * Fails when no workflow is chosen, and when the chosen one is disabled or deleted: such an action
 * would fail on every rule run. When the list cannot be loaded the check is skipped: the action
 * still reports the problem at run time, and a flaky request must not block editing a rule.
 */
const validateWorkflowsParams = async (
  enabledWorkflows: EnabledWorkflows,
  params: Partial<WorkflowsActionParams>,
): Promise<GenericValidationResult<unknown>> => {
  const workflowIdErrors: string[] = [];
  const workflowId = params.subActionParams?.workflowId?.trim() ?? '';
  if (!workflowId) {
    workflowIdErrors.push(WORKFLOW_ID_REQUIRED);
  } else if ((await enabledWorkflows.isAvailable(workflowId).catch(() => true)) === false) {
    workflowIdErrors.push(WORKFLOW_UNAVAILABLE);
  }
  return { errors: { 'subActionParams.workflowId': workflowIdErrors } };
};

/** The `.workflows` system action as the rule form shows it: pick an enabled workflow to run. */
export const getWorkflowsConnectorType = ({ getServices }: WorkflowsConnectorDeps): WorkflowsConnectorType => {
  const enabledWorkflows = new EnabledWorkflows(async () => (await getServices()).http);
  return {
    id: WORKFLOWS_CONNECTOR_ID,
    iconClass: 'workflowsApp',
    selectMessage: SELECT_MESSAGE,
    actionTypeTitle: ACTION_TYPE_TITLE,
    isSystemActionType: true,
    validateParams: (params) => validateWorkflowsParams(enabledWorkflows, params),
    actionConnectorFields: null,
    defaultActionParams: { subAction: 'run', subActionParams: { workflowId: '', summaryMode: true } },
    actionParamsFields: lazy(async () => {
      const [{ default: WorkflowsParamsFields }, services] = await Promise.all([import('./workflows_params'), getServices()]);
      // Binds what Kibana's own connector takes from `useKibana()`.
      const BoundWorkflowsParamsFields = (props: ActionParamsProps<WorkflowsActionParams>) => (
        <WorkflowsParamsFields {...props} services={services} enabledWorkflows={enabledWorkflows} />
      );
      return { default: BoundWorkflowsParamsFields };
    }),
  };
};
