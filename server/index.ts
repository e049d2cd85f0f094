import type { PluginInitializerContext } from '@kbn/core/server';
import type { WorkflowsConfig } from './config';

export { config } from './config';
export type { WorkflowsServerPluginSetup, WorkflowsServerPluginStart } from './types';

export async function plugin(initializerContext: PluginInitializerContext<WorkflowsConfig>) {
  const { WorkflowsPlugin } = await import('./plugin');
  return new WorkflowsPlugin(initializerContext);
}
