/**
 * The behaviour every WorkflowStore must have. Each implementation runs this suite from its own
 * test file with a factory that hands out a fresh, empty store.
 */
import type { ExecutionRecord, StepExecutionRecord, WorkflowRecord, WorkflowStore } from './types';
import { ConflictError } from '../../common/errors';

export const aWorkflow = (overrides: Partial<WorkflowRecord> = {}): WorkflowRecord => ({
  id: 'wf-1',
  spaceId: 'default',
  name: 'Triage',
  description: 'Enrich alerts',
  tags: ['security', 'triage'],
  enabled: true,
  yaml: 'name: Triage\n',
  valid: true,
  validationErrors: [],
  triggerTypes: ['manual'],
  revision: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'elastic',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'elastic',
  ...overrides,
});

export const anExecution = (overrides: Partial<ExecutionRecord> = {}): ExecutionRecord => ({
  id: 'ex-1',
  spaceId: 'default',
  workflowId: 'wf-1',
  workflowName: 'Triage',
  workflowRevision: 1,
  yaml: 'name: Triage\n',
  status: 'pending',
  isTestRun: false,
  triggeredBy: 'manual',
  inputs: { host: 'web-1' },
  createdAt: '2026-01-01T00:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  ...overrides,
});

export const aStepExecution = (overrides: Partial<StepExecutionRecord> = {}): StepExecutionRecord => ({
  id: 'ex-1:print:1',
  spaceId: 'default',
  executionId: 'ex-1',
  sequence: 0,
  stepName: 'print',
  stepType: 'console',
  path: 'print',
  status: 'completed',
  input: { message: 'hi' },
  output: 'hi',
  attempt: 1,
  startedAt: '2026-01-01T00:00:01.000Z',
  finishedAt: '2026-01-01T00:00:02.000Z',
  ...overrides,
});

