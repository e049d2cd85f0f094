/*
 * Connectors in `<data>/kibana.sqlite` (the file Task Manager uses, on a connection of our own, WAL).
 * Secrets are encrypted before they reach a row and only `readSecrets` decrypts them, so nothing
 * else in the host ever holds them in plain text longer than one execution.
 *
 * The same file keeps the results of successful executions per (connector, execution id): a run
 * resumed after a crash asks before sending again. Those records expire after `RESULT_RETENTION_MS`.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ActionTypeExecutorResult } from '@kbn/actions-plugin/server';
import type { SecretsCipher } from './encryption';

export interface StoredConnector {
  id: string;
  spaceId: string;
  name: string;
  actionTypeId: string;
  config: Record<string, unknown>;
  isMissingSecrets: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NewConnector {
  id: string;
  spaceId: string;
  name: string;
  actionTypeId: string;
  config: Record<string, unknown>;
  secrets: Record<string, unknown>;
}

export class ConnectorConflictError extends Error {
  readonly statusCode = 409;
  constructor(id: string) {
    super(`Saved object [action/${id}] conflict`);
  }
}

/** Long enough for any run to be resumed; short enough that the table does not grow for ever. */
export const RESULT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

interface ConnectorRow {
  id: string;
  space_id: string;
  name: string;
  action_type_id: string;
  config: string;
  secrets: string;
  is_missing_secrets: number;
  created_at: string;
  updated_at: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS actions_connectors (
  id TEXT PRIMARY KEY,
  space_id TEXT NOT NULL,
  name TEXT NOT NULL,
  action_type_id TEXT NOT NULL,
  config TEXT NOT NULL,
  secrets TEXT NOT NULL,
  is_missing_secrets INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS actions_connectors_by_name ON actions_connectors (space_id, name);
CREATE TABLE IF NOT EXISTS actions_execution_results (
  connector_id TEXT NOT NULL,
  execution_id TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (connector_id, execution_id)
);
`;

const toConnector = (row: ConnectorRow): StoredConnector => ({
  id: row.id,
  spaceId: row.space_id,
  name: row.name,
  actionTypeId: row.action_type_id,
  config: JSON.parse(row.config) as Record<string, unknown>,
  isMissingSecrets: row.is_missing_secrets === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class ConnectorStore {
  private readonly db: Database.Database;

  constructor(
    file: string,
    private readonly cipher: SecretsCipher,
    private readonly now: () => Date = () => new Date()
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.db.prepare('DELETE FROM actions_execution_results WHERE created_at < ?').run(this.now().getTime() - RESULT_RETENTION_MS);
  }

  get(spaceId: string, id: string): StoredConnector | undefined {
    const row = this.db.prepare('SELECT * FROM actions_connectors WHERE space_id = ? AND id = ?').get(spaceId, id) as ConnectorRow | undefined;
    return row && toConnector(row);
  }

  list(spaceId: string): StoredConnector[] {
    const rows = this.db.prepare('SELECT * FROM actions_connectors WHERE space_id = ? ORDER BY name, id').all(spaceId) as ConnectorRow[];
    return rows.map(toConnector);
  }

  findByName(spaceId: string, name: string): StoredConnector[] {
    const rows = this.db.prepare('SELECT * FROM actions_connectors WHERE space_id = ? AND name = ? ORDER BY id').all(spaceId, name) as ConnectorRow[];
    return rows.map(toConnector);
  }

  create(connector: NewConnector): StoredConnector {
    const timestamp = this.now().toISOString();
    try {
      this.db
        .prepare(
          `INSERT INTO actions_connectors (id, space_id, name, action_type_id, config, secrets, is_missing_secrets, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`
        )
        .run(
          connector.id,
          connector.spaceId,
          connector.name,
          connector.actionTypeId,
          JSON.stringify(connector.config),
          this.cipher.encrypt(connector.secrets, connector.id),
          timestamp,
          timestamp
        );
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new ConnectorConflictError(connector.id);
      throw error;
    }
    return this.get(connector.spaceId, connector.id)!;
  }

  /** Kibana replaces the secrets on every update: the caller passes them again. */
  update(spaceId: string, id: string, changes: { name: string; config: Record<string, unknown>; secrets: Record<string, unknown> }): StoredConnector | undefined {
    const { changes: updated } = this.db
      .prepare('UPDATE actions_connectors SET name = ?, config = ?, secrets = ?, is_missing_secrets = 0, updated_at = ? WHERE space_id = ? AND id = ?')
      .run(changes.name, JSON.stringify(changes.config), this.cipher.encrypt(changes.secrets, id), this.now().toISOString(), spaceId, id);
    return updated === 0 ? undefined : this.get(spaceId, id);
  }

  delete(spaceId: string, id: string): boolean {
    return this.db.transaction(() => {
      const { changes } = this.db.prepare('DELETE FROM actions_connectors WHERE space_id = ? AND id = ?').run(spaceId, id);
      if (changes > 0) this.db.prepare('DELETE FROM actions_execution_results WHERE connector_id = ?').run(id);
      return changes > 0;
    })();
  }

  readSecrets(connector: StoredConnector): Record<string, unknown> {
    const row = this.db.prepare('SELECT secrets FROM actions_connectors WHERE id = ?').get(connector.id) as { secrets: string } | undefined;
    return row ? this.cipher.decrypt(row.secrets, connector.id) : {};
  }

  getRecordedResult(connectorId: string, executionId: string): ActionTypeExecutorResult | undefined {
    const row = this.db
      .prepare('SELECT result FROM actions_execution_results WHERE connector_id = ? AND execution_id = ?')
      .get(connectorId, executionId) as { result: string } | undefined;
    return row && (JSON.parse(row.result) as ActionTypeExecutorResult);
  }

  recordResult(connectorId: string, executionId: string, result: ActionTypeExecutorResult): void {
    this.db
      .prepare('INSERT OR REPLACE INTO actions_execution_results (connector_id, execution_id, result, created_at) VALUES (?, ?, ?, ?)')
      .run(connectorId, executionId, JSON.stringify(result), this.now().getTime());
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
