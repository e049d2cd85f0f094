/*
 * Runs a rule's actions for the alerts of one rule run, as Kibana's action scheduler does:
 * - system actions (such as `.workflows`) run once with all alerts, their params built by the
 *   connector adapter from the summarized alerts;
 * - default actions of the fired group run once per alert, or once per run when
 *   `frequency.summary` is set, with params rendered from mustache variables (or built by an
 *   adapter when the connector type has one).
 * Each execution goes through the actions client of the rule's API key owner. `notify_when` and
 * `throttle` are stored but not applied: every push is a run whose alerts are all new, for which
 * `onActiveAlert` and `onActionGroupChange` both fire, and the host does not throttle.
 */
import type { KibanaRequest, Logger } from '@kbn/core/server';
import type { ActionTypeExecutorResult, ActionsClient, PluginStartContract as ActionsStart } from '@kbn/actions-plugin/server';
import type { CombinedSummarizedAlerts, ConnectorAdapter, RuleAction, RuleSystemAction } from '@kbn/alerting-plugin/server';
import { DEFAULT_SPACE_ID, toAlertHit, type StoredAlert } from './alert_documents';
import { renderParams } from './mustache';
import type { ConnectorAdapterRegistry } from './registries';
import type { StoredRule } from './rules_store';

export interface ActionOutcome {
  id: string;
  uuid: string;
  status: 'ok' | 'error';
  message?: string;
  data?: unknown;
}

export interface RuleActionsDeps {
  adapters: ConnectorAdapterRegistry;
  getActions(): ActionsStart;
  /** A request acting as the named user, like Task Manager's fake requests; undefined if there is no such user. */
  createUserRequest(username: string): KibanaRequest | undefined;
  publicBaseUrl: string;
  logger: Logger;
}

export interface RuleRun {
  rule: StoredRule;
  ruleType: { producer: string; defaultActionGroupId: string; actionGroups: Array<{ id: string; name: string }> };
  alerts: StoredAlert[];
  executionUuid: string;
  now: Date;
}

/** Kibana's default rule details page (the rule type has no view-in-app URL). */
export const ruleUrlFor = (publicBaseUrl: string, ruleId: string) => `${publicBaseUrl}/app/management/insightsAndAlerting/triggersActions/rule/${ruleId}`;

function summarize(alerts: StoredAlert[]): CombinedSummarizedAlerts {
  const hits = alerts.map(toAlertHit);
  const none = { count: 0, data: [] };
  // Every pushed alert is new: a push is one rule run that found these alerts.
  return { new: { count: hits.length, data: hits }, ongoing: none, recovered: none, all: { count: hits.length, data: hits } };
}

/** `message: serviceMessage` as Kibana's rule event log shows a failed action. */
const describeFailure = (result: ActionTypeExecutorResult<unknown>) =>
  [result.message, result.serviceMessage].filter(Boolean).join(': ') || 'the action failed';

export class RuleActionsRunner {
  constructor(private readonly deps: RuleActionsDeps) {}

  async run(run: RuleRun): Promise<ActionOutcome[]> {
    const { rule } = run;
    if (rule.actions.length === 0 && rule.systemActions.length === 0) return [];
    const request = rule.apiKeyOwner ? this.deps.createUserRequest(rule.apiKeyOwner) : undefined;
    if (!request) {
      const message = `Actions run as the rule's last editor "${rule.apiKeyOwner ?? ''}", who is not a user of this host; save the rule again to run them as you`;
      return [...rule.systemActions, ...rule.actions].map(({ id, uuid }) => ({ id, uuid, status: 'error', message }));
    }
    const client = await this.deps.getActions().getActionsClientWithRequest(request);
    const outcomes: ActionOutcome[] = [];
    for (const action of rule.systemActions) outcomes.push(await this.runSystemAction(client, run, action));
    for (const action of rule.actions.filter(({ group }) => group === run.ruleType.defaultActionGroupId)) {
      const summary = action.frequency?.summary ?? false;
      const batches = summary ? [run.alerts] : run.alerts.map((alert) => [alert]);
      for (const alerts of batches) outcomes.push(await this.runDefaultAction(client, run, action, { alerts, summary }));
    }
    return outcomes;
  }

