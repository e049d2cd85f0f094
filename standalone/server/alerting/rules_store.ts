/*
 * Rules in `<data>/kibana.sqlite`, one JSON row each (the saved object's attributes). Changes go
 * through `mutate`, a read-modify-write inside one IMMEDIATE transaction, so an alert push that
 * records its outcome and a concurrent rule edit never overwrite each other's fields.
 */
import type { SanitizedRule } from '@kbn/alerting-plugin/server';
import { openSqlite, type SqliteDatabase } from '../sqlite';

type Dated<T> = Omit<T, 'createdAt' | 'updatedAt' | 'executionStatus'>;

/** A `SanitizedRule` as persisted: dates as ISO strings. */
export type StoredRule = Dated<SanitizedRule> & {
  createdAt: string;
  updatedAt: string;
  executionStatus: Omit<SanitizedRule['executionStatus'], 'lastExecutionDate'> & { lastExecutionDate: string };
};

const SCHEMA = `
CREATE TABLE IF NOT EXISTS alerting_rules (
  id TEXT PRIMARY KEY,
  space_id TEXT NOT NULL,
  attributes TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS alerting_rules_by_space ON alerting_rules (space_id);
`;

export class RulesStore {
  private readonly db: SqliteDatabase;

  constructor(file: string) {
    this.db = openSqlite(file);
    this.db.exec(SCHEMA);
  }

  insert(spaceId: string, rule: StoredRule): void {
    this.db.prepare('INSERT INTO alerting_rules (id, space_id, attributes) VALUES (?, ?, ?)').run(rule.id, spaceId, JSON.stringify(rule));
  }

  get(spaceId: string, id: string): StoredRule | undefined {
    const row = this.db.prepare('SELECT attributes FROM alerting_rules WHERE space_id = ? AND id = ?').get(spaceId, id) as { attributes: string } | undefined;
    return row && JSON.parse(row.attributes);
  }

  list(spaceId: string): StoredRule[] {
    const rows = this.db.prepare('SELECT attributes FROM alerting_rules WHERE space_id = ?').all(spaceId) as Array<{ attributes: string }>;
    return rows.map((row) => JSON.parse(row.attributes));
  }

  /** Applies `change` to the current rule and stores the result; undefined when the rule is gone. */
  mutate(spaceId: string, id: string, change: (rule: StoredRule) => StoredRule): StoredRule | undefined {
    return this.db
      .transaction(() => {
        const current = this.get(spaceId, id);
        if (!current) return undefined;
        const next = change(current);
        this.db.prepare('UPDATE alerting_rules SET attributes = ? WHERE space_id = ? AND id = ?').run(JSON.stringify(next), spaceId, id);
        return next;
      })
      .immediate();
  }

  delete(spaceId: string, id: string): boolean {
    return this.db.prepare('DELETE FROM alerting_rules WHERE space_id = ? AND id = ?').run(spaceId, id).changes > 0;
  }

  close(): void {
    this.db.close();
  }
}
