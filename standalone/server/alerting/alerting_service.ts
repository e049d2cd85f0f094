/*
 * The host side of Kibana's alerting and rule registry plugins: the rules feature (API
 * privileges `alerting_read` / `alerting_all`), rule types and connector adapters registered in
 * setup, the rules and alerts HTTP APIs, and the start contracts (`getRulesClientWithRequest`,
 * `getRacClientWithRequest`). Rule types other than `standalone.webhook` can be registered and
 * their rules saved, but the host runs no plugin's rule executors on a schedule; with an
 * Elasticsearch cluster it runs its own `.es-query` rules (`es_query_tasks.ts`).
 */
import { DEFAULT_APP_CATEGORIES, type ElasticsearchClient, type IRouter, type KibanaRequest, type Logger } from '@kbn/core/server';
import type { TaskManagerSetupContract, TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import type { PluginStartContract as ActionsStart } from '@kbn/actions-plugin/server';
import type { AlertingServerSetup, AlertingServerStart } from '@kbn/alerting-plugin/server';
import type { FeaturesPluginSetup } from '@kbn/features-plugin/server';
import type { RuleRegistryPluginSetupContract, RuleRegistryPluginStartContract } from '@kbn/rule-registry-plugin/server';
import type { CaseAlertsLink } from '../cases/cases_client';
import { isGranted } from '../http/authz';
import { badRequest, forbidden } from '../http/http_error';
import { getRequestUser } from '../http/kibana_request';
import { DEFAULT_SPACE_ID, withCaseId, withWorkflowStatus, type StoredAlert } from './alert_documents';
import { AlertPushService } from './alert_push';
import { ALERTING_API_PRIVILEGES, HostAlertsClient } from './alerts_client';
import { registerAlertsRoutes } from './alerts_routes';
import { AlertsStore, indexMatcher } from './alerts_store';
import { esQueryRuleType } from './es_query_rule_type';
import { EsQueryTasks } from './es_query_tasks';
import { ConnectorAdapterRegistry, RuleTypeRegistry } from './registries';
import { RuleActionsRunner } from './rule_actions';
import { toSanitizedRule } from './rule_response';
import { registerRulesRoutes } from './rules_routes';
import { RulesService } from './rules_service';
import { RulesStore } from './rules_store';
import { WEBHOOK_RULE_TYPE_ID, webhookRuleType } from './webhook_rule_type';

export const ALERTING_FEATURE_ID = 'stackAlerts';

export interface AlertingServiceOptions {
  /** `<data>/kibana.sqlite`. */
  file: string;
  logger: Logger;
  publicBaseUrl: string;
  /** A request acting as the named user: rule actions run as the rule's API key owner. */
  createUserRequest(username: string): KibanaRequest | undefined;
  /** The configured cluster; without one `.es-query` is not offered. */
  elasticsearch?: ElasticsearchClient;
  now?: () => Date;
}

export class AlertingService {
  private readonly rulesStore: RulesStore;
  private readonly alertsStore: AlertsStore;
  private readonly ruleTypes = new RuleTypeRegistry();
  private readonly adapters = new ConnectorAdapterRegistry();
  private readonly rules: RulesService;
  private readonly now: () => Date;
  private actions?: ActionsStart;
  private esQueryTasks?: EsQueryTasks;

  constructor(private readonly options: AlertingServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.rulesStore = new RulesStore(options.file);
    this.alertsStore = new AlertsStore(options.file);
    this.ruleTypes.register(webhookRuleType);
    if (options.elasticsearch) this.ruleTypes.register(esQueryRuleType);
    this.rules = new RulesService({
      store: this.rulesStore,
      alerts: this.alertsStore,
      ruleTypes: this.ruleTypes,
      adapters: this.adapters,
      getActions: () => this.getActions(),
      now: this.now,
      spaceId: DEFAULT_SPACE_ID,
      onRuleChanged: async (id, rule) => this.esQueryTasks?.sync(id, rule),
    });
  }

  setup({ router, features }: { router: IRouter; features: FeaturesPluginSetup }): {
    alerting: AlertingServerSetup;
    ruleRegistry: RuleRegistryPluginSetupContract;
  } {
    const privileges = (api: string[]) => ({ savedObject: { all: [], read: [] }, ui: [], api });
    features.registerKibanaFeature({
      id: ALERTING_FEATURE_ID,
      name: 'Rules and alerts',
      category: DEFAULT_APP_CATEGORIES.management,
      app: [],
      privileges: {
        all: privileges([ALERTING_API_PRIVILEGES.all, ALERTING_API_PRIVILEGES.read]),
        read: privileges([ALERTING_API_PRIVILEGES.read]),
      },
    });
    const { logger, publicBaseUrl, createUserRequest } = this.options;
    const runner = new RuleActionsRunner({ adapters: this.adapters, getActions: () => this.getActions(), createUserRequest, publicBaseUrl, logger });
    const push = new AlertPushService({ rules: this.rulesStore, alerts: this.alertsStore, ruleType: webhookRuleType, runner, now: this.now });
    if (this.options.elasticsearch) {
      this.esQueryTasks = new EsQueryTasks({ client: this.options.elasticsearch, rules: this.rulesStore, runs: push, logger, now: this.now });
    }
    const runSoon = async (id: string) => {
      const rule = this.rules.get(id);
      if (!this.esQueryTasks) throw badRequest(`Rule ${id} is a "${rule.alertTypeId}" rule, which the host does not run on a schedule`);
      await this.esQueryTasks.runSoon(rule);
    };
    registerRulesRoutes(router, { rules: this.rules, ruleTypes: this.ruleTypes, push, runSoon });
    registerAlertsRoutes(router, { getClient: (request) => this.createAlertsClient(request) });
    return {
      alerting: {
        registerType: (ruleType) => {
          this.ruleTypes.register(ruleType);
          if (ruleType.id !== WEBHOOK_RULE_TYPE_ID) logger.info(`Rule type "${ruleType.id}" is registered; the standalone host saves its rules but does not run its executor`);
        },
        registerConnectorAdapter: (adapter) => this.adapters.register(adapter),
      },
      ruleRegistry: {},
    };
  }

  /** `taskManager` before it polls: `.es-query` registers its task type there. */
  start({ actions, taskManager }: { actions: ActionsStart; taskManager?: { setup: TaskManagerSetupContract; start: TaskManagerStartContract } }): {
    alerting: AlertingServerStart;
    ruleRegistry: RuleRegistryPluginStartContract;
  } {
    this.actions = actions;
    if (taskManager) this.esQueryTasks?.start(taskManager);
    return {
      alerting: {
        listTypes: () => this.ruleTypes.list(),
        getRulesClientWithRequest: async (request) => ({
          get: async ({ id }) => {
            const user = getRequestUser(request);
            if (!isGranted(user, ALERTING_API_PRIVILEGES.read) && !isGranted(user, ALERTING_API_PRIVILEGES.all)) {
              throw forbidden(`Unauthorized to get rules: this needs the Kibana privilege [${ALERTING_API_PRIVILEGES.read}]`);
            }
            return toSanitizedRule(this.rules.get(id));
          },
        }),
      },
      ruleRegistry: { getRacClientWithRequest: async (request) => this.createAlertsClient(request) },
    };
  }

  /** What cases do to attached alerts; the host passes it to the cases service. */
  caseAlertsLink(): CaseAlertsLink {
    const update = (refs: Array<{ id: string; index: string }>, change: (alert: StoredAlert) => Record<string, unknown>) => {
      const indexOf = new Map(refs.map(({ id, index }) => [id, index]));
      this.alertsStore.update([...indexOf.keys()], (alert) => (indexMatcher(indexOf.get(alert._id))(alert._index) ? change(alert) : undefined));
    };
    return {
      addCaseToAlerts: (caseId, refs) => update(refs, ({ source }) => withCaseId(source, caseId)),
      setAlertsWorkflowStatus: (refs, status) => update(refs, ({ source }) => withWorkflowStatus(source, { status, now: this.now() })),
    };
  }

  stop(): void {
    this.rulesStore.close();
    this.alertsStore.close();
  }

  private getActions(): ActionsStart {
    if (!this.actions) throw new Error('The actions plugin has not started yet');
    return this.actions;
  }

  private createAlertsClient(request: KibanaRequest): HostAlertsClient {
    return new HostAlertsClient({ store: this.alertsStore, user: getRequestUser(request), now: this.now });
  }
}
