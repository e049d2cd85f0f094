/**
 * The Task Manager task that runs an execution. One task per execution: Task Manager gives
 * durability and hand-over when a node dies; the engine makes a second attempt resume, not repeat.
 */
import type { TaskDefinitionRegistry } from '@kbn/task-manager-plugin/server';
import type { WorkflowEngine } from './workflow_engine';

export const WORKFLOW_RUN_TASK = 'workflow:run';

export interface WorkflowRunTaskParams {
  spaceId: string;
  executionId: string;
}

export const runTaskId = (executionId: string) => `${WORKFLOW_RUN_TASK}:${executionId}`;

export function workflowRunTaskDefinition(getEngine: () => Promise<WorkflowEngine>): TaskDefinitionRegistry {
  return {
    [WORKFLOW_RUN_TASK]: {
      title: 'Workflow run',
      description: 'Runs one workflow execution to its end, or until it parks on a long wait',
      timeout: '1h',
      maxAttempts: 3,
      createTaskRunner: ({ taskInstance, abortController }) => ({
        async run() {
          const { spaceId, executionId } = taskInstance.params as WorkflowRunTaskParams;
          const engine = await getEngine();
          const outcome = await engine.runExecution(spaceId, executionId, abortController.signal);
          if (outcome?.status === 'waiting') return { state: {}, runAt: outcome.resumeAt };
          return { state: {}, shouldDeleteTask: true };
        },
      }),
    },
  };
}
