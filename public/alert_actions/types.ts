import type { ApplicationStart, HttpStart, NotificationsStart } from '@kbn/core/public';
import type { AlertReference } from '@kbn/ui-actions-plugin/public';

/** What running a workflow on alerts needs from core. */
export interface RunWorkflowServices {
  http: HttpStart;
  notifications: NotificationsStart;
  application: Pick<ApplicationStart, 'getUrlForApp' | 'navigateToUrl'>;
}

/**
 * The run's `inputs.event` for alerts picked in the UI: the server fetches these documents and
 * builds the same event (`alerts`, `rule`, `ruleUrl`, `spaceId`) a rule run would.
 */
export interface AlertRunEvent {
  triggerType: 'alert';
  alertIds: AlertReference[];
}
