export {
  RUN_WORKFLOW_ON_ALERT_ACTION,
  RUN_WORKFLOW_ON_ALERT_TRIGGERS,
  createRunWorkflowAction,
  registerRunWorkflowAction,
} from './run_workflow_action';
export type { RunWorkflowActionDeps } from './run_workflow_action';
