/** Acceptance rows of the control-flow and run-control step kinds, run through the real engine. */
import { createTemplateEngine } from '../../../common/templating';
import { createTestEngine, workflowYaml as workflow, type TestEngine } from '../../engine/engine_test_utils';
import type { EngineDeps } from '../../engine/workflow_engine';
import type { WorkflowScheduler } from '../../scheduling/scheduled_task';
import { aWorkflow } from '../../storage/store_contract';
import type { ExecutionRecord, StepExecutionRecord, WorkflowRecord } from '../../storage/types';
import { RunsService } from '../../workflows/runs_service';
import { WorkflowsService } from '../../workflows/workflows_service';
import { offlineServices } from '../services';
import type { KindRow } from './kind_row';

const records = (steps: StepExecutionRecord[]) => steps.map((s) => [s.path, s.status, s.attempt]);
const byPath = (steps: StepExecutionRecord[]) => records([...steps].sort((a, b) => a.path.localeCompare(b.path)));
const step = (steps: StepExecutionRecord[], path: string) => steps.find((s) => s.path === path);
const retry = (attempts: number, indent = '    ') => `${indent}on-failure: { retry: { max-attempts: ${attempts}, delay: 1ms } }\n`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const NOT_JSON = '"source" is not valid JSON at line 1, column 1: expected a value but found "w"';
const EMPTY_CONDITION = 'Expected a condition but the query is empty at column 1';

/** Runs the parked execution `ex-1` again, at `at` on the test clock. */
async function runAgainAt(test: TestEngine, at: string) {
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
async function expectContainerTimedOut(test: TestEngine, run: Awaited<ReturnType<TestEngine['run']>>, name: string, expected: Array<[string, string, number]>) {
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
async function host(children: Record<string, string | Partial<WorkflowRecord>> = {}, overrides: Partial<EngineDeps> = {}) {
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
const PATIENT = { inlineWaitThresholdMs: 1000 };
const ENRICH = workflow(`  - { name: out, type: workflow.output, with: { owner: "team-{{ inputs.host }}", checked: true } }\n`);
const BROKEN = workflow(`  - { name: stop, type: workflow.fail, with: { message: "no owner for {{ inputs.host }}" } }\n`);
const SLOW = workflow(`  - { name: nap, type: wait, with: { duration: 40ms } }\n  - { name: out, type: workflow.output, with: { done: true } }\n`);

export const flowRows: KindRow[] = [
  {
    type: 'if',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: lookup, type: data.set, with: { severity: critical } }
  - name: check
    type: if
    condition: "variables.severity : (high or critical)"
    steps:
      - { name: page, type: console, with: { message: "page on-call for {{ inputs.host }}" } }
    else:
      - { name: ticket, type: console, with: { message: ticket } }
  - { name: after, type: console, with: { message: "took then: {{ steps.check.output.conditionResult }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['lookup', 'completed', 1, { severity: 'critical' }],
          ['check', 'completed', 1, { conditionResult: true }],
          ['page', 'completed', 1, 'page on-call for web-1'],
          ['after', 'completed', 1, 'took then: true'],
        ]);
      },
      async failure() {
        // A rendered condition that comes out empty is an error, never a silent "match everything".
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: check
    type: if
    condition: "{{ inputs.severity }}"
    steps:
      - { name: page, type: console, with: { message: page } }
`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "check" failed: ${EMPTY_CONDITION}` } });
        expect(records(steps)).toEqual([['check', 'failed', 1]]);
        expect(steps[0].error).toEqual({ message: EMPTY_CONDITION, type: 'KqlSyntaxError' });
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: check
    type: if
    condition: "{{ inputs.severity }}"
${retry(3)}    steps:
      - { name: page, type: console, with: { message: page } }
`)
        );
        expect(execution.status).toBe('failed');
        // The condition fails before any branch runs, so no attempt has children.
        expect(records(steps)).toEqual([
          ['check', 'failed', 1],
          ['check', 'failed', 2],
          ['check', 'failed', 3],
        ]);
        expect(steps.map((s) => s.error?.message)).toEqual([EMPTY_CONDITION, EMPTY_CONDITION, EMPTY_CONDITION]);
      },
      async timeout() {
        const test = createTestEngine();
        const run = await test.run(
          workflow(`  - name: check
    type: if
    condition: "inputs.host : web-*"
    timeout: 20ms
    steps:
      - { name: pause, type: wait, with: { duration: 40ms } }
      - { name: late, type: console, with: { message: late } }
  - { name: next, type: console, with: { message: next } }
`)
        );
        await expectContainerTimedOut(test, run, 'check', [
          ['check', 'timed_out', 1],
          ['pause', 'timed_out', 1],
        ]);
      },
    },
  },
  {
    type: 'foreach',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: "\${{ inputs.alerts }}"
    steps:
      - { name: note, type: console, with: { message: "{{ foreach.index | plus: 1 }}/{{ foreach.total }} {{ foreach.item.id }}" } }
`),
          { inputs: { alerts: [{ id: 'a-1' }, { id: 'a-2' }, { id: 'a-3' }] } }
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['each', 'completed', 1, { total: 3, iterations: 3 }],
          ['each[0]>note', 'completed', 1, '1/3 a-1'],
          ['each[1]>note', 'completed', 1, '2/3 a-2'],
          ['each[2]>note', 'completed', 1, '3/3 a-3'],
        ]);
      },
      async failure() {
        const message = '"foreach" must give a list, but "${{ inputs.alert }}" gave an object';
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: "\${{ inputs.alert }}"
    steps:
      - { name: note, type: console, with: { message: "{{ foreach.item }}" } }
`),
          { inputs: { alert: { id: 'a-1' } } }
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "each" failed: ${message}` } });
        expect(records(steps)).toEqual([['each', 'failed', 1]]);
        expect(steps[0].error?.message).toBe(message);
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: "\${{ inputs.alert }}"
${retry(2)}    steps:
      - { name: note, type: console, with: { message: "{{ foreach.item }}" } }
