import type { ApplicationStart, HttpStart } from '@kbn/core/public';

/*
 * The rule-saved params of the `.workflows` action, as Elastic's connector saves them, so rules move
 * between the two. Type aliases, not interfaces: `editAction` takes Kibana's `SavedObjectAttribute`,
 * which only type aliases satisfy (they carry an implicit index signature).
 */
export type WorkflowsSubActionParams = {
  workflowId: string;
  /** true (the default): one run for all alerts of a rule run; false: one run per alert. */
  summaryMode?: boolean;
};

export type WorkflowsActionParams = {
  subAction: string;
  subActionParams: WorkflowsSubActionParams;
};

/** What the params form needs from core; in Kibana's own connector this comes from `useKibana()`. */
export interface WorkflowsConnectorServices {
  http: HttpStart;
  application: ApplicationStart;
}
