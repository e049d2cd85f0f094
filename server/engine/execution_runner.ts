/**
 * Runs one execution of a workflow, step by step, recording a step execution before and after
 * every attempt of every step. A run that was interrupted (a crash, a parked `wait`) is run again
 * from the top: finished steps are not executed a second time, their recorded outputs are
 * restored instead, and containers take the branches they took before.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@kbn/core/server';
import type { OnFailure, StepDefinition, WorkflowDefinition } from '../../common/spec';
import type { TemplateEngine } from '../../common/templating';
import { evaluateCondition } from '../../common/conditions';
import type { ExecutionStatus } from '../../common/api';
import type { ExecutionLogRecord, ExecutionRecord, StepExecutionRecord, WorkflowStore } from '../storage/types';
import type { LoopFrame, StepKind, StepLogLevel, StepRunContext } from '../steps/types';
import type { StepRegistry } from '../steps/registry';
import type { StepServices } from '../steps/services';
import { parseDuration } from '../steps/wait/duration';
import {
  LoopSignal,
  ParkRun,
  RunCancelledError,
  RunTimedOutError,
  STEP_INTERRUPTED,
  StepFailedError,
  StepInterruptedError,
  StepTimedOutError,
  WorkflowFailedError,
  toExecutionError,
} from './errors';
import { retryDelayMs, retryPolicy } from './retry_policy';
import { createRunScope, scopeWithLoop, type RunScope } from './scope';
import { stepSignal } from './step_signal';
import { createRedactor, type Redactor } from './redact';
import { stepForeach } from '../steps/foreach/step_foreach';

export interface RunnerDeps {
  store: WorkflowStore;
  registry: StepRegistry;
  templates: TemplateEngine;
  logger: Logger;
  now: () => Date;
  kibanaUrl: string;
  inlineWaitThresholdMs: number;
}

export type RunOutcome =
  | { status: 'completed' | 'failed' | 'cancelled' | 'timed_out'; output?: Record<string, unknown>; error?: unknown }
  | { status: 'waiting' | 'waiting_for_input'; resumeAt: Date }
  /** The process is stopping: nothing more is recorded; the task runs the execution again later. */
  | { status: 'interrupted' };

interface Frame {
  /** Path prefix of the enclosing loop iterations, e.g. `outer[1]>inner[0]`. */
  prefix: string;
  loop?: LoopFrame;
  /** The enclosing step's signal (the run's at the top): a container's timeout stops its children too. */
  signal?: AbortSignal;
}

/** How long a step runs before its `running` record is written (quick steps only write their result). */
const RUNNING_RECORD_DELAY_MS = 50;

const FINISHED: ReadonlySet<ExecutionStatus> = new Set(['completed', 'failed', 'skipped', 'cancelled', 'timed_out']);
const PARKED: ReadonlySet<ExecutionStatus> = new Set(['waiting', 'waiting_for_input']);

/** An attempt closed because the process stopped under it: the step still has to run. */
const wasInterrupted = (record: StepExecutionRecord) => record.status === 'failed' && record.error?.type === STEP_INTERRUPTED;

/** Errors that travel through every step untouched: they end or redirect the whole run. */
const passesThrough = (error: unknown) =>
  error instanceof ParkRun || error instanceof LoopSignal || error instanceof WorkflowFailedError || error instanceof RunCancelledError || error instanceof RunTimedOutError;

export class ExecutionRunner {
  private readonly previous = new Map<string, StepExecutionRecord>();
  private sequence = 0;
  private readonly scope: RunScope;
  private readonly logs: ExecutionLogRecord[] = [];
  private readonly output: Record<string, unknown>;
  private readonly redact: Redactor;
  private readonly deferred = new Map<StepExecutionRecord, { timer?: NodeJS.Timeout; write?: Promise<void> }>();

