/** HTTP paths of the workflows API (the same paths as Elastic Workflows). */
export const WORKFLOWS_API = '/api/workflows';
export const WORKFLOWS_SEARCH_API = '/api/workflows/search';
export const WORKFLOW_API = '/api/workflows/{id}';
export const WORKFLOW_RUN_API = '/api/workflows/{id}/run';
export const WORKFLOW_EXECUTIONS_API = '/api/workflows/{id}/executions';
export const WORKFLOW_JSON_SCHEMA_API = '/api/workflows/workflow-json-schema';
export const EXECUTION_API = '/api/workflows-executions/{executionId}';
export const EXECUTION_CANCEL_API = '/api/workflows-executions/{executionId}/cancel';
export const EXECUTION_RESUME_API = '/api/workflows-executions/{executionId}/resume';
export const EXECUTION_LOGS_API = '/api/workflows-executions/{executionId}/logs';
export const WORKFLOW_TEST_API = '/api/workflows/test';

export const PLUGIN_ID = 'workflows';
export const PLUGIN_NAME = 'Workflows';
export const APP_PATH = `/app/${PLUGIN_ID}`;

/** Kibana feature privileges required by the routes (`api:<name>`). */
export const API_PRIVILEGES = {
  read: 'workflows_read',
  all: 'workflows_all',
} as const;

export const withParams = (path: string, params: Record<string, string>): string =>
  path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
