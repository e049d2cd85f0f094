/*
 * Alert documents (alerts-as-data, KIBANA_CONTRACTS.md section 9): stored flattened with dotted
 * keys as Elasticsearch keeps them, and expanded into nested objects for actions, as Kibana's
 * `expandFlattenedAlert` does before it hands alerts to connector adapters.
 */
import { randomUUID } from 'node:crypto';
import type { AlertHit } from '@kbn/alerting-plugin/server';
import type { StoredRule } from './rules_store';

export const DEFAULT_SPACE_ID = 'default';
export const STACK_ALERTS_ALIAS = '.alerts-stack.alerts-default';
export const securityAlertsAlias = (spaceId: string) => `.alerts-security.alerts-${spaceId}`;

/** Security rules (consumer `siem`) write to the space's security index; stack rules share the `default` one. */
export function alertsIndexFor(consumer: string, spaceId = DEFAULT_SPACE_ID): string {
  const alias = consumer === 'siem' ? securityAlertsAlias(spaceId) : STACK_ALERTS_ALIAS;
  return `.internal${alias}-000001`;
}

/** `.internal.alerts-stack.alerts-default-000001` → `.alerts-stack.alerts-default`. */
export const aliasOfIndex = (index: string) => index.replace(/^\.internal/, '').replace(/-\d{6}$/, '');

export interface StoredAlert {
  _id: string;
  _index: string;
  ruleId: string;
  source: Record<string, unknown>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** `{ host: { name: 'a' } }` and `{ 'host.name': 'a' }` both become `{ 'host.name': 'a' }`; arrays stay values. */
export function flattenObject(input: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && Object.keys(value).length > 0) Object.assign(flat, flattenObject(value, path));
    else flat[path] = value;
  }
  return flat;
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] = isPlainObject(existing) && isPlainObject(value) ? mergeInto({ ...existing }, value) : value;
  }
  return target;
}

/** Kibana's `expandFlattenedAlert`: each top-level dotted key becomes nested objects, merged together. */
export function expandFlattenedAlert(source: Record<string, unknown>): Record<string, unknown> {
  const expanded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    const nested = key
      .split('.')
      .reduceRight<unknown>((inner, part) => ({ [part]: inner }), value) as Record<string, unknown>;
    mergeInto(expanded, nested);
  }
  return expanded;
}

/** What connector adapters and action variables get: `{ _id, _index, ...expanded source }`. */
export const toAlertHit = (alert: StoredAlert): AlertHit => ({ _id: alert._id, _index: alert._index, ...expandFlattenedAlert(alert.source) });

export interface BuildAlertOptions {
  rule: StoredRule;
  ruleType: { producer: string; name: string; defaultActionGroupId?: string };
  /** The pushed fields, nested or dotted. */
  fields: Record<string, unknown>;
  executionUuid: string;
  now: Date;
}

/**
 * The rule and lifecycle fields are the host's: pushed values for them are overwritten. A pushed
 * `@timestamp` is the source event's time and is kept as `kibana.alert.original_time`.
 */
export function buildAlertDocument({ rule, ruleType, fields, executionUuid, now }: BuildAlertOptions): StoredAlert {
  const pushed = flattenObject(fields);
  const uuid = randomUUID();
  const timestamp = now.toISOString();
  const pushedTags = [pushed.tags ?? []].flat().filter((tag): tag is string => typeof tag === 'string');
  const originalTime = pushed['@timestamp'];
  const source: Record<string, unknown> = {
    ...pushed,
    '@timestamp': timestamp,
    ...(originalTime !== undefined ? { 'kibana.alert.original_time': originalTime } : {}),
    'event.kind': 'signal',
    'event.action': 'open',
    'kibana.alert.uuid': uuid,
    'kibana.alert.instance.id': typeof pushed['kibana.alert.instance.id'] === 'string' ? pushed['kibana.alert.instance.id'] : uuid,
    'kibana.alert.status': 'active',
    'kibana.alert.workflow_status': 'open',
    'kibana.alert.action_group': ruleType.defaultActionGroupId ?? 'default',
    'kibana.alert.flapping': false,
    'kibana.alert.start': timestamp,
    'kibana.alert.duration.us': 0,
    'kibana.alert.time_range': { gte: timestamp },
    'kibana.alert.rule.name': rule.name,
    'kibana.alert.rule.uuid': rule.id,
    'kibana.alert.rule.rule_type_id': rule.alertTypeId,
    'kibana.alert.rule.consumer': rule.consumer,
    'kibana.alert.rule.producer': ruleType.producer,
    'kibana.alert.rule.category': ruleType.name,
    'kibana.alert.rule.tags': rule.tags,
    'kibana.alert.rule.parameters': rule.params,
    'kibana.alert.rule.execution.uuid': executionUuid,
    'kibana.alert.rule.revision': rule.revision,
    'kibana.space_ids': [DEFAULT_SPACE_ID],
    tags: [...new Set([...pushedTags, ...rule.tags])],
  };
  return { _id: uuid, _index: alertsIndexFor(rule.consumer), ruleId: rule.id, source };
}

export type WorkflowStatus = 'open' | 'acknowledged' | 'closed' | 'in-progress';

/** Security's workflow status update: the status, when and by whom. */
export function withWorkflowStatus(source: Record<string, unknown>, options: { status: WorkflowStatus; now: Date; username?: string }): Record<string, unknown> {
  return {
    ...source,
    'kibana.alert.workflow_status': options.status,
    'kibana.alert.workflow_status_updated_at': options.now.toISOString(),
    ...(options.username ? { 'kibana.alert.workflow_user': options.username } : {}),
  };
}

const stringsOf = (value: unknown): string[] => [value ?? []].flat().filter((item): item is string => typeof item === 'string');

export function withWorkflowTags(source: Record<string, unknown>, { add = [], remove = [] }: { add?: string[]; remove?: string[] }): Record<string, unknown> {
  const tags = [...new Set([...stringsOf(source['kibana.alert.workflow_tags']), ...add])].filter((tag) => !remove.includes(tag));
  return { ...source, 'kibana.alert.workflow_tags': tags };
}

export function withCaseId(source: Record<string, unknown>, caseId: string): Record<string, unknown> {
  return { ...source, 'kibana.alert.case_ids': [...new Set([...stringsOf(source['kibana.alert.case_ids']), caseId])] };
}
