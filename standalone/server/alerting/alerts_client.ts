/*
 * The rule registry's alerts client (`getRacClientWithRequest`) over the host's alerts store.
 * Like Kibana's it authorizes the request's user itself: reading needs `alerting_read`,
 * changing status or tags `alerting_all`.
 */
import type {
  AlertDocument,
  AlertsClient,
  AlertsFindParams,
  AlertsSearchResponse,
  AlertsUpdateByQueryResponse,
  AlertWorkflowStatus,
} from '@kbn/rule-registry-plugin/server';
import { evaluateKql, KqlSyntaxError } from '../../../common/kql';
import type { HostUser } from '../auth';
import { isGranted } from '../http/authz';
import { badRequest, forbidden, notFound } from '../http/http_error';
import { securityAlertsAlias, STACK_ALERTS_ALIAS, withWorkflowStatus, withWorkflowTags, DEFAULT_SPACE_ID, type StoredAlert } from './alert_documents';
import { indexMatcher, type AlertsStore } from './alerts_store';
import { compareAlerts, matchesQuery, parseSort } from './es_query';

export const ALERTING_API_PRIVILEGES = { read: 'alerting_read', all: 'alerting_all' } as const;

export const MAX_ALERTS_SEARCH_SIZE = 10000;
const DEFAULT_SEARCH_SIZE = 10;

export interface HostAlertsClientOptions {
  store: AlertsStore;
  user: HostUser | undefined;
  now(): Date;
}

const toDocument = (alert: StoredAlert): AlertDocument => ({ ...alert.source, _id: alert._id, _index: alert._index });

/** Elasticsearch's update-by-query answer, which both bulk status and tag updates return in Kibana. */
export const updateByQueryResponse = (total: number, updated: number): AlertsUpdateByQueryResponse & Record<string, unknown> => ({
  took: 0,
  timed_out: false,
  total,
  updated,
  deleted: 0,
  batches: 1,
  version_conflicts: 0,
  noops: total - updated,
  retries: { bulk: 0, search: 0 },
  failures: [],
});

export class HostAlertsClient implements AlertsClient {
  constructor(private readonly options: HostAlertsClientOptions) {}

  private authorize(write: boolean, operation: string): void {
    const { user } = this.options;
    const granted = isGranted(user, ALERTING_API_PRIVILEGES.all) || (!write && isGranted(user, ALERTING_API_PRIVILEGES.read));
    if (!granted) throw forbidden(`Unauthorized to ${operation} alerts: this needs the Kibana privilege [${write ? ALERTING_API_PRIVILEGES.all : ALERTING_API_PRIVILEGES.read}]`);
  }

  private load(id: string, index?: string): StoredAlert {
    const alert = this.options.store.get(id);
    if (!alert || !indexMatcher(index)(alert._index)) throw notFound(`Alert "${id}"${index ? ` in index "${index}"` : ''} not found`);
    return alert;
  }

  async get({ id, index }: { id: string; index?: string }): Promise<AlertDocument> {
    this.authorize(false, 'get');
    return toDocument(this.load(id, index));
  }

  async find(params: AlertsFindParams = {}): Promise<AlertsSearchResponse> {
    this.authorize(false, 'find');
    const { query, index, ruleTypeIds, consumers, from = 0, size = DEFAULT_SEARCH_SIZE, sort } = params;
    if (size > MAX_ALERTS_SEARCH_SIZE || from + size > MAX_ALERTS_SEARCH_SIZE) {
      throw badRequest(`Result window is too large, from + size must be less than or equal to: [${MAX_ALERTS_SEARCH_SIZE}]`);
    }
    const now = this.options.now();
    const matching = this.options.store
      .list(index)
      .filter(({ source }) => !ruleTypeIds?.length || ruleTypeIds.includes(source['kibana.alert.rule.rule_type_id'] as string))
      .filter(({ source }) => !consumers?.length || consumers.includes(source['kibana.alert.rule.consumer'] as string))
      .filter((alert) => matchesQuery(query, alert, now))
      .sort(compareAlerts(parseSort(sort)));
    return {
      took: 0,
      timed_out: false,
      hits: {
        total: { value: matching.length, relation: 'eq' },
        max_score: null,
        hits: matching.slice(from, from + size).map((alert) => ({ _id: alert._id, _index: alert._index, _score: null, _source: alert.source })),
      },
    };
  }

  async update({ id, index, status }: { id: string; index: string; status: AlertWorkflowStatus }) {
    this.authorize(true, 'update');
    const alert = this.load(id, index);
    const [changed] = this.setStatus([alert._id], status);
    return { _id: alert._id, _index: alert._index, result: changed ? ('updated' as const) : ('noop' as const) };
  }

  async bulkUpdate({ ids, query, index, status }: { ids?: string[]; query?: string; index: string; status: AlertWorkflowStatus }) {
    this.authorize(true, 'update');
    if (!ids?.length && !query) throw badRequest('Either ids or query must be provided');
    const inIndex = this.options.store.list(index);
    const targets = ids?.length ? inIndex.filter(({ _id }) => ids.includes(_id)) : inIndex.filter(({ source }) => this.matchesKql(query!, source));
    return updateByQueryResponse(targets.length, this.setStatus(targets.map(({ _id }) => _id), status).length);
  }

  async bulkUpdateTags({ ids, index, add = [], remove = [] }: { ids: string[]; index?: string; add?: string[]; remove?: string[] }) {
    this.authorize(true, 'update');
    const matches = indexMatcher(index);
    const changed = this.options.store.update(ids, (alert) => (matches(alert._index) ? withWorkflowTags(alert.source, { add, remove }) : undefined));
    return updateByQueryResponse(ids.length, changed.length);
  }

  /** Host extension for the security solution's `signals/status` route, whose query is query DSL. */
  async updateStatusByQuery({ query, index, status }: { query: Record<string, unknown>; index?: string; status: AlertWorkflowStatus }) {
    this.authorize(true, 'update');
    const now = this.options.now();
    const targets = this.options.store.list(index).filter((alert) => matchesQuery(query, alert, now));
    return updateByQueryResponse(targets.length, this.setStatus(targets.map(({ _id }) => _id), status).length);
  }

  async getAuthorizedAlertsIndices(_ruleTypeIds: string[]): Promise<string[] | undefined> {
    this.authorize(false, 'find');
    return [STACK_ALERTS_ALIAS, securityAlertsAlias(DEFAULT_SPACE_ID)];
  }

  private setStatus(ids: string[], status: AlertWorkflowStatus): StoredAlert[] {
    const options = { status, now: this.options.now(), username: this.options.user?.username };
    return this.options.store.update(ids, ({ source }) => (source['kibana.alert.workflow_status'] === status ? undefined : withWorkflowStatus(source, options)));
  }

  private matchesKql(query: string, source: Record<string, unknown>): boolean {
    try {
      return evaluateKql(query, source);
    } catch (error) {
      if (error instanceof KqlSyntaxError) throw badRequest(`Invalid query: ${error.message}`);
      throw error;
    }
  }
}