  constructor(
    private readonly deps: RunnerDeps,
    private readonly execution: ExecutionRecord,
    private readonly definition: WorkflowDefinition,
    /** Aborted with RunCancelledError, RunTimedOutError, or anything else when the process stops. */
    private readonly signal: AbortSignal,
    private readonly services: StepServices
  ) {
    this.scope = createRunScope({ execution, definition, now: deps.now(), kibanaUrl: deps.kibanaUrl });
    this.output = { ...(execution.output ?? {}) };
    this.redact = createRedactor(definition.consts as Record<string, unknown> | undefined);
  }

  /** `resuming`: the run ran before (it parked or was interrupted), so its step records are replayed. */
  async run(resuming = true): Promise<RunOutcome> {
    const earlier = resuming ? await this.deps.store.listStepExecutions(this.execution.spaceId, this.execution.id) : [];
    for (const record of earlier) {
      this.previous.set(record.path, record);
      this.sequence = Math.max(this.sequence, record.sequence + 1);
    }
    try {
      await this.runSteps(this.definition.steps as StepDefinition[], { prefix: '' });
      return { status: 'completed', output: this.output };
    } catch (error) {
      if (error instanceof ParkRun) return { status: error.status, resumeAt: error.resumeAt };
      if (error instanceof RunCancelledError) return { status: 'cancelled', error };
      if (error instanceof RunTimedOutError) return { status: 'timed_out', error };
      if (this.signal.aborted) return { status: 'interrupted' };
      return { status: 'failed', error, output: this.output };
    } finally {
      await this.flushLogs();
    }
  }

  private async runSteps(steps: StepDefinition[], frame: Frame): Promise<void> {
    const signal = frame.signal ?? this.signal;
    for (const step of steps) {
      if (signal.aborted) throw signal.reason;
      await this.runStep(step, frame);
    }
  }

