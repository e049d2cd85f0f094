import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ConflictError } from '../../../common/errors';
import type { ExecutionStatus } from '../../../common/api';
import type {
  DueExecution,
  DueExecutionsQuery,
  ExecutionLease,
  ExecutionLogRecord,
  ExecutionPatch,
  ExecutionRecord,
  ExecutionSearchQuery,
  Page,
  StepExecutionRecord,
  WorkflowPatch,
  WorkflowRecord,
  WorkflowSearchQuery,
  WorkflowStore,
  WorkflowVersionRecord,
} from '../types';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_VERSION } from './schema';
import { GroupCommit } from './group_commit';
import {
  INTERNAL_RUNNER,
  executionToRow,
  logToRow,
  rowToExecution,
  rowToLog,
  rowToStep,
  rowToVersion,
  rowToWorkflow,
  stepToRow,
  workflowToRow,
} from './rows';

type Row = Record<string, string>;

const WORKFLOW_COLUMNS = Object.keys(workflowToRow({} as WorkflowRecord));
const EXECUTION_COLUMNS = Object.keys(executionToRow({} as ExecutionRecord));
const STEP_COLUMNS = Object.keys(stepToRow({} as StepExecutionRecord));
const LOG_COLUMNS = Object.keys(logToRow({} as ExecutionLogRecord));

