/**
 * Crash safety on the built host (`build/server/host.cjs`, a child process): SIGKILL in the
 * middle of 200 runs, a restart on the same data folder, and every run completes, no finished
 * step runs again, and every side effect reaches a fake receiver under exactly one idempotency
 * key per run and step. Also: a parked `wait` that outlives a restart.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isTerminalStatus, type ExecutionDto, type ExecutionSummaryDto } from '../../../common/api';
import { SqliteWorkflowStore } from '../../../server/storage/sqlite/sqlite_store';
import { startFakeHttpService, type FakeHttpService } from '../actions/fake_services';
import { createTempDataDir, spawnHost, waitFor, type SpawnedHost } from '../test_utils';

const RUNS = 200;
const STEP_NAMES = ['remember', 'pause', 'notify', 'post', 'done'];

/** Adds the hosts' output to a failure, so a crash test that fails says what the host saw. */
async function explainingFailures(hosts: SpawnedHost[], body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const output = hosts.map((host, index) => `--- host process ${index + 1} (pid ${host.child.pid}) ---\n${host.output().slice(-20_000)}`).join('\n');
    if (error instanceof Error) error.message += `\n\n${output}`;
    throw error;
  }
}

async function createWorkflow(host: SpawnedHost, yaml: string): Promise<string> {
  const res = await host.request('POST', '/api/workflows', { body: { yaml } });
  expect(res.status).toBe(200);
  expect(res.body.validationErrors).toEqual([]);
  return res.body.id;
}

async function startRun(host: SpawnedHost, workflowId: string): Promise<string> {
  const res = await host.request('POST', `/api/workflows/${workflowId}/run`, { body: {} });
  if (res.status !== 200) throw new Error(`Starting a run answered ${res.status}: ${res.text}`);
  return res.body.workflowExecutionId;
}

async function listExecutions(host: SpawnedHost, workflowId: string): Promise<ExecutionSummaryDto[]> {
  const res = await host.request('GET', `/api/workflows/${workflowId}/executions?size=1000`);
  if (res.status !== 200) throw new Error(`Listing executions answered ${res.status}: ${res.text}`);
  return res.body.results;
}

