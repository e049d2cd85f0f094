import type { WorkflowsConfig } from '../config';
import type { WorkflowStore } from './types';

/** Opens the store the configuration names. The SQLite driver is loaded only when it is used. */
export async function createWorkflowStore(config: WorkflowsConfig['storage']): Promise<WorkflowStore> {
  if (config.type === 'sqlite') {
    const { SqliteWorkflowStore } = await import('./sqlite/sqlite_store');
    return new SqliteWorkflowStore(config.sqlite.path);
  }
  throw new Error('The Elasticsearch workflow store is not implemented yet: set workflows.storage.type to "sqlite"');
}
