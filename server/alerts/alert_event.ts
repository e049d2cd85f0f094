/** The `event` a workflow sees when alerts start it: from a rule action or from "Run workflow" on alerts. */
import { expandAlert } from './expand_alert';

export interface AlertEventRule {
  id: string;
  name: string;
  tags: string[];
  consumer: string;
  producer: string;
  ruleTypeId: string;
}

export interface AlertEvent {
  [key: string]: unknown;
  triggerType: 'alert';
  alerts: Array<Record<string, unknown>>;
  rule: AlertEventRule;
  ruleUrl?: string;
  spaceId: string;
  params?: Record<string, unknown>;
}

export function buildAlertEvent(options: {
  alerts: Array<Record<string, unknown>>;
  rule: AlertEventRule;
  ruleUrl?: string;
  spaceId: string;
  params?: Record<string, unknown>;
}): AlertEvent {
  return {
    triggerType: 'alert',
    alerts: options.alerts.map(expandAlert),
    rule: options.rule,
    ...(options.ruleUrl ? { ruleUrl: options.ruleUrl } : {}),
    spaceId: options.spaceId,
    ...(options.params ? { params: options.params } : {}),
  };
}

const read = (alert: Record<string, unknown>, path: string): unknown =>
  alert[path] ?? path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), alert);

/** The rule an alert came from, read from its `kibana.alert.rule.*` fields (for "Run workflow" on alerts). */
export function ruleOfAlert(alert: Record<string, unknown>): AlertEventRule {
  const text = (path: string) => {
    const value = read(alert, path);
    return typeof value === 'string' ? value : '';
  };
  const tags = read(alert, 'kibana.alert.rule.tags');
  return {
    id: text('kibana.alert.rule.uuid'),
    name: text('kibana.alert.rule.name'),
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
    consumer: text('kibana.alert.rule.consumer'),
    producer: text('kibana.alert.rule.producer'),
    ruleTypeId: text('kibana.alert.rule.rule_type_id'),
  };
}

export { read as readAlertField };