/** `leaseExpiresAt` → `lease_expires_at`: record fields and their columns differ only in case. */
const toColumn = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const insertSql = (table: string, columns: string[], verb = 'INSERT') =>
  `${verb} INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;

/** The embedded store of the standalone host: one SQLite file in WAL mode. */
export class SqliteWorkflowStore implements WorkflowStore {
  private readonly db: Database.Database;
  private readonly statements;
  /** Search statements differ by their filters; each distinct SQL text is prepared once. */
  private readonly dynamic = new Map<string, Database.Statement>();
  private readonly group: GroupCommit;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Checkpoints (two fsyncs each) every ~40 MB of WAL rather than every 4 MB: they were the p99 of a step write.
    this.db.pragma('wal_autocheckpoint = 10000');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
    this.group = new GroupCommit(this.db);
    const db = this.db;
    this.statements = {
      insertWorkflow: db.prepare(insertSql('workflows', WORKFLOW_COLUMNS)),
      replaceWorkflow: db.prepare(insertSql('workflows', WORKFLOW_COLUMNS, 'INSERT OR REPLACE')),
      getWorkflow: db.prepare('SELECT * FROM workflows WHERE space_id = ? AND id = ?'),
      deleteWorkflow: db.prepare('DELETE FROM workflows WHERE space_id = ? AND id = ?'),
      deleteVersions: db.prepare('DELETE FROM workflow_versions WHERE space_id = ? AND workflow_id = ?'),
      insertVersion: db.prepare(
        'INSERT OR REPLACE INTO workflow_versions (space_id, workflow_id, revision, yaml, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?)'
      ),
      listVersions: db.prepare('SELECT * FROM workflow_versions WHERE space_id = ? AND workflow_id = ? ORDER BY revision DESC'),
      insertExecution: db.prepare(insertSql('executions', EXECUTION_COLUMNS)),
      getExecution: db.prepare('SELECT * FROM executions WHERE space_id = ? AND id = ?'),
      statusOf: db.prepare('SELECT status FROM executions WHERE space_id = ? AND id = ?'),
      claimExecution: db.prepare(
        `UPDATE executions SET status = 'running', started_at = coalesce(started_at, @now), resume_at = NULL, lease_owner = @owner, lease_expires_at = @until
         WHERE space_id = @spaceId AND id = @id AND queued = 0 AND status IN ('pending', 'running', 'waiting', 'waiting_for_input')
           AND (lease_owner IS NULL OR lease_expires_at <= @now)
         RETURNING *`
      ),
      renewLeases: db.prepare(`UPDATE executions SET lease_expires_at = @until WHERE lease_owner = @owner AND status = 'running'`),
      dueExecutions: db.prepare(
        `SELECT space_id, id, resume_at FROM executions
         WHERE runner_key = @runnerKey AND status IN ('pending', 'running', 'waiting', 'waiting_for_input') AND queued = 0 AND (
           (status = 'pending' AND created_at <= @pendingCreatedBefore AND (lease_owner IS NULL OR lease_expires_at <= @now))
           OR (status IN ('waiting', 'waiting_for_input') AND resume_at <= @resumeBy)
           OR (status = 'running' AND (lease_owner IS NULL OR lease_expires_at <= @now)))
         ORDER BY seq LIMIT @limit`
      ),
      unfinishedRunnerKeys: db.prepare(
        `SELECT DISTINCT runner_key FROM executions WHERE status IN ('pending', 'running', 'waiting', 'waiting_for_input') AND queued = 0`
      ),
      upsertStep: db.prepare(insertSql('step_executions', STEP_COLUMNS, 'INSERT OR REPLACE')),
      listSteps: db.prepare('SELECT * FROM step_executions WHERE space_id = ? AND execution_id = ? ORDER BY sequence, attempt'),
      insertLog: db.prepare(insertSql('execution_logs', LOG_COLUMNS)),
      listLogs: db.prepare('SELECT * FROM execution_logs WHERE space_id = ? AND execution_id = ? ORDER BY seq'),
    };
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.dynamic.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.dynamic.set(sql, statement);
    }
    return statement;
  }

  /** Several statements that stand or fall together, inside the open write group. */
  private inTransaction<T>(body: () => T): Promise<T> {
    return this.group.run(() => this.db.transaction(body)());
  }

  private migrate() {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`The database was written by a newer version (schema ${version}; this version knows ${SCHEMA_VERSION}).`);
    }
    if (version < SCHEMA_VERSION) {
      this.db.transaction(() => {
        if (version < 1) this.db.exec(SCHEMA_V1);
        if (version < 2) this.db.exec(SCHEMA_V2);
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    }
  }

  async createWorkflow(record: WorkflowRecord): Promise<WorkflowRecord> {
    return this.group.run(() => {
      try {
        this.statements.insertWorkflow.run(workflowToRow(record));
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
          throw new ConflictError(`A workflow with id [${record.id}] already exists`);
        }
        throw e;
      }
      return record;
    });
  }

  async getWorkflow(spaceId: string, id: string): Promise<WorkflowRecord | undefined> {
    const row = this.statements.getWorkflow.get(spaceId, id);
    return row ? rowToWorkflow(row as Record<string, unknown>) : undefined;
  }

  async updateWorkflow(spaceId: string, id: string, patch: WorkflowPatch, expectedRevision?: number): Promise<WorkflowRecord | undefined> {
    return this.inTransaction(() => {
      const row = this.statements.getWorkflow.get(spaceId, id);
      if (!row) return undefined;
      const current = rowToWorkflow(row as Record<string, unknown>);
      if (expectedRevision !== undefined && expectedRevision !== current.revision) {
        throw new ConflictError(
          `Workflow [${id}] was changed by someone else (revision ${current.revision}, expected ${expectedRevision}); reload it and save again`
        );
      }
      const now = new Date().toISOString();
      this.statements.insertVersion.run(spaceId, id, current.revision, current.yaml, current.updatedAt, current.updatedBy);
      const next: WorkflowRecord = { ...current, ...patch, revision: current.revision + 1, updatedAt: now };
      this.statements.replaceWorkflow.run(workflowToRow(next));
      return next;
    });
  }

  async deleteWorkflow(spaceId: string, id: string): Promise<boolean> {
    return this.inTransaction(() => {
      this.statements.deleteVersions.run(spaceId, id);
      return this.statements.deleteWorkflow.run(spaceId, id).changes > 0;
    });
  }

  async searchWorkflows(query: WorkflowSearchQuery): Promise<Page<WorkflowRecord>> {
    const where = ['space_id = @spaceId'];
    const params: Record<string, unknown> = { spaceId: query.spaceId };
    if (query.enabled !== undefined) {
      where.push('enabled = @enabled');
      params.enabled = query.enabled ? 1 : 0;
    }
    if (query.query) {
      where.push("(instr(lower(name), @text) > 0 OR instr(lower(description), @text) > 0 OR instr(lower(tags), @text) > 0)");
      params.text = query.query.toLowerCase();
    }
    (query.tags ?? []).forEach((tag, i) => {
      where.push(`EXISTS (SELECT 1 FROM json_each(workflows.tags) WHERE json_each.value = @tag${i})`);
      params[`tag${i}`] = tag;
    });
    const clause = where.join(' AND ');
    const total = (this.prepare(`SELECT count(*) AS n FROM workflows WHERE ${clause}`).get(params) as { n: number }).n;
    const rows = this
      .prepare(`SELECT * FROM workflows WHERE ${clause} ORDER BY updated_at DESC, id LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: query.size, offset: (query.page - 1) * query.size });
    return { results: rows.map((r) => rowToWorkflow(r as Record<string, unknown>)), total };
  }

  async listWorkflowVersions(spaceId: string, id: string): Promise<WorkflowVersionRecord[]> {
    return this.statements.listVersions.all(spaceId, id).map((r) => rowToVersion(r as Record<string, unknown>));
  }

  async createExecution(record: ExecutionRecord): Promise<ExecutionRecord> {
    return this.group.run(() => {
      this.statements.insertExecution.run(executionToRow(record));
      return record;
    });
  }

  async getExecution(spaceId: string, id: string): Promise<ExecutionRecord | undefined> {
    const row = this.statements.getExecution.get(spaceId, id);
    return row ? rowToExecution(row as Record<string, unknown>) : undefined;
  }

  async updateExecution(spaceId: string, id: string, patch: ExecutionPatch, fromStatuses?: ExecutionStatus[]): Promise<ExecutionRecord | undefined> {
    // One statement that writes only the patched columns: the run's YAML, inputs and event stay untouched.
    const columns = Object.keys(patch).map(toColumn);
    const converted = executionToRow(patch as ExecutionRecord);
    const params: Record<string, unknown> = { space_id: spaceId, id };
    for (const column of columns) params[column] = converted[column];
    (fromStatuses ?? []).forEach((status, i) => (params[`from${i}`] = status));
    const sets = columns.length ? columns.map((c) => `${c} = @${c}`).join(', ') : 'status = status';
    const onlyFrom = fromStatuses ? ` AND status IN (${fromStatuses.map((_, i) => `@from${i}`).join(', ') || 'NULL'})` : '';
    const statement = this.prepare(`UPDATE executions SET ${sets} WHERE space_id = @space_id AND id = @id${onlyFrom} RETURNING *`);
    const row = await this.group.run(() => statement.get(params));
    return row ? rowToExecution(row as Row) : undefined;
  }

  async claimExecution(spaceId: string, id: string, lease: ExecutionLease): Promise<ExecutionRecord | undefined> {
    const row = await this.group.run(() => this.statements.claimExecution.get({ spaceId, id, ...lease }));
    return row ? rowToExecution(row as Record<string, unknown>) : undefined;
  }

  async renewLeases(owner: string, until: string): Promise<void> {
    await this.group.run(() => this.statements.renewLeases.run({ owner, until }));
  }

  async dueExecutions(query: DueExecutionsQuery): Promise<DueExecution[]> {
    const rows = this.statements.dueExecutions.all({ ...query, runnerKey: query.runnerKey ?? INTERNAL_RUNNER }) as Row[];
    return rows.map((r) => ({ spaceId: r.space_id, id: r.id, ...(r.resume_at ? { resumeAt: r.resume_at } : {}) }));
  }

  async statusesOf(runs: Array<{ spaceId: string; id: string }>): Promise<Array<{ spaceId: string; id: string; status: ExecutionStatus }>> {
    const found: Array<{ spaceId: string; id: string; status: ExecutionStatus }> = [];
    for (const { spaceId, id } of runs) {
      const row = this.statements.statusOf.get(spaceId, id) as { status: ExecutionStatus } | undefined;
      if (row) found.push({ spaceId, id, status: row.status });
    }
    return found;
  }

  async unfinishedRunnerKeys(): Promise<Array<string | undefined>> {
    const rows = this.statements.unfinishedRunnerKeys.all() as Row[];
    return rows.map((r) => (r.runner_key === INTERNAL_RUNNER ? undefined : r.runner_key));
  }

  async searchExecutions(query: ExecutionSearchQuery): Promise<Page<ExecutionRecord>> {
    const where = ['space_id = @spaceId'];
    const params: Record<string, unknown> = { spaceId: query.spaceId };
    if (query.workflowId) {
      where.push('workflow_id = @workflowId');
      params.workflowId = query.workflowId;
    }
    if (query.concurrencyKey !== undefined) {
      where.push('concurrency_key = @concurrencyKey');
      params.concurrencyKey = query.concurrencyKey;
    }
    if (query.queued !== undefined) {
      where.push('queued = @queued');
      params.queued = query.queued ? 1 : 0;
    }
    if (query.parentExecutionId !== undefined) {
      where.push('parent_execution_id = @parentExecutionId');
      params.parentExecutionId = query.parentExecutionId;
    }
    if (query.statuses?.length) {
      where.push(`status IN (${query.statuses.map((_, i) => `@status${i}`).join(', ')})`);
      query.statuses.forEach((s, i) => (params[`status${i}`] = s));
    }
    const clause = where.join(' AND ');
    const total = (this.prepare(`SELECT count(*) AS n FROM executions WHERE ${clause}`).get(params) as { n: number }).n;
    const rows = this
      .prepare(`SELECT * FROM executions WHERE ${clause} ORDER BY seq ${query.oldestFirst ? 'ASC' : 'DESC'} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: query.size, offset: (query.page - 1) * query.size });
    return { results: rows.map((r) => rowToExecution(r as Record<string, unknown>)), total };
  }

  async latestExecutions(spaceId: string, workflowIds: string[]): Promise<Map<string, ExecutionRecord>> {
    const latest = new Map<string, ExecutionRecord>();
    if (workflowIds.length === 0) return latest;
    const rows = this
      .prepare(
        `SELECT e.* FROM executions e
         JOIN (SELECT workflow_id, max(seq) AS seq FROM executions
               WHERE space_id = ? AND workflow_id IN (${workflowIds.map(() => '?').join(', ')}) GROUP BY workflow_id) m
         ON e.seq = m.seq`
      )
      .all(spaceId, ...workflowIds);
    for (const row of rows) {
      const execution = rowToExecution(row as Record<string, unknown>);
      latest.set(execution.workflowId, execution);
    }
    return latest;
  }

  async saveStepExecution(record: StepExecutionRecord): Promise<void> {
    await this.group.run(() => this.statements.upsertStep.run(stepToRow(record)));
  }

  async listStepExecutions(spaceId: string, executionId: string): Promise<StepExecutionRecord[]> {
    return this.statements.listSteps.all(spaceId, executionId).map((r) => rowToStep(r as Record<string, unknown>));
  }

  async appendLogs(records: ExecutionLogRecord[]): Promise<void> {
    await this.inTransaction(() => records.forEach((r) => this.statements.insertLog.run(logToRow(r))));
  }

  async listLogs(spaceId: string, executionId: string): Promise<ExecutionLogRecord[]> {
    return this.statements.listLogs.all(spaceId, executionId).map((r) => rowToLog(r as Record<string, unknown>));
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.group.commit();
    this.db.close();
  }
}
