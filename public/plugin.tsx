import { DEFAULT_APP_CATEGORIES, type CoreSetup, type CoreStart, type Plugin, type PluginInitializerContext } from '@kbn/core/public';
import { i18n } from '@kbn/i18n';
import { PLUGIN_ID } from '../common/api';
import { registerRunWorkflowAction } from './alert_actions';
import { getWorkflowsConnectorType } from './connector';
import type {
  WorkflowsPublicPluginSetup,
  WorkflowsPublicPluginSetupDeps,
  WorkflowsPublicPluginStart,
  WorkflowsPublicPluginStartDeps,
} from './types';

export class WorkflowsPublicPlugin implements Plugin<
  WorkflowsPublicPluginSetup,
  WorkflowsPublicPluginStart,
  WorkflowsPublicPluginSetupDeps,
  WorkflowsPublicPluginStartDeps
> {
  constructor(_initializerContext: PluginInitializerContext) {}

  setup(
    core: CoreSetup<WorkflowsPublicPluginStartDeps, WorkflowsPublicPluginStart>,
    plugins: WorkflowsPublicPluginSetupDeps,
  ): WorkflowsPublicPluginSetup {
    core.application.register({
      id: PLUGIN_ID,
      title: i18n.translate('workflows.app.title', { defaultMessage: 'Workflows' }),
      category: DEFAULT_APP_CATEGORIES.management,
      euiIconType: 'workflowsApp',
      order: 1,
      mount: async (params) => {
        const [coreStart] = await core.getStartServices();
        const { renderApp } = await import('./application');
        return renderApp(coreStart, params);
      },
    });
    plugins.triggersActionsUi?.actionTypeRegistry.register(
      getWorkflowsConnectorType({
        getServices: async () => {
          const [{ http, application }] = await core.getStartServices();
          return { http, application };
        },
      }),
    );
    if (plugins.uiActions) {
      registerRunWorkflowAction(plugins.uiActions, { getCore: async () => (await core.getStartServices())[0] });
    }
    return {};
  }

  start(_core: CoreStart, _plugins: WorkflowsPublicPluginStartDeps): WorkflowsPublicPluginStart {
    return {};
  }
}
