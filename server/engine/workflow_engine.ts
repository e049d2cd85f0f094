/**
 * Drives executions to a terminal state: loads the execution, parses the YAML it was created
 * with, runs it, and records the outcome. Safe to call again for the same execution (after a
 * crash or a parked wait): finished steps are restored, not repeated.
 */
import type { Logger } from '@kbn/core/server';
import { parseWorkflowYaml, type WorkflowDefinition } from '../../common/spec';
import { isTerminalStatus } from '../../common/api';
import type { WorkflowStore } from '../storage/types';
import { ExecutionRunner, type RunnerDeps, type RunOutcome } from './execution_runner';
import { errorMessage, toExecutionError } from './errors';

export type EngineDeps = RunnerDeps;

export class WorkflowEngine {
  constructor(private readonly deps: EngineDeps) {}

  get store(): WorkflowStore {
    return this.deps.store;
  }

  get logger(): Logger {
    return this.deps.logger;
  }

  async runExecution(spaceId: string, executionId: string, signal: AbortSignal): Promise<RunOutcome | undefined> {
    const { store, now } = this.deps;
    const execution = await store.getExecution(spaceId, executionId);
    if (!execution || isTerminalStatus(execution.status)) return undefined;

    const parsed = parseWorkflowYaml(execution.yaml);
    if (!parsed.definition || !parsed.valid) {
      const first = parsed.findings.find((f) => f.severity === 'error');
      await store.updateExecution(spaceId, executionId, {
        status: 'failed',
        error: { message: `The workflow is not valid: ${first ? `line ${first.line}, column ${first.column}: ${first.message}` : 'unknown error'}`, type: 'ValidationError' },
        startedAt: execution.startedAt ?? now().toISOString(),
        finishedAt: now().toISOString(),
      });
      return { status: 'failed' };
    }

    await store.updateExecution(spaceId, executionId, { status: 'running', startedAt: execution.startedAt ?? now().toISOString(), resumeAt: null });
    const started = { ...execution, startedAt: execution.startedAt ?? now().toISOString() };
    const runner = new ExecutionRunner(this.deps, started, parsed.definition as WorkflowDefinition, signal);
    let outcome: RunOutcome;
    try {
      outcome = await runner.run();
    } catch (error) {
      this.deps.logger.debug(`Execution ${executionId} failed: ${errorMessage(error)}`);
      await store.updateExecution(spaceId, executionId, { status: 'failed', error: toExecutionError(error), finishedAt: now().toISOString() });
      return { status: 'failed' };
    }
    if (outcome.status === 'waiting') {
      await store.updateExecution(spaceId, executionId, { status: 'waiting', resumeAt: outcome.resumeAt.toISOString() });
    } else {
      await store.updateExecution(spaceId, executionId, { status: outcome.status, finishedAt: now().toISOString() });
    }
    return outcome;
  }
}
