/*
 * Rule CRUD behind the rules HTTP API and the rules client. Actions are checked the way Kibana's
 * rules client checks them: every connector must exist; system connectors (such as
 * `system-connector-.workflows`) carry only params, validated by their connector adapter;
 * default actions need a known action group and a frequency.
 */
import { randomUUID } from 'node:crypto';
import type { KibanaRequest } from '@kbn/core/server';
import type { ActionResult, PluginStartContract as ActionsStart } from '@kbn/actions-plugin/server';
import type { RuleAction, RuleSystemAction } from '@kbn/alerting-plugin/server';
import { evaluateKql, KqlSyntaxError, resolveField } from '../../../common/kql';
import type { HostUser } from '../auth';
import { badRequest, conflict, notFound, statusCodeOf } from '../http/http_error';
import { createTextMatcher } from '../text_search';
import type { AlertsStore } from './alerts_store';
import type { ConnectorAdapterRegistry, RuleTypeRegistry } from './registries';
import type { CreateRuleBody, FindRulesQuery, RuleActionRequest, UpdateRuleBody } from './rule_schemas';
import type { RulesStore, StoredRule } from './rules_store';

export const ruleNotFound = (id: string) => notFound(`Saved object [alert/${id}] not found`);

export interface RulesServiceDeps {
  store: RulesStore;
  alerts: AlertsStore;
  ruleTypes: RuleTypeRegistry;
  adapters: ConnectorAdapterRegistry;
  getActions(): ActionsStart;
  now(): Date;
  spaceId: string;
  /** After a rule is saved, enabled, disabled or deleted (undefined): keeps its scheduled task in step. */
  onRuleChanged?(id: string, rule: StoredRule | undefined): Promise<void>;
}

export interface FoundRules {
  page: number;
  perPage: number;
  total: number;
  data: StoredRule[];
}

/** Kibana's `validateActions` summary for a single error. */
const invalidActions = (message: string) => badRequest(`Failed to validate actions due to the following error: ${message}`);

const SORT_FIELDS: Record<string, string> = { created_at: 'createdAt', updated_at: 'updatedAt', rule_type_id: 'alertTypeId' };

export class RulesService {
  constructor(private readonly deps: RulesServiceDeps) {}

  get(id: string): StoredRule {
    const rule = this.deps.store.get(this.deps.spaceId, id);
    if (!rule) throw ruleNotFound(id);
    return rule;
  }

  async create(options: { id?: string; body: CreateRuleBody; user: HostUser | undefined; request: KibanaRequest }): Promise<StoredRule> {
    const { body, user, request } = options;
    const id = options.id ?? randomUUID();
    if (this.deps.store.get(this.deps.spaceId, id)) throw conflict(`Saved object [alert/${id}] conflict`);
    const ruleType = this.deps.ruleTypes.get(body.rule_type_id);
    const now = this.deps.now().toISOString();
    const rule: StoredRule = {
      id,
      name: body.name,
      tags: body.tags,
      alertTypeId: ruleType.id,
      consumer: body.consumer,
      schedule: body.schedule,
      params: this.validateParams(ruleType.id, body.params),
      ...(await this.validateActions({ ruleTypeId: ruleType.id, body, request })),
      enabled: body.enabled,
      createdBy: user?.username ?? null,
      updatedBy: user?.username ?? null,
      createdAt: now,
      updatedAt: now,
      // Kibana runs a rule with an API key of its last editor; the host runs its actions as that user.
      apiKeyOwner: user?.username ?? null,
      throttle: body.throttle ?? null,
      notifyWhen: body.notify_when ?? null,
      muteAll: false,
      mutedInstanceIds: [],
      revision: 0,
      executionStatus: { status: 'pending', lastExecutionDate: now },
      lastRun: null,
    };
    this.deps.store.insert(this.deps.spaceId, rule);
    await this.deps.onRuleChanged?.(id, rule);
    return rule;
  }

  async update(options: { id: string; body: UpdateRuleBody; user: HostUser | undefined; request: KibanaRequest }): Promise<StoredRule> {
    const { id, body, user, request } = options;
    const current = this.get(id);
    const params = this.validateParams(current.alertTypeId, body.params);
    const actions = await this.validateActions({ ruleTypeId: current.alertTypeId, body, request });
    const updated = this.deps.store.mutate(this.deps.spaceId, id, (rule) => ({
      ...rule,
      name: body.name,
      tags: body.tags,
      schedule: body.schedule,
      params,
      ...actions,
      throttle: body.throttle ?? null,
      notifyWhen: body.notify_when ?? null,
      updatedBy: user?.username ?? null,
      apiKeyOwner: user?.username ?? null,
      updatedAt: this.deps.now().toISOString(),
      revision: rule.revision + 1,
    }));
    if (!updated) throw ruleNotFound(id);
    await this.deps.onRuleChanged?.(id, updated);
    return updated;
  }

  async setEnabled(id: string, enabled: boolean, user: HostUser | undefined): Promise<void> {
    const now = this.deps.now().toISOString();
    const updated = this.deps.store.mutate(this.deps.spaceId, id, (rule) => {
      if (rule.enabled === enabled) return rule;
      const change = { ...rule, enabled, updatedBy: user?.username ?? null, updatedAt: now };
      // Kibana starts an enabled rule over as `pending`.
      return enabled ? { ...change, executionStatus: { status: 'pending', lastExecutionDate: now } } : change;
    });
    if (!updated) throw ruleNotFound(id);
    await this.deps.onRuleChanged?.(id, updated);
    // Alerts of a disabled rule no longer change: Kibana marks the active ones untracked.
    if (!enabled) this.deps.alerts.untrackRuleAlerts(id);
  }

