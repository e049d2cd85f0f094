import { createTemplateEngine } from '../../common/templating';
import { anExecution } from '../storage/store_contract';
import { SqliteWorkflowStore } from '../storage/sqlite/sqlite_store';
import { createStepRegistry } from '../steps/registry';
import type { ExecutionRecord } from '../storage/types';
import { silentLogger, workflowYaml } from './engine_test_utils';
import { RunDispatcher } from './run_dispatcher';
import { WorkflowEngine } from './workflow_engine';

const LEASE_MS = 60_000;
const SLOW = workflowYaml(`  - { name: nap, type: wait, with: { duration: 40ms } }\n  - { name: done, type: console, with: { message: done } }\n`);
const PARKS = workflowYaml(`  - { name: nap, type: wait, with: { duration: 300ms } }\n  - { name: done, type: console, with: { message: woke } }\n`);

/** One node: an engine and its dispatcher on a shared store, with real time. */
function aNode(store: SqliteWorkflowStore, owner: string, options: { maxConcurrentRuns?: number; pollIntervalMs?: number } = {}) {
  let running = 0;
  let mostAtOnce = 0;
  const engine = new WorkflowEngine({
    store,
    registry: createStepRegistry(),
    templates: createTemplateEngine(),
    logger: silentLogger,
    now: () => new Date(),
    kibanaUrl: 'http://kibana.test',
    inlineWaitThresholdMs: 100,
    lease: { owner, durationMs: LEASE_MS },
  });
  const runExecution = engine.runExecution.bind(engine);
  engine.runExecution = async (...args) => {
    mostAtOnce = Math.max(mostAtOnce, ++running);
    try {
      return await runExecution(...args);
    } finally {
      running--;
    }
  };
  const dispatcher = new RunDispatcher({
    engine,
    store,
    logger: silentLogger,
    owner,
    leaseMs: LEASE_MS,
    maxConcurrentRuns: options.maxConcurrentRuns ?? 10,
    pollIntervalMs: options.pollIntervalMs ?? 1_000,
    resumeHorizonMs: 60_000,
  });
  return { engine, dispatcher, mostAtOnce: () => mostAtOnce };
}

