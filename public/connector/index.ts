export { getWorkflowsConnectorType, WORKFLOWS_CONNECTOR_ID, type WorkflowsConnectorDeps, type WorkflowsConnectorType } from './workflows_connector';
export type { WorkflowsActionParams, WorkflowsSubActionParams, WorkflowsConnectorServices } from './types';
