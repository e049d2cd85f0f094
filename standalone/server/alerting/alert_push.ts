/*
 * One run of a `standalone.webhook` rule: the pushed alerts become alert documents, the rule's
 * actions run for them, and the outcome is recorded on the rule (`execution_status`,
 * `last_run`) where the Rules page shows it.
 */
import { randomUUID } from 'node:crypto';
import type { RuleType } from '@kbn/alerting-plugin/server';
import { badRequest, conflict } from '../http/http_error';
import { buildAlertDocument, DEFAULT_SPACE_ID } from './alert_documents';
import type { AlertsStore } from './alerts_store';
import type { ActionOutcome, RuleActionsRunner } from './rule_actions';
import type { RulesStore, StoredRule } from './rules_store';
import { ruleNotFound } from './rules_service';
import { WEBHOOK_RULE_TYPE_ID } from './webhook_rule_type';

export interface PushResult {
  alerts: Array<{ _id: string; _index: string }>;
  actions: ActionOutcome[];
}

export interface AlertPushDeps {
  rules: RulesStore;
  alerts: AlertsStore;
  ruleType: RuleType;
  runner: RuleActionsRunner;
  now(): Date;
}

function recordOutcome(rule: StoredRule, outcome: { started: Date; finished: Date; alertCount: number; actions: ActionOutcome[] }): StoredRule {
  const failures = outcome.actions.filter(({ status }) => status === 'error').map(({ message }) => message ?? 'the action failed');
  const lastExecutionDate = outcome.started.toISOString();
  const lastDuration = outcome.finished.getTime() - outcome.started.getTime();
  const alertsCount = { active: outcome.alertCount, new: outcome.alertCount, recovered: 0, ignored: 0 };
  if (failures.length === 0) {
    return {
      ...rule,
      executionStatus: { status: 'ok', lastExecutionDate, lastDuration },
      lastRun: { outcome: 'succeeded', outcomeOrder: 0, outcomeMsg: null, warning: null, alertsCount },
    };
  }
  return {
    ...rule,
    executionStatus: { status: 'error', lastExecutionDate, lastDuration, error: { reason: 'execute', message: failures.join('; ') } },
    lastRun: { outcome: 'failed', outcomeOrder: 20, outcomeMsg: failures, warning: 'execute', alertsCount },
  };
}

export class AlertPushService {
  constructor(private readonly deps: AlertPushDeps) {}

  async push(ruleId: string, pushed: Array<Record<string, unknown>>): Promise<PushResult> {
    const { rules, alerts, ruleType, runner, now } = this.deps;
    const rule = rules.get(DEFAULT_SPACE_ID, ruleId);
    if (!rule) throw ruleNotFound(ruleId);
    if (rule.alertTypeId !== WEBHOOK_RULE_TYPE_ID) {
      throw badRequest(`Rule ${ruleId} is a "${rule.alertTypeId}" rule; only "${WEBHOOK_RULE_TYPE_ID}" rules accept pushed alerts`);
    }
    if (!rule.enabled) throw conflict(`Rule ${ruleId} is disabled; enable it to accept alerts`);

    const started = now();
    const executionUuid = randomUUID();
    const documents = pushed.map((fields) => buildAlertDocument({ rule, ruleType, fields, executionUuid, now: started }));
    alerts.insert(documents);
    const actions = await runner.run({ rule, ruleType, alerts: documents, executionUuid, now: started });
    rules.mutate(DEFAULT_SPACE_ID, ruleId, (current) => recordOutcome(current, { started, finished: now(), alertCount: documents.length, actions }));
    return { alerts: documents.map(({ _id, _index }) => ({ _id, _index })), actions };
  }
}
