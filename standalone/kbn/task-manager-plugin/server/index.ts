/* The slice of Kibana's Task Manager contracts (x-pack/platform/plugins/shared/task_manager) the plugin uses. */
import type { KibanaRequest } from '@kbn/core/server';

export type TaskStatus = 'idle' | 'claiming' | 'running' | 'failed' | 'should_delete' | 'unrecognized' | 'dead_letter';

export interface IntervalSchedule {
  interval: string;
}

export interface TaskInstance {
  id?: string;
  taskType: string;
  params: Record<string, any>;
  state: Record<string, any>;
  runAt?: Date;
  schedule?: IntervalSchedule;
  scope?: string[];
  enabled?: boolean;
}

export interface ConcreteTaskInstance extends TaskInstance {
  id: string;
  scheduledAt: Date;
  attempts: number;
  status: TaskStatus;
  runAt: Date;
  startedAt: Date | null;
  retryAt: Date | null;
  ownerId: string | null;
}

export interface RunResult {
  state: Record<string, unknown>;
  runAt?: Date;
  schedule?: IntervalSchedule;
  error?: Error;
  shouldDeleteTask?: boolean;
}

export interface RunContext {
  taskInstance: ConcreteTaskInstance;
  fakeRequest?: KibanaRequest;
  executionUuid: string;
  /** What 9.x plugin code destructures. */
  abortController: AbortController;
  /** What newer Task Manager passes. Same signal as `abortController.signal`. */
  signal: AbortSignal;
}

export interface CancellableTask {
  run(): Promise<RunResult | void>;
  cancel?(): Promise<void>;
  cleanup?(): Promise<void>;
}

export interface TaskDefinition {
  title?: string;
  description?: string;
  /** Duration such as `5m`; a run that takes longer is cancelled. */
  timeout?: string;
  maxAttempts?: number;
  maxConcurrency?: number;
  createTaskRunner(context: RunContext): CancellableTask;
}

export type TaskDefinitionRegistry = Record<string, TaskDefinition>;

export interface TaskManagerSetupContract {
  registerTaskDefinitions(definitions: TaskDefinitionRegistry): void;
}

export interface TaskManagerStartContract {
  schedule(task: TaskInstance, options?: { request?: KibanaRequest }): Promise<ConcreteTaskInstance>;
  ensureScheduled(task: TaskInstance & { id: string }, options?: { request?: KibanaRequest }): Promise<TaskInstance>;
  runSoon(taskId: string): Promise<{ id: string; forced?: boolean }>;
  get(taskId: string): Promise<ConcreteTaskInstance>;
  remove(taskId: string): Promise<void>;
  removeIfExists(taskId: string): Promise<void>;
}
