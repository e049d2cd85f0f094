import type { CoreStart } from '@kbn/core/public';
import {
  ALERT_BULK_ACTIONS_TRIGGER,
  ALERT_FLYOUT_ACTIONS_TRIGGER,
  ALERT_ROW_ACTIONS_TRIGGER,
  type Action,
  type AlertActionContext,
  type UiActionsSetup,
} from '@kbn/ui-actions-plugin/public';
import { RUN_WORKFLOW_ACTION_NAME } from './translations';

export const RUN_WORKFLOW_ON_ALERT_ACTION = 'runWorkflowOnAlert';

/** Row and flyout offer it for one alert, the bulk menu for the selection: one run gets them all. */
export const RUN_WORKFLOW_ON_ALERT_TRIGGERS = [ALERT_ROW_ACTIONS_TRIGGER, ALERT_BULK_ACTIONS_TRIGGER, ALERT_FLYOUT_ACTIONS_TRIGGER];

export interface RunWorkflowActionDeps {
  /** Resolves once core has started; the action is registered at setup, before that. */
  getCore(): Promise<CoreStart>;
  /** Shows the picker; injected so that tests need no DOM root of their own. */
  openModal?(core: CoreStart, context: AlertActionContext): Promise<void>;
}

const isAlertReference = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { _id?: unknown })._id === 'string' &&
  typeof (value as { _index?: unknown })._index === 'string';

const openModalLazily = async (core: CoreStart, { alerts }: AlertActionContext) => {
  // The modal and its EUI pieces load on first use, not with the plugin.
  const { openRunWorkflowModal } = await import('./open_run_workflow_modal');
  return openRunWorkflowModal(core, alerts);
};

export const createRunWorkflowAction = ({ getCore, openModal = openModalLazily }: RunWorkflowActionDeps): Action<AlertActionContext> => ({
  id: RUN_WORKFLOW_ON_ALERT_ACTION,
  type: RUN_WORKFLOW_ON_ALERT_ACTION,
  order: 50,
  getDisplayName: () => RUN_WORKFLOW_ACTION_NAME,
  getIconType: () => 'play',
  isCompatible: async ({ alerts }) => Array.isArray(alerts) && alerts.length > 0 && alerts.every(isAlertReference),
  execute: async ({ alerts }) => openModal(await getCore(), { alerts }),
});

export const registerRunWorkflowAction = (uiActions: UiActionsSetup, deps: RunWorkflowActionDeps) => {
  const action = createRunWorkflowAction(deps);
  uiActions.registerAction(action);
  for (const triggerId of RUN_WORKFLOW_ON_ALERT_TRIGGERS) uiActions.attachAction(triggerId, action.id);
};
