/**
 * Runner tasks: the durable side of the run queue. One recurring Task Manager task per user that
 * runs act for (and one for runs that act for nobody), scheduled with that user's request, so
 * Task Manager keeps the credentials, spreads the tasks over nodes and hands them over when a
 * node dies. Each run of the task takes the due runs of its user onto the node it runs on.
 */
import type { KibanaRequest } from '@kbn/core/server';
import type { TaskDefinitionRegistry, TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import type { RunDispatcher } from './run_dispatcher';

export const WORKFLOW_RUNNER_TASK = 'workflow:runner';

export interface WorkflowRunnerTaskParams {
  /** Absent for the runner of runs that act for no user. */
  runnerKey?: string;
}

export const runnerTaskId = (runnerKey: string | undefined) => `${WORKFLOW_RUNNER_TASK}:${runnerKey === undefined ? '-' : `user:${runnerKey}`}`;

export function workflowRunnerTaskDefinition(getDispatcher: () => Promise<RunDispatcher>): TaskDefinitionRegistry {
  return {
    [WORKFLOW_RUNNER_TASK]: {
      title: 'Workflow runner',
      description: 'Takes the runs of one user that are due and held by no live node: parked runs whose time came, runs of a node that died',
      timeout: '1m',
      createTaskRunner: ({ taskInstance, fakeRequest }) => ({
        async run() {
          const { runnerKey } = taskInstance.params as WorkflowRunnerTaskParams;
          await (await getDispatcher()).pump(runnerKey, fakeRequest);
          return { state: {} };
        },
      }),
    },
  };
}

/** Schedules runner tasks once per process and user, and asks them to look for work now. */
export class RunnerTasks {
  private readonly ensured = new Map<string, Promise<void>>();

  constructor(
    private readonly taskManager: TaskManagerStartContract,
    private readonly interval: string
  ) {}

  /** The runner task of `runnerKey` exists (scheduled with `request`, whose user it runs as). */
  ensure(runnerKey: string | undefined, request?: KibanaRequest): Promise<void> {
    const id = runnerTaskId(runnerKey);
    let ensured = this.ensured.get(id);
    if (!ensured) {
      const params: WorkflowRunnerTaskParams = runnerKey === undefined ? {} : { runnerKey };
      ensured = this.taskManager
        .ensureScheduled(
          { id, taskType: WORKFLOW_RUNNER_TASK, params, state: {}, schedule: { interval: this.interval }, scope: ['workflows'] },
          request ? { request } : undefined
        )
        .then(() => undefined);
      ensured.catch(() => this.ensured.delete(id));
      this.ensured.set(id, ensured);
    }
    return ensured;
  }

  /** Forgets that the task exists (it was found gone), so the next `ensure` schedules it again. */
  forget(runnerKey: string | undefined) {
    this.ensured.delete(runnerTaskId(runnerKey));
  }

  /** Asks the runner task of `runnerKey` to run now. False when the task is gone. */
  async runSoon(runnerKey: string | undefined): Promise<boolean> {
    return this.taskManager.runSoon(runnerTaskId(runnerKey)).then(
      () => true,
      () => false
    );
  }
}
