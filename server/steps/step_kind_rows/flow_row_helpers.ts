/** What the control-flow and run-control rows share: record views, a second pass of a run, and a host for child runs and answers. */
import { createTemplateEngine } from '../../../common/templating';
import { createTestEngine, workflowYaml as workflow, type TestEngine } from '../../engine/engine_test_utils';
import type { EngineDeps } from '../../engine/workflow_engine';
import type { WorkflowScheduler } from '../../scheduling/scheduled_task';
import { aWorkflow } from '../../storage/store_contract';
import type { ExecutionRecord, StepExecutionRecord, WorkflowRecord } from '../../storage/types';
import { RunsService } from '../../workflows/runs_service';
import { WorkflowsService } from '../../workflows/workflows_service';
import { offlineServices } from '../services';

export const records = (steps: StepExecutionRecord[]) => steps.map((s) => [s.path, s.status, s.attempt]);
export const byPath = (steps: StepExecutionRecord[]) => records([...steps].sort((a, b) => a.path.localeCompare(b.path)));
export const step = (steps: StepExecutionRecord[], path: string) => steps.find((s) => s.path === path);
export const retry = (attempts: number, indent = '    ') => `${indent}on-failure: { retry: { max-attempts: ${attempts}, delay: 1ms } }\n`;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const NOT_JSON = '"source" is not valid JSON at line 1, column 1: expected a value but found "w"';
export const EMPTY_CONDITION = 'Expected a condition but the query is empty at column 1';

/** Runs the parked execution `ex-1` again, at `at` on the test clock. */
export async function runAgainAt(test: TestEngine, at: string) {
  test.clock.now = new Date(at);
  const outcome = await test.engine.runExecution('default', 'ex-1', new AbortController().signal);
  return { outcome, ...(await test.read()) };
}

/**
 * A timed-out container: its record and the run's error name the timeout, the step of its body
 * that was running is closed with the same error, and nothing in the body goes on. The bodies wait
 * 40ms against a 20ms timeout, so 60ms later any step that still ran would show.
 * `expected` lists the records in path order (branches of a parallel interleave).
 */
export async function expectContainerTimedOut(test: TestEngine, run: Awaited<ReturnType<TestEngine['run']>>, name: string, expected: Array<[string, string, number]>) {
  const message = `Step "${name}" took longer than its timeout (20ms)`;
  expect(run.outcome?.status).toBe('failed');
  expect(run.execution).toMatchObject({ status: 'failed', error: { message: `Step "${name}" failed: ${message}`, type: 'StepFailedError' } });
  expect(byPath(run.steps)).toEqual(expected);
  expect(run.steps.filter((s) => s.status === 'timed_out').map((s) => s.error)).toEqual([
    { message, type: 'StepTimedOutError' },
    { message, type: 'StepTimedOutError' },
  ]);
  await sleep(60);
  expect(byPath((await test.read()).steps)).toEqual(expected);
}

/**
 * An engine whose runs can start other saved workflows and be answered, through the production
 * RunsService and WorkflowsService on the same store (as the plugin wires them). Child runs start
 * at once, like a runner would; `settled()` waits for them.
 */
export async function host(children: Record<string, string | Partial<WorkflowRecord>> = {}, overrides: Partial<EngineDeps> = {}) {
  const started: Array<Promise<unknown>> = [];
  const signal = new AbortController().signal;
  let runs: RunsService | undefined;
  let workflows: WorkflowsService | undefined;
  const test = createTestEngine({
    ...overrides,
    createServices: (execution) => ({
      ...offlineServices(),
      startChildRun: async ({ workflowId, idempotencyKey, ...options }) =>
        (await workflows!.run(execution.spaceId, workflowId, { ...options, triggeredBy: 'workflow', executionId: `${idempotencyKey}:child` })).id,
      getRun: (id) => test.store.getExecution(execution.spaceId, id),
    }),
    onFinished: (execution) => runs!.onFinished(execution),
  });
  const runner = {
    prepare: async () => undefined,
    start: (execution: ExecutionRecord) => void started.push(test.engine.runExecution(execution.spaceId, execution.id, signal)),
    resume: async (execution: ExecutionRecord) => void (await test.engine.runExecution(execution.spaceId, execution.id, signal)),
  };
  runs = new RunsService(test.store, runner, test.engine, createTemplateEngine(), () => test.clock.now);
  workflows = new WorkflowsService(test.store, runs, {} as WorkflowScheduler, () => test.clock.now);
  for (const [id, child] of Object.entries(children)) {
    await test.store.createWorkflow(aWorkflow({ id, name: id, triggerTypes: ['manual'], ...(typeof child === 'string' ? { yaml: child } : child) }));
  }
  const answer = async (input: unknown, user: string) => {
    await runs!.resume('default', 'ex-1', input, user);
    return test.read();
  };
  const allRuns = async () => (await test.store.searchExecutions({ spaceId: 'default', oldestFirst: true, page: 1, size: 20 })).results;
  return { ...test, answer, allRuns, settled: () => Promise.all(started) };
}

/** Quick child runs must not park their parent on a slow machine: the parent polls them for up to a second. */
export const PATIENT = { inlineWaitThresholdMs: 1000 };
export const ENRICH = workflow(`  - { name: out, type: workflow.output, with: { owner: "team-{{ inputs.host }}", checked: true } }\n`);
export const BROKEN = workflow(`  - { name: stop, type: workflow.fail, with: { message: "no owner for {{ inputs.host }}" } }\n`);
export const SLOW = workflow(`  - { name: nap, type: wait, with: { duration: 40ms } }\n  - { name: out, type: workflow.output, with: { done: true } }\n`);
