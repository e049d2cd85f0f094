/**
 * Runs one execution of a workflow, step by step, recording a step execution before and after
 * every step. A run that was interrupted (a crash, a parked `wait`) is run again from the top:
 * finished steps are not executed a second time, their recorded outputs are restored instead.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '@kbn/core/server';
import type { StepDefinition, WorkflowDefinition } from '../../common/spec';
import type { TemplateEngine } from '../../common/templating';
import { evaluateCondition } from '../../common/conditions';
import type { ExecutionStatus } from '../../common/api';
import type { ExecutionLogRecord, ExecutionRecord, StepExecutionRecord, WorkflowStore } from '../storage/types';
import type { LoopFrame, StepKind, StepLogLevel, StepRunContext } from '../steps/types';
import type { StepRegistry } from '../steps/registry';
import { ParkRun, RunCancelledError, StepFailedError, toExecutionError } from './errors';
import { createRunScope, scopeWithLoop, type RunScope } from './scope';

export interface RunnerDeps {
  store: WorkflowStore;
  registry: StepRegistry;
  templates: TemplateEngine;
  logger: Logger;
  now: () => Date;
  kibanaUrl: string;
  inlineWaitThresholdMs: number;
}

export type RunOutcome = { status: 'completed' | 'failed' | 'cancelled' } | { status: 'waiting'; resumeAt: Date };

interface Frame {
  /** Path prefix of the enclosing loop iterations, e.g. `outer[1]>inner[0]`. */
  prefix: string;
  loop?: LoopFrame;
}

const FINISHED: ReadonlySet<ExecutionStatus> = new Set(['completed', 'failed', 'skipped', 'cancelled', 'timed_out']);

export class ExecutionRunner {
  private readonly previous = new Map<string, StepExecutionRecord>();
  private sequence = 0;
  private readonly scope: RunScope;
  private readonly logs: ExecutionLogRecord[] = [];

  constructor(
    private readonly deps: RunnerDeps,
    private readonly execution: ExecutionRecord,
    private readonly definition: WorkflowDefinition,
    private readonly signal: AbortSignal
  ) {
    this.scope = createRunScope({ execution, definition, now: deps.now(), kibanaUrl: deps.kibanaUrl });
  }

  async run(): Promise<RunOutcome> {
    const { store } = this.deps;
    for (const record of await store.listStepExecutions(this.execution.spaceId, this.execution.id)) {
      this.previous.set(record.path, record);
      this.sequence = Math.max(this.sequence, record.sequence + 1);
    }
    try {
      await this.runSteps(this.definition.steps as StepDefinition[], { prefix: '' });
      return { status: 'completed' };
    } catch (error) {
      if (error instanceof ParkRun) return { status: 'waiting', resumeAt: error.resumeAt };
      if (error instanceof RunCancelledError) return { status: 'cancelled' };
      throw error;
    } finally {
      await this.flushLogs();
    }
  }

  private async runSteps(steps: StepDefinition[], frame: Frame): Promise<void> {
    for (const step of steps) {
      if (this.signal.aborted) throw new RunCancelledError();
      await this.runStep(step, frame);
    }
  }

  private async runStep(step: StepDefinition, frame: Frame): Promise<void> {
    const path = frame.prefix ? `${frame.prefix}>${step.name}` : step.name;
    const kind = this.deps.registry.get(step.type);
    const previous = this.previous.get(path);
    const finished = previous && FINISHED.has(previous.status);

    if (finished && (previous.status === 'skipped' || !kind?.container)) {
      this.restore(step, previous, kind);
      if (previous.status === 'failed' && !step['on-failure']?.continue) {
        throw new StepFailedError(step.name, new Error(previous.error?.message ?? 'failed'));
      }
      return;
    }

    const record: StepExecutionRecord =
      previous && (previous.status === 'waiting' || kind?.container)
        ? previous
        : this.newRecord(step, path, (previous?.attempt ?? 0) + 1);

    if (!previous && step.if !== undefined && !this.condition(step.if, frame)) {
      await this.finish(record, { status: 'skipped', output: null });
      return;
    }

    const context = this.contextFor(step, record, frame, previous);
    // A finished container is only walked again so that its children restore their outputs.
    const replayOnly = finished === true;
    try {
      if (!kind) throw new Error(`Unknown step type "${step.type}"`);
      if (replayOnly || record.status === 'waiting') {
        context.input = record.input as Record<string, unknown>;
      } else {
        const render = (value: unknown) => this.render(value, frame);
        context.input = (kind.container ? {} : kind.input ? kind.input(step, render) : render(step.with ?? {})) as Record<string, unknown>;
        if (!kind.container) record.input = context.input;
        await this.save({ ...record, status: 'running', startedAt: record.startedAt ?? this.deps.now().toISOString() }, record);
      }
      const result = await kind.run(context);
      this.scope.steps[step.name] = { output: result.output };
      if (!replayOnly) {
        await this.finish(record, { status: 'completed', output: result.output ?? null, state: result.state ?? record.state });
      }
    } catch (error) {
      await this.handleFailure(step, record, error);
    }
  }