`),
          { inputs: { alert: { id: 'a-1' } } }
        );
        expect(execution.status).toBe('failed');
        expect(records(steps)).toEqual([
          ['each', 'failed', 1],
          ['each', 'failed', 2],
        ]);
      },
      async timeout() {
        const test = createTestEngine();
        const run = await test.run(
          workflow(`  - name: each
    type: foreach
    foreach: '["a", "b"]'
    timeout: 20ms
    steps:
      - { name: pause, type: wait, with: { duration: 40ms } }
      - { name: late, type: console, with: { message: "{{ foreach.item }}" } }
`)
        );
        await expectContainerTimedOut(test, run, 'each', [
          ['each', 'timed_out', 1],
          ['each[0]>pause', 'timed_out', 1],
        ]);
      },
    },
  },
  {
    type: 'switch',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: route
    type: switch
    expression: "{{ inputs.severity }}"
    cases:
      - match: low
        steps:
          - { name: ignore, type: console, with: { message: ignore } }
      - match: [high, critical]
        steps:
          - { name: page, type: console, with: { message: "page for {{ inputs.severity }}" } }
    default:
      - { name: ticket, type: console, with: { message: ticket } }
`),
          { inputs: { severity: 'critical' } }
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['route', 'completed', 1, { value: 'critical', matchedCase: ['high', 'critical'] }],
          ['page', 'completed', 1, 'page for critical'],
        ]);
      },
      async failure() {
        const message = 'URI malformed in "{{ inputs.kind | url_decode }}"';
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: route
    type: switch
    expression: "{{ inputs.kind | url_decode }}"
    cases:
      - match: phishing
        steps:
          - { name: mail, type: console, with: { message: mail } }
`),
          { inputs: { kind: '%E0%A4%A' } }
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "route" failed: ${message}` } });
        expect(records(steps)).toEqual([['route', 'failed', 1]]);
        expect(steps[0].error).toEqual({ message, type: 'TemplateError' });
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: route
    type: switch
    expression: "{{ inputs.kind | url_decode }}"
${retry(3)}    cases:
      - match: phishing
        steps:
          - { name: mail, type: console, with: { message: mail } }
`),
          { inputs: { kind: '%E0%A4%A' } }
        );
        expect(execution.status).toBe('failed');
        expect(records(steps)).toEqual([
          ['route', 'failed', 1],
          ['route', 'failed', 2],
          ['route', 'failed', 3],
        ]);
      },
      async timeout() {
        const test = createTestEngine();
        const run = await test.run(
          workflow(`  - name: route
    type: switch
    expression: "{{ inputs.host }}"
    timeout: 20ms
    cases:
      - match: web-1
        steps:
          - { name: pause, type: wait, with: { duration: 40ms } }
          - { name: late, type: console, with: { message: late } }
