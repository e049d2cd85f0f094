/**
 * Starting, cancelling and resuming runs. A run is an execution record, the engine's durable
 * queue entry; the runner takes it onto a node. `settings.concurrency` decides whether a new
 * run starts, waits in a queue, is dropped, or cancels the runs in progress with the same key.
 */
import { randomUUID } from 'node:crypto';
import type { KibanaRequest } from '@kbn/core/server';
import type { ExecutionStatus } from '../../common/api';
import { NotFoundError, UserError } from '../../common/errors';
import type { Concurrency } from '../../common/spec';
import type { TemplateEngine } from '../../common/templating';
import type { Runner } from '../engine/runner';
import { firstViolation, type JsonSchema } from '../steps/ai_common/json_schema';
import type { WorkflowEngine } from '../engine/workflow_engine';
import type { ExecutionRecord, WorkflowStore } from '../storage/types';
import { parseCached } from './definition_cache';
import { notValidError } from './summarize';

export interface RunOptions {
  inputs?: Record<string, unknown>;
  event?: Record<string, unknown>;
  triggeredBy?: string;
  isTestRun?: boolean;
  dryRun?: boolean;
  parentExecutionId?: string;
  /** A fixed id makes starting idempotent: a second start with it returns the first run. */
  executionId?: string;
  /** The user the run acts for; the user's runner task keeps their credentials for later. */
  request?: KibanaRequest;
}

/** What a run is made from: a saved workflow, or YAML given to a test run. */
export interface RunSource {
  id: string;
  name: string;
  revision: number;
  yaml: string;
}

const HOLDING_A_SLOT: ExecutionStatus[] = ['pending', 'running', 'waiting', 'waiting_for_input'];
const PARKED: ExecutionStatus[] = ['waiting', 'waiting_for_input'];

export class RunsService {
  constructor(
    private readonly store: WorkflowStore,
    private readonly runner: Pick<Runner, 'prepare' | 'start' | 'resume'>,
    private readonly engine: WorkflowEngine,
    private readonly templates: TemplateEngine,
    private readonly now: () => Date = () => new Date()
  ) {}

  async start(spaceId: string, source: RunSource, options: RunOptions): Promise<ExecutionRecord> {
    if (options.executionId) {
      const existing = await this.store.getExecution(spaceId, options.executionId);
      if (existing) return existing;
    }
    const parsed = parseCached(source.yaml);
    if (!parsed.definition || !parsed.valid) throw notValidError(parsed.findings);
    const concurrency = parsed.definition.settings?.concurrency as Concurrency | undefined;
    const concurrencyKey = concurrency ? this.concurrencyKey(concurrency, options) : null;
    const runnerKey = await this.runner.prepare(options.request);
    const execution: ExecutionRecord = {
      ...this.newExecution(spaceId, source, options),
      ...(runnerKey !== undefined ? { runnerKey } : {}),
      ...(options.executionId ? { id: options.executionId } : {}),
      ...(concurrencyKey !== null ? { concurrencyKey } : {}),
    };
    if (concurrency && concurrencyKey !== null) {
      const decision = await this.admit(spaceId, source.id, concurrencyKey, concurrency);
      if (decision === 'drop') {
        const now = this.now().toISOString();
        return this.store.createExecution({
          ...execution,
          status: 'skipped',
          startedAt: now,
          finishedAt: now,
          error: { message: `Skipped: ${concurrency.max ?? 1} run(s) with concurrency key "${concurrencyKey}" already in progress (strategy drop)` },
        });
      }
      if (decision === 'queue') return this.store.createExecution({ ...execution, queued: true });
    }
    await this.store.createExecution(execution);
    this.runner.start(execution, options.request);
    return execution;
  }

  /** Files a run that was not started (e.g. alerts that did not match the trigger) so it shows on the list. */
  async recordSkipped(spaceId: string, source: RunSource, options: RunOptions, reason: string): Promise<ExecutionRecord> {
    const now = this.now().toISOString();
    return this.store.createExecution({
      ...this.newExecution(spaceId, source, options),
      status: 'skipped',
      error: { message: reason, type: 'Skipped' },
      startedAt: now,
      finishedAt: now,
    });
  }

