/*
 * Kibana's rule and connector HTTP APIs as the Rules page uses them, in their wire shapes
 * (snake_case), one method per route.
 */
import type { HttpStart } from '@kbn/core/public';

export type NotifyWhen = 'onActionGroupChange' | 'onActiveAlert' | 'onThrottleInterval';

export interface RuleActionResponse {
  id: string;
  params: Record<string, unknown>;
  connector_type_id: string;
  uuid?: string;
  /** Absent on system actions. */
  group?: string;
  frequency?: { summary: boolean; notify_when: NotifyWhen; throttle: string | null };
}

export interface RuleResponse {
  id: string;
  name: string;
  tags: string[];
  enabled: boolean;
  consumer: string;
  rule_type_id: string;
  schedule: { interval: string };
  params: Record<string, unknown>;
  actions: RuleActionResponse[];
  execution_status: { status: string; last_execution_date: string; error?: { reason: string; message: string } };
  last_run?: { outcome: string; alerts_count: { active: number; new: number; recovered: number; ignored: number } };
  updated_at: string;
}

export interface RuleTypeResponse {
  id: string;
  name: string;
  action_groups: Array<{ id: string; name: string }>;
  default_action_group_id: string;
  producer: string;
}

export interface ConnectorResponse {
  id: string;
  name: string;
  connector_type_id: string;
  is_system_action: boolean;
  is_preconfigured: boolean;
  is_deprecated: boolean;
}

/** The request body of `POST /api/alerting/rule`; `PUT` takes the same without the first three. */
export interface RuleRequestBody {
  rule_type_id: string;
  consumer: string;
  enabled?: boolean;
  name: string;
  tags: string[];
  schedule: { interval: string };
  params: Record<string, unknown>;
  actions: Array<Pick<RuleActionResponse, 'id' | 'params' | 'group' | 'frequency' | 'uuid'>>;
}

export interface FindRulesResponse {
  page: number;
  per_page: number;
  total: number;
  data: RuleResponse[];
}

const RULE_API = '/api/alerting/rule';
const rulePath = (id: string) => `${RULE_API}/${encodeURIComponent(id)}`;

export class RulesApi {
  constructor(private readonly http: HttpStart) {}

  findRules(page: { page: number; perPage: number }): Promise<FindRulesResponse> {
    return this.http.get<FindRulesResponse>('/api/alerting/rules/_find', {
      query: { page: page.page, per_page: page.perPage, sort_field: 'name', sort_order: 'asc' },
    });
  }

  getRule(id: string): Promise<RuleResponse> {
    return this.http.get<RuleResponse>(rulePath(id));
  }

  createRule(body: RuleRequestBody): Promise<RuleResponse> {
    return this.http.post<RuleResponse>(RULE_API, { body: JSON.stringify(body) });
  }

  updateRule(id: string, { rule_type_id: _type, consumer: _consumer, enabled: _enabled, ...body }: RuleRequestBody): Promise<RuleResponse> {
    return this.http.put<RuleResponse>(rulePath(id), { body: JSON.stringify(body) });
  }

  setEnabled(id: string, enabled: boolean): Promise<void> {
    return this.http.post<void>(`${rulePath(id)}/${enabled ? '_enable' : '_disable'}`);
  }

  deleteRule(id: string): Promise<void> {
    return this.http.delete<void>(rulePath(id));
  }

  listRuleTypes(): Promise<RuleTypeResponse[]> {
    return this.http.get<RuleTypeResponse[]>('/api/alerting/rule_types');
  }

  /** Kibana's own UI reads the internal listing: it includes system connectors such as `.workflows`. */
  listConnectors(): Promise<ConnectorResponse[]> {
    return this.http.get<ConnectorResponse[]>('/internal/actions/connectors');
  }
}