`)
        );
        await expectContainerTimedOut(test, run, 'route', [
          ['pause', 'timed_out', 1],
          ['route', 'timed_out', 1],
        ]);
      },
    },
  },
  {
    type: 'while',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: init, type: data.set, with: { polls: 0 } }
  - name: poll
    type: while
    condition: "variables.polls < 3"
    max-iterations: 5
    steps:
      - { name: bump, type: data.set, with: { polls: "\${{ variables.polls | plus: 1 }}" } }
      - { name: note, type: console, with: { message: "pass {{ foreach.index }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['init', 'completed', 1, { polls: 0 }],
          ['poll', 'completed', 1, { iterations: 3, limitReached: false }],
          ['poll[0]>bump', 'completed', 1, { polls: 1 }],
          ['poll[0]>note', 'completed', 1, 'pass 0'],
          ['poll[1]>bump', 'completed', 1, { polls: 2 }],
          ['poll[1]>note', 'completed', 1, 'pass 1'],
          ['poll[2]>bump', 'completed', 1, { polls: 3 }],
          ['poll[2]>note', 'completed', 1, 'pass 2'],
        ]);
      },
      async failure() {
        const message = '"while" stopped after 2 iterations (max-iterations) with its condition still true';
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: init, type: data.set, with: { state: pending } }
  - name: poll
    type: while
    condition: "variables.state : pending"
    max-iterations: 2
    on-limit: fail
    steps:
      - { name: check, type: console, with: { message: "still {{ variables.state }}" } }
  - { name: never, type: console, with: { message: never } }
`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "poll" failed: ${message}` } });
        expect(records(steps)).toEqual([
          ['init', 'completed', 1],
          ['poll', 'failed', 1],
          ['poll[0]>check', 'completed', 1],
          ['poll[1]>check', 'completed', 1],
        ]);
        expect(step(steps, 'poll')?.error?.message).toBe(message);
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: init, type: data.set, with: { n: 0 } }
  - name: poll
    type: while
    condition: "variables.n < 5"
    max-iterations: 2
${retry(2)}    steps:
      - { name: bump, type: data.set, with: { n: "\${{ variables.n | plus: 1 }}" } }
`)
        );
        expect(execution).toMatchObject({
          status: 'failed',
          error: { message: 'Step "poll" failed: "while" stopped after 2 iterations (max-iterations) with its condition still true' },
        });
        expect(records(steps.filter((s) => s.path === 'poll'))).toEqual([
          ['poll', 'failed', 1],
          ['poll', 'failed', 2],
        ]);
        // A retry runs the loop body again (a poll that hit its limit polls anew); it does not
        // replay the records of the failed attempt, which could only fail the same way.
        expect(steps.filter((s) => s.stepName === 'bump').map((s) => s.output)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
      },
      async timeout() {
        const test = createTestEngine();
        const run = await test.run(
          workflow(`  - name: poll
    type: while
    condition: true
    max-iterations: 3
    timeout: 20ms
    steps:
      - { name: pause, type: wait, with: { duration: 40ms } }
      - { name: late, type: console, with: { message: late } }
`)
        );
        await expectContainerTimedOut(test, run, 'poll', [
          ['poll', 'timed_out', 1],
          ['poll[0]>pause', 'timed_out', 1],
        ]);
      },
    },
  },
  {
    type: 'parallel',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: enrich
    type: parallel
    branches:
      - name: geo
        steps:
          - { name: geo_lookup, type: data.set, with: { country: NL } }
      - name: whois
        steps:
          - { name: whois_lookup, type: data.set, with: { registrar: acme } }
          - { name: whois_note, type: console, with: { message: "registrar {{ variables.registrar }}" } }
  - { name: report, type: console, with: { message: "{{ steps.geo.output.country }} / {{ steps.whois.output }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        // Branches interleave, so the records are compared in path order.
        expect(byPath(steps)).toEqual([
          ['enrich', 'completed', 1],
          ['geo_lookup', 'completed', 1],
          ['report', 'completed', 1],
          ['whois_lookup', 'completed', 1],
          ['whois_note', 'completed', 1],
        ]);
        expect(step(steps, 'enrich')?.output).toEqual({ geo: { country: 'NL' }, whois: 'registrar acme' });
        expect(step(steps, 'report')?.output).toBe('NL / registrar acme');
      },
      async failure() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: enrich
    type: parallel
    branches:
      - name: bad
        steps:
          - { name: parse, type: data.parseJson, source: "{{ inputs.host }}" }
      - name: good
        steps:
          - { name: pause, type: wait, with: { duration: 10ms } }
          - { name: done, type: console, with: { message: done } }
  - { name: never, type: console, with: { message: never } }
`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "parse" failed: ${NOT_JSON}` } });
        // The failing branch does not stop the other one: the step fails once every branch ended.
        expect(byPath(steps)).toEqual([
          ['done', 'completed', 1],
          ['enrich', 'failed', 1],
          ['parse', 'failed', 1],
          ['pause', 'completed', 1],
        ]);
        expect(step(steps, 'enrich')?.error?.message).toBe(`Step "parse" failed: ${NOT_JSON}`);
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: enrich
    type: parallel
${retry(3)}    branches:
      - name: bad
        steps:
          - name: parse
            type: data.parseJson
            source: "{{ inputs.host }}"
            on-failure: { retry: { max-attempts: 2, delay: 1ms } }
      - name: good
        steps:
          - { name: done, type: console, with: { message: done } }
`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "parse" failed: ${NOT_JSON}` } });
        // A failure from inside a container is retried by the failing step's own policy; the
        // runner gives the container only its fallback / continue for it, never a retry, so a
        // parallel (which cannot fail by itself) makes a single attempt.
        expect(byPath(steps)).toEqual([
          ['done', 'completed', 1],
          ['enrich', 'failed', 1],
          ['parse', 'failed', 1],
          ['parse', 'failed', 2],
        ]);
      },
      async timeout() {
        const test = createTestEngine();
        const run = await test.run(
          workflow(`  - name: enrich
    type: parallel
    timeout: 20ms
    branches:
      - name: slow
        steps:
          - { name: pause, type: wait, with: { duration: 40ms } }
          - { name: late, type: console, with: { message: late } }
      - name: fast
        steps:
          - { name: done, type: console, with: { message: done } }
`)
        );
        await expectContainerTimedOut(test, run, 'enrich', [
          ['done', 'completed', 1],
          ['enrich', 'timed_out', 1],
          ['pause', 'timed_out', 1],
        ]);
      },
    },
  },
  {
    type: 'merge',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: enrich
    type: parallel
    branches:
      - name: geo
        steps:
          - { name: geo_lookup, type: data.set, with: { country: NL } }
      - name: whois
        steps:
          - { name: whois_lookup, type: data.set, with: { registrar: acme } }
  - { name: vt, type: console, if: "inputs.host : db-*", with: { message: vt } }
  - { name: join, type: merge, sources: [geo, whois_lookup, vt] }
`)
        );
        expect(execution.status).toBe('completed');
        expect(records(steps.filter((s) => s.path === 'vt' || s.path === 'join'))).toEqual([
          ['vt', 'skipped', 1],
          ['join', 'completed', 1],
        ]);
        // A skipped source is there, with a null output.
        expect(step(steps, 'join')?.output).toEqual({ geo: { country: 'NL' }, whois_lookup: { registrar: 'acme' }, vt: null });
      },
      async failure() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: check
    type: if
    condition: "inputs.host : db-*"
    steps:
      - { name: db, type: data.set, with: { kind: db } }
    else:
      - { name: web, type: data.set, with: { kind: web } }
  - { name: join, type: merge, sources: [db, web] }
`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'Step "join" failed: merge: no output yet from "db"' } });
        expect(records(steps)).toEqual([
          ['check', 'completed', 1],
          ['web', 'completed', 1],
          ['join', 'failed', 1],
        ]);
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: web, type: data.set, with: { kind: web } }
  - name: join
    type: merge
    sources: [web, db]