/** Every run of the workflow once all are terminal; on timeout, an error naming the runs still unfinished. */
async function waitForAllTerminal(host: SpawnedHost, workflowId: string, timeoutMs: number): Promise<ExecutionSummaryDto[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const executions = await listExecutions(host, workflowId);
    const unfinished = executions.filter((e) => !isTerminalStatus(e.status));
    if (executions.length === RUNS && unfinished.length === 0) return executions;
    if (Date.now() > deadline) {
      throw new Error(
        `After ${timeoutMs} ms, ${unfinished.length} of ${executions.length} runs are unfinished (${RUNS} were started):\n` +
          unfinished.map((e) => `  ${e.id} ${e.status}`).join('\n')
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `fn` over `items`, `concurrency` at a time. */
async function mapLimit<T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/** One request as the receiver saw it; `life` tells which host process had sent it. */
interface Delivery {
  step: 'notify' | 'post';
  key: string;
  executionId: string;
  life: 1 | 2;
}

/**
 * A webhook receiver that behaves like a real idempotent one: it answers after a short delay
 * (so that some requests are in flight when the host is killed) and keeps every request with
 * its `Idempotency-Key`; an effect happens once per distinct key.
 */
async function startReceiver() {
  const deliveries: Delivery[] = [];
  const state = { life: 1 as 1 | 2 };
  const service: FakeHttpService = await startFakeHttpService((request) => {
    const body = request.body as { execution?: string };
    deliveries.push({
      step: request.path === '/notify' ? 'notify' : 'post',
      key: String(request.headers['idempotency-key'] ?? ''),
      executionId: String(body.execution ?? ''),
      life: state.life,
    });
    return { status: 200, body: { received: true }, delayMs: 40 };
  });
  return { service, deliveries, state };
}

describe('crash safety', () => {
  it(`resumes ${RUNS} runs after a SIGKILL: none lost, no finished step repeated, one effect per key`, async () => {
    const receiver = await startReceiver();
    const first = await spawnHost();
    const hosts = [first];
    let restarted: SpawnedHost | undefined;
    try {
      await explainingFailures(hosts, async () => {
        const connector = await first.request('POST', '/api/actions/connector', {
          body: { name: 'crash-hook', connector_type_id: '.webhook', config: { url: `${receiver.service.url}/notify`, hasAuth: false }, secrets: {} },
        });
        expect(connector.status).toBe(200);
        const workflowId = await createWorkflow(
          first,
          `name: Crash resume
triggers: [{ type: manual }]
steps:
  - name: remember
    type: data.set
    with: { marker: "{{ execution.id }}" }
  - name: pause
    type: wait
    with: { duration: 200ms }
  - name: notify
    type: webhook
    connector-id: ${connector.body.id}
    with:
      body: { execution: "{{ execution.id }}" }
  - name: post
    type: http
    with:
      url: ${receiver.service.url}/http
      method: POST
      body: { execution: "{{ execution.id }}" }
  - name: done
    type: console
    with: { message: "done {{ variables.marker }}" }
`
        );

        const startedAt = Date.now();
        const executionIds = await mapLimit(Array.from({ length: RUNS }), 20, () => startRun(first, workflowId));
        expect(new Set(executionIds).size).toBe(RUNS);
        const allStartedMs = Date.now() - startedAt;

        const completedBeforeKill = await waitFor(
          async () => {
            const completed = (await listExecutions(first, workflowId)).filter((e) => e.status === 'completed').length;
            return completed >= RUNS / 3 ? completed : undefined;
          },
          { timeoutMs: 30_000, intervalMs: 20 }
        );
        expect(await first.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
        const killedAt = Date.now();

        // What the killed process left behind, read from its store: the steps it had finished, and those recorded as
        // running (a step that is safe to rerun is recorded as running only once it takes a while, so a step cut short
        // early may have no record at all).
        const store = new SqliteWorkflowStore(join(first.dataDir, 'workflows.sqlite'));
        const completedAtKill = new Set<string>();
        const inFlightAtKill = new Set<string>();
        let finishedAtKill = 0;
        for (const id of executionIds) {
          if ((await store.getExecution('default', id))?.status === 'completed') finishedAtKill++;
          for (const step of await store.listStepExecutions('default', id)) {
            if (step.status === 'completed') completedAtKill.add(`${id}:${step.path}`);
            if (step.status === 'running') inFlightAtKill.add(`${id}:${step.path}`);
          }
        }
        await store.close();
        // Requests the dead process had sent still sit in the receiver's sockets; let them land before the next life.
        await new Promise((resolve) => setTimeout(resolve, 100));
        receiver.state.life = 2;

        const restartAt = Date.now();
        restarted = await spawnHost({ dataDir: first.dataDir });
        hosts.push(restarted);
        const readyAt = Date.now();
        const final = await waitForAllTerminal(restarted, workflowId, 30_000);
        const allTerminalAt = Date.now();

        // Zero runs lost: every run completed, none failed, none left running or pending.
        const notCompleted = final.filter((e) => e.status !== 'completed').map((e) => `${e.id} ${e.status}: ${e.error?.message ?? ''}`);
        expect(notCompleted).toEqual([]);
        expect(new Set(final.map((e) => e.id))).toEqual(new Set(executionIds));

        // No finished step ran again: one completed record per step; a step in flight at the kill (and only such
        // a step) has its cut-short attempt 1 closed as interrupted and completed in attempt 2.
        const details: ExecutionDto[] = await mapLimit(executionIds, 20, async (id) => (await restarted!.request('GET', `/api/workflows-executions/${id}`)).body);
        const stepProblems: string[] = [];
        for (const execution of details) {
          const seen = execution.steps.map((s) => `${s.path}:${s.status}:${s.attempt}${s.error ? `:${s.error.type}` : ''}`);
          const expected = STEP_NAMES.flatMap((path) =>
            inFlightAtKill.has(`${execution.id}:${path}`) ? [`${path}:failed:1:StepInterruptedError`, `${path}:completed:2`] : [`${path}:completed:1`]
          );
          if (seen.join(' ') !== expected.join(' ')) stepProblems.push(`${execution.id}: steps [${seen.join(' ')}], expected [${expected.join(' ')}]`);
          const done = execution.steps.find((s) => s.path === 'done')?.output;
          if (done !== `done ${execution.id}`) stepProblems.push(`${execution.id}: step "done" printed ${JSON.stringify(done)}: variables were not restored`);
        }
        expect(stepProblems).toEqual([]);

        // Side effects, counted the way an idempotent receiver counts them: one per distinct key.
        const effectProblems: string[] = [];
        const resent: Record<Delivery['step'], string[]> = { notify: [], post: [] };
        for (const step of ['notify', 'post'] as const) {
          const byKey = new Map<string, Delivery[]>();
          for (const delivery of receiver.deliveries.filter((d) => d.step === step)) byKey.set(delivery.key, [...(byKey.get(delivery.key) ?? []), delivery]);
          // Every run's effect arrived, under the key `<executionId>:<stepPath>`, and no run made a second key.
          const expectedKeys = new Set(executionIds.map((id) => `${id}:${step}`));
          const missing = [...expectedKeys].filter((key) => !byKey.has(key));
          const unexpected = [...byKey.keys()].filter((key) => !expectedKeys.has(key));
          expect({ step, missing, unexpected }).toEqual({ step, missing: [], unexpected: [] });
          for (const [key, deliveries] of byKey) {
            if (deliveries.some((d) => `${d.executionId}:${step}` !== key)) effectProblems.push(`${key}: a body names another run (${deliveries.map((d) => d.executionId).join(', ')})`);
            if (deliveries.length === 1) continue;
            resent[step].push(key);
            // A request is sent again only when the killed process had not finished its step: once before the kill, once after.
            const lives = deliveries.map((d) => d.life).join(',');
            if (lives !== '1,2' || completedAtKill.has(key)) {
              effectProblems.push(`${key}: received ${deliveries.length} times (host lives ${lives}), step completed before the kill: ${completedAtKill.has(key)}`);
            }
          }
        }
        expect(effectProblems).toEqual([]);

        const requests = (step: Delivery['step']) => receiver.deliveries.filter((d) => d.step === step).length;
        const interrupted = details.filter((e) => STEP_NAMES.some((path) => inFlightAtKill.has(`${e.id}:${path}`)));
        const interruptedDone = interrupted.length
          ? `completed within ${Math.max(...interrupted.map((e) => Date.parse(e.finishedAt!))) - readyAt} ms of ready`
          : 'none';
        console.log(
          [
            `crash resume: ${RUNS} runs started in ${allStartedMs} ms; SIGKILL after ${completedBeforeKill} completed (${finishedAtKill} in the store), ${inFlightAtKill.size} step(s) recorded running: ${[...inFlightAtKill].map((k) => k.split(':')[1]).join(', ')}`,
            `restart ready after ${readyAt - restartAt} ms; runs with a step recorded running at the kill: ${interrupted.length}, ${interruptedDone}; all ${RUNS} runs ${allTerminalAt - readyAt} ms after ready (${allTerminalAt - killedAt} ms after the kill)`,
            `notify (connector): ${requests('notify')} requests, ${RUNS} distinct keys, re-sent after the restart: [${resent.notify.join(', ')}]`,
            `post (http): ${requests('post')} requests, ${RUNS} distinct keys, re-sent after the restart: [${resent.post.join(', ')}]`,
          ].join('\n')
        );
      });
    } finally {
      await first.kill('SIGKILL');
      await (restarted ?? first).stop();
      await receiver.service.close();
    }
  }, 90_000);

  it('keeps a parked wait across a restart and continues after it without repeating earlier steps', async () => {
    const dataDir = await createTempDataDir();
    // Waits of 1 s and more park the run (default: 5 s), so a 3 s wait keeps this test short.
    await writeFile(join(dataDir, 'standalone.yml'), 'workflows:\n  runner:\n    inlineWaitThreshold: 1s\n');
    const options = { dataDir, args: ['--config', 'standalone.yml'] };
    const first = await spawnHost(options);
    const hosts = [first];
    let restarted: SpawnedHost | undefined;
    try {
      await explainingFailures(hosts, async () => {
        const workflowId = await createWorkflow(
          first,
          `name: Wait across a restart
triggers: [{ type: manual }]
steps:
  - name: before
    type: data.set
    with: { marker: "{{ execution.id }}" }
  - name: pause
    type: wait
    with: { duration: 3s }
  - name: after
    type: console
    with: { message: "after {{ variables.marker }}" }
`
        );
        const executionId = await startRun(first, workflowId);
        const execution = async (host: SpawnedHost): Promise<ExecutionDto> => (await host.request('GET', `/api/workflows-executions/${executionId}`)).body;
        const parked = await waitFor(async () => {
          const current = await execution(first);
          return current.status === 'waiting' ? current : undefined;
        });
        expect(parked.steps.map((s) => [s.path, s.status])).toEqual([['before', 'completed'], ['pause', 'waiting']]);
        expect(await first.kill('SIGTERM')).toEqual({ code: 0, signal: null });

        restarted = await spawnHost(options);
        hosts.push(restarted);
        const done = await waitFor(
          async () => {
            const current = await execution(restarted!);
            return isTerminalStatus(current.status) ? current : undefined;
          },
          { timeoutMs: 15_000 }
        );
        expect(done.status).toBe('completed');
        expect(done.steps.map((s) => [s.path, s.status, s.attempt])).toEqual([
          ['before', 'completed', 1],
          ['pause', 'completed', 1],
          ['after', 'completed', 1],
        ]);
        // `before` is the record written before the restart, not a second run of the step.
        expect(done.steps[0]).toMatchObject({ id: parked.steps[0].id, finishedAt: parked.steps[0].finishedAt });
        expect(done.steps[2].output).toBe(`after ${executionId}`);
        expect(Date.parse(done.steps[2].startedAt!) - Date.parse(done.steps[1].startedAt!)).toBeGreaterThanOrEqual(3000);
      });
    } finally {
      await first.kill('SIGKILL');
      await (restarted ?? first).stop();
    }
  }, 60_000);
});
