/*
 * The slice of Kibana's rule registry server contract (x-pack/platform/plugins/shared/rule_registry)
 * the plugin uses: the alerts-as-data client (`AlertsClient`, reached with `getRacClientWithRequest`).
 */
import type { KibanaRequest } from '@kbn/core/server';

/** Security's workflow statuses; `in-progress` is the deprecated spelling of `acknowledged`. */
export type AlertWorkflowStatus = 'open' | 'acknowledged' | 'closed' | 'in-progress';

/** An alert document as stored: flattened dotted keys (`kibana.alert.rule.name`), plus its `_id` and `_index`. */
export type AlertDocument = Record<string, unknown> & { _id: string; _index: string };

export interface AlertsSearchHit {
  _id: string;
  _index: string;
  _score: number | null;
  _source: Record<string, unknown>;
}

/** The part of an Elasticsearch search response the alerts client answers with. */
export interface AlertsSearchResponse {
  took: number;
  timed_out: boolean;
  hits: { total: { value: number; relation: 'eq' }; max_score: number | null; hits: AlertsSearchHit[] };
}

export interface AlertsFindParams {
  /**
   * Elasticsearch query DSL over the flattened fields. The host evaluates match_all, match_none,
   * term, terms, match, match_phrase, exists, range, ids and bool.
   */
  query?: Record<string, unknown>;
  /** Index, alias or wildcard pattern (`.alerts-security.alerts-default`, `.alerts-*`). */
  index?: string;
  ruleTypeIds?: string[];
  consumers?: string[];
  size?: number;
  from?: number;
  /** `[{ '@timestamp': { order: 'desc' } }]`, `[{ field: 'asc' }]` or `['field']`; default newest first. */
  sort?: unknown;
}

export interface AlertsUpdateByQueryResponse {
  total: number;
  updated: number;
  failures: unknown[];
}

export interface AlertsClient {
  /** Throws a 404 error when no alert has this id (in this index). */
  get(params: { id: string; index?: string }): Promise<AlertDocument>;
  find(params?: AlertsFindParams): Promise<AlertsSearchResponse>;
  update(params: { id: string; index: string; status: AlertWorkflowStatus }): Promise<{ _id: string; _index: string; result: 'updated' | 'noop' }>;
  /** Ids, or a KQL query over the alert fields, in one index (alias or pattern). */
  bulkUpdate(params: { ids?: string[]; query?: string; index: string; status: AlertWorkflowStatus }): Promise<AlertsUpdateByQueryResponse>;
  /**
   * Host addition, the security solution's `POST /api/detection_engine/signals/tags` as a client
   * method (Kibana's alerts client has no tags method in this slice): edits `kibana.alert.workflow_tags`.
   */
  bulkUpdateTags(params: { ids: string[]; index?: string; add?: string[]; remove?: string[] }): Promise<AlertsUpdateByQueryResponse>;
  getAuthorizedAlertsIndices(ruleTypeIds: string[]): Promise<string[] | undefined>;
}

/** Kibana's setup contract (rule data service) is not part of this slice. */
export type RuleRegistryPluginSetupContract = Record<string, never>;

export interface RuleRegistryPluginStartContract {
  getRacClientWithRequest(request: KibanaRequest): Promise<AlertsClient>;
}
