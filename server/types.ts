import type { PluginSetupContract as ActionsPluginSetup, PluginStartContract as ActionsPluginStart } from '@kbn/actions-plugin/server';
import type { FeaturesPluginSetup } from '@kbn/features-plugin/server';
import type { TaskManagerSetupContract, TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import type { AlertingServerSetup } from '@kbn/alerting-plugin/server';
import type { RuleRegistryPluginStartContract } from '@kbn/rule-registry-plugin/server';
import type { WorkflowsService } from './workflows/workflows_service';

export interface WorkflowsServerSetupDeps {
  taskManager: TaskManagerSetupContract;
  features: FeaturesPluginSetup;
  actions: ActionsPluginSetup;
  alerting?: AlertingServerSetup;
}

export interface WorkflowsServerStartDeps {
  taskManager: TaskManagerStartContract;
  actions: ActionsPluginStart;
  ruleRegistry?: RuleRegistryPluginStartContract;
}

export type WorkflowsServerPluginSetup = Record<string, never>;

export interface WorkflowsServerPluginStart {
  /** Saves, searches and runs workflows; for other plugins (e.g. a rule action) in-process. */
  getWorkflowsService(): Promise<WorkflowsService>;
}
