/*
 * Alert documents in `<data>/kibana.sqlite`, standing in for the `.alerts-*` indices. Sources
 * are stored flattened (JSON); searches narrow by index in SQL and evaluate the query DSL in
 * memory (`es_query.ts`), which suits the few thousand alerts a host keeps.
 */
import { aliasOfIndex, type StoredAlert } from './alert_documents';
import { openSqlite, type SqliteDatabase } from '../sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS alerts (
  id TEXT PRIMARY KEY,
  idx TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  source TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS alerts_by_index ON alerts (idx);
CREATE INDEX IF NOT EXISTS alerts_by_rule ON alerts (rule_id);
`;

interface AlertRow {
  id: string;
  idx: string;
  rule_id: string;
  source: string;
}

const toAlert = (row: AlertRow): StoredAlert => ({ _id: row.id, _index: row.idx, ruleId: row.rule_id, source: JSON.parse(row.source) });

const globToRegExp = (glob: string) => new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/** An index expression (`a,b`, wildcards) names a backing index by its own name or by its alias. */
export function indexMatcher(expression: string | undefined): (index: string) => boolean {
  if (!expression) return () => true;
  const patterns = expression.split(',').map((part) => globToRegExp(part.trim()));
  return (index) => patterns.some((pattern) => pattern.test(index) || pattern.test(aliasOfIndex(index)));
}

export class AlertsStore {
  private readonly db: SqliteDatabase;

  constructor(file: string) {
    this.db = openSqlite(file);
    this.db.exec(SCHEMA);
  }

  insert(alerts: StoredAlert[]): void {
    const insert = this.db.prepare('INSERT INTO alerts (id, idx, rule_id, source) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const alert of alerts) insert.run(alert._id, alert._index, alert.ruleId, JSON.stringify(alert.source));
    })();
  }

  get(id: string): StoredAlert | undefined {
    const row = this.db.prepare('SELECT id, idx, rule_id, source FROM alerts WHERE id = ?').get(id) as AlertRow | undefined;
    return row && toAlert(row);
  }

  /** Every alert in the indices the expression names. */
  list(indexExpression?: string): StoredAlert[] {
    const matches = indexMatcher(indexExpression);
    const indices = (this.db.prepare('SELECT DISTINCT idx FROM alerts').all() as Array<{ idx: string }>).map(({ idx }) => idx).filter(matches);
    if (indices.length === 0) return [];
    const rows = this.db.prepare('SELECT a.id, a.idx, a.rule_id, a.source FROM alerts a, json_each(?) i WHERE a.idx = i.value').all(JSON.stringify(indices)) as AlertRow[];
    return rows.map(toAlert);
  }

  /**
   * Rewrites the sources of the given alerts in one transaction; `change` returns undefined to
   * leave one as it is. Returns the alerts that changed.
   */
  update(ids: string[], change: (alert: StoredAlert) => Record<string, unknown> | undefined): StoredAlert[] {
    const select = this.db.prepare('SELECT id, idx, rule_id, source FROM alerts WHERE id = ?');
    const write = this.db.prepare('UPDATE alerts SET source = ? WHERE id = ?');
    return this.db
      .transaction(() =>
        ids.flatMap((id) => {
          const row = select.get(id) as AlertRow | undefined;
          const alert = row && toAlert(row);
          const source = alert && change(alert);
          if (!alert || !source) return [];
          write.run(JSON.stringify(source), id);
          return [{ ...alert, source }];
        })
      )
      .immediate();
  }

  /** Kibana untracks the active alerts of a rule that is disabled or deleted. */
  untrackRuleAlerts(ruleId: string): void {
    const ids = (this.db.prepare('SELECT id FROM alerts WHERE rule_id = ?').all(ruleId) as Array<{ id: string }>).map(({ id }) => id);
    this.update(ids, ({ source }) => (source['kibana.alert.status'] === 'active' ? { ...source, 'kibana.alert.status': 'untracked' } : undefined));
  }

  close(): void {
    this.db.close();
  }
}
