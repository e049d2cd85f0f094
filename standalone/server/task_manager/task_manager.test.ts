import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KibanaRequest } from '@kbn/core/server';
import type { RunContext, RunResult, TaskDefinition } from '@kbn/task-manager-plugin/server';
import { LoggingSystem } from '../logging';
import { waitFor } from '../wait_for';
import { acquireOwnerLock } from './owner_lock';
import { TaskManager, type TaskManagerOptions } from './task_manager';
import { TaskStore } from './task_store';

type Run = (context: RunContext) => Promise<RunResult | void>;

describe('TaskManager', () => {
  let dir: string;
  let file: string;
  let managers: TaskManager[];
  let logLines: string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'workflows-tm-'));
    file = join(dir, 'kibana.sqlite');
    managers = [];
    logLines = [];
  });
  afterEach(async () => {
    await Promise.all(managers.map((manager) => manager.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  function createManager(definitions: Record<string, Partial<TaskDefinition> & { run?: Run }>, options: Partial<TaskManagerOptions> = {}) {
    const logging = new LoggingSystem({ level: 'warn', write: (line) => logLines.push(line) });
    const manager = new TaskManager({
      file,
      logger: logging.get('plugins', 'taskManager'),
      ownerId: 'kibana:test-node',
      pollIntervalMs: 20,
      retryDelayMs: () => 10,
      shutdownGraceMs: 200,
      ...options,
    });
    managers.push(manager);
    manager.setup().registerTaskDefinitions(
      Object.fromEntries(
        Object.entries(definitions).map(([type, { run, ...definition }]) => [
          type,
          { ...definition, createTaskRunner: definition.createTaskRunner ?? ((context: RunContext) => ({ run: () => run!(context) })) },
        ])
      )
    );
    const start = manager.start();
    manager.startPolling();
    return { manager, start };
  }

  it('runs a scheduled one-off task with its params and deletes it afterwards', async () => {
    const seen: RunContext[] = [];
    const { start } = createManager({ 'test:echo': { run: async (context) => void seen.push(context) } });
    const scheduled = await start.schedule({ taskType: 'test:echo', params: { message: 'hi' }, state: {} });
    expect(scheduled).toMatchObject({ taskType: 'test:echo', status: 'idle', attempts: 0, ownerId: null, enabled: true });

    await waitFor(() => seen.length === 1);
    const [context] = seen;
    expect(context.taskInstance).toMatchObject({ id: scheduled.id, params: { message: 'hi' }, status: 'running', attempts: 1, ownerId: 'kibana:test-node' });
    expect(context.signal).toBe(context.abortController.signal);
    expect(context.executionUuid).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => start.get(scheduled.id).then(() => false, (error: Error) => error.message === `Saved object [task/${scheduled.id}] not found`));
  });

  it('dispatches a due task at once instead of waiting for the next poll', async () => {
    let ran = false;
    const { start } = createManager({ 'test:fast': { run: async () => void (ran = true) } }, { pollIntervalMs: 60_000 });
    await start.schedule({ taskType: 'test:fast', params: {}, state: {} });
    // The only poll before the 60 s tick happened at start-up, when nothing was scheduled.
    await waitFor(() => ran, { timeoutMs: 2000 });
  });

  it('reschedules a task at the runAt it returns, carrying its state', async () => {
    const states: unknown[] = [];
    const { start } = createManager({
      'test:counter': {
        run: async ({ taskInstance }) => {
          states.push(taskInstance.state);
          const count = (taskInstance.state.count as number) + 1;
          return count < 3 ? { state: { count }, runAt: new Date(Date.now() + 30) } : { state: { count } };
        },
      },
    });
    const task = await start.schedule({ taskType: 'test:counter', params: {}, state: { count: 0 } });
    await waitFor(() => states.length === 3);
    expect(states).toEqual([{ count: 0 }, { count: 1 }, { count: 2 }]);
    await waitFor(() => start.get(task.id).then(() => false, () => true));
  });

  it('runs a recurring task every interval and keeps it with its latest state', async () => {
    const runs: number[] = [];
    const { start } = createManager({
      'test:recurring': {
        run: async ({ taskInstance }) => {
          runs.push(Date.now());
          return { state: { runs: ((taskInstance.state.runs as number) ?? 0) + 1 } };
        },
      },
    });
    const task = await start.schedule({ id: 'recurring-1', taskType: 'test:recurring', params: {}, state: {}, schedule: { interval: '100ms' } });
    await waitFor(() => runs.length >= 3);
    expect(runs[2] - runs[1]).toBeGreaterThanOrEqual(90);
    const stored = await waitFor(async () => {
      const current = await start.get(task.id);
      return current.status === 'idle' && (current.state.runs as number) >= 3 && current;
    });
    expect(stored).toMatchObject({ schedule: { interval: '100ms' }, attempts: 0, ownerId: null, retryAt: null });
  });

  it('retries a failing task with backoff and marks it failed after maxAttempts', async () => {
    const attempts: number[] = [];
    const { start } = createManager({
      'test:broken': {
        maxAttempts: 3,
        run: async ({ taskInstance }) => {
          attempts.push(taskInstance.attempts);
          throw new Error('kaput');
        },
      },
    });
    const task = await start.schedule({ taskType: 'test:broken', params: {}, state: { kept: true } });
    const failed = await waitFor(async () => {
      const current = await start.get(task.id);
      return current.status === 'failed' && current;
    });
    expect(attempts).toEqual([1, 2, 3]);
    expect(failed).toMatchObject({ attempts: 3, state: { kept: true }, ownerId: null });
    expect(logLines.join('')).toContain('Task test:broken "' + task.id + '" failed after 3 attempts: kaput');
  });

  it('counts a returned error like a throw and succeeds on a later attempt', async () => {
    const attempts: number[] = [];
    const { start } = createManager({
      'test:flaky': {
        run: async ({ taskInstance }) => {
          attempts.push(taskInstance.attempts);
          return taskInstance.attempts === 1 ? { state: {}, error: new Error('first time') } : undefined;
        },
      },
    });
    const task = await start.schedule({ taskType: 'test:flaky', params: {}, state: {} });
    await waitFor(() => start.get(task.id).then(() => false, () => true));
    expect(attempts).toEqual([1, 2]);
  });

  it('reclaims a task whose owner crashed once its lease expired, counting the attempt', async () => {
    const store = new TaskStore(file);
    const crashedAt = new Date(Date.now() - 60_000);
    const base = { params: { n: 1 }, state: {}, scheduledAt: crashedAt, runAt: crashedAt, attempts: 0, status: 'idle' as const, startedAt: null, retryAt: null, ownerId: null };
    store.insert({ ...base, id: 'orphan', taskType: 'test:work' }, null);
    store.insert({ ...base, id: 'alive', taskType: 'test:work' }, null);
    const types = (timeoutMs: number) => new Map([['test:work', { timeoutMs, maxAttempts: 3, capacity: 10 }]]);
    // A node that claimed both tasks and died: one lease ran out long ago, the other is still valid.
    store.claim({ ownerId: 'kibana:crashed', now: crashedAt, types: types(1000), limit: 1, skip: new Set(['alive']) });
    store.claim({ ownerId: 'kibana:crashed', now: new Date(), types: types(3_600_000), limit: 1, skip: new Set(['orphan']) });
    expect(store.get('orphan')).toMatchObject({ status: 'running', ownerId: 'kibana:crashed', attempts: 1 });
    store.close();

    const seen: RunContext['taskInstance'][] = [];
    createManager({ 'test:work': { run: async ({ taskInstance }) => void seen.push(taskInstance) } });
    await waitFor(() => seen.length === 1);
    expect(seen[0]).toMatchObject({ id: 'orphan', attempts: 2, ownerId: 'kibana:test-node', params: { n: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.map(({ id }) => id)).toEqual(['orphan']);
  });

  describe('tasks claimed under its own owner id by an earlier process', () => {
    const HOUR = 3_600_000;
    /** What a process of this node leaves behind when it is killed: tasks claimed with an hour-long lease. */
    function leaveClaimedTasks(claims: Record<string, string>) {
      const store = new TaskStore(file);
      const now = new Date();
      for (const [id, ownerId] of Object.entries(claims)) {
        store.insert({ id, taskType: 'test:work', params: {}, state: {}, scheduledAt: now, runAt: now, attempts: 0, status: 'idle', startedAt: null, retryAt: null, ownerId: null }, null);
        store.claim({ ownerId, now, types: new Map([['test:work', { timeoutMs: HOUR, maxAttempts: 3, capacity: 1 }]]), limit: 1, skip: new Set(Object.keys(claims).filter((other) => other !== id)) });
      }
      store.close();
    }

    it('takes them over at start instead of waiting an hour for their leases, counting the attempt', async () => {
      leaveClaimedTasks({ mine: 'kibana:test-node', theirs: 'kibana:other-node' });
      const seen: RunContext['taskInstance'][] = [];
      createManager({ 'test:work': { run: async ({ taskInstance }) => void seen.push(taskInstance) } });
      await waitFor(() => seen.length === 1, { timeoutMs: 2000 });
      expect(seen[0]).toMatchObject({ id: 'mine', attempts: 2, ownerId: 'kibana:test-node' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Another node's lease stands: that node may still be working on it.
      expect(seen.map(({ id }) => id)).toEqual(['mine']);
    });

    it('leaves them to their leases while another live process holds the owner id', async () => {
      leaveClaimedTasks({ mine: 'kibana:test-node' });
      const otherProcess = acquireOwnerLock(file, 'kibana:test-node')!;
      try {
        let ran = false;
        const { start } = createManager({ 'test:work': { run: async () => void (ran = true) } });
        await new Promise((resolve) => setTimeout(resolve, 150));
        expect(ran).toBe(false);
        expect(await start.get('mine')).toMatchObject({ status: 'running', attempts: 1 });
        expect(logLines.join('')).toContain(
          'Another running process uses Task Manager owner id "kibana:test-node" (the same data folder?); tasks it claimed are taken over only when their leases expire'
        );
      } finally {
        otherProcess.release();
      }
    });
  });

  it('marks a reclaimed one-off task failed once it used up its attempts', async () => {
    const store = new TaskStore(file);
    const past = new Date(Date.now() - 60_000);
    store.insert({ id: 'doomed', taskType: 'test:work', params: {}, state: {}, scheduledAt: past, runAt: past, attempts: 0, status: 'idle', startedAt: null, retryAt: null, ownerId: null }, null);
    for (let crash = 0; crash < 2; crash++) {
      store.claim({ ownerId: 'kibana:crashed', now: new Date(past.getTime() + crash * 10), types: new Map([['test:work', { timeoutMs: 1, maxAttempts: 9, capacity: 1 }]]), limit: 1, skip: new Set() });
    }
    store.close();

    let ran = false;
    const { start } = createManager({ 'test:work': { maxAttempts: 2, run: async () => void (ran = true) } });
    await waitFor(async () => (await start.get('doomed')).status === 'failed');
    expect(ran).toBe(false);
  });

  it('never runs more than maxWorkers tasks at once, nor more than a type allows', async () => {
    let active = 0;
    let peak = 0;
    let single = 0;
    let singlePeak = 0;
    let finished = 0;
    const slow = (counter: 'all' | 'single') => async () => {
      active++;
      peak = Math.max(peak, active);
      if (counter === 'single') singlePeak = Math.max(singlePeak, ++single);
      await new Promise((resolve) => setTimeout(resolve, 60));
      if (counter === 'single') single--;
      active--;
      finished++;
    };
    const { start } = createManager({ 'test:slow': { run: slow('all') }, 'test:single': { maxConcurrency: 1, run: slow('single') } }, { maxWorkers: 3 });
    for (let index = 0; index < 6; index++) await start.schedule({ taskType: 'test:slow', params: {}, state: {} });
    for (let index = 0; index < 3; index++) await start.schedule({ taskType: 'test:single', params: {}, state: {} });
    await waitFor(() => finished === 9);
    expect(peak).toBe(3);
    expect(singlePeak).toBe(1);
  });

  it('aborts and cancels a run that outlives its timeout, then counts it as a failed attempt', async () => {
    let cancelled = false;
    let aborted = false;
    const { start } = createManager({
      'test:hang': {
        timeout: '100ms',
        maxAttempts: 1,
        createTaskRunner: ({ signal }) => ({
          run: () =>
            new Promise<void>((resolve) => {
              signal.addEventListener('abort', () => {
                aborted = true;
                setTimeout(resolve, 1000);
              });
            }),
          cancel: async () => void (cancelled = true),
        }),
      },
    });
    const task = await start.schedule({ taskType: 'test:hang', params: {}, state: {} });
    await waitFor(async () => (await start.get(task.id)).status === 'failed', { timeoutMs: 3000 });
    expect({ aborted, cancelled }).toEqual({ aborted: true, cancelled: true });
    expect(logLines.join('')).toContain(`Task test:hang "${task.id}" failed after 1 attempts: Task test:hang "${task.id}" timed out after 100ms`);
  });

  it('on stop hands an unfinished task back without using up an attempt, and the next start runs it', async () => {
    let started = 0;
    const first = createManager({ 'test:stubborn': { run: () => new Promise(() => void started++) } });
    const task = await first.start.schedule({ taskType: 'test:stubborn', params: {}, state: {} });
    await waitFor(() => started === 1);
    await first.manager.stop();

    const store = new TaskStore(file);
    expect(store.get(task.id)).toMatchObject({ status: 'idle', attempts: 0, ownerId: null, retryAt: null });
    store.close();

    const attempts: number[] = [];
    createManager({ 'test:stubborn': { run: async ({ taskInstance }) => void attempts.push(taskInstance.attempts) } });
    await waitFor(() => attempts.length === 1);
    expect(attempts).toEqual([1]);
  });

  it('keeps the result a task returns after being aborted by stop', async () => {
    const first = createManager({
      'test:polite': {
        run: ({ signal }) => new Promise((resolve) => signal.addEventListener('abort', () => resolve({ state: { parked: true }, runAt: new Date(Date.now() + 3_600_000) }))),
      },
    });
    const task = await first.start.schedule({ taskType: 'test:polite', params: {}, state: {} });
    await waitFor(async () => (await first.start.get(task.id)).status === 'running');
    await first.manager.stop();
    const store = new TaskStore(file);
    expect(store.get(task.id)).toMatchObject({ status: 'idle', state: { parked: true } });
    store.close();
  });

  it('runs a future task soon on request', async () => {
    let ran = false;
    const { start } = createManager({ 'test:later': { run: async () => void (ran = true) } });
    const task = await start.schedule({ taskType: 'test:later', params: {}, state: {}, runAt: new Date(Date.now() + 3_600_000) });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(ran).toBe(false);
    await expect(start.runSoon(task.id)).resolves.toEqual({ id: task.id });
    await waitFor(() => ran);
  });

  it('gives a task scheduled with a request a fake request for the same user', async () => {
    const fakeRequests: Array<KibanaRequest | undefined> = [];
    const { start } = createManager(
      { 'test:as-user': { run: async ({ fakeRequest }) => void fakeRequests.push(fakeRequest) } },
      {
        getRequestUsername: (request) => request.headers['x-user'] as string,
        createFakeRequest: (username) => ({ isFakeRequest: true, headers: { 'x-user': username } }) as unknown as KibanaRequest,
      }
    );
    await start.schedule({ taskType: 'test:as-user', params: {}, state: {} }, { request: { headers: { 'x-user': 'alice' } } as unknown as KibanaRequest });
    await waitFor(() => fakeRequests.length === 1);
    expect(fakeRequests[0]).toEqual({ isFakeRequest: true, headers: { 'x-user': 'alice' } });
  });

  describe('errors', () => {
    it('rejects unknown types, duplicate ids and bad intervals, and tolerates ensureScheduled on an existing id', async () => {
      const { start } = createManager({ 'test:a': { run: () => new Promise(() => undefined) } });
      await expect(start.schedule({ taskType: 'test:nope', params: {}, state: {} })).rejects.toThrow(
        'Unsupported task type "test:nope". Supported types are test:a'
      );
      await start.schedule({ id: 'one', taskType: 'test:a', params: {}, state: {}, runAt: new Date(Date.now() + 60_000) });
      await expect(start.schedule({ id: 'one', taskType: 'test:a', params: {}, state: {} })).rejects.toThrow(
        '[task:one]: version conflict, document already exists'
      );
      await expect(start.ensureScheduled({ id: 'one', taskType: 'test:a', params: { x: 1 }, state: {} })).resolves.toMatchObject({ id: 'one' });
      expect((await start.get('one')).params).toEqual({});
      await expect(start.schedule({ taskType: 'test:a', params: {}, state: {}, schedule: { interval: 'often' } })).rejects.toThrow(
        'Invalid interval "often". Intervals must be of the form {number}m. Example: 5m.'
      );
    });

    it('reports missing tasks and refuses to run a running task soon', async () => {
      const { start } = createManager({ 'test:a': { run: () => new Promise(() => undefined) } });
      await expect(start.get('missing')).rejects.toThrow('Saved object [task/missing] not found');
      await expect(start.remove('missing')).rejects.toThrow('Saved object [task/missing] not found');
      await expect(start.removeIfExists('missing')).resolves.toBeUndefined();
      const task = await start.schedule({ taskType: 'test:a', params: {}, state: {} });
      await waitFor(async () => (await start.get(task.id)).status === 'running');
      await expect(start.runSoon(task.id)).rejects.toThrow(`Failed to run task "${task.id}" as it is currently running`);
      await start.remove(task.id);
      await expect(start.get(task.id)).rejects.toThrow('not found');
    });

    it('refuses duplicate and late definitions', () => {
      const { manager } = createManager({ 'test:a': { run: async () => undefined } });
      expect(() => manager.setup().registerTaskDefinitions({ 'test:b': { createTaskRunner: () => ({ run: async () => undefined }) } })).toThrow(
        'Cannot register task definitions after the "setup" lifecycle stage.'
      );
      const fresh = new TaskManager({ file: join(dir, 'other.sqlite'), logger: new LoggingSystem({ level: 'off' }).get('tm') });
      managers.push(fresh);
      const definition = { createTaskRunner: () => ({ run: async () => undefined }) };
      fresh.setup().registerTaskDefinitions({ 'test:a': definition });
      expect(() => fresh.setup().registerTaskDefinitions({ 'test:a': definition })).toThrow('Task test:a is already defined!');
    });
  });
});
