/*
 * Cases and their attachments in `<data>/kibana.sqlite`. A case row keeps its attributes as JSON
 * plus a sequence number that every write bumps: it is the optimistic-concurrency token behind
 * the Case `version`, as `_seq_no` is behind a saved object's version in Kibana.
 */
import type { Attachment, AttachmentRequest, Case } from '@kbn/cases-plugin/server';
import { openSqlite, type SqliteDatabase } from '../sqlite';

export type CaseAttributes = Omit<Case, 'id' | 'version' | 'totalComment' | 'totalAlerts' | 'comments'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type CommentAttributes = DistributiveOmit<Attachment, 'id' | 'version'>;

export interface StoredCase {
  id: string;
  seq: number;
  attributes: CaseAttributes;
}

export interface StoredComment {
  id: string;
  caseId: string;
  seq: number;
  attributes: CommentAttributes;
}

export interface CaseTotals {
  totalComment: number;
  totalAlerts: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cases (
  id TEXT PRIMARY KEY,
  space_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  attributes TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cases_by_space ON cases (space_id);
CREATE TABLE IF NOT EXISTS case_comments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  -- the alert ids of an alert attachment, a JSON array: totals count distinct alerts in SQL
  alert_ids TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attributes TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS case_comments_by_case ON case_comments (case_id, created_at);
`;

interface CaseRow {
  id: string;
  seq: number;
  attributes: string;
}

interface CommentRow extends CaseRow {
  case_id: string;
}

const toCase = (row: CaseRow): StoredCase => ({ id: row.id, seq: row.seq, attributes: JSON.parse(row.attributes) });
const toComment = (row: CommentRow): StoredComment => ({ id: row.id, caseId: row.case_id, seq: row.seq, attributes: JSON.parse(row.attributes) });

const alertIdsOf = (comment: AttachmentRequest): string[] =>
  comment.type === 'alert' ? [comment.alertId].flat() : [];

export class CasesStore {
  private readonly db: SqliteDatabase;

  constructor(file: string) {
    this.db = openSqlite(file);
    this.db.exec(SCHEMA);
  }

  insertCase(spaceId: string, id: string, attributes: CaseAttributes): StoredCase {
    this.db.prepare('INSERT INTO cases (id, space_id, seq, attributes) VALUES (?, ?, 1, ?)').run(id, spaceId, JSON.stringify(attributes));
    return { id, seq: 1, attributes };
  }

  getCase(spaceId: string, id: string): StoredCase | undefined {
    const row = this.db.prepare('SELECT id, seq, attributes FROM cases WHERE space_id = ? AND id = ?').get(spaceId, id) as CaseRow | undefined;
    return row && toCase(row);
  }

  listCases(spaceId: string): StoredCase[] {
    return (this.db.prepare('SELECT id, seq, attributes FROM cases WHERE space_id = ?').all(spaceId) as CaseRow[]).map(toCase);
  }

  /**
   * Writes every case or none. Each update names the sequence number it was computed from; a
   * case written in the meantime makes the whole batch fail with the ids that changed.
   */
  updateCases(updates: Array<{ id: string; seq: number; attributes: CaseAttributes }>): StoredCase[] {
    const update = this.db.prepare('UPDATE cases SET seq = seq + 1, attributes = ? WHERE id = ? AND seq = ?');
    return this.db
      .transaction(() => {
        const conflicts = updates.filter(({ id, seq, attributes }) => update.run(JSON.stringify(attributes), id, seq).changes === 0);
        if (conflicts.length > 0) throw new SequenceConflict(conflicts.map(({ id }) => id));
        return updates.map(({ id, seq, attributes }) => ({ id, seq: seq + 1, attributes }));
      })
      .immediate();
  }

  /** Adds the attachment and rewrites the case (its `updated_at`) in one transaction, as one case version. */
  addComment(options: { id: string; caseUpdate: { id: string; seq: number; attributes: CaseAttributes }; comment: CommentAttributes }): StoredComment {
    const { id, caseUpdate, comment } = options;
    this.db.transaction(() => {
      this.updateCases([caseUpdate]);
      this.db
        .prepare('INSERT INTO case_comments (id, case_id, seq, type, alert_ids, created_at, attributes) VALUES (?, ?, 1, ?, ?, ?, ?)')
        .run(id, caseUpdate.id, comment.type, JSON.stringify(alertIdsOf(comment)), comment.created_at, JSON.stringify(comment));
    }).immediate();
    return { id, caseId: caseUpdate.id, seq: 1, attributes: comment };
  }

  listComments(caseId: string): StoredComment[] {
    const rows = this.db
      .prepare('SELECT id, case_id, seq, attributes FROM case_comments WHERE case_id = ? ORDER BY created_at, rowid')
      .all(caseId) as CommentRow[];
    return rows.map(toComment);
  }

  totals(caseIds: string[]): Map<string, CaseTotals> {
    const totals = new Map(caseIds.map((id) => [id, { totalComment: 0, totalAlerts: 0 }]));
    if (caseIds.length === 0) return totals;
    const rows = this.db
      .prepare(
        `SELECT c.case_id AS caseId,
                SUM(c.type = 'user') AS totalComment,
                (SELECT COUNT(DISTINCT a.value) FROM case_comments d, json_each(d.alert_ids) a WHERE d.case_id = c.case_id) AS totalAlerts
         FROM case_comments c, json_each(?) wanted WHERE c.case_id = wanted.value GROUP BY c.case_id`
      )
      .all(JSON.stringify(caseIds)) as Array<{ caseId: string } & CaseTotals>;
    for (const { caseId, totalComment, totalAlerts } of rows) totals.set(caseId, { totalComment, totalAlerts });
    return totals;
  }

  close(): void {
    this.db.close();
  }
}

export class SequenceConflict extends Error {
  constructor(readonly ids: string[]) {
    super(`cases [${ids.join(', ')}] were written concurrently`);
  }
}
