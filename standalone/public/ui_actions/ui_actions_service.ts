/*
 * The host's `uiActions`: a registry of triggers and actions. Plugins attach actions to triggers in
 * setup; the host's pages (the Alerts page is one) ask at render time which actions fit their
 * context and draw them as buttons or menu items.
 */
import {
  ALERT_BULK_ACTIONS_TRIGGER,
  ALERT_FLYOUT_ACTIONS_TRIGGER,
  ALERT_ROW_ACTIONS_TRIGGER,
  type Action,
  type Trigger,
  type UiActionsSetup,
  type UiActionsStart,
} from '@kbn/ui-actions-plugin/public';

/** Triggers the host's own pages offer; registered before any plugin's setup attaches to them. */
export const HOST_TRIGGERS: Trigger[] = [
  { id: ALERT_ROW_ACTIONS_TRIGGER, title: 'Alerts table row', description: 'Actions on one alert, in its row of the alerts table' },
  { id: ALERT_BULK_ACTIONS_TRIGGER, title: 'Alerts table bulk actions', description: 'Actions on the alerts selected in the alerts table' },
  { id: ALERT_FLYOUT_ACTIONS_TRIGGER, title: 'Alert flyout', description: 'The "Take action" menu of the alert details flyout' },
];

const byOrderThenId = (a: Action, b: Action) => (b.order ?? 0) - (a.order ?? 0) || a.id.localeCompare(b.id);

export class UiActionsService {
  private readonly triggers = new Map<string, Trigger>();
  private readonly actions = new Map<string, Action>();
  /** Trigger id → ids of the actions attached to it, in attachment order. */
  private readonly attachments = new Map<string, Set<string>>();

  constructor(private readonly logger: { warn(message: string): void } = console) {}

  setup(): UiActionsSetup {
    return {
      registerTrigger: (trigger) => {
        if (this.triggers.has(trigger.id)) throw new Error(`Trigger [trigger.id = ${trigger.id}] already registered.`);
        this.triggers.set(trigger.id, trigger);
        this.attachments.set(trigger.id, new Set());
      },
      registerAction: (action) => {
        if (this.actions.has(action.id)) throw new Error(`Action [action.id = ${action.id}] already registered.`);
        this.actions.set(action.id, action as Action);
      },
      unregisterAction: (actionId) => {
        if (!this.actions.delete(actionId)) throw new Error(`Action [action.id = ${actionId}] is not registered.`);
        for (const attached of this.attachments.values()) attached.delete(actionId);
      },
      attachAction: (triggerId, actionId) => this.attachedTo(triggerId, actionId).add(actionId),
      detachAction: (triggerId, actionId) => this.attachedTo(triggerId, actionId).delete(actionId),
      addTriggerAction: (triggerId, action) => {
        if (!this.actions.has(action.id)) this.actions.set(action.id, action as Action);
        this.attachedTo(triggerId, action.id).add(action.id);
      },
    };
  }

  start(): UiActionsStart {
    return {
      ...this.setup(),
      hasAction: (actionId) => this.actions.has(actionId),
      getAction: (actionId) => {
        const action = this.actions.get(actionId);
        if (!action) throw new Error(`Action [action.id = ${actionId}] not registered.`);
        return action;
      },
      getTrigger: (triggerId) => this.trigger(triggerId),
      getTriggerActions: (triggerId) => this.triggerActions(triggerId),
      getTriggerCompatibleActions: (triggerId, context) => this.compatibleActions(triggerId, context),
      executeTriggerActions: async (triggerId, context) => {
        const actions = await this.compatibleActions(triggerId, context);
        if (actions.length === 0) throw new Error(`No compatible actions found to execute for trigger [triggerId = ${triggerId}].`);
        // Kibana opens a context menu at the pointer to choose among several; the host has no
        // pointer position here, so its pages list the actions themselves and execute the chosen one.
        if (actions.length > 1) {
          throw new Error(
            `Several actions fit trigger [triggerId = ${triggerId}] (${actions.map(({ id }) => id).join(', ')}); execute the chosen one directly.`,
          );
        }
        await actions[0].execute({ ...context, trigger: this.trigger(triggerId) });
      },
    };
  }

  private trigger(triggerId: string): Trigger {
    const trigger = this.triggers.get(triggerId);
    if (!trigger) throw new Error(`Trigger [triggerId = ${triggerId}] does not exist.`);
    return trigger;
  }

  private attachedTo(triggerId: string, actionId: string): Set<string> {
    const attached = this.attachments.get(triggerId);
    if (!attached) throw new Error(`No trigger [triggerId = ${triggerId}] exists, for attaching action [actionId = ${actionId}].`);
    if (!this.actions.has(actionId)) throw new Error(`Action [actionId = ${actionId}] is not registered.`);
    return attached;
  }

  private triggerActions(triggerId: string): Action[] {
    this.trigger(triggerId);
    return [...(this.attachments.get(triggerId) ?? [])].map((id) => this.actions.get(id)!).sort(byOrderThenId);
  }

  private async compatibleActions(triggerId: string, context: object): Promise<Action[]> {
    const trigger = this.trigger(triggerId);
    const actions = this.triggerActions(triggerId);
    const verdicts = await Promise.all(
      actions.map(async (action) => {
        try {
          return await action.isCompatible({ ...context, trigger });
        } catch (error) {
          // One plugin's broken check must not take the whole menu down with it.
          this.logger.warn(`Action [${action.id}] failed its compatibility check on [${triggerId}]: ${String(error)}`);
          return false;
        }
      }),
    );
    return actions.filter((_, index) => verdicts[index]);
  }
}
