import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteWorkflowStore } from './sqlite_store';
import { aWorkflow, describeWorkflowStoreContract } from '../store_contract';

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
});
