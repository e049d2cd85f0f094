/*
 * Runs one claimed task and writes its outcome back, following Kibana's rules: a returned `runAt`
 * reschedules the task, a recurring task moves to its next interval, a finished one-off task is
 * deleted, and a failure is retried with backoff until `maxAttempts`, then marked `failed`.
 * When the lease (the definition's timeout) runs out the run is aborted, cancelled and counted
 * as a failed attempt.
 */
import { randomUUID } from 'node:crypto';
import type { KibanaRequest, Logger } from '@kbn/core/server';
import type { CancellableTask, RunResult, TaskDefinition } from '@kbn/task-manager-plugin/server';
import { parseIntervalMs } from './interval';
import type { StoredTask, TaskCompletion, TaskStore } from './task_store';

export interface TaskRunnerDeps {
  store: TaskStore;
  ownerId: string;
  logger: Logger;
  definition: TaskDefinition;
  maxAttempts: number;
  timeoutMs: number;
  retryDelayMs(attempts: number): number;
  createFakeRequest?(username: string): KibanaRequest | undefined;
}

type Interruption = 'timeout' | 'shutdown';

class Interrupted extends Error {
  constructor(readonly reason: Interruption) {
    super(reason);
  }
}

export class TaskRunner {
  private readonly abortController = new AbortController();
  private interrupt!: (reason: Interruption) => void;
  private readonly interrupted = new Promise<never>((_, reject) => {
    this.interrupt = (reason) => reject(new Interrupted(reason));
  });
  private runner?: CancellableTask;
  private stopping = false;

  constructor(
    readonly task: StoredTask,
    private readonly deps: TaskRunnerDeps
  ) {
    // The interruption promise is only awaited in a race; this keeps it from being reported as unhandled.
    this.interrupted.catch(() => undefined);
  }

  get label(): string {
    return `${this.task.taskType} "${this.task.id}"`;
  }

  async run(): Promise<void> {
    const lease = setTimeout(() => {
      this.deps.logger.warn(`Task ${this.label} took longer than its timeout of ${this.deps.timeoutMs}ms; cancelling it`);
      this.abort();
      this.interrupt('timeout');
    }, this.deps.timeoutMs);
    try {
      const fakeRequest = this.task.user ? this.deps.createFakeRequest?.(this.task.user) : undefined;
      this.runner = this.deps.definition.createTaskRunner({
        taskInstance: this.publicInstance(),
        executionUuid: randomUUID(),
        abortController: this.abortController,
        signal: this.abortController.signal,
        fakeRequest,
      });
      const result = await Promise.race([this.runner.run(), this.interrupted]);
      if (result?.error) this.fail(result.error);
      else this.write(this.completionFor(result ?? undefined));
    } catch (error) {
      if (error instanceof Interrupted && error.reason === 'shutdown') this.release();
      else if (this.stopping) this.release();
      else this.fail(error instanceof Interrupted ? new Error(`Task ${this.label} timed out after ${this.deps.timeoutMs}ms`) : (error as Error));
    } finally {
      clearTimeout(lease);
      await this.cleanup();
    }
  }

  /** Shutdown, step one: ask the task to stop; a result it still returns is kept. */
  requestStop(): void {
    this.stopping = true;
    this.abort();
  }

  /** Shutdown, step two: stop waiting and hand the task back for the next start. */
  forceStop(): void {
    this.interrupt('shutdown');
  }

  private abort(): void {
    if (this.abortController.signal.aborted) return;
    this.abortController.abort();
    this.runner?.cancel?.().catch((error: Error) => this.deps.logger.warn(`Cancelling task ${this.label} failed: ${error.message}`));
  }

  private async cleanup(): Promise<void> {
    try {
      await this.runner?.cleanup?.();
    } catch (error) {
      this.deps.logger.warn(`Cleaning up task ${this.label} failed: ${(error as Error).message}`);
    }
  }

  private publicInstance() {
    const { user: _user, version: _version, ...instance } = this.task;
    return instance;
  }

  private completionFor(result: RunResult | undefined): TaskCompletion {
    const interval = result?.schedule?.interval ?? this.task.schedule?.interval;
    const state = result?.state ?? this.task.state;
    if (result?.shouldDeleteTask) return { kind: 'delete' };
    if (result?.runAt) return { kind: 'reschedule', status: 'idle', runAt: result.runAt, state, attempts: 0, interval };
    if (interval) return { kind: 'reschedule', status: 'idle', runAt: this.nextInterval(interval), state, attempts: 0, interval };
    return { kind: 'delete' };
  }

  /** Counted from the start of this run, so a recurring task keeps its cadence however long it ran. */
  private nextInterval(interval: string): Date {
    const startedAt = this.task.startedAt?.getTime() ?? Date.now();
    return new Date(startedAt + parseIntervalMs(interval));
  }

  private fail(error: Error): void {
    const { task, deps } = this;
    const interval = task.schedule?.interval;
    if (interval) {
      deps.logger.error(`Task ${this.label} failed: ${error.message}; it runs again at its next interval`);
      this.write({ kind: 'reschedule', status: 'idle', runAt: this.nextInterval(interval), state: task.state, attempts: 0, interval });
    } else if (task.attempts >= deps.maxAttempts) {
      deps.logger.error(`Task ${this.label} failed after ${task.attempts} attempts: ${error.message}`);
      this.write({ kind: 'reschedule', status: 'failed', runAt: task.runAt, state: task.state, attempts: task.attempts });
    } else {
      const delay = deps.retryDelayMs(task.attempts);
      deps.logger.warn(`Task ${this.label} failed (attempt ${task.attempts} of ${deps.maxAttempts}), retrying in ${delay}ms: ${error.message}`);
      this.write({ kind: 'reschedule', status: 'idle', runAt: new Date(Date.now() + delay), state: task.state, attempts: task.attempts });
    }
  }

  /** An attempt cut short by shutdown is not the task's fault: it gets the attempt back and runs first thing next start. */
  private release(): void {
    const { task } = this;
    this.write({
      kind: 'reschedule',
      status: 'idle',
      runAt: new Date(),
      state: task.state,
      attempts: Math.max(0, task.attempts - 1),
      interval: task.schedule?.interval,
    });
  }

  private write(completion: TaskCompletion): void {
    if (!this.deps.store.complete(this.task, this.deps.ownerId, completion)) {
      this.deps.logger.debug(`Task ${this.label} was removed or claimed by another owner; its outcome is dropped`);
    }
  }
}
