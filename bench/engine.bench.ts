/**
 * Engine throughput and latency, through the same path a run takes in the host: RunsService →
 * the runner (in-process dispatch, runner tasks in Task Manager on SQLite) → the engine, with
 * every step persisted in the SQLite store.
 *   runsPerSecond             a 3-step workflow (data.set → if → console)
 *   p50/p99TriggerToFirstStep from asking for a run to its first step being recorded as running
 *   rssMbParked10k            resident memory with 10,000 runs parked on a 4-hour wait
 * `--quick` shortens every phase; `--json` prints one JSON object as the last line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTemplateEngine } from '../common/templating';
import { WorkflowEngine } from '../server/engine/workflow_engine';
import { RunDispatcher } from '../server/engine/run_dispatcher';
import { Runner } from '../server/engine/runner';
import { RunnerTasks, workflowRunnerTaskDefinition } from '../server/engine/runner_task';
import { silentLogger } from '../server/engine/engine_test_utils';
import { createStepRegistry } from '../server/steps/registry';
import { SqliteWorkflowStore } from '../server/storage/sqlite/sqlite_store';
import type { StepExecutionRecord } from '../server/storage/types';
import { RunsService } from '../server/workflows/runs_service';
import { TaskManager } from '../standalone/server/task_manager/task_manager';

const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');
const THROUGHPUT_RUNS = quick ? 1000 : 5000;
const LATENCY_RUNS = quick ? 200 : 1000;
const PARKED_RUNS = quick ? 2000 : 10_000;
const BURST = 50;

const THREE_STEPS = `name: Bench
triggers: [{ type: manual }]
steps:
  - { name: set, type: data.set, with: { severity: "{{ inputs.severity }}" } }
  - name: check
    type: if
    condition: "variables.severity : high"
    steps:
      - { name: log, type: console, with: { message: "high {{ inputs.n }}" } }
`;
const PARKED = `name: Parked\ntriggers: [{ type: manual }]\nsteps:\n  - { name: nap, type: wait, with: { duration: 4h } }\n`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'workflows-bench-'));
  const store = new SqliteWorkflowStore(join(dir, 'workflows.sqlite'));
  const firstStepAt = new Map<string, bigint>();
  const save = store.saveStepExecution.bind(store);
  store.saveStepExecution = async (record: StepExecutionRecord) => {
    if (record.status === 'running' && !firstStepAt.has(record.executionId)) firstStepAt.set(record.executionId, process.hrtime.bigint());
    return save(record);
  };
  const templates = createTemplateEngine();
  const taskManager = new TaskManager({ file: join(dir, 'kibana.sqlite'), logger: silentLogger });
  let runs!: RunsService;
  const engine = new WorkflowEngine({
    store,
    registry: createStepRegistry(),
    templates,
    logger: silentLogger,
    now: () => new Date(),
    kibanaUrl: 'http://localhost:5601',
    inlineWaitThresholdMs: 5000,
    onFinished: (execution) => runs.onFinished(execution),
    lease: { owner: 'bench', durationMs: 30_000 },
  });
  const dispatcher = new RunDispatcher({
    engine,
    store,
    logger: silentLogger,
    owner: 'bench',
    leaseMs: 30_000,
    maxConcurrentRuns: 50,
    pollIntervalMs: 10_000,
    resumeHorizonMs: 60_000,
  });
  taskManager.setup().registerTaskDefinitions(workflowRunnerTaskDefinition(async () => dispatcher));
  const tm = taskManager.start();
  taskManager.startPolling();
  const runner = new Runner(dispatcher, new RunnerTasks(tm, '10s'), () => undefined, silentLogger);
  runs = new RunsService(store, runner, engine, templates);
  const source = { id: 'bench', name: 'Bench', revision: 1, yaml: THREE_STEPS };

  const waitUntilDone = async (count: number, statuses: string[]) => {
    for (;;) {
      const { total } = await store.searchExecutions({ spaceId: 'default', statuses: statuses as never, page: 1, size: 1 });
      if (total >= count) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  // Warm-up: compile templates, JIT the hot paths, create the SQLite pages.
  for (let i = 0; i < 50; i++) await runs.start('default', source, { inputs: { severity: 'high', n: i } });
  await waitUntilDone(50, ['completed']);

  // Runs are asked for in bursts, as when a rule hands over a batch of alerts, not one by one.
  const started = process.hrtime.bigint();
  for (let i = 0; i < THROUGHPUT_RUNS; i += BURST) {
    const burst = Array.from({ length: Math.min(BURST, THROUGHPUT_RUNS - i) }, (_, j) => i + j);
    await Promise.all(burst.map((n) => runs.start('default', source, { inputs: { severity: n % 2 ? 'high' : 'low', n } })));
  }
  await waitUntilDone(50 + THROUGHPUT_RUNS, ['completed']);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const runsPerSecond = Math.round(THROUGHPUT_RUNS / seconds);

  const latencies: number[] = [];
  for (let i = 0; i < LATENCY_RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const execution = await runs.start('default', source, { inputs: { severity: 'high', n: i } });
    while (!firstStepAt.has(execution.id)) await new Promise((r) => setImmediate(r));
    latencies.push(Number(firstStepAt.get(execution.id)! - t0) / 1e6);
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => +latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(2);

  const parkedSource = { id: 'parked', name: 'Parked', revision: 1, yaml: PARKED };
  for (let i = 0; i < PARKED_RUNS; i++) await runs.start('default', parkedSource, {});
  await waitUntilDone(PARKED_RUNS, ['waiting']);
  (globalThis as { gc?: () => void }).gc?.();
  const rssMb = +(process.memoryUsage().rss / 1024 / 1024).toFixed(1);

  await dispatcher.stop();
  await taskManager.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const result = {
    runsPerSecond,
    p50TriggerToFirstStepMs: pct(0.5),
    p99TriggerToFirstStepMs: pct(0.99),
    [quick ? `rssMbParked${PARKED_RUNS / 1000}k` : 'rssMbParked10k']: rssMb,
  };
  if (!json) {
    console.log(`throughput: ${THROUGHPUT_RUNS} runs of 3 steps in ${seconds.toFixed(2)} s = ${runsPerSecond} runs/s`);
    console.log(`trigger to first step: p50 ${result.p50TriggerToFirstStepMs} ms, p99 ${result.p99TriggerToFirstStepMs} ms (${LATENCY_RUNS} runs)`);
    console.log(`RSS with ${PARKED_RUNS} parked runs: ${rssMb} MB`);
  }
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