  async delete(id: string): Promise<void> {
    if (!this.deps.store.delete(this.deps.spaceId, id)) throw ruleNotFound(id);
    await this.deps.onRuleChanged?.(id, undefined);
    this.deps.alerts.untrackRuleAlerts(id);
  }

  find(query: FindRulesQuery): FoundRules {
    let rules = this.deps.store.list(this.deps.spaceId);
    const matches = createTextMatcher(query.search, query.default_search_operator);
    if (matches) {
      const fields = query.search_fields ? [query.search_fields].flat() : ['name', 'tags'];
      rules = rules.filter((rule) => matches(fields.flatMap((field) => resolveField(rule, field).map(String))));
    }
    if (query.filter) {
      const filter = query.filter;
      try {
        rules = rules.filter((rule) => evaluateKql(filter, { alert: { attributes: rule } }));
      } catch (error) {
        if (error instanceof KqlSyntaxError) throw badRequest(`Invalid filter: ${error.message}`);
        throw error;
      }
    }
    const field = SORT_FIELDS[query.sort_field ?? 'name'] ?? query.sort_field ?? 'name';
    const direction = query.sort_order === 'desc' ? -1 : 1;
    const valueOf = (rule: StoredRule) => {
      const value = resolveField(rule, field)[0];
      return typeof value === 'string' ? value.toLowerCase() : (value as number | boolean | undefined);
    };
    rules.sort((a, b) => {
      const [x, y] = [valueOf(a), valueOf(b)];
      if (x === y) return a.id.localeCompare(b.id);
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return x < y ? -direction : direction;
    });
    const { page, per_page: perPage } = query;
    return { page, perPage, total: rules.length, data: rules.slice((page - 1) * perPage, page * perPage) };
  }

  private validateParams(ruleTypeId: string, params: Record<string, unknown>): Record<string, unknown> {
    try {
      return this.deps.ruleTypes.get(ruleTypeId).validate.params.validate(params) as Record<string, unknown>;
    } catch (error) {
      throw badRequest(`params invalid: ${(error as Error).message}`);
    }
  }

  private async validateActions(options: {
    ruleTypeId: string;
    body: { actions: RuleActionRequest[]; notify_when?: string | null };
    request: KibanaRequest;
  }): Promise<{ actions: RuleAction[]; systemActions: RuleSystemAction[] }> {
    const { ruleTypeId, body, request } = options;
    const client = await this.deps.getActions().getActionsClientWithRequest(request);
    const connectors = new Map<string, ActionResult>();
    const missing: string[] = [];
    for (const id of new Set(body.actions.map((action) => action.id))) {
      try {
        connectors.set(id, await client.get({ id, throwIfSystemAction: false }));
      } catch (error) {
        if (statusCodeOf(error) !== 404) throw error;
        missing.push(id);
      }
    }
    if (missing.length > 0) throw invalidActions(`Invalid connectors: ${missing.join(', ')}`);

    const actions: RuleAction[] = [];
    const systemActions: RuleSystemAction[] = [];
    for (const action of body.actions) {
      const connector = connectors.get(action.id)!;
      const uuid = action.uuid ?? randomUUID();
      if (connector.isSystemAction) {
        systemActions.push({ uuid, id: action.id, actionTypeId: connector.actionTypeId, params: this.validateSystemActionParams(connector.actionTypeId, action.params) });
      } else {
        actions.push({
          uuid,
          group: action.group ?? '',
          id: action.id,
          actionTypeId: connector.actionTypeId,
          params: action.params,
          ...(action.frequency
            ? { frequency: { summary: action.frequency.summary, notifyWhen: action.frequency.notify_when, throttle: action.frequency.throttle } }
            : {}),
          ...(action.use_alert_data_for_template !== undefined ? { useAlertDataForTemplate: action.use_alert_data_for_template } : {}),
        });
      }
    }

    const groups = this.deps.ruleTypes.actionGroupsOf(ruleTypeId);
    const badGroups = [...new Set(actions.map((action) => action.group).filter((group) => !groups.includes(group)))];
    if (badGroups.length > 0) throw invalidActions(`Invalid action groups: ${badGroups.join(', ')}`);
    if (!body.notify_when) {
      const withoutFrequency = [...new Set(actions.filter((action) => !action.frequency).map((action) => action.group))];
      if (withoutFrequency.length > 0) throw invalidActions(`Actions missing frequency parameters: ${withoutFrequency.join(', ')}`);
    }
    return { actions, systemActions };
  }

  private validateSystemActionParams(connectorTypeId: string, params: Record<string, unknown>): Record<string, unknown> {
    const adapter = this.deps.adapters.get(connectorTypeId);
    if (!adapter) throw badRequest(`No connector adapter is registered for the system action type ${connectorTypeId}.`);
    try {
      return adapter.ruleActionParamsSchema.validate(params) as Record<string, unknown>;
    } catch (error) {
      throw badRequest(`Invalid system action params. System action type: ${connectorTypeId} - ${(error as Error).message}`);
    }
  }
}
