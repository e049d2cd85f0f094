import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteWorkflowStore } from './sqlite_store';
import { SCHEMA_V1 } from './schema';
import { aStepExecution, aWorkflow, anExecution, describeWorkflowStoreContract } from '../store_contract';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'workflows-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'workflows.sqlite');
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describeWorkflowStoreContract('sqlite', async () => new SqliteWorkflowStore(tempFile()));

describe('SqliteWorkflowStore', () => {
  it('keeps data in a WAL-mode file that survives reopening', async () => {
    const file = tempFile();
    const first = new SqliteWorkflowStore(file);
    await first.createWorkflow(aWorkflow());
    await first.close();
    expect(statSync(file).isFile()).toBe(true);
    const second = new SqliteWorkflowStore(file);
    expect(await second.getWorkflow('default', 'wf-1')).toEqual(aWorkflow());
    await second.close();
  });

  it('commits the writes of one event-loop turn together, and settles each only once committed', async () => {
    const file = tempFile();
    const store = new SqliteWorkflowStore(file);
    const reader = new Database(file, { readonly: true });
    const committed = () => (reader.prepare('SELECT count(*) AS n FROM executions').get() as { n: number }).n;
    const writes = [1, 2, 3].map((i) => store.createExecution(anExecution({ id: `ex-${i}` })));
    const duplicate = store.createExecution(anExecution({ id: 'ex-1' }));
    expect(committed()).toBe(0);
    // SqliteError comes from the native module's realm, so its message is checked rather than `toThrow`.
    expect(await duplicate.then(() => 'inserted', (error: Error) => error.message)).toBe('UNIQUE constraint failed: executions.space_id, executions.id');
    await Promise.all(writes);
    expect(committed()).toBe(3);
    await store.saveStepExecution(aStepExecution());
    expect((reader.prepare('SELECT count(*) AS n FROM step_executions').get() as { n: number }).n).toBe(1);
    reader.close();
    await store.close();
  });

  it('migrates a version 1 database in place, keeping its runs', async () => {
    const file = tempFile();
    await new SqliteWorkflowStore(file).close();
    const old = new Database(file);
    old.exec('DROP TABLE executions; DROP TABLE step_executions; DROP TABLE execution_logs; DROP TABLE workflows; DROP TABLE workflow_versions;');
    old.exec(SCHEMA_V1);
    old.prepare(
      `INSERT INTO executions (space_id, id, workflow_id, workflow_name, workflow_revision, yaml, status, is_test_run, triggered_by, inputs, created_at)
       VALUES ('default', 'old-run', 'wf-1', 'Triage', 1, 'name: Triage', 'waiting', 0, 'manual', '{}', '2026-01-01T00:00:00.000Z')`
    ).run();
    old.pragma('user_version = 1');
    old.close();
    const store = new SqliteWorkflowStore(file);
    expect(await store.getExecution('default', 'old-run')).toMatchObject({ status: 'waiting', workflowName: 'Triage' });
    expect(await store.unfinishedRunnerKeys()).toEqual([undefined]);
    await store.close();
  });
});
