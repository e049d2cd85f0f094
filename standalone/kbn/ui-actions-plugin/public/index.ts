/*
 * The slice of Kibana's `uiActions` plugin contract (`src/platform/plugins/shared/ui_actions/public`)
 * that the workflows plugin uses: actions, triggers, and the attachment between them. Shapes follow
 * Kibana 9.x; standalone/public/ui_actions implements them.
 */

/** A place in the UI where actions can be offered, e.g. the row menu of the alerts table. */
export interface Trigger {
  id: string;
  title?: string;
  description?: string;
}

/** What every action receives: the caller's context plus the trigger that offered it. */
export interface ActionExecutionMeta {
  trigger: Trigger;
}

export type ActionExecutionContext<Context extends object = object> = Context & ActionExecutionMeta;

export interface Action<Context extends object = object> {
  /** Unique among registered actions. */
  readonly id: string;
  /** The kind of action; several instances of one type may be registered under different ids. */
  readonly type: string;
  /** Higher numbers are listed first in menus. */
  order?: number;
  getDisplayName(context: ActionExecutionContext<Context>): string;
  getIconType(context: ActionExecutionContext<Context>): string | undefined;
  getDisplayNameTooltip?(context: ActionExecutionContext<Context>): string;
  /** An action that is a link offers its URL so menus can render a real anchor. */
  getHref?(context: ActionExecutionContext<Context>): Promise<string | undefined>;
  /** Whether the action can work on this context; incompatible actions are not shown. */
  isCompatible(context: ActionExecutionContext<Context>): Promise<boolean>;
  execute(context: ActionExecutionContext<Context>): Promise<void>;
}

export interface UiActionsSetup {
  registerTrigger(trigger: Trigger): void;
  registerAction<Context extends object>(action: Action<Context>): void;
  unregisterAction(actionId: string): void;
  /** Offers a registered action on a registered trigger. */
  attachAction(triggerId: string, actionId: string): void;
  detachAction(triggerId: string, actionId: string): void;
  /** `registerAction` (unless already registered) and `attachAction` in one call. */
  addTriggerAction<Context extends object>(triggerId: string, action: Action<Context>): void;
}

export interface UiActionsStart extends UiActionsSetup {
  hasAction(actionId: string): boolean;
  getAction(actionId: string): Action;
  getTrigger(triggerId: string): Trigger;
  /** Every action attached to the trigger, compatible or not, highest `order` first. */
  getTriggerActions(triggerId: string): Action[];
  /** The attached actions whose `isCompatible` accepts this context, highest `order` first. */
  getTriggerCompatibleActions<Context extends object>(triggerId: string, context: Context): Promise<Action[]>;
  /** Runs the one compatible action; see the host's implementation for what happens with several. */
  executeTriggerActions<Context extends object>(triggerId: string, context: Context): Promise<void>;
}

/*
 * Alert triggers. Kibana's alerts table and alert flyout take their row, bulk and "Take action"
 * items from per-solution configuration rather than from `uiActions` triggers; these three ids
 * stand in for those extension points so that one action can be offered by any alerts table that
 * reads them (the standalone host's Alerts page does). The context of all three is
 * `AlertActionContext`: one alert for a row or the flyout, the selected alerts for a bulk action.
 */
export const ALERT_ROW_ACTIONS_TRIGGER = 'alertsTableRowActions';
export const ALERT_BULK_ACTIONS_TRIGGER = 'alertsTableBulkActions';
export const ALERT_FLYOUT_ACTIONS_TRIGGER = 'alertFlyoutActions';

/** An alert document's address, as the alerts-as-data search returns it. */
export interface AlertReference {
  _id: string;
  _index: string;
}

export interface AlertActionContext {
  alerts: AlertReference[];
}
