/*
 * One run of a rule with the alerts it found: pushed alerts of a `standalone.webhook` rule, or
 * what a scheduled `.es-query` run found. The alerts become alert documents, the rule's actions
 * run for them, and the outcome is recorded on the rule (`execution_status`, `last_run`) where
 * the Rules page shows it.
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

interface RunOutcome {
  started: Date;
  finished: Date;
  alertCount: number;
  failures: string[];
  /** Kibana reports `active` while a scheduled rule has alerts; a push is a delivery, reported `ok`. */
  activeWhenAlerts?: boolean;
}

function recordOutcome(rule: StoredRule, outcome: RunOutcome): StoredRule {
  const { failures } = outcome;
  const lastExecutionDate = outcome.started.toISOString();
  const lastDuration = outcome.finished.getTime() - outcome.started.getTime();
  const alertsCount = { active: outcome.alertCount, new: outcome.alertCount, recovered: 0, ignored: 0 };
  if (failures.length === 0) {
    return {
      ...rule,
      executionStatus: { status: outcome.activeWhenAlerts && outcome.alertCount > 0 ? 'active' : 'ok', lastExecutionDate, lastDuration },
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
    const { rules, ruleType, now } = this.deps;
    const rule = rules.get(DEFAULT_SPACE_ID, ruleId);
    if (!rule) throw ruleNotFound(ruleId);
    if (rule.alertTypeId !== WEBHOOK_RULE_TYPE_ID) {
      throw badRequest(`Rule ${ruleId} is a "${rule.alertTypeId}" rule; only "${WEBHOOK_RULE_TYPE_ID}" rules accept pushed alerts`);
    }
    if (!rule.enabled) throw conflict(`Rule ${ruleId} is disabled; enable it to accept alerts`);

    return this.runWithAlerts({ rule, ruleType, found: pushed, started: now() });
  }

  /** Stores the found alerts, runs the rule's actions for them (none without alerts), records the outcome. */
  async runWithAlerts(run: { rule: StoredRule; ruleType: RuleType; found: Array<Record<string, unknown>>; started: Date; activeWhenAlerts?: boolean }): Promise<PushResult> {
    const { alerts, runner, rules, now } = this.deps;
    const { rule, ruleType, started } = run;
    const executionUuid = randomUUID();
    const documents = run.found.map((fields) => buildAlertDocument({ rule, ruleType, fields, executionUuid, now: started }));
    alerts.insert(documents);
    const actions = documents.length > 0 ? await runner.run({ rule, ruleType, alerts: documents, executionUuid, now: started }) : [];
    const failures = actions.filter(({ status }) => status === 'error').map(({ message }) => message ?? 'the action failed');
    const outcome = { started, finished: now(), alertCount: documents.length, failures, activeWhenAlerts: run.activeWhenAlerts };
    rules.mutate(DEFAULT_SPACE_ID, rule.id, (current) => recordOutcome(current, outcome));
    return { alerts: documents.map(({ _id, _index }) => ({ _id, _index })), actions };
  }

  /** A run that failed before finding alerts (e.g. the cluster refused the search). */
  recordError(ruleId: string, started: Date, message: string): void {
    const outcome = { started, finished: this.deps.now(), alertCount: 0, failures: [message] };
    this.deps.rules.mutate(DEFAULT_SPACE_ID, ruleId, (current) => recordOutcome(current, outcome));
  }
}