${retry(2)}`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'Step "join" failed: merge: no output yet from "db"' } });
        expect(records(steps)).toEqual([
          ['web', 'completed', 1],
          ['join', 'failed', 1],
          ['join', 'failed', 2],
        ]);
      },
      async timeout() {
        // merge ends at once, so its timeout cannot fire.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: web, type: data.set, with: { kind: web } }\n  - { name: join, type: merge, sources: [web], timeout: 1s }\n`)
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['web', 'completed', 1, { kind: 'web' }],
          ['join', 'completed', 1, { web: { kind: 'web' } }],
        ]);
      },
    },
  },
  {
    type: 'loop.break',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: init, type: data.set, with: { n: 0 } }
  - name: poll
    type: while
    condition: true
    max-iterations: 10
    steps:
      - { name: bump, type: data.set, with: { n: "\${{ variables.n | plus: 1 }}" } }
      - { name: stop, type: loop.break, if: "variables.n >= 2" }
      - { name: note, type: console, with: { message: "n={{ variables.n }}" } }
  - { name: after, type: console, with: { message: "left at {{ variables.n }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(records(steps)).toEqual([
          ['init', 'completed', 1],
          ['poll', 'completed', 1],
          ['poll[0]>bump', 'completed', 1],
          ['poll[0]>stop', 'skipped', 1],
          ['poll[0]>note', 'completed', 1],
          ['poll[1]>bump', 'completed', 1],
          ['poll[1]>stop', 'completed', 1],
          ['after', 'completed', 1],
        ]);
        expect(step(steps, 'poll')?.output).toEqual({ iterations: 2, limitReached: false });
        expect(step(steps, 'after')?.output).toBe('left at 2');
      },
      async failure() {
        // loop.break cannot fail by itself; its guard can (an item without a level renders an empty condition).
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: "\${{ inputs.alerts }}"
    steps:
      - { name: stop, type: loop.break, if: "{{ foreach.item.level }}" }
`),
          { inputs: { alerts: [{ id: 'a-1' }] } }
        );
        // The failure belongs to the step whose guard failed, as any failure inside a loop does.
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "stop" failed: ${EMPTY_CONDITION}` } });
        expect(records(steps)).toEqual([
          ['each', 'failed', 1],
          ['each[0]>stop', 'failed', 1],
        ]);
      },
      async retry() {
        // A break is a signal, not a failure: a retry policy on it never comes into play.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: '[1, 2, 3]'
    steps:
      - name: stop
        type: loop.break
${retry(3, '        ')}`)
        );
        expect(execution.status).toBe('completed');
        expect(records(steps)).toEqual([
          ['each', 'completed', 1],
          ['each[0]>stop', 'completed', 1],
        ]);
        expect(step(steps, 'each')?.output).toEqual({ total: 3, iterations: 1 });
      },
      async timeout() {
        // loop.break ends at once, so its timeout cannot fire.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: '[1, 2]'
    steps:
      - { name: stop, type: loop.break, timeout: 1s }
      - { name: never, type: console, with: { message: never } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(records(steps)).toEqual([
          ['each', 'completed', 1],
          ['each[0]>stop', 'completed', 1],
        ]);
      },
    },
  },
  {
    type: 'loop.continue',
    cases: {
      async success() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: '["web-1", "test-1", "db-1"]'
    steps:
      - { name: skip, type: loop.continue, if: "foreach.item : test-*" }
      - { name: isolate, type: console, with: { message: "isolate {{ foreach.item }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['each', 'completed', 1, { total: 3, iterations: 3 }],
          ['each[0]>skip', 'skipped', 1, null],
          ['each[0]>isolate', 'completed', 1, 'isolate web-1'],
          ['each[1]>skip', 'completed', 1, null],
          ['each[2]>skip', 'skipped', 1, null],
          ['each[2]>isolate', 'completed', 1, 'isolate db-1'],
        ]);
      },
      async failure() {
        // loop.continue cannot fail by itself: here the loop fails on an item it does not skip.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: '["{\\"id\\": 1}", "skip", "web-1"]'
    steps:
      - { name: skip, type: loop.continue, if: "foreach.item : skip" }
      - { name: parse, type: data.parseJson, source: "{{ foreach.item }}" }
`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "parse" failed: ${NOT_JSON}` } });
        expect(records(steps)).toEqual([
          ['each', 'failed', 1],
          ['each[0]>skip', 'skipped', 1],
          ['each[0]>parse', 'completed', 1],
          ['each[1]>skip', 'completed', 1],
          ['each[2]>skip', 'skipped', 1],
          ['each[2]>parse', 'failed', 1],
        ]);
      },
      async retry() {
        // A continue is a signal, not a failure: a retry policy on it never comes into play.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: '[1, 2]'
    steps:
      - name: next
        type: loop.continue
${retry(3, '        ')}      - { name: never, type: console, with: { message: never } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(records(steps)).toEqual([
          ['each', 'completed', 1],
          ['each[0]>next', 'completed', 1],
          ['each[1]>next', 'completed', 1],
        ]);
      },
      async timeout() {
        // loop.continue ends at once, so its timeout cannot fire.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: each
    type: foreach
    foreach: '[1]'
    steps:
      - { name: next, type: loop.continue, timeout: 1s }
      - { name: never, type: console, with: { message: never } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(records(steps)).toEqual([
          ['each', 'completed', 1],
          ['each[0]>next', 'completed', 1],
        ]);
      },
    },
  },
  {
    type: 'wait',
    cases: {
      async success() {
        const test = createTestEngine();
        const first = await test.run(
          workflow(`  - { name: pause, type: wait, with: { duration: 2h } }\n  - { name: after, type: console, with: { message: "woke up" } }\n`)
        );
        expect(first.outcome).toEqual({ status: 'waiting', resumeAt: new Date('2026-03-01T12:00:00.000Z') });
        expect(records(first.steps)).toEqual([['pause', 'waiting', 1]]);

        const done = await runAgainAt(test, '2026-03-01T12:00:00.000Z');
        expect(done.execution.status).toBe('completed');
        expect(done.steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['pause', 'completed', 1, { waitedMs: 7_200_000 }],
          ['after', 'completed', 1, 'woke up'],
        ]);
      },
      async failure() {
        const message = 'Invalid duration "soon": use a number followed by ms, s, m, h, d or w (e.g. "30s")';
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: pause, type: wait, with: { duration: "{{ inputs.delay }}" } }\n`),
          { inputs: { delay: 'soon' } }
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "pause" failed: ${message}` } });
        expect(records(steps)).toEqual([['pause', 'failed', 1]]);
        expect(steps[0].error?.message).toBe(message);
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: pause\n    type: wait\n    with: { duration: "{{ inputs.delay }}" }\n${retry(3)}`),
          { inputs: { delay: 'soon' } }
        );
        expect(execution.status).toBe('failed');
        expect(records(steps)).toEqual([
          ['pause', 'failed', 1],
          ['pause', 'failed', 2],
          ['pause', 'failed', 3],
        ]);
      },
      async timeout() {
        const message = 'Step "pause" took longer than its timeout (20ms)';
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: pause
    type: wait
    timeout: 20ms
    on-failure: { continue: true }
    with: { duration: 40ms }
  - { name: after, type: console, with: { message: "{{ steps.pause.error.type }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['pause', 'timed_out', 1, null],
          ['after', 'completed', 1, 'StepTimedOutError'],
        ]);
        expect(steps[0].error).toEqual({ message, type: 'StepTimedOutError' });
      },
    },
  },
  {
    type: 'waitForInput',
    cases: {
      async success() {
        const test = await host();
        const first = await test.run(
          workflow(`  - { name: ask, type: waitForInput, with: { message: "Why isolate {{ inputs.host }}?" } }
  - { name: after, type: console, with: { message: "{{ steps.ask.output.respondedBy }}: {{ steps.ask.output.input.reason }}" } }
`)
        );
        // Without a timeout the run parks a day ahead; the answer wakes it sooner.
        expect(first.outcome).toEqual({ status: 'waiting_for_input', resumeAt: new Date('2026-03-02T10:00:00.000Z') });
        expect(first.execution.status).toBe('waiting_for_input');
        expect(records(first.steps)).toEqual([['ask', 'waiting_for_input', 1]]);

        test.clock.now = new Date('2026-03-01T10:30:00.000Z');
        const done = await test.answer({ reason: 'beaconing' }, 'alice');
        expect(done.execution.status).toBe('completed');
        expect(done.steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['ask', 'completed', 1, { input: { reason: 'beaconing' }, respondedBy: 'alice', respondedAt: '2026-03-01T10:30:00.000Z' }],
          ['after', 'completed', 1, 'alice: beaconing'],
        ]);
      },
      async failure() {
        const test = await host();
        const first = await test.run(workflow(`  - { name: ask, type: waitForInput, timeout: 1h }\n  - { name: never, type: console, with: { message: never } }\n`));
        expect(first.outcome).toEqual({ status: 'waiting_for_input', resumeAt: new Date('2026-03-01T11:00:00.000Z') });

        // Nobody answered by the deadline: the step times out and the run fails.
        const done = await runAgainAt(test, '2026-03-01T11:00:00.000Z');
        expect(done.outcome?.status).toBe('failed');
        expect(done.execution).toMatchObject({ status: 'failed', error: { message: 'Step "ask" failed: Step "ask" took longer than its timeout (1h)' } });
        expect(records(done.steps)).toEqual([['ask', 'timed_out', 1]]);
      },
      async retry() {
        const test = await host();
        await test.run(workflow(`  - name: ask\n    type: waitForInput\n    timeout: 1h\n${retry(2)}`));

        // The first attempt timed out; the second asks again, with a deadline of its own.
        const second = await runAgainAt(test, '2026-03-01T11:00:00.000Z');
        expect(second.outcome).toEqual({ status: 'waiting_for_input', resumeAt: new Date('2026-03-01T12:00:00.000Z') });
        expect(records(second.steps)).toEqual([
          ['ask', 'timed_out', 1],
          ['ask', 'waiting_for_input', 2],
        ]);

        test.clock.now = new Date('2026-03-01T11:15:00.000Z');
        const done = await test.answer('go ahead', 'bob');
        expect(done.execution.status).toBe('completed');
        expect(records(done.steps)).toEqual([
          ['ask', 'timed_out', 1],
          ['ask', 'completed', 2],
        ]);
        expect(done.steps[1].output).toEqual({ input: 'go ahead', respondedBy: 'bob', respondedAt: '2026-03-01T11:15:00.000Z' });
      },
      async timeout() {
        const test = await host();
        await test.run(
          workflow(`  - name: ask
    type: waitForInput
    timeout: 1h
    on-failure: { continue: true }
  - { name: fallback_action, type: console, with: { message: "no answer: {{ steps.ask.error.message }}" } }
`)
        );
        // Woken before the deadline (e.g. by a restart), it parks again until the same deadline.
        const early = await runAgainAt(test, '2026-03-01T10:59:59.000Z');
        expect(early.outcome).toEqual({ status: 'waiting_for_input', resumeAt: new Date('2026-03-01T11:00:00.000Z') });
        expect(records(early.steps)).toEqual([['ask', 'waiting_for_input', 1]]);

        const done = await runAgainAt(test, '2026-03-01T11:00:00.000Z');
        expect(done.execution.status).toBe('completed');
        expect(done.steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['ask', 'timed_out', 1, null],
          ['fallback_action', 'completed', 1, 'no answer: Step "ask" took longer than its timeout (1h)'],
        ]);
      },
    },
  },
  {
    type: 'waitForApproval',
    cases: {
      async success() {
        const test = await host();
        const first = await test.run(
          workflow(`  - { name: approve, type: waitForApproval, with: { message: "Isolate {{ inputs.host }}?", approvers: [alice, bob] } }
  - { name: isolate, type: console, with: { message: "isolating, approved by {{ steps.approve.output.respondedBy }}" } }
`)
        );
        expect(first.outcome?.status).toBe('waiting_for_input');
        expect(records(first.steps)).toEqual([['approve', 'waiting_for_input', 1]]);

        test.clock.now = new Date('2026-03-01T10:05:00.000Z');
        const done = await test.answer({ approved: true, comment: 'go' }, 'bob');
        expect(done.execution.status).toBe('completed');
        expect(done.steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['approve', 'completed', 1, { approved: true, comment: 'go', respondedBy: 'bob', respondedAt: '2026-03-01T10:05:00.000Z' }],
          ['isolate', 'completed', 1, 'isolating, approved by bob'],
        ]);
      },
      async failure() {
        const test = await host();
        await test.run(
          workflow(`  - { name: approve, type: waitForApproval, with: { approvers: [alice] } }
  - { name: isolate, type: console, with: { message: x } }
`)
        );
        const done = await test.answer({ approved: false, comment: 'false positive' }, 'alice');
        expect(done.execution).toMatchObject({ status: 'failed', error: { message: 'Step "approve" failed: Rejected by alice: false positive' } });
        expect(records(done.steps)).toEqual([['approve', 'failed', 1]]);
      },
      async retry() {
        const test = await host();
        await test.run(workflow(`  - name: approve\n    type: waitForApproval\n    with: { approvers: [alice, bob] }\n${retry(2)}`));

        // An answer from someone who may not approve fails the attempt; the retry asks again.
        const second = await test.answer({ approved: true }, 'mallory');
        expect(second.execution.status).toBe('waiting_for_input');
        expect(records(second.steps)).toEqual([
          ['approve', 'failed', 1],
          ['approve', 'waiting_for_input', 2],
        ]);
        expect(second.steps[0].error?.message).toBe('mallory may not approve this step (approvers: alice, bob)');

        const done = await test.answer({ approved: true }, 'alice');
        expect(done.execution.status).toBe('completed');
        expect(records(done.steps)).toEqual([
          ['approve', 'failed', 1],
          ['approve', 'completed', 2],
        ]);
        expect(done.steps[1].output).toMatchObject({ approved: true, comment: null, respondedBy: 'alice' });
      },
      async timeout() {
        const test = await host();
        const first = await test.run(workflow(`  - { name: approve, type: waitForApproval, timeout: 4h }\n  - { name: isolate, type: console, with: { message: x } }\n`));
        expect(first.outcome).toEqual({ status: 'waiting_for_input', resumeAt: new Date('2026-03-01T14:00:00.000Z') });

        // No decision is not an approval: the run fails.
        const done = await runAgainAt(test, '2026-03-01T14:00:01.000Z');
        expect(done.execution).toMatchObject({ status: 'failed', error: { message: 'Step "approve" failed: Step "approve" took longer than its timeout (4h)' } });
        expect(records(done.steps)).toEqual([['approve', 'timed_out', 1]]);
        expect(done.steps[0].error?.type).toBe('StepTimedOutError');
      },
    },
  },
  {
    type: 'workflow.output',
    cases: {
      async success() {
        const { outcome, execution, steps } = await createTestEngine().run(
          workflow(`  - { name: first, type: workflow.output, with: { verdict: suspicious, host: "{{ inputs.host }}" } }
  - { name: final, type: workflow.output, with: { verdict: malicious, score: "\${{ 4 | plus: 3 }}" } }
`)
        );
        // Outputs merge: a later step overrides a name, the others stay.
        expect(outcome).toEqual({ status: 'completed', output: { verdict: 'malicious', host: 'web-1', score: 7 } });
        expect(execution).toMatchObject({ status: 'completed', output: { verdict: 'malicious', host: 'web-1', score: 7 } });
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['first', 'completed', 1, { verdict: 'suspicious', host: 'web-1' }],
          ['final', 'completed', 1, { verdict: 'malicious', score: 7 }],
        ]);
      },
      async failure() {
        const message = 'Invalid base64 provided to base64_decode in "{{ inputs.blob | base64_decode }}"';
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: keep, type: workflow.output, with: { host: "{{ inputs.host }}" } }
  - { name: decoded, type: workflow.output, with: { body: "{{ inputs.blob | base64_decode }}" } }