  private async runStep(step: StepDefinition, frame: Frame): Promise<void> {
    const path = frame.prefix ? `${frame.prefix}>${step.name}` : step.name;
    const kind = step.foreach !== undefined && step.type !== 'foreach' ? stepForeach : this.deps.registry.get(step.type);
    const previous = this.previous.get(path);

    const retryAt = previous?.state?.retryAt ? new Date(String(previous.state.retryAt)) : undefined;
    if (previous && FINISHED.has(previous.status) && (previous.status === 'skipped' || !kind?.container) && !wasInterrupted(previous) && !retryAt) {
      if (previous.status === 'completed' || previous.status === 'skipped') return this.restore(step, previous, kind);
      // The run stopped after this step failed but before the failure was handled: handle it now.
      return this.afterFailure(step, frame, previous, new Error(previous.error?.message ?? `Step "${step.name}" ${previous.status}`));
    }

    // With `foreach:` on the step, its `if` is checked per item (by the copy each iteration runs).
    if (!previous && step.if !== undefined && kind !== stepForeach) {
      let runs: boolean;
      try {
        runs = this.condition(step.if as string | boolean, frame);
      } catch (error) {
        // A guard that cannot be evaluated is this step's failure (its record, its on-failure), not its container's.
        const failed = this.newRecord(step, path, 1);
        await this.finish(failed, { status: 'failed', error: this.redact(toExecutionError(error)), output: null });
        return this.afterFailure(step, frame, failed, error);
      }
      if (!runs) {
        const skipped = this.newRecord(step, path, 1);
        this.scope.steps[step.name] = { output: null };
        await this.finish(skipped, { status: 'skipped', output: null });
        return;
      }
    }

    let record: StepExecutionRecord | undefined = previous && (PARKED.has(previous.status) || kind?.container) ? previous : undefined;
    if (previous?.status === 'running' && !kind?.container && kind?.safeToRerun === false) {
      const interrupted = new Error(
        `Step "${step.name}" was interrupted while running and is not run again: it may already have had its effect and sends no idempotency key`
      );
      await this.finish(previous, { status: 'failed', error: toExecutionError(interrupted) });
      return this.afterFailure(step, frame, previous, interrupted);
    }
    // The attempt cut short keeps its own record, closed, so no step of a finished run shows `running`; the next attempt runs below.
    if (previous?.status === 'running' && !kind?.container) {
      await this.finish(previous, { status: 'failed', error: toExecutionError(new StepInterruptedError(step.name, previous.attempt)) });
    }

    // A retry that was parked (its delay was long): wait on, or make the next attempt now.
    if (retryAt && this.deps.now() < retryAt) throw new ParkRun(retryAt);

    let attempt = previous?.attempt ?? 0;
    for (;;) {
      record ??= this.newRecord(step, path, ++attempt);
      const replayOnly = record.status === 'completed';
      try {
        await this.attempt(step, kind, record, frame, replayOnly);
        return;
      } catch (error) {
        // The run or an enclosing step was stopped (cancel, a timeout, the process): close this
        // attempt and pass the reason up, with no retry or fallback. The step's own timeout is a failure like any other.
        const outer = frame.signal ?? this.signal;
        const ownTimeout = error instanceof StepTimedOutError && error.stepName === step.name;
        if (outer.aborted && !passesThrough(error) && !ownTimeout) {
          await this.settleAbortedAttempt(record, outer.reason);
          throw outer.reason;
        }
        if (passesThrough(error)) {
          await this.settlePassingSignal(record, error, replayOnly);
          throw error;
        }
        const fromChild = error instanceof StepFailedError && error.stepName !== step.name;
        const stepError = this.redact(toExecutionError(error));
        await this.finish(record, { status: error instanceof StepTimedOutError ? 'timed_out' : 'failed', error: stepError, output: null });
        this.log('error', `Step "${step.name}" failed (attempt ${record.attempt}): ${stepError.message}`, record.path);
        if (!fromChild && (await this.shouldRetry(step, record, error, frame))) {
          attempt = record.attempt;
          record = undefined;
          // A container's next attempt runs its body again rather than restoring the last one.
          if (kind?.container) this.forgetChildren(path);
          continue;
        }
        return this.afterFailure(step, frame, record, error, fromChild);
      }
    }
  }

  /** One attempt of one step. A finished container is only walked again so its children restore. */
  private async attempt(step: StepDefinition, kind: StepKind | undefined, record: StepExecutionRecord, frame: Frame, replayOnly: boolean) {
    if (!kind) throw new Error(`Unknown step type "${step.type}"`);
    const deadline = this.stepDeadline(step, record);
    const timeoutMs = deadline === undefined ? undefined : Math.max(0, deadline - this.deps.now().getTime());
    const guard = stepSignal(frame.signal ?? this.signal, { name: step.name, timeoutMs, timeout: step.timeout });
    try {
      // A record that is not new comes from an earlier pass of this run: the kind resumes from it.
      const resumedFrom = record.status === 'pending' ? undefined : { ...record };
      const context = this.contextFor(step, record, frame, guard.signal, resumedFrom);
      if (replayOnly || PARKED.has(record.status)) {
        context.input = record.input as Record<string, unknown>;
      } else {
        const render = (value: unknown) => this.render(value, frame);
        context.input = (kind.container ? {} : kind.input ? kind.input(step, render) : render(step.with ?? {})) as Record<string, unknown>;
        if (!kind.container) record.input = this.redact(context.input);
        const running = { ...record, status: 'running' as const, startedAt: record.startedAt ?? this.deps.now().toISOString() };
        // A step that must not simply run again after a crash is recorded as running before it
        // starts; for the others (containers are re-entered anyway) the record only shows
        // progress, so quick steps skip that write.
        if (kind.safeToRerun === false) await this.save(running, record);
        else this.deferRunningRecord(running, record);
      }
      const running = kind.run(context);
      const result = await Promise.race([running, guard.aborted]).catch(async (error: unknown) => {
        // A stopped container's children see it through their signals: let them close their records first.
        if (kind.container && guard.signal.aborted) await running.catch(() => undefined);
        throw error;
      });
      this.scope.steps[step.name] = { output: result.output };
      // The stored output is redacted; the live scope keeps the real values for the steps that follow.
      if (!replayOnly) await this.finish(record, { status: 'completed', output: this.redact(result.output ?? null), state: result.state ?? record.state });
    } finally {
      guard.dispose();
    }
  }

