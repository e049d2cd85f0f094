import type { HttpStart } from '@kbn/core/public';
import {
  EXECUTION_API,
  WORKFLOWS_API,
  WORKFLOWS_SEARCH_API,
  WORKFLOW_API,
  WORKFLOW_EXECUTIONS_API,
  WORKFLOW_JSON_SCHEMA_API,
  WORKFLOW_RUN_API,
  withParams,
  type ExecutionDto,
  type ListExecutionsResponse,
  type RunWorkflowResponse,
  type SearchWorkflowsRequest,
  type SearchWorkflowsResponse,
  type UpdateWorkflowRequest,
  type WorkflowDto,
} from '../../../common/api';

/** The workflows HTTP API as the app uses it; one method per route. */
export class WorkflowsApi {
  constructor(private readonly http: HttpStart) {}

  searchWorkflows(request: SearchWorkflowsRequest): Promise<SearchWorkflowsResponse> {
    return this.http.post<SearchWorkflowsResponse>(WORKFLOWS_SEARCH_API, { body: JSON.stringify(request) });
  }

  getWorkflow(id: string): Promise<WorkflowDto> {
    return this.http.get<WorkflowDto>(withParams(WORKFLOW_API, { id }));
  }

  createWorkflow(yaml: string): Promise<WorkflowDto> {
    return this.http.post<WorkflowDto>(WORKFLOWS_API, { body: JSON.stringify({ yaml }) });
  }

  updateWorkflow(id: string, update: UpdateWorkflowRequest): Promise<WorkflowDto> {
    return this.http.put<WorkflowDto>(withParams(WORKFLOW_API, { id }), { body: JSON.stringify(update) });
  }

  deleteWorkflow(id: string): Promise<void> {
    return this.http.delete<void>(withParams(WORKFLOW_API, { id }));
  }

  runWorkflow(id: string, inputs?: Record<string, unknown>): Promise<RunWorkflowResponse> {
    return this.http.post<RunWorkflowResponse>(withParams(WORKFLOW_RUN_API, { id }), { body: JSON.stringify(inputs ? { inputs } : {}) });
  }

  listExecutions(workflowId: string): Promise<ListExecutionsResponse> {
    return this.http.get<ListExecutionsResponse>(withParams(WORKFLOW_EXECUTIONS_API, { id: workflowId }));
  }

  getExecution(executionId: string): Promise<ExecutionDto> {
    return this.http.get<ExecutionDto>(withParams(EXECUTION_API, { executionId }));
  }

  getWorkflowJsonSchema(): Promise<Record<string, unknown>> {
    return this.http.get<Record<string, unknown>>(WORKFLOW_JSON_SCHEMA_API);
  }
}
