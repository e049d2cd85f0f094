/**
 * The storage contract of the plugin. Two implementations pass one contract suite
 * (`store_contract.ts`): SQLite (the standalone host) and, later, Elasticsearch (inside Kibana).
 * Nothing here knows how records are stored; every read and write is scoped by `spaceId`.
 */
import type { ExecutionError, ExecutionStatus, ValidationFinding } from '../../common/api';

export interface WorkflowRecord {
  id: string;
  spaceId: string;
  name: string;
  description: string;
  tags: string[];
  enabled: boolean;
  yaml: string;
  valid: boolean;
  validationErrors: ValidationFinding[];
  triggerTypes: string[];
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** A previous revision of a workflow, kept on every save. */
export interface WorkflowVersionRecord {
  workflowId: string;
  spaceId: string;
  revision: number;
  yaml: string;
  savedAt: string;
  savedBy: string;
}

export type WorkflowPatch = Partial<
  Pick<WorkflowRecord, 'name' | 'description' | 'tags' | 'enabled' | 'yaml' | 'valid' | 'validationErrors' | 'triggerTypes'>
> & { updatedBy: string };

export interface WorkflowSearchQuery {
  spaceId: string;
  /** Free text matched against name, description and tags (case-insensitive substring). */
  query?: string;
  enabled?: boolean;
  /** A workflow matches when it carries every listed tag. */
  tags?: string[];
  /** 1-based. */
  page: number;
  size: number;
}

export interface ExecutionRecord {
  id: string;
  spaceId: string;
  workflowId: string;
  workflowName: string;
  workflowRevision: number;
  /** The YAML that this run executes (a later save never changes a running execution). */
  yaml: string;
  status: ExecutionStatus;
  error?: ExecutionError;
  isTestRun: boolean;
  triggeredBy: string;
  inputs: Record<string, unknown>;
  event?: Record<string, unknown>;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** When a parked run (a long `wait`) should continue. */
  resumeAt?: string | null;
  /** What `workflow.output` steps set: the run's result, and a parent run's step output. */
  output?: Record<string, unknown> | null;
  /** The run that started this one with `workflow.execute(Async)`. */
  parentExecutionId?: string | null;
  /** Nothing leaves the process: side-effecting steps record proposed effects instead. */
  dryRun?: boolean;
  /** Rendered `settings.concurrency.key`: runs sharing it share the concurrency limit. */
  concurrencyKey?: string | null;
  /** Waiting for a concurrency slot: no runner may pick it up yet. */
  queued?: boolean;
  /**
   * Who may pick the run up after it left the process that started it (a park, a crash): the
   * runner task of this key, which carries the credentials of the user the run acts for.
   * Absent for runs that act for no user.
   */
  runnerKey?: string;
  /** The node running it right now, and until when that claim holds unless renewed. */
  leaseOwner?: string | null;
  leaseExpiresAt?: string | null;
}

/** A node's claim on a run: `owner` runs it until `until`; `now` decides whether an older claim ran out. */
export interface ExecutionLease {
  owner: string;
  until: string;
  now: string;
}

/** What a runner asks for: runs of `runnerKey` that are due now and nobody holds. */
export interface DueExecutionsQuery {
  runnerKey: string | undefined;
  now: string;
  /** Runs still `pending` count only when created before this (younger ones are being started in-process). */
  pendingCreatedBefore: string;
  /** Parked runs count when they resume by then (at or after `now`): the runner times them. */
  resumeBy: string;
  limit: number;
}

export interface DueExecution {
  spaceId: string;
  id: string;
  /** Set for a parked run: when it resumes. */
  resumeAt?: string;
}

export type ExecutionPatch = Partial<
  Pick<ExecutionRecord, 'status' | 'error' | 'startedAt' | 'finishedAt' | 'resumeAt' | 'output' | 'queued' | 'leaseOwner' | 'leaseExpiresAt'>
>;

export interface ExecutionSearchQuery {
  spaceId: string;
  workflowId?: string;
  statuses?: ExecutionStatus[];
  concurrencyKey?: string;
  queued?: boolean;
  parentExecutionId?: string;
  /** Oldest first instead of newest first (queues). */
  oldestFirst?: boolean;
  page: number;
  size: number;
}

export interface StepExecutionRecord {
  id: string;
  spaceId: string;
  executionId: string;
  /** Order in which the step occurrence started inside its execution (0-based). */
  sequence: number;
  stepName: string;
  stepType: string;
  /** Unique within the execution: the step name plus the loop iterations around it. */
  path: string;
  status: ExecutionStatus;
  input: unknown;
  output: unknown;
  error?: ExecutionError;
  attempt: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** Free-form data a step kind keeps to resume (e.g. a wait's due time). */
  state?: Record<string, unknown>;
  /** In a dry run: what the step would have sent (rendered requests), instead of sending it. */
  effects?: ProposedEffect[];
}

export interface ProposedEffect {
  /** What kind of side effect: `http`, `connector`, `case`, `alert`, `elasticsearch`, `workflow`. */
  kind: string;
  /** One line for people, e.g. `POST https://hooks.slack.com/...` or `Create case "Malware on web-1"`. */
  summary: string;
  /** The rendered request that would have been sent (secrets are never part of it). */
  request: unknown;
}

export interface ExecutionLogRecord {
  spaceId: string;
  executionId: string;
  stepPath?: string;
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  timestamp: string;
}

export interface Page<T> {
  results: T[];
  total: number;
}

export interface WorkflowStore {
  createWorkflow(record: WorkflowRecord): Promise<WorkflowRecord>;
  getWorkflow(spaceId: string, id: string): Promise<WorkflowRecord | undefined>;
  /**
   * Applies `patch`, bumps `revision` and keeps the previous YAML as a version.
   * Throws `ConflictError` when `expectedRevision` is given and differs from the stored one.
   */
  updateWorkflow(spaceId: string, id: string, patch: WorkflowPatch, expectedRevision?: number): Promise<WorkflowRecord | undefined>;
  /** Deletes the workflow and its versions; its executions stay readable. Returns false when missing. */
  deleteWorkflow(spaceId: string, id: string): Promise<boolean>;
  searchWorkflows(query: WorkflowSearchQuery): Promise<Page<WorkflowRecord>>;
  listWorkflowVersions(spaceId: string, id: string): Promise<WorkflowVersionRecord[]>;