  private async handleFailure(step: StepDefinition, record: StepExecutionRecord, error: unknown): Promise<void> {
    if (error instanceof ParkRun) throw error;
    if (error instanceof RunCancelledError || (this.signal.aborted && !(error instanceof StepFailedError))) {
      await this.finish(record, { status: 'cancelled' });
      throw new RunCancelledError();
    }
    // A container whose child failed records the child's failure; the run's error names the child.
    const stepError = toExecutionError(error);
    await this.finish(record, { status: 'failed', error: stepError, output: null });
    this.scope.steps[step.name] = { error: stepError };
    this.log('error', `Step "${step.name}" failed: ${stepError.message}`, record.path);
    if (step['on-failure']?.continue) return;
    throw error instanceof StepFailedError ? error : new StepFailedError(step.name, error);
  }

  private contextFor(step: StepDefinition, record: StepExecutionRecord, frame: Frame, previous?: StepExecutionRecord): StepRunContext {
    return {
      step,
      input: {},
      previous,
      signal: this.signal,
      now: this.deps.now,
      scope: () => scopeWithLoop(this.scope, frame.loop),
      render: (value) => this.render(value, frame),
      evaluate: (expression) => this.deps.templates.evaluate(expression, scopeWithLoop(this.scope, frame.loop)),
      evaluateCondition: (condition) => this.condition(condition, frame),
      log: (level, message) => this.log(level, message, record.path),
      setVariables: (values) => Object.assign(this.scope.variables, values),
      runSteps: (steps, options) =>
        this.runSteps(
          steps,
          options?.loop
            ? { prefix: `${frame.prefix ? `${frame.prefix}>` : ''}${options.loop.name}[${options.loop.frame.index}]`, loop: options.loop.frame }
            : frame
        ),
      park: async (resumeAt, state) => {
        await this.save({ ...record, status: 'waiting', state }, record);
        throw new ParkRun(resumeAt);
      },
      saveState: async (state) => {
        record.state = state;
        await this.deps.store.saveStepExecution(record);
      },
      inlineWaitThresholdMs: this.deps.inlineWaitThresholdMs,
    };
  }

  private restore(step: StepDefinition, record: StepExecutionRecord, kind: StepKind | undefined) {
    this.scope.steps[step.name] = record.error ? { error: record.error } : { output: record.output };
    if (record.status === 'completed') kind?.restore?.(record, { setVariables: (v) => Object.assign(this.scope.variables, v) });
  }

  private newRecord(step: StepDefinition, path: string, attempt: number): StepExecutionRecord {
    return {
      id: randomUUID(),
      spaceId: this.execution.spaceId,
      executionId: this.execution.id,
      sequence: this.sequence++,
      stepName: step.name,
      stepType: step.type,
      path,
      status: 'pending',
      input: null,
      output: null,
      attempt,
      startedAt: null,
      finishedAt: null,
    };
  }

  private async finish(record: StepExecutionRecord, patch: Partial<StepExecutionRecord>) {
    const now = this.deps.now().toISOString();
    const status = patch.status ?? record.status;
    await this.save({ ...record, startedAt: record.startedAt ?? now, ...patch, finishedAt: status === 'waiting' ? null : now }, record);
  }

  /** Saves `next` and keeps the in-memory record in step with what is stored. */
  private async save(next: StepExecutionRecord, record: StepExecutionRecord) {
    Object.assign(record, next);
    this.previous.set(record.path, record);
    await this.deps.store.saveStepExecution(record);
  }

  private render(value: unknown, frame: Frame): unknown {
    return this.deps.templates.render(value, scopeWithLoop(this.scope, frame.loop));
  }

  private condition(condition: string | boolean, frame: Frame): boolean {
    return evaluateCondition(condition, scopeWithLoop(this.scope, frame.loop), this.deps.templates);
  }

  private log(level: StepLogLevel, message: string, stepPath?: string) {
    this.logs.push({
      spaceId: this.execution.spaceId,
      executionId: this.execution.id,
      ...(stepPath ? { stepPath } : {}),
      level,
      message,
      timestamp: this.deps.now().toISOString(),
    });
  }

  private async flushLogs() {
    if (this.logs.length === 0) return;
    await this.deps.store.appendLogs(this.logs.splice(0));
  }
}
