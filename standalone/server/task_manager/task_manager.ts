/*
 * Task Manager for the standalone host, on SQLite. Like Kibana's it polls (every 500 ms by
 * default) and runs at most `maxWorkers` tasks at once; unlike a plain poller it also claims
 * right away when a due task is scheduled, made to run soon, or a worker frees up, so a new
 * run does not wait for the next tick.
 */
import { randomUUID } from 'node:crypto';
import type { KibanaRequest, Logger } from '@kbn/core/server';
import type {
  ConcreteTaskInstance,
  TaskDefinition,
  TaskDefinitionRegistry,
  TaskInstance,
  TaskManagerSetupContract,
  TaskManagerStartContract,
} from '@kbn/task-manager-plugin/server';
import { parseIntervalMs } from './interval';
import { acquireOwnerLock, type OwnerLock } from './owner_lock';
import { TaskRunner } from './task_runner';
import { TaskConflictError, TaskStore, type ClaimableType, type StoredTask } from './task_store';

export interface TaskManagerOptions {
  /** The SQLite file, e.g. `<data>/kibana.sqlite`. */
  file: string;
  logger: Logger;
  /** Written to claimed tasks; Kibana uses `kibana:<server uuid>`. */
  ownerId?: string;
  pollIntervalMs?: number;
  maxWorkers?: number;
  /** Delay before retrying a one-off task after its n-th failed attempt. */
  retryDelayMs?: (attempts: number) => number;
  /** How long `stop()` waits for aborted tasks before handing them back unfinished. */
  shutdownGraceMs?: number;
  /** Who scheduled a task with `{ request }`; the task later runs with a fake request for that user. */
  getRequestUsername?(request: KibanaRequest): string | undefined;
  createFakeRequest?(username: string): KibanaRequest | undefined;
}

export const DEFAULT_POLL_INTERVAL_MS = 500;
export const DEFAULT_MAX_WORKERS = 10;
export const DEFAULT_TASK_TIMEOUT = '5m';
export const DEFAULT_MAX_ATTEMPTS = 3;

/** Kibana's one-off backoff: 30 s after the first failure, doubling, at most an hour. */
export const defaultRetryDelayMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

const notFound = (id: string) => Object.assign(new Error(`Saved object [task/${id}] not found`), { statusCode: 404 });

export class TaskManager {
  private readonly definitions = new Map<string, TaskDefinition>();
  private readonly running = new Map<string, { runner: TaskRunner; done: Promise<void> }>();
  private readonly store: TaskStore;
  private readonly ownerId: string;
  private pollTimer?: NodeJS.Timeout;
  private ownerLock?: OwnerLock;
  private state: 'idle' | 'polling' | 'stopped' = 'idle';

  constructor(private readonly options: TaskManagerOptions) {
    this.store = new TaskStore(options.file);
    this.ownerId = options.ownerId ?? `kibana:${randomUUID()}`;
  }

  setup(): TaskManagerSetupContract {
    return { registerTaskDefinitions: (definitions) => this.register(definitions) };
  }

  start(): TaskManagerStartContract {
    return {
      schedule: (task, options) => this.schedule(task, options?.request),
      ensureScheduled: async (task, options) => {
        try {
          await this.schedule(task, options?.request);
        } catch (error) {
          if (!(error instanceof TaskConflictError)) throw error;
        }
        return task;
      },
      runSoon: async (id) => this.runSoon(id),
      get: async (id) => this.get(id),
      remove: async (id) => {
        if (!this.store.remove(id)) throw notFound(id);
      },
      removeIfExists: async (id) => {
        this.store.remove(id);
      },
    };
  }

