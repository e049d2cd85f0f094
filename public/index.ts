import type { PluginInitializerContext } from '@kbn/core/public';
import { WorkflowsPublicPlugin } from './plugin';

export type {
  WorkflowsPublicPluginSetup,
  WorkflowsPublicPluginStart,
  WorkflowsPublicPluginSetupDeps,
  WorkflowsPublicPluginStartDeps,
} from './types';

export function plugin(initializerContext: PluginInitializerContext) {
  return new WorkflowsPublicPlugin(initializerContext);
}
