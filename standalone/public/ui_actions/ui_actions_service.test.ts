import {
  ALERT_BULK_ACTIONS_TRIGGER,
  ALERT_FLYOUT_ACTIONS_TRIGGER,
  ALERT_ROW_ACTIONS_TRIGGER,
  type Action,
  type AlertActionContext,
} from '@kbn/ui-actions-plugin/public';
import { createUiActions } from '.';
import { HOST_TRIGGERS } from './ui_actions_service';

const alertAction = (id: string, overrides: Partial<Action<AlertActionContext>> = {}): Action<AlertActionContext> => ({
  id,
  type: id,
  getDisplayName: () => id,
  getIconType: () => 'play',
  isCompatible: async ({ alerts }) => alerts.length > 0,
  execute: jest.fn(async () => {}),
  ...overrides,
});

const oneAlert = { alerts: [{ _id: 'a1', _index: '.internal.alerts-stack.alerts-default-000001' }] };

const createService = () => {
  const warnings: string[] = [];
  const { setup, start } = createUiActions({ warn: (message) => warnings.push(message) });
  return { setup, start, warnings };
};

describe('UiActionsService', () => {
  it('offers an action only on the triggers it is attached to', async () => {
    const { setup, start } = createService();
    setup.registerAction(alertAction('runWorkflow'));
    setup.attachAction(ALERT_ROW_ACTIONS_TRIGGER, 'runWorkflow');
    setup.addTriggerAction(ALERT_BULK_ACTIONS_TRIGGER, alertAction('bulkOnly'));

    const ids = async (triggerId: string) => (await start.getTriggerCompatibleActions(triggerId, oneAlert)).map(({ id }) => id);
    expect(await ids(ALERT_ROW_ACTIONS_TRIGGER)).toEqual(['runWorkflow']);
    expect(await ids(ALERT_BULK_ACTIONS_TRIGGER)).toEqual(['bulkOnly']);
    expect(await ids(ALERT_FLYOUT_ACTIONS_TRIGGER)).toEqual([]);
  });

  it('leaves out actions whose isCompatible says no, or throws, and passes the trigger in the context', async () => {
    const { setup, start, warnings } = createService();
    const seen: unknown[] = [];
    setup.addTriggerAction(
      ALERT_ROW_ACTIONS_TRIGGER,
      alertAction('fits', {
        isCompatible: async (context) => {
          seen.push(context);
          return true;
        },
      }),
    );
    setup.addTriggerAction(ALERT_ROW_ACTIONS_TRIGGER, alertAction('needsAlerts'));
    setup.addTriggerAction(
      ALERT_ROW_ACTIONS_TRIGGER,
      alertAction('broken', { isCompatible: async () => Promise.reject(new Error('boom')) }),
    );

    const actions = await start.getTriggerCompatibleActions(ALERT_ROW_ACTIONS_TRIGGER, { alerts: [] });
    expect(actions.map(({ id }) => id)).toEqual(['fits']);
    expect(seen).toEqual([{ alerts: [], trigger: expect.objectContaining({ id: ALERT_ROW_ACTIONS_TRIGGER }) }]);
    expect(warnings).toEqual([`Action [broken] failed its compatibility check on [${ALERT_ROW_ACTIONS_TRIGGER}]: Error: boom`]);
  });

  it('lists the highest order first, then by id', async () => {
    const { setup, start } = createService();
    for (const [id, order] of [
      ['b', 0],
      ['a', 0],
      ['first', 10],
    ] as const)
      setup.addTriggerAction(ALERT_FLYOUT_ACTIONS_TRIGGER, alertAction(id, { order }));
    expect(start.getTriggerActions(ALERT_FLYOUT_ACTIONS_TRIGGER).map(({ id }) => id)).toEqual(['first', 'a', 'b']);
  });

  it('executes the one compatible action with the context and the trigger', async () => {
    const { setup, start } = createService();
    const action = alertAction('runWorkflow');
    setup.addTriggerAction(ALERT_FLYOUT_ACTIONS_TRIGGER, action);
    await start.executeTriggerActions(ALERT_FLYOUT_ACTIONS_TRIGGER, oneAlert);
    expect(action.execute).toHaveBeenCalledWith({
      ...oneAlert,
      trigger: HOST_TRIGGERS.find(({ id }) => id === ALERT_FLYOUT_ACTIONS_TRIGGER),
    });
  });

  it.each([
    ['no action fits', [], `No compatible actions found to execute for trigger [triggerId = ${ALERT_ROW_ACTIONS_TRIGGER}].`],
    [
      'several fit',
      ['x', 'y'],
      `Several actions fit trigger [triggerId = ${ALERT_ROW_ACTIONS_TRIGGER}] (x, y); execute the chosen one directly.`,
    ],
  ])('refuses to execute when %s', async (_case, actionIds, message) => {
    const { setup, start } = createService();
    for (const id of actionIds) setup.addTriggerAction(ALERT_ROW_ACTIONS_TRIGGER, alertAction(id));
    await expect(start.executeTriggerActions(ALERT_ROW_ACTIONS_TRIGGER, oneAlert)).rejects.toThrow(message);
  });

  it('detaches and unregisters actions', async () => {
    const { setup, start } = createService();
    setup.addTriggerAction(ALERT_ROW_ACTIONS_TRIGGER, alertAction('x'));
    setup.attachAction(ALERT_BULK_ACTIONS_TRIGGER, 'x');
    setup.detachAction(ALERT_ROW_ACTIONS_TRIGGER, 'x');
    expect(start.getTriggerActions(ALERT_ROW_ACTIONS_TRIGGER)).toEqual([]);
    expect(start.getTriggerActions(ALERT_BULK_ACTIONS_TRIGGER).map(({ id }) => id)).toEqual(['x']);
    setup.unregisterAction('x');
    expect(start.hasAction('x')).toBe(false);
    expect(start.getTriggerActions(ALERT_BULK_ACTIONS_TRIGGER)).toEqual([]);
  });

  type Fixture = ReturnType<typeof createService>;
  it.each<[string, (fixture: Fixture) => unknown, string]>([
    [
      'registering an action twice',
      ({ setup }) => [1, 2].forEach(() => setup.registerAction(alertAction('x'))),
      'Action [action.id = x] already registered.',
    ],
    [
      'registering a trigger twice',
      ({ setup }) => setup.registerTrigger({ id: ALERT_ROW_ACTIONS_TRIGGER }),
      `Trigger [trigger.id = ${ALERT_ROW_ACTIONS_TRIGGER}] already registered.`,
    ],
    [
      'attaching to an unknown trigger',
      ({ setup }) => setup.addTriggerAction('nope', alertAction('x')),
      'No trigger [triggerId = nope] exists, for attaching action [actionId = x].',
    ],
    [
      'attaching an unknown action',
      ({ setup }) => setup.attachAction(ALERT_ROW_ACTIONS_TRIGGER, 'ghost'),
      'Action [actionId = ghost] is not registered.',
    ],
    ['asking an unknown trigger', ({ start }) => start.getTriggerActions('nope'), 'Trigger [triggerId = nope] does not exist.'],
  ])('throws on %s', (_case, act, message) => {
    expect(() => act(createService())).toThrow(message);
  });
});
