import type { CoreStart } from '@kbn/core/public';
import {
  ALERT_BULK_ACTIONS_TRIGGER,
  ALERT_FLYOUT_ACTIONS_TRIGGER,
  ALERT_ROW_ACTIONS_TRIGGER,
  type Action,
  type UiActionsSetup,
} from '@kbn/ui-actions-plugin/public';
import { RUN_WORKFLOW_ON_ALERT_ACTION, createRunWorkflowAction, registerRunWorkflowAction } from './run_workflow_action';
import { ALERTS } from './run_workflow_modal.mocks';

const trigger = { id: ALERT_ROW_ACTIONS_TRIGGER };
const core = { marker: 'core start' } as unknown as CoreStart;

describe('the "Run workflow" alert action', () => {
  it('is registered once and attached to the row, bulk and flyout alert triggers', () => {
    const registered: Action[] = [];
    const attached: Array<[string, string]> = [];
    const uiActions = {
      registerAction: (action: Action) => registered.push(action),
      attachAction: (triggerId: string, actionId: string) => attached.push([triggerId, actionId]),
    } as unknown as UiActionsSetup;

    registerRunWorkflowAction(uiActions, { getCore: async () => core });

    expect(registered.map(({ id }) => id)).toEqual([RUN_WORKFLOW_ON_ALERT_ACTION]);
    expect(attached).toEqual([
      [ALERT_ROW_ACTIONS_TRIGGER, RUN_WORKFLOW_ON_ALERT_ACTION],
      [ALERT_BULK_ACTIONS_TRIGGER, RUN_WORKFLOW_ON_ALERT_ACTION],
      [ALERT_FLYOUT_ACTIONS_TRIGGER, RUN_WORKFLOW_ON_ALERT_ACTION],
    ]);
  });

  it('is called "Run workflow" with the play icon', () => {
    const action = createRunWorkflowAction({ getCore: async () => core });
    expect(action.getDisplayName({ alerts: ALERTS, trigger })).toBe('Run workflow');
    expect(action.getIconType({ alerts: ALERTS, trigger })).toBe('play');
  });

  it.each([
    ['one alert', { alerts: ALERTS.slice(0, 1) }, true],
    ['several alerts', { alerts: ALERTS }, true],
    ['no alert', { alerts: [] }, false],
    ['an alert without its index', { alerts: [{ _id: 'a' }] }, false],
    ['no alerts key', {}, false],
  ])('is compatible with %s: %s', async (_case, context, expected) => {
    const action = createRunWorkflowAction({ getCore: async () => core });
    expect(await action.isCompatible({ ...(context as { alerts: typeof ALERTS }), trigger })).toBe(expected);
  });

  it('opens the picker with the started core and only the alert addresses', async () => {
    const openModal = jest.fn(async () => {});
    const action = createRunWorkflowAction({ getCore: async () => core, openModal });
    await action.execute({ alerts: ALERTS, trigger });
    expect(openModal).toHaveBeenCalledWith(core, { alerts: ALERTS });
  });
});
