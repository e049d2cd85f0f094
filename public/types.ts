import type {
  TriggersAndActionsUIPublicPluginSetup,
  TriggersAndActionsUIPublicPluginStart,
} from '@kbn/triggers-actions-ui-plugin/public';
import type { UiActionsSetup, UiActionsStart } from '@kbn/ui-actions-plugin/public';

/* The workflows plugin has no browser contracts yet; the types exist so that other plugins can
 * depend on them without changing call sites. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface WorkflowsPublicPluginSetup {}
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface WorkflowsPublicPluginStart {}
export interface WorkflowsPublicPluginSetupDeps {
  /** Optional: without it (no alerting UI) there is no rule form to offer the `.workflows` action in. */
  triggersActionsUi?: TriggersAndActionsUIPublicPluginSetup;
  /** Optional: without it no alerts table or flyout offers "Run workflow". */
  uiActions?: UiActionsSetup;
}
export interface WorkflowsPublicPluginStartDeps {
  triggersActionsUi?: TriggersAndActionsUIPublicPluginStart;
  uiActions?: UiActionsStart;
}
