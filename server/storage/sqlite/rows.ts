/** Conversions between SQLite rows (JSON text columns, 0/1 booleans) and store records. */
import type { ExecutionRecord, StepExecutionRecord, WorkflowRecord, WorkflowVersionRecord, ExecutionLogRecord } from '../types';

type Row = Record<string, any>;

/** The runner key of runs that act for no user (see `ExecutionRecord.runnerKey`). */
export const INTERNAL_RUNNER = 'internal';

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const parse = <T>(text: string | null): T | undefined => (text === null || text === undefined ? undefined : (JSON.parse(text) as T));

export const workflowToRow = (w: WorkflowRecord): Row => ({
  space_id: w.spaceId,
  id: w.id,
  name: w.name,
  description: w.description,
  tags: json(w.tags),
  enabled: w.enabled ? 1 : 0,
  yaml: w.yaml,
  valid: w.valid ? 1 : 0,
  validation_errors: json(w.validationErrors),
  trigger_types: json(w.triggerTypes),
  revision: w.revision,
  created_at: w.createdAt,
  created_by: w.createdBy,
  updated_at: w.updatedAt,
  updated_by: w.updatedBy,
});

export const rowToWorkflow = (r: Row): WorkflowRecord => ({
  id: r.id,
  spaceId: r.space_id,
  name: r.name,
  description: r.description,
  tags: parse<string[]>(r.tags) ?? [],
  enabled: r.enabled === 1,
  yaml: r.yaml,
  valid: r.valid === 1,
  validationErrors: parse(r.validation_errors) ?? [],
  triggerTypes: parse<string[]>(r.trigger_types) ?? [],
  revision: r.revision,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export const rowToVersion = (r: Row): WorkflowVersionRecord => ({
  workflowId: r.workflow_id,
  spaceId: r.space_id,
  revision: r.revision,
  yaml: r.yaml,
  savedAt: r.saved_at,
  savedBy: r.saved_by,
});

export const executionToRow = (e: ExecutionRecord): Row => ({
  space_id: e.spaceId,
  id: e.id,
  workflow_id: e.workflowId,
  workflow_name: e.workflowName,
  workflow_revision: e.workflowRevision,
  yaml: e.yaml,
  status: e.status,
  error: json(e.error),
  is_test_run: e.isTestRun ? 1 : 0,
  triggered_by: e.triggeredBy,
  inputs: json(e.inputs),
  event: json(e.event),
  created_at: e.createdAt,
  started_at: e.startedAt,
  finished_at: e.finishedAt,
  resume_at: e.resumeAt ?? null,
  output: json(e.output ?? undefined),
  parent_execution_id: e.parentExecutionId ?? null,
  dry_run: e.dryRun ? 1 : 0,
  concurrency_key: e.concurrencyKey ?? null,
  queued: e.queued ? 1 : 0,
  runner_key: e.runnerKey ?? INTERNAL_RUNNER,
  lease_owner: e.leaseOwner ?? null,
  lease_expires_at: e.leaseExpiresAt ?? null,
});

export const rowToExecution = (r: Row): ExecutionRecord => ({
  id: r.id,
  spaceId: r.space_id,
  workflowId: r.workflow_id,
  workflowName: r.workflow_name,
  workflowRevision: r.workflow_revision,
  yaml: r.yaml,
  status: r.status,
  ...(r.error ? { error: parse(r.error) } : {}),
  isTestRun: r.is_test_run === 1,
  triggeredBy: r.triggered_by,
  inputs: parse(r.inputs) ?? {},
  ...(r.event ? { event: parse(r.event) } : {}),
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  resumeAt: r.resume_at,
  ...(r.output ? { output: parse(r.output) } : {}),
  ...(r.parent_execution_id ? { parentExecutionId: r.parent_execution_id } : {}),
  ...(r.dry_run === 1 ? { dryRun: true } : {}),
  ...(r.concurrency_key !== null && r.concurrency_key !== undefined ? { concurrencyKey: r.concurrency_key } : {}),
  ...(r.queued === 1 ? { queued: true } : {}),
  ...(r.runner_key !== INTERNAL_RUNNER ? { runnerKey: r.runner_key } : {}),
  ...(r.lease_owner ? { leaseOwner: r.lease_owner, leaseExpiresAt: r.lease_expires_at } : {}),
});

export const stepToRow = (s: StepExecutionRecord): Row => ({
  space_id: s.spaceId,
  id: s.id,
  execution_id: s.executionId,
  sequence: s.sequence,
  step_name: s.stepName,
  step_type: s.stepType,
  path: s.path,
  status: s.status,
  input: json(s.input),
  output: json(s.output),
  error: json(s.error),
  attempt: s.attempt,
  started_at: s.startedAt,
  finished_at: s.finishedAt,
  state: json(s.state),
  effects: json(s.effects),
});

export const rowToStep = (r: Row): StepExecutionRecord => ({
  id: r.id,
  spaceId: r.space_id,
  executionId: r.execution_id,
  sequence: r.sequence,
  stepName: r.step_name,
  stepType: r.step_type,
  path: r.path,
  status: r.status,
  input: parse(r.input) ?? null,
  output: parse(r.output) ?? null,
  ...(r.error ? { error: parse(r.error) } : {}),
  attempt: r.attempt,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  ...(r.state ? { state: parse(r.state) } : {}),
  ...(r.effects ? { effects: parse(r.effects) } : {}),
});

export const rowToLog = (r: Row): ExecutionLogRecord => ({
  spaceId: r.space_id,
  executionId: r.execution_id,
  ...(r.step_path ? { stepPath: r.step_path } : {}),
  level: r.level,
  message: r.message,
  timestamp: r.timestamp,
});

export const logToRow = (l: ExecutionLogRecord): Row => ({
  space_id: l.spaceId,
  execution_id: l.executionId,
  step_path: l.stepPath ?? null,
  level: l.level,
  message: l.message,
  timestamp: l.timestamp,
});
