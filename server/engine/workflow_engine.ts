/**
 * Drives executions to a terminal state: loads the execution, parses the YAML it was created
 * with, runs it, and records the outcome. Safe to call again for the same execution (after a
 * crash or a parked wait): finished steps are restored, not repeated.
 */
import type { KibanaRequest } from '@kbn/core/server';
import type { WorkflowDefinition } from '../../common/spec';
import { parseCached } from '../workflows/definition_cache';
import { isTerminalStatus, type ExecutionStatus } from '../../common/api';
import type { ExecutionRecord } from '../storage/types';
import { offlineServices, type StepServices } from '../steps/services';
import { parseDuration } from '../steps/wait/duration';
import { ExecutionRunner, type RunnerDeps, type RunOutcome } from './execution_runner';
import { RunCancelledError, RunTimedOutError, toExecutionError } from './errors';

export interface EngineDeps extends RunnerDeps {
  /** Builds the I/O services a run acts through (scoped to the user it acts for). */
  createServices?: (execution: ExecutionRecord, request?: KibanaRequest) => StepServices;
  /** Called once a run reached a terminal state (wakes a waiting parent run, starts queued runs). */
  onFinished?: (execution: ExecutionRecord) => Promise<void>;
  /** This node's claim on the runs it takes: its id, and how long a claim holds unless renewed. */
  lease?: { owner: string; durationMs: number };
}

const DEFAULT_LEASE = { owner: 'local', durationMs: 30_000 };

const ACTIVE: ExecutionStatus[] = ['pending', 'running', 'waiting', 'waiting_for_input'];

export class WorkflowEngine {
  /** Runs in progress in this process, so a cancel reaches them at once. */
  private readonly inProgress = new Map<string, AbortController>();

  constructor(private readonly deps: EngineDeps) {}

  async runExecution(spaceId: string, executionId: string, signal: AbortSignal, request?: KibanaRequest): Promise<RunOutcome | undefined> {
    const { store, now } = this.deps;
    const execution = await store.getExecution(spaceId, executionId);
    if (!execution || isTerminalStatus(execution.status)) return undefined;

    const parsed = parseCached(execution.yaml);
    if (!parsed.definition || !parsed.valid) {
      const first = parsed.findings.find((f) => f.severity === 'error');
      const message = `The workflow is not valid: ${first ? `line ${first.line}, column ${first.column}: ${first.message}` : 'unknown error'}`;
      return this.settle(execution, { status: 'failed', error: Object.assign(new Error(message), { name: 'ValidationError' }) });
    }
    const definition = parsed.definition as WorkflowDefinition;
    const { owner, durationMs } = this.deps.lease ?? DEFAULT_LEASE;
    const at = now();
    const claimed = await store.claimExecution(spaceId, executionId, { owner, now: at.toISOString(), until: new Date(at.getTime() + durationMs).toISOString() });
    if (!claimed) return undefined;
    const startedAt = claimed.startedAt ?? at.toISOString();

    const controller = new AbortController();
    const stopListening = forward(signal, controller);
    const deadline = runDeadline(definition, startedAt, now(), controller);
    this.inProgress.set(executionId, controller);
    try {
      const services = this.deps.createServices?.(claimed, request) ?? offlineServices();
      // A run never started has no step records to replay (a claim is what sets `startedAt`).
      const resuming = !(execution.status === 'pending' && execution.startedAt === null);
      const outcome = await new ExecutionRunner(this.deps, claimed, definition, controller.signal, services).run(resuming);
      return await this.settle(claimed, outcome);
    } catch (error) {
      this.deps.logger.error(`Execution ${executionId} failed unexpectedly: ${toExecutionError(error).message}`);
      return this.settle(claimed, { status: 'failed', error });
    } finally {
      this.inProgress.delete(executionId);
      stopListening();
      if (deadline) clearTimeout(deadline);
    }
  }

  /**
   * Cancels a run: a run in progress here is aborted at once (its steps' requests too);
   * a parked or queued run is marked cancelled. Returns false when the run had already ended.
   */
  async cancel(spaceId: string, executionId: string): Promise<boolean> {
    const local = this.inProgress.get(executionId);
    if (local) {
      local.abort(new RunCancelledError());
      return true;
    }
    const now = this.deps.now().toISOString();
    const updated = await this.deps.store.updateExecution(
      spaceId,
      executionId,
      { status: 'cancelled', finishedAt: now, resumeAt: null, error: { message: 'The run was cancelled', type: 'RunCancelledError' } },
      ACTIVE
    );
    if (updated) await this.deps.onFinished?.(updated);
    return updated !== undefined;
  }

  private async settle(execution: ExecutionRecord, outcome: RunOutcome): Promise<RunOutcome> {
    const { store, now } = this.deps;
    if (outcome.status === 'interrupted') {
      // The process is stopping: give the run up, so the next process (or another node) takes it at once.
      await store.updateExecution(execution.spaceId, execution.id, { leaseExpiresAt: new Date(0).toISOString() }, ['running']);
      return outcome;
    }
    if ('resumeAt' in outcome) {
      await store.updateExecution(
        execution.spaceId,
        execution.id,
        { status: outcome.status, resumeAt: outcome.resumeAt.toISOString(), leaseOwner: null, leaseExpiresAt: null },
        ['running']
      );
      return outcome;
    }
    const updated = await store.updateExecution(
      execution.spaceId,
      execution.id,
      {
        status: outcome.status,
        finishedAt: now().toISOString(),
        startedAt: execution.startedAt ?? now().toISOString(),
        ...(outcome.error !== undefined ? { error: toExecutionError(outcome.error) } : {}),
        ...(outcome.output && Object.keys(outcome.output).length ? { output: outcome.output } : {}),
      },
      ['running', 'pending']
    );
    if (updated) await this.deps.onFinished?.(updated);
    return outcome;
  }
}

/** Passes the task's abort (the process stopping) on to the run, keeping its reason. */
function forward(from: AbortSignal, to: AbortController): () => void {
  const onAbort = () => to.abort(from.reason ?? new Error('The task was stopped'));
  if (from.aborted) onAbort();
  else from.addEventListener('abort', onAbort, { once: true });
  return () => from.removeEventListener('abort', onAbort);
}

/** `settings.timeout` counts from the run's first start, across parks and restarts. */
function runDeadline(definition: WorkflowDefinition, startedAt: string, now: Date, controller: AbortController) {
  const timeout = definition.settings?.timeout;
  if (!timeout) return undefined;
  const remaining = Date.parse(startedAt) + parseDuration(timeout) - now.getTime();
  return setTimeout(() => controller.abort(new RunTimedOutError(timeout)), Math.max(0, remaining));
}
