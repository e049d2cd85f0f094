/**
 * Run control over HTTP on a real host: cancel, resume a waitForInput, test and dry runs, child
 * workflows, concurrency. Runs go through Task Manager; every assertion reads the API.
 */
import type { ExecutionDto } from '../../../common/api';
import { startTestHost, type TestHost } from '../test_utils';
import { NESTED_TRIAGE_INPUTS, NESTED_TRIAGE_OUTPUTS, NESTED_TRIAGE_STEPS } from '../../../server/steps/control_flow.mocks';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.stop();
});

const TERMINAL = ['completed', 'failed', 'cancelled', 'timed_out', 'skipped'];

const create = async (yaml: string) => {
  const res = await host.request('POST', '/api/workflows', { body: { yaml } });
  expect(res.status).toBe(200);
  expect(res.body.valid).toBe(true);
  return res.body.id as string;
};
const run = async (id: string, body: Record<string, unknown> = {}) => {
  const res = await host.request('POST', `/api/workflows/${id}/run`, { body });
  expect(res.status).toBe(200);
  return res.body.workflowExecutionId as string;
};
const execution = async (id: string): Promise<ExecutionDto> => (await host.request('GET', `/api/workflows-executions/${id}`)).body;
const waitForStatus = async (id: string, statuses: string[], timeoutMs = 10_000) => {
  await host.waitFor(async () => statuses.includes((await execution(id)).status), { timeoutMs, intervalMs: 20 });
  return execution(id);
};

