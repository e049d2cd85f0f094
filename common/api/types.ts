/** Request and response shapes of the workflows API, shared by the server, the browser and the CLI. */

export const EXECUTION_STATUSES = [
  'pending',
  'running',
  'waiting',
  'waiting_for_input',
  'completed',
  'failed',
  'cancelled',
  'timed_out',
  'skipped',
] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

export const TERMINAL_STATUSES: ReadonlySet<ExecutionStatus> = new Set(['completed', 'failed', 'cancelled', 'timed_out', 'skipped']);
export const isTerminalStatus = (status: ExecutionStatus): boolean => TERMINAL_STATUSES.has(status);

/** Where a problem sits in the YAML source (1-based). */
export interface SourcePosition {
  line: number;
  column: number;
}

export interface ValidationFinding extends SourcePosition {
  code: string;
  message: string;
  severity: 'error' | 'warning';
  /** Dotted path of the field in the workflow, e.g. `steps.2.with.message`. */
  path?: string;
}

export interface ExecutionError {
  message: string;
  type?: string;
  /** Facts for retry conditions and readers, e.g. `{ statusCode: 503, body: '...' }`. */
  details?: Record<string, unknown>;
}

/** In a dry run: what a step would have sent, instead of sending it. */
export interface ProposedEffectDto {
  kind: string;
  summary: string;
  request: unknown;
}

export interface StepExecutionDto {
  id: string;
  /** The step's `name`. */
  name: string;
  type: string;
  /** Unique path of this step occurrence, e.g. `loop[2]>print`. */
  path: string;
  status: ExecutionStatus;
  input: unknown;
  output: unknown;
  error?: ExecutionError;
  attempt: number;
  startedAt: string | null;
  finishedAt: string | null;
  effects?: ProposedEffectDto[];
}

export interface ExecutionDto {
  id: string;
  workflowId: string;
  workflowName?: string;
  workflowRevision?: number;
  status: ExecutionStatus;
  error?: ExecutionError;
  isTestRun: boolean;
  dryRun?: boolean;
  triggeredBy: string;
  startedAt: string | null;
  finishedAt: string | null;
  output?: Record<string, unknown>;
  parentExecutionId?: string;
  steps: StepExecutionDto[];
}

export type ExecutionSummaryDto = Omit<ExecutionDto, 'steps'>;

export interface WorkflowDto {
  id: string;
  name: string;
  description: string;
  tags: string[];
  enabled: boolean;
  yaml: string;
  valid: boolean;
  validationErrors: ValidationFinding[];
  triggerTypes: string[];
  revision: number;
  spaceId: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  lastExecution?: { id: string; status: ExecutionStatus; startedAt: string | null; finishedAt: string | null };
  /** When a scheduled workflow runs next. */
  nextRunAt?: string;
}

export interface CreateWorkflowRequest {
  yaml: string;
}

export interface UpdateWorkflowRequest {
  yaml?: string;
  enabled?: boolean;
}

export interface SearchWorkflowsRequest {
  query?: string;
  enabled?: boolean;
  tags?: string[];
  page?: number;
  size?: number;
}

export interface SearchWorkflowsResponse {
  results: WorkflowDto[];
  total: number;
  page: number;
  size: number;
}

export interface RunWorkflowRequest {
  inputs?: Record<string, unknown>;
  /** Nothing leaves the process: side-effecting steps record proposed effects instead. */
  dryRun?: boolean;
}

export interface TestWorkflowRequest {
  yaml: string;
  inputs?: Record<string, unknown>;
  event?: Record<string, unknown>;
  dryRun?: boolean;
  /** Files the test run under this saved workflow. */
  workflowId?: string;
}

export interface ResumeExecutionRequest {
  input?: unknown;
}

export interface ExecutionLogDto {
  stepPath?: string;
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  timestamp: string;
}

export interface RunWorkflowResponse {
  workflowExecutionId: string;
}

export interface ListExecutionsResponse {
  results: ExecutionSummaryDto[];
  total: number;
}

/** Kibana's error body shape. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  attributes?: Record<string, unknown>;
}