export function describeWorkflowStoreContract(name: string, createStore: () => Promise<WorkflowStore>) {
  describe(`WorkflowStore contract: ${name}`, () => {
    let store: WorkflowStore;
    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('workflows', () => {
      it('creates and reads back a workflow with every field intact', async () => {
        const wf = aWorkflow({ validationErrors: [{ code: 'x', message: 'y', severity: 'warning', line: 2, column: 3 }] });
        await store.createWorkflow(wf);
        expect(await store.getWorkflow('default', 'wf-1')).toEqual(wf);
      });

      it('never reads a workflow from another space', async () => {
        await store.createWorkflow(aWorkflow());
        expect(await store.getWorkflow('other', 'wf-1')).toBeUndefined();
      });

      it('refuses a second workflow with the same id', async () => {
        await store.createWorkflow(aWorkflow());
        await expect(store.createWorkflow(aWorkflow())).rejects.toBeInstanceOf(ConflictError);
      });

      it('updates, bumps the revision and keeps the previous YAML as a version', async () => {
        await store.createWorkflow(aWorkflow());
        const updated = await store.updateWorkflow('default', 'wf-1', { yaml: 'name: Triage v2\n', name: 'Triage v2', updatedBy: 'bob' });
        expect(updated).toMatchObject({ revision: 2, yaml: 'name: Triage v2\n', name: 'Triage v2', updatedBy: 'bob', createdBy: 'elastic' });
        expect(await store.getWorkflow('default', 'wf-1')).toEqual(updated);
        const versions = await store.listWorkflowVersions('default', 'wf-1');
        expect(versions).toEqual([
          { workflowId: 'wf-1', spaceId: 'default', revision: 1, yaml: 'name: Triage\n', savedAt: '2026-01-01T00:00:00.000Z', savedBy: 'elastic' },
        ]);
      });

      it('rejects an update based on a stale revision and leaves the record unchanged', async () => {
        await store.createWorkflow(aWorkflow());
        await store.updateWorkflow('default', 'wf-1', { enabled: false, updatedBy: 'a' }, 1);
        await expect(store.updateWorkflow('default', 'wf-1', { enabled: true, updatedBy: 'b' }, 1)).rejects.toThrow(
          'Workflow [wf-1] was changed by someone else (revision 2, expected 1); reload it and save again'
        );
        expect(await store.getWorkflow('default', 'wf-1')).toMatchObject({ enabled: false, revision: 2 });
      });

      it('returns undefined when updating a missing workflow', async () => {
        expect(await store.updateWorkflow('default', 'nope', { enabled: false, updatedBy: 'a' })).toBeUndefined();
      });

      it('deletes a workflow and reports whether it existed', async () => {
        await store.createWorkflow(aWorkflow());
        expect(await store.deleteWorkflow('default', 'wf-1')).toBe(true);
        expect(await store.deleteWorkflow('default', 'wf-1')).toBe(false);
        expect(await store.getWorkflow('default', 'wf-1')).toBeUndefined();
      });

      it('searches by text, enabled and tags, newest first, with paging', async () => {
        await store.createWorkflow(aWorkflow({ id: 'a', name: 'Block IP', tags: ['network'], updatedAt: '2026-01-01T00:00:01.000Z' }));
        await store.createWorkflow(aWorkflow({ id: 'b', name: 'Page on-call', enabled: false, tags: ['paging', 'network'], updatedAt: '2026-01-01T00:00:02.000Z' }));
        await store.createWorkflow(aWorkflow({ id: 'c', name: 'Open case', description: 'creates a CASE', tags: [], updatedAt: '2026-01-01T00:00:03.000Z' }));
        await store.createWorkflow(aWorkflow({ id: 'd', spaceId: 'other', name: 'Block IP elsewhere' }));
        const ids = async (q: Partial<Parameters<WorkflowStore['searchWorkflows']>[0]>) =>
          (await store.searchWorkflows({ spaceId: 'default', page: 1, size: 10, ...q })).results.map((w) => w.id);
        expect(await ids({})).toEqual(['c', 'b', 'a']);
        expect(await ids({ query: 'block' })).toEqual(['a']);
        expect(await ids({ query: 'case' })).toEqual(['c']);
        expect(await ids({ enabled: false })).toEqual(['b']);
        expect(await ids({ tags: ['network'] })).toEqual(['b', 'a']);
        expect(await ids({ tags: ['network', 'paging'] })).toEqual(['b']);
        const page2 = await store.searchWorkflows({ spaceId: 'default', page: 2, size: 2 });
        expect(page2.total).toBe(3);
        expect(page2.results.map((w) => w.id)).toEqual(['a']);
      });
    });

    describe('executions', () => {
      it('creates, updates and reads executions', async () => {
        await store.createExecution(anExecution({ event: { alerts: [{ id: 1 }] } }));
        const updated = await store.updateExecution('default', 'ex-1', {
          status: 'failed',
          error: { message: 'boom' },
          startedAt: '2026-01-01T00:00:01.000Z',
          finishedAt: '2026-01-01T00:00:02.000Z',
        });
        expect(updated).toMatchObject({ status: 'failed', error: { message: 'boom' } });
        expect(await store.getExecution('default', 'ex-1')).toEqual(updated);
        expect(await store.getExecution('other', 'ex-1')).toBeUndefined();
        expect(await store.updateExecution('default', 'missing', { status: 'failed' })).toBeUndefined();
      });

      it('keeps output, parent, dry-run flag and concurrency key', async () => {
        await store.createExecution(anExecution({ parentExecutionId: 'parent-1', dryRun: true, concurrencyKey: 'web-1' }));
        await store.updateExecution('default', 'ex-1', { output: { verdict: 'malicious' } });
        expect(await store.getExecution('default', 'ex-1')).toMatchObject({
          parentExecutionId: 'parent-1', dryRun: true, concurrencyKey: 'web-1', output: { verdict: 'malicious' },
        });
        const children = await store.searchExecutions({ spaceId: 'default', parentExecutionId: 'parent-1', page: 1, size: 10 });
        expect(children.total).toBe(1);
        const sameKey = await store.searchExecutions({ spaceId: 'default', concurrencyKey: 'web-1', page: 1, size: 10 });
        expect(sameKey.total).toBe(1);
        expect((await store.searchExecutions({ spaceId: 'default', concurrencyKey: 'db-1', page: 1, size: 10 })).total).toBe(0);
      });

      it('finds queued executions and takes them off the queue', async () => {
        await store.createExecution(anExecution({ id: 'q', queued: true, concurrencyKey: 'k' }));
        await store.createExecution(anExecution({ id: 'r', concurrencyKey: 'k' }));
        const queued = await store.searchExecutions({ spaceId: 'default', concurrencyKey: 'k', queued: true, page: 1, size: 10 });
        expect(queued.results.map((e) => e.id)).toEqual(['q']);
        await store.updateExecution('default', 'q', { queued: false });
        expect((await store.getExecution('default', 'q'))?.queued).toBeUndefined();
      });

      it('updates only from the given statuses when asked', async () => {
        await store.createExecution(anExecution({ status: 'cancelled' }));
        expect(await store.updateExecution('default', 'ex-1', { status: 'completed' }, ['running'])).toBeUndefined();
        expect((await store.getExecution('default', 'ex-1'))?.status).toBe('cancelled');
        expect(await store.updateExecution('default', 'ex-1', { status: 'failed' }, ['cancelled'])).toMatchObject({ status: 'failed' });
      });

      it('lists executions oldest first when asked', async () => {
        for (let i = 0; i < 3; i++) await store.createExecution(anExecution({ id: `ex-${i}` }));
        const oldest = await store.searchExecutions({ spaceId: 'default', oldestFirst: true, page: 1, size: 2 });
        expect(oldest.results.map((e) => e.id)).toEqual(['ex-0', 'ex-1']);
      });

      it('lists executions newest first, filtered by workflow and status', async () => {
        for (let i = 0; i < 5; i++) {
          await store.createExecution(anExecution({ id: `ex-${i}`, workflowId: i % 2 ? 'wf-odd' : 'wf-even', status: i === 4 ? 'running' : 'completed' }));
        }
        const even = await store.searchExecutions({ spaceId: 'default', workflowId: 'wf-even', page: 1, size: 10 });
        expect(even.results.map((e) => e.id)).toEqual(['ex-4', 'ex-2', 'ex-0']);
        expect(even.total).toBe(3);
        const running = await store.searchExecutions({ spaceId: 'default', statuses: ['running', 'pending'], page: 1, size: 10 });
        expect(running.results.map((e) => e.id)).toEqual(['ex-4']);
        const latest = await store.latestExecutions('default', ['wf-even', 'wf-odd', 'wf-none']);
        expect([...latest.entries()].map(([k, v]) => [k, v.id]).sort()).toEqual([
          ['wf-even', 'ex-4'],
          ['wf-odd', 'ex-3'],
        ]);
      });
    });

    describe('the run queue', () => {
      const T0 = '2026-01-01T00:00:00.000Z';
      const T1 = '2026-01-01T00:00:10.000Z';
      const T2 = '2026-01-01T00:01:00.000Z';
      const lease = (owner: string, now: string, until: string) => ({ owner, now, until });

      it('claims an unfinished run once: a second node is refused until the lease runs out', async () => {
        await store.createExecution(anExecution({ id: 'r' }));
        const claimed = await store.claimExecution('default', 'r', lease('node-a', T0, T1));
        expect(claimed).toMatchObject({ id: 'r', status: 'running', startedAt: T0, leaseOwner: 'node-a', leaseExpiresAt: T1, inputs: { host: 'web-1' } });
        expect(await store.claimExecution('default', 'r', lease('node-b', T0, T2))).toBeUndefined();
        expect(await store.claimExecution('default', 'r', lease('node-b', T1, T2))).toMatchObject({ leaseOwner: 'node-b', startedAt: T0 });
        expect((await store.getExecution('default', 'r'))?.leaseOwner).toBe('node-b');
      });

      it('refuses a live claim even to its owner, and never claims ended, queued or unknown runs', async () => {
        await store.createExecution(anExecution({ id: 'mine' }));
        await store.claimExecution('default', 'mine', lease('node-a', T0, T2));
        expect(await store.claimExecution('default', 'mine', lease('node-a', T1, T2))).toBeUndefined();
        await store.renewLeases('node-a', T0);
        expect(await store.claimExecution('default', 'mine', lease('node-a', T1, T2))).toMatchObject({ status: 'running', leaseExpiresAt: T2 });
        await store.createExecution(anExecution({ id: 'done', status: 'completed' }));
        await store.createExecution(anExecution({ id: 'queued', queued: true }));
        expect(await store.claimExecution('default', 'done', lease('node-a', T0, T1))).toBeUndefined();
        expect(await store.claimExecution('default', 'queued', lease('node-a', T0, T1))).toBeUndefined();
        expect(await store.claimExecution('default', 'missing', lease('node-a', T0, T1))).toBeUndefined();
        expect(await store.claimExecution('other', 'mine', lease('node-b', T2, T2))).toBeUndefined();
        expect((await store.getExecution('default', 'done'))?.status).toBe('completed');
      });

      it('renews the running leases of one owner only', async () => {
        await store.createExecution(anExecution({ id: 'a' }));
        await store.createExecution(anExecution({ id: 'b' }));
        await store.claimExecution('default', 'a', lease('node-a', T0, T1));
        await store.claimExecution('default', 'b', lease('node-b', T0, T1));
        await store.renewLeases('node-a', T2);
        expect((await store.getExecution('default', 'a'))?.leaseExpiresAt).toBe(T2);
        expect((await store.getExecution('default', 'b'))?.leaseExpiresAt).toBe(T1);
      });

      it('lists due runs of a runner key: old pending, parked and due, and running with a lapsed lease', async () => {
        const due = async (now: string) => (await store.dueExecutions({ runnerKey: 'alice', now, pendingCreatedBefore: T0, resumeBy: now, limit: 10 })).map((r) => r.id);
        await store.createExecution(anExecution({ id: 'pending-old', runnerKey: 'alice', createdAt: T0 }));
        await store.createExecution(anExecution({ id: 'pending-new', runnerKey: 'alice', createdAt: T1 }));
        await store.createExecution(anExecution({ id: 'pending-bob', runnerKey: 'bob', createdAt: T0 }));
        await store.createExecution(anExecution({ id: 'pending-internal', createdAt: T0 }));
        await store.createExecution(anExecution({ id: 'queued', runnerKey: 'alice', createdAt: T0, queued: true }));
        await store.createExecution(anExecution({ id: 'parked', runnerKey: 'alice', status: 'waiting', resumeAt: T1 }));
        await store.createExecution(anExecution({ id: 'asking', runnerKey: 'alice', status: 'waiting_for_input', resumeAt: T2 }));
        await store.createExecution(anExecution({ id: 'running', runnerKey: 'alice', createdAt: T1 }));
        await store.claimExecution('default', 'running', lease('node-b', T0, T1));
        await store.createExecution(anExecution({ id: 'finished', runnerKey: 'alice', status: 'completed', createdAt: T0 }));

        expect(await due(T0)).toEqual(['pending-old']);
        expect(await due(T1)).toEqual(['pending-old', 'parked', 'running']);
        expect(await due(T2)).toEqual(['pending-old', 'parked', 'asking', 'running']);
        const ahead = await store.dueExecutions({ runnerKey: 'alice', now: T0, pendingCreatedBefore: T0, resumeBy: T1, limit: 10 });
        expect(ahead).toEqual([
          { spaceId: 'default', id: 'pending-old' },
          { spaceId: 'default', id: 'parked', resumeAt: T1 },
        ]);
        const internal = await store.dueExecutions({ runnerKey: undefined, now: T2, pendingCreatedBefore: T2, resumeBy: T2, limit: 10 });
        expect(internal.map((r) => r.id)).toEqual(['pending-internal']);
        expect((await store.unfinishedRunnerKeys()).sort()).toEqual(['alice', 'bob', undefined]);
        expect(await store.statusesOf([{ spaceId: 'default', id: 'parked' }, { spaceId: 'default', id: 'finished' }, { spaceId: 'default', id: 'missing' }, { spaceId: 'other', id: 'parked' }])).toEqual([
          { spaceId: 'default', id: 'parked', status: 'waiting' },
          { spaceId: 'default', id: 'finished', status: 'completed' },
        ]);
      });
    });

    describe('step executions and logs', () => {
      it('upserts step executions and lists them in sequence then attempt order', async () => {
        await store.saveStepExecution(aStepExecution({ id: 's2', sequence: 1, path: 'b', stepName: 'b' }));
        await store.saveStepExecution(aStepExecution({ id: 's1a2', sequence: 0, attempt: 2 }));
        await store.saveStepExecution(aStepExecution({ id: 's1a1', sequence: 0, attempt: 1, status: 'running', output: null }));
        await store.saveStepExecution(aStepExecution({ id: 's1a1', sequence: 0, attempt: 1, status: 'failed', error: { message: 'x' }, output: null, state: { due: 5 }, effects: [{ kind: 'http', summary: 'POST x', request: { a: 1 } }] }));
        const steps = await store.listStepExecutions('default', 'ex-1');
        expect(steps.map((s) => s.id)).toEqual(['s1a1', 's1a2', 's2']);
        expect(steps[0]).toMatchObject({ status: 'failed', error: { message: 'x' }, state: { due: 5 }, effects: [{ kind: 'http', summary: 'POST x', request: { a: 1 } }] });
        expect(await store.listStepExecutions('other', 'ex-1')).toEqual([]);
      });

      it('appends logs and returns them in order', async () => {
        await store.appendLogs([
          { spaceId: 'default', executionId: 'ex-1', level: 'info', message: 'one', timestamp: 't1' },
          { spaceId: 'default', executionId: 'ex-1', stepPath: 'print', level: 'warn', message: 'two', timestamp: 't2' },
        ]);
        await store.appendLogs([{ spaceId: 'default', executionId: 'ex-1', level: 'error', message: 'three', timestamp: 't3' }]);
        expect((await store.listLogs('default', 'ex-1')).map((l) => l.message)).toEqual(['one', 'two', 'three']);
        expect((await store.listLogs('default', 'ex-1'))[1]).toEqual({
          spaceId: 'default', executionId: 'ex-1', stepPath: 'print', level: 'warn', message: 'two', timestamp: 't2',
        });
      });
    });
  });
}