  createExecution(record: ExecutionRecord): Promise<ExecutionRecord>;
  getExecution(spaceId: string, id: string): Promise<ExecutionRecord | undefined>;
  /**
   * Applies `patch`. With `fromStatuses`, only when the stored status is one of them (a run that
   * finishes after it was cancelled stays cancelled); returns undefined when nothing was updated.
   */
  updateExecution(spaceId: string, id: string, patch: ExecutionPatch, fromStatuses?: ExecutionStatus[]): Promise<ExecutionRecord | undefined>;
  /**
   * Takes a run for a node: when it is unfinished, not queued, and unclaimed (or its claim ran
   * out; a live claim is refused even to its own owner), sets it `running` under the lease, with `startedAt` kept or set to
   * `now`. Returns the claimed run, or undefined when another node holds it or it has ended.
   */
  claimExecution(spaceId: string, id: string, lease: ExecutionLease): Promise<ExecutionRecord | undefined>;
  /** Extends every lease `owner` holds on running runs to `until` (or ends them, with a past time). */
  renewLeases(owner: string, until: string): Promise<void>;
  /**
   * Unclaimed runs of a runner key that are due, oldest first: `pending` ones, parked ones whose
   * `resumeAt` comes by `resumeBy`, and `running` ones whose lease ran out (their node died). Any space.
   */
  dueExecutions(query: DueExecutionsQuery): Promise<DueExecution[]>;
  /** The current status of each listed run that exists (any spaces). */
  statusesOf(runs: Array<{ spaceId: string; id: string }>): Promise<Array<{ spaceId: string; id: string; status: ExecutionStatus }>>;
  /** The runner keys of unfinished, unqueued runs (undefined for runs that act for no user). */
  unfinishedRunnerKeys(): Promise<Array<string | undefined>>;
  /** Newest first (by `createdAt`). */
  searchExecutions(query: ExecutionSearchQuery): Promise<Page<ExecutionRecord>>;
  /** The newest execution of each listed workflow. */
  latestExecutions(spaceId: string, workflowIds: string[]): Promise<Map<string, ExecutionRecord>>;

  /** Inserts or replaces the record with the same `id`. */
  saveStepExecution(record: StepExecutionRecord): Promise<void>;
  /** In `sequence` order, then by attempt. */
  listStepExecutions(spaceId: string, executionId: string): Promise<StepExecutionRecord[]>;

  appendLogs(records: ExecutionLogRecord[]): Promise<void>;
  listLogs(spaceId: string, executionId: string): Promise<ExecutionLogRecord[]>;

  close(): Promise<void>;
}
