/** The plugin's Task Manager task types: runners, scheduled triggers, and the orphan sweep. */
import type { Logger } from '@kbn/core/server';
import type { TaskManagerSetupContract, TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import type { PluginServices } from '../services/create_plugin_services';
import { scheduledTaskDefinition } from '../scheduling/scheduled_task';
import { workflowRunnerTaskDefinition } from './runner_task';
import { sweepTaskDefinition } from './sweep_task';

export function registerTaskTypes(
  taskManager: TaskManagerSetupContract,
  deps: { getServices(): Promise<PluginServices>; getTaskManager(): Promise<TaskManagerStartContract>; logger: Logger }
) {
  taskManager.registerTaskDefinitions(workflowRunnerTaskDefinition(async () => (await deps.getServices()).dispatcher));
  taskManager.registerTaskDefinitions(
    scheduledTaskDefinition(async () => {
      const { workflows, store } = await deps.getServices();
      return {
        getWorkflow: (spaceId, workflowId) => store.getWorkflow(spaceId, workflowId),
        startRun: async (spaceId, workflowId, request) => void (await workflows.run(spaceId, workflowId, { triggeredBy: 'scheduled', request })),
      };
    }, deps.logger.get('scheduler'))
  );
  taskManager.registerTaskDefinitions(
    sweepTaskDefinition(async () => ({ store: (await deps.getServices()).store, taskManager: await deps.getTaskManager() }), deps.logger.get('sweep'))
  );
}
