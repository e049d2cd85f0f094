/*
 * Every host service keeps its tables in `<data>/kibana.sqlite`, each through its own connection:
 * WAL lets readers run beside the one writer, and the busy timeout makes a writer wait for
 * another connection's transaction instead of failing with SQLITE_BUSY.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

export function openSqlite(file: string): SqliteDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  return db;
}