  /** When the step's `timeout` runs out: counted from the attempt's start, across parks and restarts. */
  private stepDeadline(step: StepDefinition, record: StepExecutionRecord): number | undefined {
    if (!step.timeout) return undefined;
    const startedAt = record.startedAt ? Date.parse(record.startedAt) : this.deps.now().getTime();
    return startedAt + parseDuration(step.timeout);
  }

  /** Waits for the next attempt: in the worker when the delay is short, else by parking the run. */
  private async shouldRetry(step: StepDefinition, record: StepExecutionRecord, error: unknown, frame: Frame): Promise<boolean> {
    const { attempt } = record;
    const policy = retryPolicy(this.onFailure(step)?.retry);
    if (!policy || attempt >= policy.maxAttempts) return false;
    if (policy.condition !== undefined) {
      const scope = { ...scopeWithLoop(this.scope, frame.loop), error: toExecutionError(error) };
      if (!evaluateCondition(policy.condition, scope, this.deps.templates)) return false;
    }
    const delay = retryDelayMs(policy, attempt + 1);
    this.log('info', `Retrying step "${step.name}" in ${delay} ms (attempt ${attempt + 1} of ${policy.maxAttempts})`);
    if (delay > this.deps.inlineWaitThresholdMs) {
      const retryAt = new Date(this.deps.now().getTime() + delay);
      await this.save({ ...record, state: { ...record.state, retryAt: retryAt.toISOString() } }, record);
      throw new ParkRun(retryAt);
    }
    await sleep(delay, undefined, { signal: this.signal }).catch(() => undefined);
    if (this.signal.aborted) throw this.signal.reason;
    return true;
  }

  /** Fallback steps, then continue or fail. Failures bubbling from a child use only the container's own rules. */
  private async afterFailure(step: StepDefinition, frame: Frame, record: StepExecutionRecord, error: unknown, fromChild = false): Promise<void> {
    const onFailure = fromChild ? (step['on-failure'] as OnFailure | undefined) : this.onFailure(step);
    this.scope.steps[step.name] = { error: record.error ?? toExecutionError(error) };
    if (onFailure?.fallback?.length) await this.runSteps(onFailure.fallback as StepDefinition[], frame);
    if (onFailure?.continue) return;
    throw error instanceof StepFailedError ? error : new StepFailedError(step.name, error);
  }

  private onFailure(step: StepDefinition): OnFailure | undefined {
    return (step['on-failure'] as OnFailure | undefined) ?? this.definition.settings?.['on-failure'];
  }

  private async settlePassingSignal(record: StepExecutionRecord, error: unknown, replayOnly: boolean) {
    if (error instanceof ParkRun) return;
    if (error instanceof LoopSignal) {
      if (!replayOnly) await this.finish(record, { status: 'completed', output: record.output ?? null });
      return;
    }
    if (error instanceof WorkflowFailedError) return this.finish(record, { status: 'failed', error: toExecutionError(error) });
    await this.settleAbortedAttempt(record, error);
  }

  /** A cancelled or timed-out run closes its open records; a stopping process leaves them for the resume. */
  private async settleAbortedAttempt(record: StepExecutionRecord, reason: unknown) {
    if (reason instanceof RunCancelledError) await this.finish(record, { status: 'cancelled' });
    else if (reason instanceof RunTimedOutError || reason instanceof StepTimedOutError) await this.finish(record, { status: 'timed_out', error: toExecutionError(reason) });
  }