describe('run control', () => {
  it('cancels a running run within a second, aborting the step in flight', async () => {
    const id = await create(`name: Long
triggers: [{ type: manual }]
steps:
  - { name: first, type: console, with: { message: started } }
  - { name: nap, type: wait, with: { duration: 4s } }
  - { name: never, type: console, with: { message: never } }
`);
    const executionId = await run(id);
    await host.waitFor(async () => (await execution(executionId)).steps.some((s) => s.name === 'nap'), { timeoutMs: 5000, intervalMs: 10 });
    const started = Date.now();
    const res = await host.request('POST', `/api/workflows-executions/${executionId}/cancel`);
    expect(res.status).toBe(200);
    const done = await waitForStatus(executionId, TERMINAL, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(done.status).toBe('cancelled');
    expect(done.steps.map((s) => [s.name, s.status])).toEqual([['first', 'completed'], ['nap', 'cancelled']]);

    const again = await host.request('POST', `/api/workflows-executions/${executionId}/cancel`);
    expect(again.status).toBe(400);
    expect(again.body.message).toBe(`Workflow execution [${executionId}] has already ended (cancelled)`);
  });

  it('cancels a parked run', async () => {
    const id = await create(`name: Parked\ntriggers: [{ type: manual }]\nsteps:\n  - { name: nap, type: wait, with: { duration: 4h } }\n`);
    const executionId = await run(id);
    expect((await waitForStatus(executionId, ['waiting'])).status).toBe('waiting');
    expect((await host.request('POST', `/api/workflows-executions/${executionId}/cancel`)).status).toBe(200);
    expect((await execution(executionId)).status).toBe('cancelled');
  });

  it('parks on waitForInput and resumes with the answer', async () => {
    const id = await create(`name: Ask
triggers: [{ type: manual }]
steps:
  - name: ask
    type: waitForInput
    with: { message: "Isolate the host?" }
  - name: answer
    type: console
    with:
      message: "answer {{ steps.ask.output.input.choice }} by {{ steps.ask.output.respondedBy }}"
`);
    const executionId = await run(id);
    expect((await waitForStatus(executionId, ['waiting_for_input'])).steps.map((s) => [s.name, s.status])).toEqual([['ask', 'waiting_for_input']]);
    const early = await host.request('POST', `/api/workflows-executions/${executionId}/resume`, { body: { input: { choice: 'yes' } } });
    expect(early.status).toBe(200);
    const done = await waitForStatus(executionId, TERMINAL);
    expect(done.status).toBe('completed');
    expect(done.steps.at(-1)?.output).toBe(`answer yes by ${host.username}`);
    const late = await host.request('POST', `/api/workflows-executions/${executionId}/resume`, { body: { input: {} } });
    expect(late.status).toBe(400);
  });

  it('refuses an answer that does not fit the step schema, and keeps waiting for one that does', async () => {
    const id = await create(`name: Ask with a schema
triggers: [{ type: manual }]
steps:
  - name: ask
    type: waitForInput
    with:
      message: "How many hosts to isolate?"
      schema: { type: object, required: [count], properties: { count: { type: integer, minimum: 1 } } }
`);
    const executionId = await run(id);
    await waitForStatus(executionId, ['waiting_for_input']);
    const wrong = await host.request('POST', `/api/workflows-executions/${executionId}/resume`, { body: { input: { count: 0 } } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('The input does not fit the schema of step "ask": at "$.count": expected at least 1');
    expect((await execution(executionId)).status).toBe('waiting_for_input');
    expect((await host.request('POST', `/api/workflows-executions/${executionId}/resume`, { body: { input: { count: 2 } } })).status).toBe(200);
    expect((await waitForStatus(executionId, TERMINAL)).status).toBe('completed');
  });

  it('fails a rejected approval', async () => {
    const id = await create(`name: Approve\ntriggers: [{ type: manual }]\nsteps:\n  - { name: gate, type: waitForApproval, with: { message: "Block IP?" } }\n`);
    const executionId = await run(id);
    await waitForStatus(executionId, ['waiting_for_input']);
    await host.request('POST', `/api/workflows-executions/${executionId}/resume`, { body: { input: { approved: false, comment: 'false positive' } } });
    const done = await waitForStatus(executionId, TERMINAL);
    expect(done).toMatchObject({ status: 'failed', error: { message: `Step "gate" failed: Rejected by ${host.username}: false positive` } });
  });

  it('runs unsaved YAML as a test run', async () => {
    const res = await host.request('POST', '/api/workflows/test', {
      body: { yaml: 'name: Try\ntriggers: [{ type: manual }]\nsteps:\n  - { name: hi, type: console, with: { message: "hi {{ inputs.who }} {{ event.alerts[0].id }}" } }\n', inputs: { who: 'me' }, event: { alerts: [{ id: 'a1' }] } },
    });
    expect(res.status).toBe(200);
    const done = await waitForStatus(res.body.workflowExecutionId, TERMINAL);
    expect(done).toMatchObject({ status: 'completed', isTestRun: true, triggeredBy: 'test', workflowId: 'test-run' });
    expect(done.steps[0].output).toBe('hi me a1');

    const invalid = await host.request('POST', '/api/workflows/test', { body: { yaml: 'name: Bad\ntriggers: [{ type: manual }]\nsteps:\n  - { name: x, type: consle }\n' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toMatch(/^Workflow is not valid: line 4, column \d+: /);
  });

  it('runs a child workflow and returns its outputs', async () => {
    const childId = await create(`name: Child
triggers: [{ type: manual }]
steps:
  - { name: score, type: workflow.output, with: { verdict: "malicious {{ inputs.ip }}" } }
`);
    const parentId = await create(`name: Parent
triggers: [{ type: manual }]
steps:
  - name: ask_child
    type: workflow.execute
    with:
      workflow-id: ${childId}
      inputs: { ip: "10.0.0.1" }
  - name: show
    type: console
    with: { message: "child said {{ steps.ask_child.output.verdict }}" }
`);
    const executionId = await run(parentId);
    const done = await waitForStatus(executionId, TERMINAL);
    expect(done.status).toBe('completed');
    expect(done.steps.at(-1)?.output).toBe('child said malicious 10.0.0.1');
    const children = await host.request('GET', `/api/workflows/${childId}/executions`);
    expect(children.body.results[0]).toMatchObject({ triggeredBy: 'workflow', status: 'completed', parentExecutionId: executionId, output: { verdict: 'malicious 10.0.0.1' } });
  });

  it.each([
    ['queue', ['completed', 'completed']],
    ['drop', ['completed', 'skipped']],
    ['cancel-in-progress', ['cancelled', 'completed']],
  ])('applies concurrency strategy %s per key', async (strategy, expected) => {
    const id = await create(`name: One per host ${strategy}
settings:
  concurrency: { key: "{{ inputs.host }}", strategy: ${strategy}, max: 1 }
triggers: [{ type: manual }]
steps:
  - { name: nap, type: wait, with: { duration: 300ms } }
`);
    const first = await run(id, { inputs: { host: 'web-1' } });
    await waitForStatus(first, ['running']);
    const second = await run(id, { inputs: { host: 'web-1' } });
    const other = await run(id, { inputs: { host: 'db-1' } });
    const [a, b, c] = await Promise.all([first, second, other].map((e) => waitForStatus(e, TERMINAL)));
    expect([a.status, b.status]).toEqual(expected);
    expect(c.status).toBe('completed');
    if (strategy === 'queue') expect(Date.parse(b.startedAt!)).toBeGreaterThanOrEqual(Date.parse(a.finishedAt!));
    if (strategy === 'drop') expect(b.error?.message).toBe('Skipped: 1 run(s) with concurrency key "web-1" already in progress (strategy drop)');
  });
});

describe('scheduled triggers', () => {
  it('schedules an enabled workflow, shows the next run, and unschedules it when disabled or deleted', async () => {
    const before = Date.now();
    const created = await host.request('POST', '/api/workflows', {
      body: { yaml: 'name: Every hour\ntriggers:\n  - type: manual\n  - type: scheduled\n    with: { every: 1h }\nsteps:\n  - { name: hi, type: console, with: { message: hi } }\n' },
    });
    expect(created.body.triggerTypes).toEqual(['manual', 'scheduled']);
    const next = Date.parse(created.body.nextRunAt);
    expect(next).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
    expect(next).toBeLessThanOrEqual(Date.now() + 3_600_000);

    const disabled = await host.request('PUT', `/api/workflows/${created.body.id}`, { body: { enabled: false } });
    expect(disabled.body.nextRunAt).toBeUndefined();
    const enabled = await host.request('PUT', `/api/workflows/${created.body.id}`, { body: { enabled: true } });
    expect(enabled.body.nextRunAt).toEqual(expect.any(String));
    const listed = await host.request('POST', '/api/workflows/search', { body: { query: 'Every hour' } });
    expect(listed.body.results[0].nextRunAt).toBe(enabled.body.nextRunAt);

    // The manual trigger still works next to the schedule.
    const manual = await host.request('POST', `/api/workflows/${created.body.id}/run`, { body: {} });
    expect((await waitForStatus(manual.body.workflowExecutionId, TERMINAL)).status).toBe('completed');

    await host.request('DELETE', `/api/workflows/${created.body.id}`);
    const recreated = await host.request('POST', '/api/workflows', { body: { yaml: 'name: Manual only\ntriggers: [{ type: manual }]\nsteps:\n  - { name: hi, type: console, with: { message: hi } }\n' } });
    expect(recreated.body.nextRunAt).toBeUndefined();
  });
});

describe('control flow on the host', () => {
  it('runs a 3-level nested foreach / if / switch workflow', async () => {
    const id = await create(`name: Nested\ntriggers: [{ type: manual }]\nsteps:\n${NESTED_TRIAGE_STEPS}`);
    const done = await waitForStatus(await run(id, { inputs: NESTED_TRIAGE_INPUTS }), TERMINAL);
    expect(done.status).toBe('completed');
    expect(done.steps.filter((s) => s.type === 'console').map((s) => [s.path, s.output])).toEqual(NESTED_TRIAGE_OUTPUTS);
  });

  it('fans out in parallel and joins the branches with merge', async () => {
    const id = await create(`name: Fan out
triggers: [{ type: manual }]
steps:
  - name: enrich
    type: parallel
    branches:
      - name: geo
        steps:
          - { name: geo_wait, type: wait, with: { duration: 300ms } }
          - { name: geo_result, type: data.set, with: { country: NL } }
      - name: reputation
        steps:
          - { name: rep_wait, type: wait, with: { duration: 300ms } }
          - { name: rep_result, type: data.set, with: { score: 87 } }
  - name: join
    type: merge
    sources: [geo, reputation]
  - name: report
    type: console
    with: { message: "{{ steps.join.output.geo.country }} {{ steps.join.output.reputation.score }}" }
`);
    const executionId = await run(id);
    const done = await waitForStatus(executionId, TERMINAL);
    expect(done.status).toBe('completed');
    expect(done.steps.at(-1)?.output).toBe('NL 87');
    const [geo, rep] = ['geo_wait', 'rep_wait'].map((name) => done.steps.find((s) => s.name === name)!);
    // The branches ran at the same time: each wait started before the other finished.
    expect(Date.parse(geo.startedAt!)).toBeLessThan(Date.parse(rep.finishedAt!));
    expect(Date.parse(rep.startedAt!)).toBeLessThan(Date.parse(geo.finishedAt!));
  });
});
