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
      createTaskRunner: ({ taskInstance, abortController, fakeRequest }) => ({
        async run() {
          const { spaceId, executionId } = taskInstance.params as WorkflowRunTaskParams;
          const engine = await getEngine();
          const outcome = await engine.runExecution(spaceId, executionId, abortController.signal, fakeRequest);
          if (outcome && 'resumeAt' in outcome) return { state: {}, runAt: outcome.resumeAt };
          // Stopped with the process: fail the attempt so Task Manager runs it again (the engine resumes).
          if (outcome?.status === 'interrupted') throw new Error(`Run ${executionId} was interrupted; it resumes on the next attempt`);
          return { state: {}, shouldDeleteTask: true };
        },
      }),
    },
  };
}
