/**
 * A recurring task that fails runs nobody can take any more: unfinished, held by no live node,
 * and their runner task is gone (deleted by hand, or lost with an index). No run stays
 * `running` or `waiting` forever.
 */
import type { Logger } from '@kbn/core/server';
import type { TaskDefinitionRegistry, TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import type { ExecutionStatus } from '../../common/api';
import type { WorkflowStore } from '../storage/types';
import { runnerTaskId } from './runner_task';

export const WORKFLOW_SWEEP_TASK = 'workflow:sweep';
export const WORKFLOW_SWEEP_TASK_ID = 'workflow:sweep';
const SWEEP_INTERVAL = '1m';
const BATCH = 500;
const UNFINISHED: ExecutionStatus[] = ['pending', 'running', 'waiting', 'waiting_for_input'];

export const ORPHAN_MESSAGE = 'The run was interrupted and its runner task is gone, so it cannot resume';

/** Fails the unfinished, non-queued runs of `spaceId` that no node holds and no runner task can take; returns their ids. */
export async function sweepOrphans(store: WorkflowStore, taskManager: TaskManagerStartContract, spaceId: string, now = new Date()): Promise<string[]> {
  const { results } = await store.searchExecutions({ spaceId, statuses: UNFINISHED, queued: false, oldestFirst: true, page: 1, size: BATCH });
  const runnerExists = new Map<string, Promise<boolean>>();
  const hasRunner = (runnerKey: string | undefined) => {
    const id = runnerTaskId(runnerKey);
    if (!runnerExists.has(id)) runnerExists.set(id, taskManager.get(id).then(() => true, () => false));
    return runnerExists.get(id)!;
  };
  const orphans: string[] = [];
  for (const execution of results) {
    const held = execution.leaseOwner && execution.leaseExpiresAt && Date.parse(execution.leaseExpiresAt) > now.getTime();
    if (held || (await hasRunner(execution.runnerKey))) continue;
    const failed = await store.updateExecution(
      spaceId,
      execution.id,
      { status: 'failed', finishedAt: now.toISOString(), error: { message: ORPHAN_MESSAGE, type: 'OrphanedRunError' } },
      UNFINISHED
    );
    if (failed) orphans.push(execution.id);
  }
  return orphans;
}

export function sweepTaskDefinition(getDeps: () => Promise<{ store: WorkflowStore; taskManager: TaskManagerStartContract }>, logger: Logger): TaskDefinitionRegistry {
  return {
    [WORKFLOW_SWEEP_TASK]: {
      title: 'Workflow run sweep',
      description: 'Fails runs whose task is gone',
      timeout: '5m',
      createTaskRunner: () => ({
        async run() {
          const { store, taskManager } = await getDeps();
          const orphans = await sweepOrphans(store, taskManager, 'default');
          if (orphans.length) logger.warn(`Failed ${orphans.length} orphaned run(s): ${orphans.join(', ')}`);
          return { state: {} };
        },
      }),
    },
  };
}

export const ensureSweepScheduled = (taskManager: TaskManagerStartContract) =>
  taskManager.ensureScheduled({ id: WORKFLOW_SWEEP_TASK_ID, taskType: WORKFLOW_SWEEP_TASK, params: {}, state: {}, schedule: { interval: SWEEP_INTERVAL }, scope: ['workflows'] });
