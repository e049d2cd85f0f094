import type { CoreSetup, CoreStart, KibanaRequest, Logger, Plugin, PluginInitializerContext } from '@kbn/core/server';
import { createTemplateEngine } from '../common/templating';
import type { WorkflowsConfig } from './config';
import { workflowsFeature } from './features';
import { registerRoutes } from './routes';
import { WorkflowEngine } from './engine/workflow_engine';
import { workflowRunTaskDefinition } from './engine/run_task';
import { createStepRegistry } from './steps/registry';
import { createWorkflowStore } from './storage/create_store';
import type { WorkflowStore } from './storage/types';
import { WorkflowsService } from './workflows/workflows_service';
import type { WorkflowsServerPluginSetup, WorkflowsServerPluginStart, WorkflowsServerSetupDeps, WorkflowsServerStartDeps } from './types';

interface Services {
  workflows: WorkflowsService;
  engine: WorkflowEngine;
}

export class WorkflowsPlugin
  implements Plugin<WorkflowsServerPluginSetup, WorkflowsServerPluginStart, WorkflowsServerSetupDeps, WorkflowsServerStartDeps>
{
  private readonly logger: Logger;
  private readonly config: WorkflowsConfig;
  private store?: Promise<WorkflowStore>;
  private readonly services: Promise<Services>;
  private resolveServices!: (services: Services) => void;
  private rejectServices!: (error: Error) => void;
  private getCurrentUser?: (request: KibanaRequest) => string | undefined;

  constructor(context: PluginInitializerContext<WorkflowsConfig>) {
    this.logger = context.logger.get();
    this.config = context.config.get();
    this.services = new Promise((resolve, reject) => {
      this.resolveServices = resolve;
      this.rejectServices = reject;
    });
  }

  setup(core: CoreSetup<WorkflowsServerStartDeps, WorkflowsServerPluginStart>, plugins: WorkflowsServerSetupDeps): WorkflowsServerPluginSetup {
    plugins.features.registerKibanaFeature(workflowsFeature);
    plugins.taskManager.registerTaskDefinitions(workflowRunTaskDefinition(async () => (await this.services).engine));
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
    this.store = createWorkflowStore(this.config.storage);
    this.store.then(
      (store) => {
        const engine = new WorkflowEngine({
          store,
          registry: createStepRegistry(),
          templates: createTemplateEngine(),
          logger: this.logger.get('engine'),
          now: () => new Date(),
          kibanaUrl: core.http.basePath.publicBaseUrl ?? 'http://localhost:5601',
          inlineWaitThresholdMs: this.config.runner.inlineWaitThreshold.asMilliseconds(),
        });
        this.resolveServices({ workflows: new WorkflowsService(store, plugins.taskManager), engine });
      },
      (error: Error) => {
        this.logger.error(`Workflow storage could not be opened: ${error.message}`);
        this.rejectServices(error);
      }
    );
    return { getWorkflowsService: async () => (await this.services).workflows };
  }

  async stop() {
    await (await this.store?.catch(() => undefined))?.close();
  }
}
