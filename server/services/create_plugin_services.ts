/**
 * Builds the plugin's services once its storage is open: the engine, the run and workflow
 * services, and the per-run step services. Kept out of plugin.ts so that file only wires.
 */
import { createHash } from 'node:crypto';
import type { CoreStart, KibanaRequest, Logger } from '@kbn/core/server';
import type { TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import type { PluginStartContract as ActionsPluginStart } from '@kbn/actions-plugin/server';
import { createTemplateEngine } from '../../common/templating';
import type { WorkflowsConfig } from '../config';
import { WorkflowEngine } from '../engine/workflow_engine';
import { RunDispatcher } from '../engine/run_dispatcher';
import { Runner } from '../engine/runner';
import { RunnerTasks } from '../engine/runner_task';
import { createStepRegistry } from '../steps/registry';
import type { WorkflowStore } from '../storage/types';
import { RunsService } from '../workflows/runs_service';
import { WorkflowsService } from '../workflows/workflows_service';
import { createStepServices } from './step_services';
import { WorkflowScheduler } from '../scheduling/scheduled_task';
import type { RuleRegistryPluginStartContract } from '@kbn/rule-registry-plugin/server';
import { startAlertRuns, type AlertRunRequest, type AlertRunResult } from '../alerts/alert_runs';
import { createAlertLookup, type AlertLookup } from '../alerts/alert_lookup';

export interface PluginServices {
  workflows: WorkflowsService;
  /** Runs for alerts: from the `.workflows` rule action and from "Run workflow" on alerts. */
  alertRuns: {
    start(job: AlertRunRequest): Promise<AlertRunResult>;
    lookup: AlertLookup;
  };
  runs: RunsService;
  engine: WorkflowEngine;
  /** This node's share of the run queue; stopped with the plugin. */
  dispatcher: RunDispatcher;
  /** Continues at once the runs that were unfinished when the server last stopped. */
  recoverRuns(): Promise<void>;
  store: WorkflowStore;
}

export interface PluginServicesDeps {
  store: WorkflowStore;
  config: WorkflowsConfig;
  logger: Logger;
  /** This node's id (Kibana's server uuid): the owner of its run leases. */
  nodeId: string;
  core: CoreStart;
  taskManager: TaskManagerStartContract;
  actions?: ActionsPluginStart;
  ruleRegistry?: RuleRegistryPluginStartContract;
}

/** A UUID-shaped id derived from an idempotency key, so a resumed step finds the child it started. */
const idFromKey = (key: string) => {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

export function createPluginServices({ store, config, logger, nodeId, core, taskManager, actions, ruleRegistry }: PluginServicesDeps): PluginServices {
  const templates = createTemplateEngine();
  const lease = { owner: nodeId, durationMs: config.runner.leaseDuration.asMilliseconds() };
  const kibanaUrl = core.http.basePath.publicBaseUrl ?? 'http://localhost:5601';
  // The engine and the run service need each other (a finished run wakes its parent); the
  // closures below are only called after both exist.
  let runs!: RunsService;
  let workflows!: WorkflowsService;
  const engine = new WorkflowEngine({
    store,
    registry: createStepRegistry({ defaultLlmConnector: config.ai.defaultConnectorId }),
    templates,
    logger: logger.get('engine'),
    now: () => new Date(),
    kibanaUrl,
    inlineWaitThresholdMs: config.runner.inlineWaitThreshold.asMilliseconds(),
    onFinished: (execution) => runs.onFinished(execution),
    lease,
    createServices: (execution, request) =>
      createStepServices(
        {
          core,
          actions,
          kibanaUrl,
          startChildRun: async ({ workflowId, inputs, parentExecutionId, dryRun, idempotencyKey }) =>
            (
              await workflows.run(execution.spaceId, workflowId, {
                inputs,
                parentExecutionId,
                dryRun,
                triggeredBy: 'workflow',
                request,
                executionId: idFromKey(idempotencyKey),
              })
            ).id,
          getRun: (executionId) => store.getExecution(execution.spaceId, executionId),
        },
        execution,
        request
      ),
  });
  const pollInterval = config.runner.pollInterval;
  const dispatcher = new RunDispatcher({
    engine,
    store,
    logger: logger.get('runner'),
    owner: lease.owner,
    leaseMs: lease.durationMs,
    maxConcurrentRuns: config.runner.maxConcurrentRuns,
    pollIntervalMs: pollInterval.asMilliseconds(),
    resumeHorizonMs: Math.max(pollInterval.asMilliseconds(), 60_000),
  });
  const identify = (request: KibanaRequest) => core.security?.authc.getCurrentUser(request)?.username;
  const runner = new Runner(dispatcher, new RunnerTasks(taskManager, `${Math.max(1, Math.round(pollInterval.asSeconds()))}s`), identify, logger.get('runner'));
  runs = new RunsService(store, runner, engine, templates);

  workflows = new WorkflowsService(store, runs, new WorkflowScheduler(taskManager));
  return {
    workflows,
    runs,
    engine,
    dispatcher,
    recoverRuns: async () => runner.recover(await store.unfinishedRunnerKeys()),
    store,
    alertRuns: { start: (job) => startAlertRuns(store, runs, job), lookup: createAlertLookup(core, ruleRegistry) },
  };
}
