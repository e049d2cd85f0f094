/**
 * One recurring Task Manager task per scheduled workflow (`workflow:scheduled`). When due it
 * starts a run and asks to be run again at the next occurrence. After downtime Task Manager
 * picks the overdue task up once, so a missed schedule runs once, not once per missed slot.
 */
import type { KibanaRequest, Logger } from '@kbn/core/server';
import type { TaskDefinitionRegistry, TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import type { WorkflowRecord } from '../storage/types';
import { parseCached } from '../workflows/definition_cache';
import { nextDue, workflowSchedules } from './workflow_schedules';

export const WORKFLOW_SCHEDULED_TASK = 'workflow:scheduled';

export const scheduledTaskId = (spaceId: string, workflowId: string) => `${WORKFLOW_SCHEDULED_TASK}:${spaceId}:${workflowId}`;

interface ScheduledTaskParams {
  spaceId: string;
  workflowId: string;
}

export interface ScheduledRunStarter {
  /** Loads the workflow; undefined when it is gone. */
  getWorkflow(spaceId: string, workflowId: string): Promise<WorkflowRecord | undefined>;
  startRun(spaceId: string, workflowId: string, request?: KibanaRequest): Promise<void>;
}

export function scheduledTaskDefinition(getStarter: () => Promise<ScheduledRunStarter>, logger: Logger): TaskDefinitionRegistry {
  return {
    [WORKFLOW_SCHEDULED_TASK]: {
      title: 'Scheduled workflow',
      description: "Starts a workflow's scheduled runs",
      timeout: '5m',
      createTaskRunner: ({ taskInstance, fakeRequest }) => ({
        async run() {
          const { spaceId, workflowId } = taskInstance.params as ScheduledTaskParams;
          const starter = await getStarter();
          const workflow = await starter.getWorkflow(spaceId, workflowId);
          const schedules = workflow?.enabled && workflow.valid ? workflowSchedules(parseCached(workflow.yaml).definition) : [];
          if (schedules.length === 0) return { state: {}, shouldDeleteTask: true };
          const now = new Date();
          try {
            await starter.startRun(spaceId, workflowId, fakeRequest);
          } catch (error) {
            // A failed start (e.g. a concurrency drop) must not stop the schedule.
            logger.warn(`Scheduled run of workflow ${workflowId} did not start: ${(error as Error).message}`);
          }
          const anchor = new Date(String(taskInstance.state.anchor ?? now.toISOString()));
          return { state: { ...taskInstance.state, lastRunAt: now.toISOString() }, runAt: nextDue(schedules, now, anchor) };
        },
      }),
    },
  };
}

/** Keeps a workflow's scheduled task in step with the workflow: (re)scheduled when due, removed otherwise. */
export class WorkflowScheduler {
  constructor(private readonly taskManager: TaskManagerStartContract) {}

  async sync(workflow: WorkflowRecord, request?: KibanaRequest): Promise<void> {
    const id = scheduledTaskId(workflow.spaceId, workflow.id);
    await this.taskManager.removeIfExists(id);
    const schedules = workflow.enabled && workflow.valid ? workflowSchedules(parseCached(workflow.yaml).definition) : [];
    if (schedules.length === 0) return;
    const now = new Date();
    const params: ScheduledTaskParams = { spaceId: workflow.spaceId, workflowId: workflow.id };
    await this.taskManager.schedule(
      { id, taskType: WORKFLOW_SCHEDULED_TASK, params, state: { anchor: now.toISOString() }, runAt: nextDue(schedules, now, now), scope: ['workflows'] },
      request ? { request } : undefined
    );
  }

  async remove(spaceId: string, workflowId: string): Promise<void> {
    await this.taskManager.removeIfExists(scheduledTaskId(spaceId, workflowId));
  }

  /** When the scheduled task runs next, if the workflow has one. */
  async nextRunAt(spaceId: string, workflowId: string): Promise<string | undefined> {
    try {
      return (await this.taskManager.get(scheduledTaskId(spaceId, workflowId))).runAt.toISOString();
    } catch {
      return undefined;
    }
  }
}
