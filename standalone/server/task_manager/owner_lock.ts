/*
 * Proof that no other live process runs Task Manager under this owner id.
 *
 * Kibana takes over the tasks of a crashed node only when their leases run out, and a lease is
 * the task type's timeout: one hour for `workflow:run`. The host can tell sooner. Its owner id
 * comes from `<data>/uuid`, so tasks still claimed under that id at start were claimed by an
 * earlier process on this data folder, which is gone — unless another process runs on the same
 * folder right now. The lock decides: an exclusive SQLite lock on a small file next to the task
 * database, taken at start and held for the life of the process. The kernel drops it however
 * the process ends (SIGKILL too), and a second live process fails to take it (SQLite also
 * detects the conflict between two connections of one process).
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export interface OwnerLock {
  release(): void;
}

export const ownerLockFile = (taskFile: string, ownerId: string) =>
  `${taskFile}.owner-${createHash('sha256').update(ownerId).digest('hex').slice(0, 16)}.lock`;

/** The lock for `ownerId`, or undefined while another live process or connection holds it. */
export function acquireOwnerLock(taskFile: string, ownerId: string): OwnerLock | undefined {
  // No busy wait: a held lock means a live holder, and waiting for it would not change the answer.
  const db = new Database(ownerLockFile(taskFile, ownerId), { timeout: 0 });
  try {
    // In exclusive locking mode the lock taken by the first write is kept until the connection closes.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (owner_id TEXT NOT NULL, pid INTEGER NOT NULL, since INTEGER NOT NULL)');
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder (owner_id, pid, since) VALUES (?, ?, ?)').run(ownerId, process.pid, Date.now());
    db.exec('COMMIT');
    return { release: () => db.close() };
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return undefined;
    throw error;
  }
}
