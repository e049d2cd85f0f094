import type { HttpStart } from '@kbn/core/public';

/* The parts of Kibana's Case and attachment shapes (KIBANA_CONTRACTS.md section 10) the pages show. */
export interface CaseUser {
  username: string | null;
  full_name?: string | null;
}

export interface UserComment {
  type: 'user';
  id: string;
  comment: string;
  created_at: string;
  created_by: CaseUser;
}

export interface AlertAttachment {
  type: 'alert';
  id: string;
  alertId: string | string[];
  index: string | string[];
  rule: { id: string | null; name: string | null };
  created_at: string;
  created_by: CaseUser;
}

export type CaseAttachment = UserComment | AlertAttachment | { type: string; id: string; created_at: string; created_by: CaseUser };

export interface CaseSummary {
  id: string;
  title: string;
  description: string;
  status: 'open' | 'in-progress' | 'closed';
  severity: 'low' | 'medium' | 'high' | 'critical';
  tags: string[];
  owner: string;
  created_at: string;
  created_by: CaseUser;
  totalComment: number;
  totalAlerts: number;
  comments?: CaseAttachment[];
}

export const findCases = async (http: HttpStart, { page, perPage }: { page: number; perPage: number }) =>
  http.get<{ cases: CaseSummary[]; total: number }>('/api/cases/_find', {
    query: { page, perPage, sortField: 'createdAt', sortOrder: 'desc' },
  });

export const getCase = (http: HttpStart, id: string) =>
  http.get<CaseSummary>(`/api/cases/${encodeURIComponent(id)}`, { query: { includeComments: true } });

/** Each alert of an alert attachment on its own row: one attachment may carry several. */
export const attachedAlerts = (comments: CaseAttachment[] = []) =>
  comments
    .filter((comment): comment is AlertAttachment => comment.type === 'alert')
    .flatMap((attachment) => {
      const ids = [attachment.alertId].flat();
      const indices = [attachment.index].flat();
      return ids.map((alertId, position) => ({
        key: `${attachment.id}/${alertId}`,
        alertId,
        index: indices[position] ?? indices[0] ?? '',
        ruleName: attachment.rule.name ?? '—',
        attachedAt: attachment.created_at,
      }));
    });