  /** Called once every plugin has started, so no task runs against a half-started plugin. */
  startPolling(): void {
    if (this.state !== 'idle') return;
    this.state = 'polling';
    this.takeOverOwnTasks();
    this.pollTimer = setInterval(() => this.poll(), this.options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
    this.pollTimer.unref();
    this.poll();
  }

  /** Aborts running tasks, waits briefly for them, hands unfinished ones back, closes the database. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    clearInterval(this.pollTimer);
    const inFlight = [...this.running.values()];
    for (const { runner } of inFlight) runner.requestStop();
    let graceTimer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      graceTimer = setTimeout(resolve, this.options.shutdownGraceMs ?? 5000);
    });
    await Promise.race([Promise.allSettled(inFlight.map(({ done }) => done)), grace]);
    clearTimeout(graceTimer);
    for (const { runner } of this.running.values()) runner.forceStop();
    await Promise.allSettled(inFlight.map(({ done }) => done));
    this.store.close();
    this.ownerLock?.release();
  }

  /**
   * Tasks still claimed under this owner id at start were claimed by an earlier process of this
   * node. Once the owner lock shows that process is gone (see `owner_lock.ts`), they are claimed
   * again right away instead of an hour later when their leases run out. The interrupted attempt
   * still counts, as on lease expiry, so a task that kills the process every time ends up failed
   * instead of crashing the host in a loop.
   */
  private takeOverOwnTasks(): void {
    const { logger, file } = this.options;
    this.ownerLock = acquireOwnerLock(file, this.ownerId);
    if (!this.ownerLock) {
      logger.warn(
        `Another running process uses Task Manager owner id "${this.ownerId}" (the same data folder?); tasks it claimed are taken over only when their leases expire`
      );
      return;
    }
    const taken = this.store.expireLeases(this.ownerId, new Date());
    if (taken > 0) logger.info(`Taking over ${taken} task(s) that an earlier process of this node left unfinished`);
  }

  private register(definitions: TaskDefinitionRegistry): void {
    if (this.state !== 'idle') throw new Error('Cannot register task definitions after the "setup" lifecycle stage.');
    for (const [type, definition] of Object.entries(definitions)) {
      if (this.definitions.has(type)) throw new Error(`Task ${type} is already defined!`);
      parseIntervalMs(definition.timeout ?? DEFAULT_TASK_TIMEOUT);
      if (definition.maxAttempts !== undefined && definition.maxAttempts < 1) throw new Error(`Task ${type}: maxAttempts must be at least 1`);
      this.definitions.set(type, definition);
    }
  }

  private async schedule(task: TaskInstance, request?: KibanaRequest): Promise<ConcreteTaskInstance> {
    if (this.state === 'stopped') throw new Error('Task Manager is stopped');
    if (!this.definitions.has(task.taskType)) {
      throw new Error(`Unsupported task type "${task.taskType}". Supported types are ${[...this.definitions.keys()].join(', ')}`);
    }
    if (task.schedule) parseIntervalMs(task.schedule.interval);
    const now = new Date();
    const instance: ConcreteTaskInstance = {
      ...task,
      id: task.id ?? randomUUID(),
      enabled: task.enabled ?? true,
      runAt: task.runAt ?? now,
      scheduledAt: now,
      attempts: 0,
      status: 'idle',
      startedAt: null,
      retryAt: null,
      ownerId: null,
    };
    this.store.insert(instance, (request && this.options.getRequestUsername?.(request)) ?? null);
    if (instance.runAt.getTime() <= now.getTime()) this.dispatchSoon();
    return instance;
  }

  private runSoon(id: string): { id: string } {
    const task = this.store.get(id);
    if (!task) throw notFound(id);
    if (!this.store.runSoon(id, new Date())) {
      const reason = task.status === 'running' || task.status === 'claiming' ? 'it is currently running' : `its status is "${task.status}"`;
      throw new Error(`Failed to run task "${id}" as ${reason}`);
    }
    this.dispatchSoon();
    return { id };
  }

  private get(id: string): ConcreteTaskInstance {
    const task = this.store.get(id);
    if (!task) throw notFound(id);
    const { user: _user, version: _version, ...instance } = task;
    return instance;
  }

  /** After the caller's current synchronous work, before any timer: no poll wait for a new run. */
  private dispatchSoon(): void {
    if (this.state === 'polling') queueMicrotask(() => this.poll());
  }

  private poll(): void {
    if (this.state !== 'polling') return;
    const capacity = (this.options.maxWorkers ?? DEFAULT_MAX_WORKERS) - this.running.size;
    if (capacity <= 0) return;
    try {
      const { claimed, exhausted } = this.store.claim({
        ownerId: this.ownerId,
        now: new Date(),
        types: this.claimableTypes(),
        limit: capacity,
        skip: new Set(this.running.keys()),
      });
      for (const task of exhausted) {
        this.options.logger.error(`Task ${task.taskType} "${task.id}" was interrupted ${task.attempts} times; marked as failed`);
      }
      for (const task of claimed) this.launch(task);
    } catch (error) {
      this.options.logger.error(`Claiming tasks failed: ${(error as Error).message}`);
    }
  }

  private claimableTypes(): Map<string, ClaimableType> {
    const runningByType = new Map<string, number>();
    for (const { runner } of this.running.values()) {
      runningByType.set(runner.task.taskType, (runningByType.get(runner.task.taskType) ?? 0) + 1);
    }
    return new Map(
      [...this.definitions].map(([type, definition]) => [
        type,
        {
          timeoutMs: parseIntervalMs(definition.timeout ?? DEFAULT_TASK_TIMEOUT),
          maxAttempts: definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
          capacity: (definition.maxConcurrency ?? Infinity) - (runningByType.get(type) ?? 0),
        },
      ])
    );
  }

  private launch(task: StoredTask): void {
    const definition = this.definitions.get(task.taskType)!;
    const runner = new TaskRunner(task, {
      store: this.store,
      ownerId: this.ownerId,
      logger: this.options.logger,
      definition,
      maxAttempts: definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      timeoutMs: parseIntervalMs(definition.timeout ?? DEFAULT_TASK_TIMEOUT),
      retryDelayMs: this.options.retryDelayMs ?? defaultRetryDelayMs,
      createFakeRequest: this.options.createFakeRequest,
    });
    const done = runner
      .run()
      .catch((error: Error) => this.options.logger.error(`Task ${runner.label} could not be completed: ${error.message}`))
      .finally(() => {
        this.running.delete(task.id);
        this.poll();
      });
    this.running.set(task.id, { runner, done });
  }
}
