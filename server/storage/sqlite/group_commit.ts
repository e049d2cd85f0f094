/**
 * Writes made in one turn of the event loop share one SQLite transaction. A commit writes each
 * page it touched to the WAL once, so many small writes (step records of concurrent runs) cost
 * far less together than one by one. A write's promise settles only after its commit: nothing
 * acts on a write that a crash could still undo.
 */
import type Database from 'better-sqlite3';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

export class GroupCommit {
  private waiting: Waiter[] = [];

  constructor(private readonly db: Database.Database) {}

  /** Runs `write` inside the open group (opening one if needed); resolves with its result once committed. */
  run<T>(write: () => T): Promise<T> {
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN IMMEDIATE');
      setImmediate(() => this.commit());
    }
    let result: T;
    try {
      result = write();
    } catch (error) {
      // Only this statement is undone (SQLite rolls back the failed statement); the group goes on.
      return Promise.reject(error);
    }
    return new Promise<T>((resolve, reject) => this.waiting.push({ resolve: () => resolve(result), reject }));
  }

  /** Commits the open group now (also called before the database closes). */
  commit(): void {
    if (!this.db.inTransaction) return;
    const waiting = this.waiting;
    this.waiting = [];
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const waiter of waiting) waiter.reject(error);
      return;
    }
    for (const waiter of waiting) waiter.resolve();
  }
}
