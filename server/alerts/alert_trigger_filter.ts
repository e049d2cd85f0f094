/**
 * Our extension of the `alert` trigger (from Defender for Cloud's workflow automation): a run
 * starts only for alerts that match `with: { rule_name?, rule_id?, severity?, condition? }`.
 * A workflow without an alert trigger, or with one and no conditions, takes every alert.
 */
import { evaluateKql } from '../../common/kql';
import type { WorkflowDefinition } from '../../common/spec';
import { readAlertField } from './alert_event';

interface AlertTriggerConditions {
  rule_name?: string;
  rule_id?: string;
  severity?: string[];
  condition?: string;
}

const wildcard = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');

const matchesOne = (alert: Record<string, unknown>, conditions: AlertTriggerConditions): boolean => {
  if (conditions.rule_name && !wildcard(conditions.rule_name).test(String(readAlertField(alert, 'kibana.alert.rule.name') ?? ''))) return false;
  if (conditions.rule_id) {
    const ids = [readAlertField(alert, 'kibana.alert.rule.uuid'), readAlertField(alert, 'kibana.alert.rule.rule_id')];
    if (!ids.includes(conditions.rule_id)) return false;
  }
  if (conditions.severity?.length) {
    const severity = String(readAlertField(alert, 'kibana.alert.severity') ?? '').toLowerCase();
    if (!conditions.severity.map((s) => s.toLowerCase()).includes(severity)) return false;
  }
  if (conditions.condition && !evaluateKql(conditions.condition, alert)) return false;
  return true;
};

export function filterAlertsForTrigger<T extends Record<string, unknown>>(definition: WorkflowDefinition | undefined, alerts: T[]): { matching: T[]; skipped: T[] } {
  const triggers = (definition?.triggers ?? []).filter((t) => t.type === 'alert');
  const conditionSets = triggers.map((t) => ((t as { with?: AlertTriggerConditions }).with ?? {}) as AlertTriggerConditions);
  if (conditionSets.length === 0 || conditionSets.some((c) => Object.keys(c).length === 0)) return { matching: alerts, skipped: [] };
  const matching: T[] = [];
  const skipped: T[] = [];
  for (const alert of alerts) (conditionSets.some((c) => matchesOne(alert, c)) ? matching : skipped).push(alert);
  return { matching, skipped };
}
