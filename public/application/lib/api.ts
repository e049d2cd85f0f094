import type { HttpStart } from '@kbn/core/public';
import {
  EXECUTION_API,
  EXECUTION_CANCEL_API,
  EXECUTION_LOGS_API,
  EXECUTION_RESUME_API,
  WORKFLOWS_API,
  WORKFLOWS_SEARCH_API,
  WORKFLOW_API,
  WORKFLOW_EXECUTIONS_API,
  WORKFLOW_JSON_SCHEMA_API,
  WORKFLOW_RUN_API,
  WORKFLOW_TEST_API,
  withParams,
  type ExecutionDto,
  type ExecutionLogDto,
  type ListExecutionsResponse,
  type RunWorkflowRequest,
  type RunWorkflowResponse,
  type SearchWorkflowsRequest,
  type SearchWorkflowsResponse,
  type TestWorkflowRequest,
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

  runWorkflow(id: string, request: RunWorkflowRequest = {}): Promise<RunWorkflowResponse> {
    return this.http.post<RunWorkflowResponse>(withParams(WORKFLOW_RUN_API, { id }), { body: JSON.stringify(request) });
  }

  /** Runs YAML that need not be saved; the run is flagged as a test run. */
  testWorkflow(request: TestWorkflowRequest): Promise<RunWorkflowResponse> {
    return this.http.post<RunWorkflowResponse>(WORKFLOW_TEST_API, { body: JSON.stringify(request) });
  }

  listExecutions(workflowId: string): Promise<ListExecutionsResponse> {
    return this.http.get<ListExecutionsResponse>(withParams(WORKFLOW_EXECUTIONS_API, { id: workflowId }));
  }

  getExecution(executionId: string): Promise<ExecutionDto> {
    return this.http.get<ExecutionDto>(withParams(EXECUTION_API, { executionId }));
  }

  cancelExecution(executionId: string): Promise<void> {
    return this.http.post<void>(withParams(EXECUTION_CANCEL_API, { executionId }));
  }

  /** Answers the `waitForInput` / `waitForApproval` step a run is parked on. */
  resumeExecution(executionId: string, input: unknown): Promise<void> {
    return this.http.post<void>(withParams(EXECUTION_RESUME_API, { executionId }), { body: JSON.stringify({ input }) });
  }

  async getExecutionLogs(executionId: string): Promise<ExecutionLogDto[]> {
    const { results } = await this.http.get<{ results: ExecutionLogDto[] }>(withParams(EXECUTION_LOGS_API, { executionId }));
    return results;
  }

  getWorkflowJsonSchema(): Promise<Record<string, unknown>> {
    return this.http.get<Record<string, unknown>>(WORKFLOW_JSON_SCHEMA_API);
  }
}