  private newExecution(spaceId: string, source: RunSource, options: RunOptions): ExecutionRecord {
    return {
      id: randomUUID(),
      spaceId,
      workflowId: source.id,
      workflowName: source.name,
      workflowRevision: source.revision,
      yaml: source.yaml,
      status: 'pending',
      isTestRun: options.isTestRun ?? false,
      triggeredBy: options.triggeredBy ?? 'manual',
      inputs: options.inputs ?? {},
      ...(options.event ? { event: options.event } : {}),
      createdAt: this.now().toISOString(),
      startedAt: null,
      finishedAt: null,
      ...(options.dryRun ? { dryRun: true } : {}),
      ...(options.parentExecutionId ? { parentExecutionId: options.parentExecutionId } : {}),
    };
  }

  async cancel(spaceId: string, executionId: string): Promise<void> {
    const execution = await this.store.getExecution(spaceId, executionId);
    if (!execution) throw new NotFoundError(`Workflow execution [${executionId}] not found`);
    if (!(await this.engine.cancel(spaceId, executionId))) {
      throw new UserError(`Workflow execution [${executionId}] has already ended (${execution.status})`);
    }
  }

  /** Gives a `waitForInput` / `waitForApproval` step its answer and wakes the run. */
  async resume(spaceId: string, executionId: string, input: unknown, user: string): Promise<void> {
    const execution = await this.store.getExecution(spaceId, executionId);
    if (!execution) throw new NotFoundError(`Workflow execution [${executionId}] not found`);
    const steps = await this.store.listStepExecutions(spaceId, executionId);
    const waiting = steps.find((s) => s.status === 'waiting_for_input');
    if (execution.status !== 'waiting_for_input' || !waiting) {
      throw new UserError(`Workflow execution [${executionId}] is not waiting for input (it is ${execution.status})`);
    }
    const schema = (waiting.input as { schema?: JsonSchema } | null)?.schema;
    const violation = schema && firstViolation(input, schema);
    if (violation) throw new UserError(`The input does not fit the schema of step "${waiting.stepName}": ${violation}`);
    await this.store.saveStepExecution({
      ...waiting,
      state: { ...waiting.state, response: { input, respondedBy: user, respondedAt: this.now().toISOString() } },
    });
    await this.wake(execution);
  }

  /** After a run ended: wake the parent waiting on it, and let a queued run take the free slot. */
  async onFinished(execution: ExecutionRecord): Promise<void> {
    if (execution.parentExecutionId) {
      const parent = await this.store.getExecution(execution.spaceId, execution.parentExecutionId);
      if (parent?.status === 'waiting') await this.wake(parent);
    }
    if (execution.concurrencyKey !== undefined && execution.concurrencyKey !== null) {
      const next = await this.store.searchExecutions({
        spaceId: execution.spaceId,
        workflowId: execution.workflowId,
        concurrencyKey: execution.concurrencyKey,
        queued: true,
        oldestFirst: true,
        page: 1,
        size: 1,
      });
      const [queued] = next.results;
      const released = queued && (await this.store.updateExecution(queued.spaceId, queued.id, { queued: false }, ['pending']));
      if (released) await this.runner.resume(released);
    }
  }

  /** Makes a parked run due now and hands it to a runner. */
  private async wake(execution: ExecutionRecord) {
    const due = await this.store.updateExecution(execution.spaceId, execution.id, { resumeAt: this.now().toISOString() }, PARKED);
    if (due) await this.runner.resume(due);
  }

  private concurrencyKey(concurrency: Concurrency, options: RunOptions): string {
    if (!concurrency.key) return '';
    return this.templates.renderString(concurrency.key, { inputs: options.inputs ?? {}, event: options.event ?? {} });
  }

  private async admit(spaceId: string, workflowId: string, key: string, concurrency: Concurrency): Promise<'run' | 'queue' | 'drop'> {
    const max = concurrency.max ?? 1;
    const holders = await this.store.searchExecutions({ spaceId, workflowId, concurrencyKey: key, statuses: HOLDING_A_SLOT, queued: false, page: 1, size: max + 100 });
    if (holders.total < max) return 'run';
    const strategy = concurrency.strategy ?? 'queue';
    if (strategy !== 'cancel-in-progress') return strategy;
    await Promise.all(holders.results.map((h) => this.engine.cancel(spaceId, h.id)));
    return 'run';
  }
}

