/*
 * Task documents in SQLite (`<data>/kibana.sqlite`, WAL). Claiming happens in one IMMEDIATE
 * transaction, so two processes sharing the file never both take a task. Every claim bumps
 * `version`; the owner's later writes name the version they claimed, so a runner whose lease
 * expired and was taken over cannot overwrite the new owner's state.
 */
import type Database from 'better-sqlite3';
import type { ConcreteTaskInstance, TaskStatus } from '@kbn/task-manager-plugin/server';
import { openSqlite, type SqliteDatabase } from '../sqlite';

export interface StoredTask extends ConcreteTaskInstance {
  /** The user the task was scheduled for; its runner gets a fake request as that user. */
  user: string | null;
  version: number;
}

export interface ClaimableType {
  timeoutMs: number;
  maxAttempts: number;
  /** Further tasks of this type this node may start now. */
  capacity: number;
}

export interface ClaimResult {
  claimed: StoredTask[];
  /** One-off tasks reclaimed after too many interrupted attempts; they are marked failed instead. */
  exhausted: StoredTask[];
}

/** The outcome a runner writes back, conditioned on still holding its claim. */
export type TaskCompletion =
  | { kind: 'delete' }
  | { kind: 'reschedule'; runAt: Date; state: Record<string, unknown>; attempts: number; interval?: string; status: 'idle' | 'failed' };

interface TaskRow {
  id: string;
  task_type: string;
  params: string;
  state: string;
  schedule_interval: string | null;
  scope: string | null;
  enabled: number;
  status: string;
  attempts: number;
  run_at: number;
  scheduled_at: number;
  started_at: number | null;
  retry_at: number | null;
  owner_id: string | null;
  user_name: string | null;
  version: number;
}

