import type { CoreSetup, CoreStart, KibanaRequest, Logger, Plugin, PluginInitializerContext } from '@kbn/core/server';
import type { WorkflowsConfig } from './config';
import { workflowsFeature } from './features';
import { registerRoutes } from './routes';
import { registerTaskTypes } from './engine/register_task_types';
import { ensureSweepScheduled } from './engine/sweep_task';
import { createPluginServices, type PluginServices } from './services/create_plugin_services';
import { createWorkflowStore } from './storage/create_store';
import { workflowsActionType } from './connector/workflows_action_type';
import { workflowsConnectorAdapter } from './connector/connector_adapter';
import type { WorkflowsServerPluginSetup, WorkflowsServerPluginStart, WorkflowsServerSetupDeps, WorkflowsServerStartDeps } from './types';

export class WorkflowsPlugin
  implements Plugin<WorkflowsServerPluginSetup, WorkflowsServerPluginStart, WorkflowsServerSetupDeps, WorkflowsServerStartDeps>
{
  private readonly logger: Logger;
  private readonly config: WorkflowsConfig;
  private readonly nodeId: string;
  private readonly services: Promise<PluginServices>;
  private resolveServices!: (services: PluginServices) => void;
  private rejectServices!: (error: Error) => void;
  private getCurrentUser?: (request: KibanaRequest) => string | undefined;

  constructor(context: PluginInitializerContext<WorkflowsConfig>) {
    this.logger = context.logger.get();
    this.config = context.config.get();
    this.nodeId = context.env.instanceUuid;
    this.services = new Promise((resolve, reject) => {
      this.resolveServices = resolve;
      this.rejectServices = reject;
    });
    // Routes and tasks await the services; an unopened store must not also crash the process.
    this.services.catch(() => undefined);
  }

  setup(core: CoreSetup<WorkflowsServerStartDeps, WorkflowsServerPluginStart>, plugins: WorkflowsServerSetupDeps): WorkflowsServerPluginSetup {
    plugins.features.registerKibanaFeature(workflowsFeature);
    plugins.actions.registerType(workflowsActionType(async (job) => (await this.services).alertRuns.start(job)));
    plugins.alerting?.registerConnectorAdapter(workflowsConnectorAdapter);
    registerTaskTypes(plugins.taskManager, {
      getServices: () => this.services,
      getTaskManager: async () => (await core.getStartServices())[1].taskManager,
      logger: this.logger,
    });
    registerRoutes(core.http.createRouter(), {
      logger: this.logger.get('routes'),
      getServices: () => this.services,
      // Spaces come with the spaces plugin; until then every record lives in the default space.
      getSpaceId: () => 'default',
      getUsername: (request) => this.getCurrentUser?.(request) ?? 'unknown',
    });
    return {};
  }

  /** Kibana's lifecycle is synchronous: the store opens in the background and routes await it. */
  start(core: CoreStart, plugins: WorkflowsServerStartDeps): WorkflowsServerPluginStart {
    this.getCurrentUser = (request) => core.security?.authc.getCurrentUser(request)?.username;
    createWorkflowStore(this.config.storage).then(
      (store) => {
        const services = createPluginServices({
          store,
          config: this.config,
          logger: this.logger,
          nodeId: this.nodeId,
          core,
          taskManager: plugins.taskManager,
          actions: plugins.actions,
          ruleRegistry: plugins.ruleRegistry,
        });
        this.resolveServices(services);
        services.recoverRuns().catch((error: Error) => this.logger.warn(`Unfinished runs could not be resumed: ${error.message}`));
      },
      (error: Error) => {
        this.logger.error(`Workflow storage could not be opened: ${error.message}`);
        this.rejectServices(error);
      }
    );
    ensureSweepScheduled(plugins.taskManager).catch((error: Error) => this.logger.warn(`The run sweep could not be scheduled: ${error.message}`));
    return { getWorkflowsService: async () => (await this.services).workflows };
  }

  async stop() {
    const services = await this.services.catch(() => undefined);
    await services?.dispatcher.stop();
    await services?.store.close();
  }
}