  private contextFor(step: StepDefinition, record: StepExecutionRecord, frame: Frame, signal: AbortSignal, previous?: StepExecutionRecord): StepRunContext {
    return {
      step,
      input: {},
      previous,
      signal,
      now: this.deps.now,
      scope: () => scopeWithLoop(this.scope, frame.loop),
      render: (value) => this.render(value, frame),
      evaluate: (expression) => this.deps.templates.evaluate(expression, scopeWithLoop(this.scope, frame.loop)),
      evaluateCondition: (condition) => this.condition(condition, frame),
      log: (level, message) => this.log(level, message, record.path),
      setVariables: (values) => Object.assign(this.scope.variables, values),
      setOutput: (values) => Object.assign(this.output, values),
      runSteps: (steps, options) =>
        this.runSteps(
          steps,
          options?.loop
            ? { prefix: `${frame.prefix ? `${frame.prefix}>` : ''}${options.loop.name}[${options.loop.frame.index}]`, loop: options.loop.frame, signal }
            : { ...frame, signal }
        ),
      park: async (resumeAt, state, status = 'waiting') => {
        await this.save({ ...record, status, state }, record);
        // A parked step with a timeout wakes by its deadline at the latest, to time out then.
        const deadline = this.stepDeadline(step, record);
        throw new ParkRun(deadline !== undefined && deadline < resumeAt.getTime() ? new Date(deadline) : resumeAt, status);
      },
      saveState: async (state) => {
        await this.save({ ...record, state }, record);
      },
      inlineWaitThresholdMs: this.deps.inlineWaitThresholdMs,
      executionId: this.execution.id,
      idempotencyKey: `${this.execution.id}:${record.path}`,
      attempt: record.attempt,
      dryRun: this.execution.dryRun === true,
      proposeEffect: (effect) => {
        record.effects = [...(record.effects ?? []), this.redact(effect)];
      },
      services: this.services,
    };
  }

  private restore(step: StepDefinition, record: StepExecutionRecord, kind: StepKind | undefined) {
    this.scope.steps[step.name] = record.error ? { error: record.error } : { output: record.output };
    if (record.status === 'completed') {
      kind?.restore?.(record, {
        setVariables: (v) => Object.assign(this.scope.variables, v),
        setOutput: (v) => Object.assign(this.output, v),
      });
    }
  }

  private forgetChildren(path: string) {
    for (const childPath of this.previous.keys()) {
      if (childPath.startsWith(`${path}>`) || childPath.startsWith(`${path}[`)) this.previous.delete(childPath);
    }
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
    await this.save({ ...record, startedAt: record.startedAt ?? now, ...patch, finishedAt: now }, record);
  }

  /** Writes the `running` record only if the step is still running after a moment. */
  private deferRunningRecord(running: StepExecutionRecord, record: StepExecutionRecord) {
    Object.assign(record, running);
    const pending: { timer?: NodeJS.Timeout; write?: Promise<void> } = {};
    pending.timer = setTimeout(() => {
      pending.timer = undefined;
      pending.write = this.deps.store.saveStepExecution({ ...running });
    }, RUNNING_RECORD_DELAY_MS);
    this.deferred.set(record, pending);
  }

  /** Saves `next` and keeps the in-memory record in step with what is stored. */
  private async save(next: StepExecutionRecord, record: StepExecutionRecord) {
    const pending = this.deferred.get(record);
    if (pending) {
      this.deferred.delete(record);
      if (pending.timer) clearTimeout(pending.timer);
      await pending.write;
    }
    Object.assign(record, next);
    if (PARKED.has(record.status)) record.finishedAt = null;
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
      message: this.redact(message),
      timestamp: this.deps.now().toISOString(),
    });
  }

  private async flushLogs() {
    if (this.logs.length === 0) return;
    await this.deps.store.appendLogs(this.logs.splice(0));
  }
}
