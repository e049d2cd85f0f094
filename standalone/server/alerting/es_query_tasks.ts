/*
 * Runs enabled `.es-query` rules on their schedule, as Kibana's alerting does: one recurring Task
 * Manager task per rule (type `alerting:.es-query`, id = the rule id, Kibana's
 * `scheduled_task_id`), kept in step with the rule by `sync` after every rule change. A run's
 * alerts and outcome go through the same path as pushed alerts (`AlertPushService`).
 */
import type { ElasticsearchClient, Logger } from '@kbn/core/server';
import type { TaskManagerSetupContract, TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import { badRequest, conflict } from '../http/http_error';
import { DEFAULT_SPACE_ID } from './alert_documents';
import type { AlertPushService } from './alert_push';
import { ES_QUERY_RULE_TYPE_ID, ES_QUERY_TASK_TYPE, esQueryRuleType, evaluateEsQuery, type EsQueryParams } from './es_query_rule_type';
import type { RulesStore, StoredRule } from './rules_store';

export interface EsQueryTasksDeps {
  client: ElasticsearchClient;
  rules: RulesStore;
  runs: AlertPushService;
  logger: Logger;
  now(): Date;
}

export class EsQueryTasks {
  private taskManager?: TaskManagerStartContract;

  constructor(private readonly deps: EsQueryTasksDeps) {}

  start(taskManager: { setup: TaskManagerSetupContract; start: TaskManagerStartContract }): void {
    taskManager.setup.registerTaskDefinitions({
      [ES_QUERY_TASK_TYPE]: {
        title: 'Alerting: Elasticsearch query',
        createTaskRunner: ({ taskInstance }) => ({
          run: async () => {
            await this.runRule(String(taskInstance.params.alertId));
            return { state: {} };
          },
        }),
      },
    });
    this.taskManager = taskManager.start;
  }

  /** After a rule is created, updated, enabled, disabled or deleted (`rule` undefined). */
  async sync(id: string, rule: StoredRule | undefined): Promise<void> {
    if (!this.taskManager || (rule && rule.alertTypeId !== ES_QUERY_RULE_TYPE_ID)) return;
    // Recreated rather than updated so a changed interval applies; the new task runs right away, as an enabled Kibana rule does.
    await this.taskManager.removeIfExists(id);
    if (!rule?.enabled) return;
    await this.taskManager.schedule({
      id,
      taskType: ES_QUERY_TASK_TYPE,
      schedule: rule.schedule,
      params: { alertId: id, spaceId: DEFAULT_SPACE_ID, consumer: rule.consumer },
      state: {},
      scope: ['alerting'],
    });
  }

  /** Kibana's `POST /internal/alerting/rule/{id}/_run_soon`. */
  async runSoon(rule: StoredRule): Promise<void> {
    if (rule.alertTypeId !== ES_QUERY_RULE_TYPE_ID || !this.taskManager) {
      throw badRequest(`Rule ${rule.id} is a "${rule.alertTypeId}" rule; the host runs only "${ES_QUERY_RULE_TYPE_ID}" rules on a schedule`);
    }
    if (!rule.enabled) throw conflict(`Error running rule: rule is disabled`);
    await this.taskManager.runSoon(rule.id);
  }

  private async runRule(ruleId: string): Promise<void> {
    const rule = this.deps.rules.get(DEFAULT_SPACE_ID, ruleId);
    // Disabled or deleted between the claim and the run.
    if (!rule?.enabled) return;
    const started = this.deps.now();
    let found: Array<Record<string, unknown>>;
    try {
      const evaluation = await evaluateEsQuery(this.deps.client, rule.params as EsQueryParams, started);
      found = evaluation.fields ? [evaluation.fields] : [];
    } catch (error) {
      // Recorded on the rule rather than thrown: a failed search is the rule's error, not a task retry.
      const message = (error as Error).message;
      this.deps.logger.warn(`Rule ${ruleId} (${ES_QUERY_RULE_TYPE_ID}) failed: ${message}`);
      this.deps.runs.recordError(ruleId, started, message);
      return;
    }
    await this.deps.runs.runWithAlerts({ rule, ruleType: esQueryRuleType, found, started, activeWhenAlerts: true });
  }
}