export class TaskConflictError extends Error {
  readonly statusCode = 409;
  constructor(id: string) {
    super(`[task:${id}]: version conflict, document already exists`);
  }
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tasks (
  id TEXT PRIMARY KEY,
  task_type TEXT NOT NULL,
  params TEXT NOT NULL,
  state TEXT NOT NULL,
  schedule_interval TEXT,
  scope TEXT,
  enabled INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  run_at INTEGER NOT NULL,
  scheduled_at INTEGER NOT NULL,
  started_at INTEGER,
  retry_at INTEGER,
  owner_id TEXT,
  user_name TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS tasks_due ON tasks (status, run_at);
`;

const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));

function fromRow(row: TaskRow): StoredTask {
  return {
    id: row.id,
    taskType: row.task_type,
    params: JSON.parse(row.params),
    state: JSON.parse(row.state),
    schedule: row.schedule_interval ? { interval: row.schedule_interval } : undefined,
    scope: row.scope ? JSON.parse(row.scope) : undefined,
    enabled: row.enabled === 1,
    status: row.status as TaskStatus,
    attempts: row.attempts,
    runAt: new Date(row.run_at),
    scheduledAt: new Date(row.scheduled_at),
    startedAt: toDate(row.started_at),
    retryAt: toDate(row.retry_at),
    ownerId: row.owner_id,
    user: row.user_name,
    version: row.version,
  };
}

export class TaskStore {
  private readonly db: SqliteDatabase;
  /** Prepared once per SQL text: preparing dominated the cost of claiming and finishing tasks. */
  private readonly statements = new Map<string, Database.Statement<unknown[]>>();

  constructor(file: string) {
    this.db = openSqlite(file);
    this.db.exec(SCHEMA);
  }
  private prepare(sql: string): Database.Statement<unknown[]> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }


  insert(task: ConcreteTaskInstance, user: string | null): void {
    try {
      this.prepare(
          `INSERT INTO tasks (id, task_type, params, state, schedule_interval, scope, enabled, status, attempts, run_at, scheduled_at, user_name)
           VALUES (@id, @taskType, @params, @state, @interval, @scope, @enabled, @status, @attempts, @runAt, @scheduledAt, @user)`
        )
        .run({
          id: task.id,
          taskType: task.taskType,
          params: JSON.stringify(task.params),
          state: JSON.stringify(task.state),
          interval: task.schedule?.interval ?? null,
          scope: task.scope ? JSON.stringify(task.scope) : null,
          enabled: task.enabled === false ? 0 : 1,
          status: task.status,
          attempts: task.attempts,
          runAt: task.runAt.getTime(),
          scheduledAt: task.scheduledAt.getTime(),
          user,
        });
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new TaskConflictError(task.id);
      throw error;
    }
  }

  get(id: string): StoredTask | undefined {
    const row = this.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
    return row && fromRow(row);
  }

  remove(id: string): boolean {
    return this.prepare('DELETE FROM tasks WHERE id = ?').run(id).changes > 0;
  }

  /** Moves an idle task's next run to `now`; false when the task is not idle. */
  runSoon(id: string, now: Date): boolean {
    return this.prepare("UPDATE tasks SET run_at = ?, version = version + 1 WHERE id = ? AND status = 'idle'").run(now.getTime(), id).changes > 0;
  }

  /**
   * Takes due idle tasks and tasks whose lease expired (their owner crashed or hung), oldest
   * `runAt` first, up to each type's capacity and `limit` in total.
   */
  claim(options: { ownerId: string; now: Date; types: Map<string, ClaimableType>; limit: number; skip: ReadonlySet<string> }): ClaimResult {
    const result: ClaimResult = { claimed: [], exhausted: [] };
    if (options.limit <= 0 || options.types.size === 0) return result;
    const now = options.now.getTime();
    const typeNames = [...options.types.keys()];
    const select = this.prepare(
      `SELECT * FROM tasks
       WHERE enabled = 1 AND task_type IN (${typeNames.map(() => '?').join(', ')})
         AND ((status = 'idle' AND run_at <= ?) OR (status IN ('running', 'claiming') AND retry_at <= ?))
       ORDER BY run_at ASC LIMIT ?`
    );
    const markRunning = this.prepare(
      `UPDATE tasks SET status = 'running', owner_id = @ownerId, started_at = @now, retry_at = @retryAt,
         attempts = attempts + 1, version = version + 1
       WHERE id = @id AND version = @version`
    );
    const markFailed = this.prepare(
      "UPDATE tasks SET status = 'failed', owner_id = NULL, retry_at = NULL, version = version + 1 WHERE id = @id AND version = @version"
    );
    const remaining = new Map([...options.types].map(([name, type]) => [name, type.capacity]));

    this.db
      .transaction(() => {
        const rows = select.all(...typeNames, now, now, options.limit + options.skip.size) as TaskRow[];
        for (const row of rows) {
          if (result.claimed.length >= options.limit) break;
          const type = options.types.get(row.task_type)!;
          if (options.skip.has(row.id) || (remaining.get(row.task_type) ?? 0) <= 0) continue;
          if (!row.schedule_interval && row.attempts >= type.maxAttempts) {
            markFailed.run({ id: row.id, version: row.version });
            result.exhausted.push(fromRow(row));
            continue;
          }
          markRunning.run({ id: row.id, version: row.version, ownerId: options.ownerId, now, retryAt: now + type.timeoutMs });
          remaining.set(row.task_type, (remaining.get(row.task_type) ?? 0) - 1);
          result.claimed.push(this.get(row.id)!);
        }
      })
      .immediate();
    return result;
  }

  /** Lets the next claim take every task `ownerId` holds, as if their leases had run out; returns how many. */
  expireLeases(ownerId: string, now: Date): number {
    return this.prepare("UPDATE tasks SET retry_at = @now, version = version + 1 WHERE owner_id = @ownerId AND status IN ('running', 'claiming')")
      .run({ ownerId, now: now.getTime() }).changes;
  }

  /** Writes a runner's outcome; false when the claim was lost (task removed or taken over). */
  complete(task: StoredTask, ownerId: string, completion: TaskCompletion): boolean {
    const claim = { id: task.id, ownerId, version: task.version };
    if (completion.kind === 'delete') {
      return this.prepare('DELETE FROM tasks WHERE id = @id AND owner_id = @ownerId AND version = @version').run(claim).changes > 0;
    }
    return (
      this.prepare(
          `UPDATE tasks SET status = @status, run_at = @runAt, state = @state, attempts = @attempts, schedule_interval = @interval,
             owner_id = NULL, started_at = NULL, retry_at = NULL, version = version + 1
           WHERE id = @id AND owner_id = @ownerId AND version = @version`
        )
        .run({
          ...claim,
          status: completion.status,
          runAt: completion.runAt.getTime(),
          state: JSON.stringify(completion.state),
          attempts: completion.attempts,
          interval: completion.interval ?? null,
        }).changes > 0
    );
  }

  close(): void {
    this.db.close();
  }
}