`),
          { inputs: { host: 'web-1', blob: 'x' } }
        );
        // The outputs set before the failure stay on the failed run.
        expect(execution).toMatchObject({ status: 'failed', error: { message: `Step "decoded" failed: ${message}` }, output: { host: 'web-1' } });
        expect(records(steps)).toEqual([
          ['keep', 'completed', 1],
          ['decoded', 'failed', 1],
        ]);
      },
      async retry() {
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: decoded\n    type: workflow.output\n    with: { body: "{{ inputs.blob | base64_decode }}" }\n${retry(2)}`),
          { inputs: { blob: 'x' } }
        );
        expect(execution.status).toBe('failed');
        expect(records(steps)).toEqual([
          ['decoded', 'failed', 1],
          ['decoded', 'failed', 2],
        ]);
      },
      async timeout() {
        // workflow.output ends at once, so its timeout cannot fire.
        const { execution, steps } = await createTestEngine().run(workflow(`  - { name: out, type: workflow.output, timeout: 1s, with: { verdict: benign } }\n`));
        expect(execution).toMatchObject({ status: 'completed', output: { verdict: 'benign' } });
        expect(records(steps)).toEqual([['out', 'completed', 1]]);
      },
    },
  },
  {
    type: 'workflow.fail',
    cases: {
      async success() {
        // Its job done: the run ends failed with the author's message, nothing after it runs, and
        // outputs set before it are kept.
        const { outcome, execution, steps } = await createTestEngine().run(
          workflow(`  - { name: out, type: workflow.output, with: { verdict: unknown } }
  - name: check
    type: if
    condition: "not inputs.owner : *"
    steps:
      - { name: stop, type: workflow.fail, with: { message: "No owner for {{ inputs.host }}" } }
      - { name: never, type: console, with: { message: never } }
  - { name: after, type: console, with: { message: never } }
`)
        );
        expect(outcome?.status).toBe('failed');
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'No owner for web-1', type: 'WorkflowFailedError' }, output: { verdict: 'unknown' } });
        expect(records(steps)).toEqual([
          ['out', 'completed', 1],
          ['check', 'failed', 1],
          ['stop', 'failed', 1],
        ]);
        expect(step(steps, 'stop')?.error).toEqual({ message: 'No owner for web-1', type: 'WorkflowFailedError' });
      },
      async failure() {
        // The run fails even with continue and a fallback: ending the run is what the step is for.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: stop
    type: workflow.fail
    on-failure:
      continue: true
      fallback:
        - { name: report, type: console, with: { message: report } }
  - { name: after, type: console, with: { message: after } }
`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'The workflow failed at step "stop"', type: 'WorkflowFailedError' } });
        expect(records(steps)).toEqual([['stop', 'failed', 1]]);
      },
      async retry() {
        // Nor is it retried: running it again could only fail the run again.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - name: stop\n    type: workflow.fail\n    with: { message: "give up" }\n${retry(3)}`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'give up' } });
        expect(records(steps)).toEqual([['stop', 'failed', 1]]);
      },
      async timeout() {
        // workflow.fail ends at once, so its timeout cannot fire: the run fails with the author's message.
        const { execution, steps } = await createTestEngine().run(
          workflow(`  - { name: stop, type: workflow.fail, timeout: 1s, with: { message: "give up" } }\n`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'give up', type: 'WorkflowFailedError' } });
        expect(records(steps)).toEqual([['stop', 'failed', 1]]);
      },
    },
  },
  {
    type: 'workflow.execute',
    cases: {
      async success() {
        const test = await host({ enrich: ENRICH }, PATIENT);
        const { execution, steps } = await test.run(
          workflow(`  - { name: call, type: workflow.execute, with: { workflow-id: enrich, inputs: { host: "{{ inputs.host }}" } } }
  - { name: after, type: console, with: { message: "owner {{ steps.call.output.owner }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['call', 'completed', 1, { owner: 'team-web-1', checked: true }],
          ['after', 'completed', 1, 'owner team-web-1'],
        ]);
        const [child] = (await test.allRuns()).filter((r) => r.id !== 'ex-1');
        expect(child).toMatchObject({ workflowId: 'enrich', status: 'completed', parentExecutionId: 'ex-1', triggeredBy: 'workflow', inputs: { host: 'web-1' } });
        expect(steps[0].state).toEqual({ childExecutionId: child.id });
      },
      async failure() {
        const test = await host({ broken: BROKEN }, PATIENT);
        const { execution, steps } = await test.run(
          workflow(`  - { name: call, type: workflow.execute, with: { workflow-id: broken, inputs: { host: "{{ inputs.host }}" } } }\n`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'Step "call" failed: Workflow "broken" failed: no owner for web-1' } });
        expect(records(steps)).toEqual([['call', 'failed', 1]]);
        expect((await test.allRuns()).filter((r) => r.id !== 'ex-1').map((r) => [r.workflowId, r.status, r.parentExecutionId])).toEqual([['broken', 'failed', 'ex-1']]);
      },
      async retry() {
        const test = await host({ broken: BROKEN }, PATIENT);
        const { execution, steps } = await test.run(
          workflow(`  - name: call\n    type: workflow.execute\n    with: { workflow-id: broken, inputs: { host: "{{ inputs.host }}" } }\n${retry(2)}`)
        );
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'Step "call" failed: Workflow "broken" failed: no owner for web-1' } });
        expect(records(steps)).toEqual([
          ['call', 'failed', 1],
          ['call', 'failed', 2],
        ]);
        // Each attempt runs the child workflow anew; reading the failed child of attempt 1 again is no retry.
        const children = (await test.allRuns()).filter((r) => r.workflowId === 'broken');
        expect(children.map((r) => r.status)).toEqual(['failed', 'failed']);
        expect(new Set(steps.map((s) => s.state?.childExecutionId)).size).toBe(2);
      },
      async timeout() {
        // A child slower than the step's timeout, awaited in the worker.
        const test = await host({ slow: SLOW });
        const run = await test.run(workflow(`  - { name: call, type: workflow.execute, timeout: 20ms, with: { workflow-id: slow } }\n`));
        expect(run.execution).toMatchObject({ status: 'failed', error: { message: 'Step "call" failed: Step "call" took longer than its timeout (20ms)' } });
        expect(records(run.steps)).toEqual([['call', 'timed_out', 1]]);
        await test.settled();

        // A child that parks its parent: the timeout still counts from the step's start.
        const parked = await host({ slow: workflow(`  - { name: nap, type: wait, with: { duration: 1d } }\n`) });
        const first = await parked.run(workflow(`  - { name: call, type: workflow.execute, timeout: 1h, with: { workflow-id: slow } }\n`));
        expect(first.outcome?.status).toBe('waiting');
        const done = await runAgainAt(parked, '2026-03-01T11:00:01.000Z');
        expect(done.execution).toMatchObject({ status: 'failed', error: { message: 'Step "call" failed: Step "call" took longer than its timeout (1h)' } });
        expect(records(done.steps)).toEqual([['call', 'timed_out', 1]]);
        await parked.settled();
      },
    },
  },
  {
    type: 'workflow.executeAsync',
    cases: {
      async success() {
        const test = await host({ enrich: ENRICH });
        const { execution, steps } = await test.run(
          workflow(`  - { name: start, type: workflow.executeAsync, with: { workflow-id: enrich, inputs: { host: "{{ inputs.host }}" } } }
  - { name: after, type: console, with: { message: "started {{ steps.start.output.workflowExecutionId }}" } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(steps.map((s) => [s.path, s.status, s.attempt, s.output])).toEqual([
          ['start', 'completed', 1, { workflowExecutionId: 'ex-1:start:child' }],
          ['after', 'completed', 1, 'started ex-1:start:child'],
        ]);
        await test.settled();
        expect(await test.store.getExecution('default', 'ex-1:start:child')).toMatchObject({
          workflowId: 'enrich',
          status: 'completed',
          parentExecutionId: 'ex-1',
          triggeredBy: 'workflow',
          inputs: { host: 'web-1' },
          output: { owner: 'team-web-1', checked: true },
        });
      },
      async failure() {
        const test = await host();
        const { execution, steps } = await test.run(workflow(`  - { name: start, type: workflow.executeAsync, with: { workflow-id: wf-missing } }\n`));
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'Step "start" failed: Workflow [wf-missing] not found' } });
        expect(records(steps)).toEqual([['start', 'failed', 1]]);
        expect(steps[0].error?.message).toBe('Workflow [wf-missing] not found');
      },
      async retry() {
        const test = await host({ paused: { yaml: ENRICH, enabled: false } });
        const { execution, steps } = await test.run(workflow(`  - name: start\n    type: workflow.executeAsync\n    with: { workflow-id: paused }\n${retry(3)}`));
        expect(execution).toMatchObject({ status: 'failed', error: { message: 'Step "start" failed: Workflow is disabled' } });
        expect(records(steps)).toEqual([
          ['start', 'failed', 1],
          ['start', 'failed', 2],
          ['start', 'failed', 3],
        ]);
        expect((await test.allRuns()).map((r) => r.id)).toEqual(['ex-1']);
      },
      async timeout() {
        // The step only starts the child, so a child slower than the step's timeout does not time it out.
        const test = await host({ slow: SLOW });
        const { execution, steps } = await test.run(
          workflow(`  - { name: start, type: workflow.executeAsync, timeout: 20ms, with: { workflow-id: slow } }
  - { name: after, type: console, with: { message: after } }
`)
        );
        expect(execution.status).toBe('completed');
        expect(records(steps)).toEqual([
          ['start', 'completed', 1],
          ['after', 'completed', 1],
        ]);
        await test.settled();
        expect(await test.store.getExecution('default', 'ex-1:start:child')).toMatchObject({ status: 'completed', output: { done: true } });
      },
    },
  },
];
