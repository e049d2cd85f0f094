import type { TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import { SqliteWorkflowStore } from '../storage/sqlite/sqlite_store';
import { anExecution } from '../storage/store_contract';
import { runnerTaskId } from './runner_task';
import { ORPHAN_MESSAGE, sweepOrphans } from './sweep_task';

describe('sweepOrphans', () => {
  it('fails unfinished runs nobody holds whose runner task is gone, and leaves the rest alone', async () => {
    const store = new SqliteWorkflowStore(':memory:');
    const now = new Date('2026-01-01T00:00:10.000Z');
    await store.createExecution(anExecution({ id: 'orphan-running', status: 'running', runnerKey: 'bob' }));
    await store.createExecution(anExecution({ id: 'orphan-waiting', status: 'waiting', runnerKey: 'bob' }));
    await store.createExecution(anExecution({ id: 'held', runnerKey: 'bob' }));
    await store.claimExecution('default', 'held', { owner: 'node-a', now: now.toISOString(), until: '2026-01-01T00:01:00.000Z' });
    await store.createExecution(anExecution({ id: 'alive', status: 'running', runnerKey: 'alice' }));
    await store.createExecution(anExecution({ id: 'internal', status: 'waiting' }));
    await store.createExecution(anExecution({ id: 'queued', status: 'pending', queued: true, runnerKey: 'bob' }));
    await store.createExecution(anExecution({ id: 'done', status: 'completed', runnerKey: 'bob' }));
    const tasks = new Set([runnerTaskId('alice'), runnerTaskId(undefined)]);
    const taskManager = {
      get: async (id: string) => {
        if (!tasks.has(id)) throw new Error(`Saved object [task/${id}] not found`);
        return { id };
      },
    } as unknown as TaskManagerStartContract;

    expect((await sweepOrphans(store, taskManager, 'default', now)).sort()).toEqual(['orphan-running', 'orphan-waiting']);
    expect(await store.getExecution('default', 'orphan-running')).toMatchObject({ status: 'failed', error: { message: ORPHAN_MESSAGE } });
    expect((await store.getExecution('default', 'alive'))?.status).toBe('running');
    expect((await store.getExecution('default', 'held'))?.status).toBe('running');
    expect((await store.getExecution('default', 'internal'))?.status).toBe('waiting');
    expect((await store.getExecution('default', 'queued'))?.status).toBe('pending');
    expect(await sweepOrphans(store, taskManager, 'default', now)).toEqual([]);
    await store.close();
  });
});