async function until(check: () => Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const statuses = async (store: SqliteWorkflowStore, ids: string[]) => Promise.all(ids.map(async (id) => (await store.getExecution('default', id))?.status));
const allCompleted = (store: SqliteWorkflowStore, ids: string[]) => async () => (await statuses(store, ids)).every((s) => s === 'completed');
const past = (ms: number) => new Date(Date.now() - ms).toISOString();

async function createRuns(store: SqliteWorkflowStore, count: number, overrides: Partial<ExecutionRecord> = {}) {
  const ids = Array.from({ length: count }, (_, i) => `run-${i}`);
  for (const id of ids) await store.createExecution(anExecution({ id, yaml: SLOW, createdAt: past(60_000), ...overrides }));
  return ids;
}

describe('RunDispatcher', () => {
  let store: SqliteWorkflowStore;
  const nodes: Array<ReturnType<typeof aNode>> = [];
  beforeEach(() => {
    store = new SqliteWorkflowStore(':memory:');
  });
  afterEach(async () => {
    for (const node of nodes.splice(0)) await node.dispatcher.stop();
    await store.close();
  });
  const node = (owner: string, options?: Parameters<typeof aNode>[2]) => {
    const created = aNode(store, owner, options);
    nodes.push(created);
    return created;
  };

  it('runs submitted runs to the end, never more at once than its limit, each run once', async () => {
    const { dispatcher, mostAtOnce } = node('node-a', { maxConcurrentRuns: 3 });
    const ids = await createRuns(store, 12);
    for (const id of ids) expect(dispatcher.submit('default', id)).toBe(true);
    expect(dispatcher.submit('default', ids[0])).toBe(false);
    await until(allCompleted(store, ids));
    expect(mostAtOnce()).toBe(3);
    for (const id of ids) expect((await store.listStepExecutions('default', id)).map((s) => [s.path, s.status])).toEqual([['nap', 'completed'], ['done', 'completed']]);
    expect(dispatcher.size).toBe(0);
  });

  it('shares due runs between two nodes pumping the same runner key, each run executed once', async () => {
    const a = node('node-a', { maxConcurrentRuns: 5 });
    const b = node('node-b', { maxConcurrentRuns: 5 });
    const ids = await createRuns(store, 30, { runnerKey: 'alice' });
    const [takenA, takenB] = await Promise.all([a.dispatcher.pump('alice'), b.dispatcher.pump('alice')]);
    expect(takenA + takenB).toBeGreaterThanOrEqual(10);
    await until(allCompleted(store, ids));
    for (const id of ids) expect(await store.listStepExecutions('default', id)).toHaveLength(2);
    expect(await a.dispatcher.pump('bob')).toBe(0);
  });

  it('leaves a run another node holds, and takes it once that node’s lease ran out', async () => {
    const [id] = await createRuns(store, 1, { runnerKey: 'alice' });
    await store.claimExecution('default', id, { owner: 'dead-node', now: past(0), until: new Date(Date.now() + 200).toISOString() });
    const { dispatcher } = node('node-a');
    expect(await dispatcher.pump('alice')).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await dispatcher.pump('alice')).toBe(1);
    await until(allCompleted(store, [id]));
    expect((await store.getExecution('default', id))?.leaseOwner).toBe('node-a');
  });

  it('gives up its leases when it stops, so another node continues the interrupted runs at once', async () => {
    const a = node('node-a');
    const [id] = await createRuns(store, 1, { yaml: workflowYaml(`  - { name: nap, type: wait, with: { duration: 90ms } }\n`) });
    a.dispatcher.submit('default', id);
    await until(async () => (await store.getExecution('default', id))?.status === 'running');
    await a.dispatcher.stop();
    const interrupted = await store.getExecution('default', id);
    expect(interrupted?.status).toBe('running');
    expect(Date.parse(interrupted!.leaseExpiresAt!)).toBeLessThanOrEqual(Date.now());
    expect(a.dispatcher.submit('default', id)).toBe(false);

    const b = node('node-b');
    expect(await b.dispatcher.pump(undefined)).toBe(1);
    await until(allCompleted(store, [id]));
  });

  it('releases the leases an earlier process of the same node left behind', async () => {
    const [id] = await createRuns(store, 1);
    await store.claimExecution('default', id, { owner: 'node-a', now: past(0), until: new Date(Date.now() + LEASE_MS).toISOString() });
    const { dispatcher } = node('node-a');
    await until(async () => (await dispatcher.pump(undefined)) === 1);
    await until(allCompleted(store, [id]));
  });

  it('times a parked run that resumes before the next pump, and wakes its own parks', async () => {
    const { dispatcher } = node('node-a');
    await store.createExecution(anExecution({ id: 'parks', yaml: PARKS, createdAt: past(60_000) }));
    dispatcher.submit('default', 'parks');
    await until(async () => (await store.getExecution('default', 'parks'))?.status === 'waiting');
    await until(allCompleted(store, ['parks']), 2_000);

    const later = new Date(Date.now() + 200).toISOString();
    await store.createExecution(anExecution({ id: 'parked-elsewhere', yaml: PARKS, status: 'waiting', resumeAt: later, createdAt: past(60_000) }));
    expect(await dispatcher.pump(undefined)).toBe(0);
    expect((await store.getExecution('default', 'parked-elsewhere'))?.status).toBe('waiting');
    await until(async () => (await store.getExecution('default', 'parked-elsewhere'))?.status !== 'waiting', 2_000);
  });

  it('stops within a second a run it executes that another node cancelled', async () => {
    const a = node('node-a');
    const b = node('node-b');
    const yaml = workflowYaml(`  - name: each\n    type: foreach\n    foreach: '[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]'\n    steps:\n      - { name: nap, type: wait, with: { duration: 90ms } }\n`);
    await store.createExecution(anExecution({ id: 'long', yaml, createdAt: past(60_000) }));
    a.dispatcher.submit('default', 'long');
    await until(async () => (await store.listStepExecutions('default', 'long')).length >= 3);
    const cancelledAt = Date.now();
    expect(await b.engine.cancel('default', 'long')).toBe(true);
    await until(async () => a.dispatcher.size === 0, 1_000);
    expect(Date.now() - cancelledAt).toBeLessThan(1_000);
    const steps = await store.listStepExecutions('default', 'long');
    expect((await store.getExecution('default', 'long'))?.status).toBe('cancelled');
    expect(steps.filter((s) => s.status === 'running')).toEqual([]);
    expect(steps.filter((s) => s.status === 'cancelled').map((s) => s.stepName).sort()).toEqual(['each', 'nap']);
    const settled = steps.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await store.listStepExecutions('default', 'long')).toHaveLength(settled);
  });

  it('takes more of a backlog once its queue runs dry, without another pump', async () => {
    const { dispatcher } = node('node-a', { maxConcurrentRuns: 2 });
    const ids = await createRuns(store, 15);
    expect(await dispatcher.pump(undefined)).toBe(4);
    await until(allCompleted(store, ids));
  });
});