  private adapterParams(adapter: ConnectorAdapter, run: RuleRun, alerts: StoredAlert[], params: Record<string, unknown>): Record<string, unknown> {
    const { rule } = run;
    return adapter.buildActionParams({
      alerts: summarize(alerts),
      rule: { id: rule.id, name: rule.name, tags: rule.tags, consumer: rule.consumer, producer: run.ruleType.producer, ruleTypeId: rule.alertTypeId },
      ruleUrl: ruleUrlFor(this.deps.publicBaseUrl, rule.id),
      spaceId: DEFAULT_SPACE_ID,
      params,
    });
  }

  private async runSystemAction(client: ActionsClient, run: RuleRun, action: RuleSystemAction): Promise<ActionOutcome> {
    const adapter = this.deps.adapters.get(action.actionTypeId);
    if (!adapter) return { id: action.id, uuid: action.uuid, status: 'error', message: `No connector adapter is registered for ${action.actionTypeId}` };
    return this.execute(client, run, action, () => this.adapterParams(adapter, run, run.alerts, action.params), action.uuid);
  }

  private async runDefaultAction(
    client: ActionsClient,
    run: RuleRun,
    action: RuleAction,
    { alerts, summary }: { alerts: StoredAlert[]; summary: boolean }
  ): Promise<ActionOutcome> {
    const adapter = this.deps.adapters.get(action.actionTypeId);
    const key = summary ? action.uuid : `${action.uuid}:${alerts[0]._id}`;
    return this.execute(
      client,
      run,
      action,
      () => (adapter ? this.adapterParams(adapter, run, alerts, action.params) : renderParams(action.params, this.variables(run, action, alerts, summary))),
      key
    );
  }

  private variables(run: RuleRun, action: RuleAction, alerts: StoredAlert[], summary: boolean): Record<string, unknown> {
    const { rule, now } = run;
    const base = {
      rule: { id: rule.id, name: rule.name, tags: rule.tags, type: rule.alertTypeId, spaceId: DEFAULT_SPACE_ID, params: rule.params, url: ruleUrlFor(this.deps.publicBaseUrl, rule.id) },
      date: now.toISOString(),
      kibanaBaseUrl: this.deps.publicBaseUrl,
      state: {},
    };
    if (summary) return { ...base, alerts: summarize(alerts), context: {} };
    const alert = alerts[0];
    const { _id, _index, ...document } = toAlertHit(alert);
    const group = run.ruleType.actionGroups.find(({ id }) => id === action.group);
    return {
      ...(action.useAlertDataForTemplate ? document : {}),
      ...base,
      context: { reason: alert.source['kibana.alert.reason'], severity: alert.source['kibana.alert.severity'], alert: document },
      alert: {
        id: alert.source['kibana.alert.instance.id'],
        uuid: alert._id,
        actionGroup: action.group,
        actionGroupName: group?.name ?? action.group,
        flapping: false,
        consecutiveMatches: 1,
      },
    };
  }

  /**
   * The execution id names this side effect (rule run, action, alert): the actions client
   * answers a repeated pair from its ledger instead of sending again.
   */
  private async execute(
    client: ActionsClient,
    run: RuleRun,
    action: { id: string; uuid: string },
    buildParams: () => Record<string, unknown>,
    key: string
  ): Promise<ActionOutcome> {
    const { id, uuid } = action;
    try {
      const result = await client.execute({ actionId: id, params: buildParams(), executionId: `${run.executionUuid}:${key}`, spaceId: DEFAULT_SPACE_ID });
      if (result.status === 'ok') return { id, uuid, status: 'ok', ...(result.data !== undefined ? { data: result.data } : {}) };
      return { id, uuid, status: 'error', message: describeFailure(result) };
    } catch (error) {
      this.deps.logger.warn(`Action ${id} of rule ${run.rule.id} failed: ${(error as Error).message}`);
      return { id, uuid, status: 'error', message: (error as Error).message };
    }
  }
}
