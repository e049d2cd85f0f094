/*
 * The slice of Kibana's cases plugin server contract (x-pack/platform/plugins/shared/cases) the
 * plugin uses: `getCasesClientWithRequest` and the Case/attachment shapes of its HTTP API
 * (`common/types/domain/case/v1.ts`, `domain/attachment/v1.ts`, `api/case/v1.ts`).
 */
import type { KibanaRequest } from '@kbn/core/server';

export type CaseStatus = 'open' | 'in-progress' | 'closed';
export type CaseSeverity = 'low' | 'medium' | 'high' | 'critical';

/** The owners Kibana registers: stack cases, observability and security. */
export type CaseOwner = 'cases' | 'observability' | 'securitySolution';

export interface CaseUser {
  username: string | null;
  full_name: string | null;
  email: string | null;
  profile_uid?: string;
}

export type CaseConnector =
  | { id: 'none'; name: 'none'; type: '.none'; fields: null }
  | { id: string; name: string; type: string; fields: Record<string, unknown> | null };

export interface CaseSettings {
  syncAlerts: boolean;
}

export interface CaseAssignee {
  uid: string;
}

export interface CaseCustomField {
  key: string;
  type: 'text' | 'toggle' | 'number';
  value: string | boolean | number | null;
}

export interface UserCommentAttachmentPayload {
  type: 'user';
  comment: string;
  owner: string;
}

export interface AlertAttachmentPayload {
  type: 'alert';
  alertId: string | string[];
  index: string | string[];
  rule: { id: string | null; name: string | null };
  owner: string;
}

export type AttachmentRequest = UserCommentAttachmentPayload | AlertAttachmentPayload;

export type Attachment = AttachmentRequest & {
  id: string;
  version: string;
  created_at: string;
  created_by: CaseUser;
  pushed_at: string | null;
  pushed_by: CaseUser | null;
  updated_at: string | null;
  updated_by: CaseUser | null;
};

export interface Case {
  id: string;
  version: string;
  title: string;
  description: string;
  status: CaseStatus;
  severity: CaseSeverity;
  tags: string[];
  owner: string;
  connector: CaseConnector;
  settings: CaseSettings;
  assignees: CaseAssignee[];
  category: string | null;
  customFields: CaseCustomField[];
  /** Seconds from creation to closing; null while the case is not closed. */
  duration: number | null;
  created_at: string;
  created_by: CaseUser;
  updated_at: string | null;
  updated_by: CaseUser | null;
  closed_at: string | null;
  closed_by: CaseUser | null;
  external_service: null;
  /** User comments only. */
  totalComment: number;
  /** Distinct alerts attached. */
  totalAlerts: number;
  /** Present when asked for (`get({ includeComments: true })`, the HTTP GET, `attachments.add`). */
  comments?: Attachment[];
}

export interface CasePostRequest {
  title: string;
  description: string;
  tags: string[];
  owner: string;
  connector: CaseConnector;
  settings: CaseSettings;
  severity?: CaseSeverity;
  assignees?: CaseAssignee[];
  category?: string | null;
  customFields?: CaseCustomField[];
}

export interface CasePatchRequest {
  id: string;
  version: string;
  title?: string;
  description?: string;
  status?: CaseStatus;
  severity?: CaseSeverity;
  tags?: string[];
  connector?: CaseConnector;
  settings?: CaseSettings;
  assignees?: CaseAssignee[];
  category?: string | null;
  customFields?: CaseCustomField[];
}

export interface CasesPatchRequest {
  cases: CasePatchRequest[];
}

type OneOrMany<T> = T | T[];

/** The client takes the camelCase query of `GET /api/cases/_find`. */
export interface CasesFindRequest {
  page?: number;
  perPage?: number;
  status?: OneOrMany<CaseStatus>;
  severity?: OneOrMany<CaseSeverity>;
  tags?: OneOrMany<string>;
  owner?: OneOrMany<string>;
  assignees?: OneOrMany<string>;
  reporters?: OneOrMany<string>;
  category?: OneOrMany<string>;
  search?: string;
  searchFields?: OneOrMany<'title' | 'description'>;
  defaultSearchOperator?: 'AND' | 'OR';
  sortField?: 'title' | 'category' | 'createdAt' | 'updatedAt' | 'closedAt' | 'status' | 'severity';
  sortOrder?: 'asc' | 'desc';
  /** Created at or after; ISO date or date math (`now-7d`). */
  from?: string;
  to?: string;
}

export interface CasesFindResponse {
  cases: Case[];
  page: number;
  per_page: number;
  total: number;
  count_open_cases: number;
  count_in_progress_cases: number;
  count_closed_cases: number;
}

export interface CasesSubClient {
  create(data: CasePostRequest): Promise<Case>;
  get(params: { id: string; includeComments?: boolean }): Promise<Case>;
  /** Kibana's sub-client has `update(CasesPatchRequest)`, no `bulkUpdate`; all cases change or none. */
  update(cases: CasesPatchRequest): Promise<Case[]>;
  find(params?: CasesFindRequest): Promise<CasesFindResponse>;
}

export interface AttachmentsSubClient {
  /** Returns the updated case with its comments. */
  add(params: { caseId: string; comment: AttachmentRequest }): Promise<Case>;
  getAll(params: { caseID: string }): Promise<Attachment[]>;
}

export interface CasesClient {
  cases: CasesSubClient;
  attachments: AttachmentsSubClient;
}

/** Kibana's setup contract holds the attachment framework, which this slice does not include. */
export type CasesServerSetup = Record<string, never>;

export interface CasesServerStart {
  getCasesClientWithRequest(request: KibanaRequest): Promise<CasesClient>;
}
