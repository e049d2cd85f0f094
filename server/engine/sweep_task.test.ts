import type { TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import { SqliteWorkflowStore } from '../storage/sqlite/sqlite_store';
import { anExecution } from '../storage/store_contract';
import { runTaskId } from './run_task';
import { ORPHAN_MESSAGE, sweepOrphans } from './sweep_task';

describe('sweepOrphans', () => {
  it('fails unfinished runs without a task and leaves the rest alone', async () => {
    const store = new SqliteWorkflowStore(':memory:');
    await store.createExecution(anExecution({ id: 'orphan-running', status: 'running' }));
    await store.createExecution(anExecution({ id: 'orphan-waiting', status: 'waiting' }));
    await store.createExecution(anExecution({ id: 'alive', status: 'running' }));
    await store.createExecution(anExecution({ id: 'queued', status: 'pending', queued: true }));
    await store.createExecution(anExecution({ id: 'done', status: 'completed' }));
    const tasks = new Set([runTaskId('alive')]);
    const taskManager = {
      get: async (id: string) => {
        if (!tasks.has(id)) throw new Error(`Saved object [task/${id}] not found`);
        return { id };
      },
    } as unknown as TaskManagerStartContract;

    expect((await sweepOrphans(store, taskManager, 'default')).sort()).toEqual(['orphan-running', 'orphan-waiting']);
    expect(await store.getExecution('default', 'orphan-running')).toMatchObject({ status: 'failed', error: { message: ORPHAN_MESSAGE } });
    expect((await store.getExecution('default', 'alive'))?.status).toBe('running');
    expect((await store.getExecution('default', 'queued'))?.status).toBe('pending');
    expect(await sweepOrphans(store, taskManager, 'default')).toEqual([]);
    await store.close();
  });
});
