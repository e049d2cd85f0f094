/*
 * The cases client, Kibana's shape: `cases.create|get|update|find` and `attachments.add|getAll`.
 * Like Kibana's it authorizes every call itself (by owner and the user's cases privileges), so
 * the plugin gets the same answers through `getCasesClientWithRequest` as users get over HTTP.
 */
import { randomUUID } from 'node:crypto';
import type {
  Attachment,
  AttachmentRequest,
  Case,
  CasePatchRequest,
  CaseStatus,
  CaseUser,
  CasesClient,
  CasesFindRequest,
  CasesFindResponse,
  CasePostRequest,
} from '@kbn/cases-plugin/server';
import type { HostUser } from '../auth';
import { isGranted } from '../http/authz';
import { badRequest, conflict, forbidden, HttpStatusError, notFound } from '../http/http_error';
import { SequenceConflict, type CaseAttributes, type CasesStore, type StoredCase, type StoredComment } from './cases_store';
import { findCases } from './find_cases';

export const CASE_OWNERS = ['cases', 'observability', 'securitySolution'];
export const CASES_API_PRIVILEGES = { read: 'cases_read', all: 'cases_all' } as const;

export interface AlertRef {
  id: string;
  index: string;
}

/** What cases do to the alerts attached to them; implemented by the host's alerts store. */
export interface CaseAlertsLink {
  /** Kibana records the case on each attached alert (`kibana.alert.case_ids`). */
  addCaseToAlerts(caseId: string, alerts: AlertRef[]): void;
  /** With `settings.syncAlerts`, attached alerts follow the case status. */
  setAlertsWorkflowStatus(alerts: AlertRef[], status: 'open' | 'acknowledged' | 'closed'): void;
}

export interface CasesClientOptions {
  store: CasesStore;
  user: HostUser | undefined;
  spaceId: string;
  alerts?: CaseAlertsLink;
  now?: () => Date;
}

const ALERT_STATUS_FOR_CASE: Record<CaseStatus, 'open' | 'acknowledged' | 'closed'> = { open: 'open', 'in-progress': 'acknowledged', closed: 'closed' };

/** A saved object's version is its `[_seq_no, _primary_term]` in base64; a case's sequence number plays `_seq_no`. */
export const encodeVersion = (seq: number) => Buffer.from(JSON.stringify([seq, 1])).toString('base64');

const toAttachment = ({ id, seq, attributes }: StoredComment): Attachment => ({ id, version: encodeVersion(seq), ...attributes }) as Attachment;

function alertRefs(comments: Array<{ attributes: AttachmentRequest }>): AlertRef[] {
  return comments.flatMap(({ attributes }) => {
    if (attributes.type !== 'alert') return [];
    const ids = [attributes.alertId].flat();
    const indices = [attributes.index].flat();
    return ids.map((id, i) => ({ id, index: indices[i] }));
  });
}

const PATCHABLE = ['title', 'description', 'status', 'severity', 'tags', 'connector', 'settings', 'assignees', 'category', 'customFields'] as const;

export class HostCasesClient implements CasesClient {
  private readonly now: () => Date;

  constructor(private readonly options: CasesClientOptions) {
    this.now = options.now ?? (() => new Date());
  }

  readonly cases: CasesClient['cases'] = {
    create: async (data) => this.create(data),
    get: async ({ id, includeComments = true }) => this.get(id, includeComments),
    update: async ({ cases }) => this.update(cases),
    find: async (params = {}) => this.find(params),
  };

  readonly attachments: CasesClient['attachments'] = {
    add: async ({ caseId, comment }) => this.addAttachment(caseId, comment),
    getAll: async ({ caseID }) => {
      const stored = this.load(caseID, 'get comments of');
      return this.options.store.listComments(stored.id).map(toAttachment);
    },
  };

  private get currentUser(): CaseUser {
    return { username: this.options.user?.username ?? null, full_name: null, email: null };
  }

  /** Kibana's message: `Unauthorized to create case with owners: "securitySolution"`. */
  private authorize(operation: string, owners: string[], write: boolean): void {
    if (!this.isGranted(write) || owners.some((owner) => !CASE_OWNERS.includes(owner))) {
      throw forbidden(`Unauthorized to ${operation} with owners: "${[...new Set(owners)].join(', ')}"`);
    }
  }

  /** `cases_all` implies read, as a feature's `all` privilege lists the read API privileges too. */
  private isGranted(write: boolean): boolean {
    const { user } = this.options;
    return isGranted(user, CASES_API_PRIVILEGES.all) || (!write && isGranted(user, CASES_API_PRIVILEGES.read));
  }

  private load(id: string, operation: string, write = false): StoredCase {
    const stored = this.options.store.getCase(this.options.spaceId, id);
    if (!stored) throw notFound(`Saved object [cases/${id}] not found`);
    this.authorize(`${operation} case`, [stored.attributes.owner], write);
    return stored;
  }

  private toCases(stored: StoredCase[], comments: Map<string, StoredComment[]> = new Map()): Case[] {
    const totals = this.options.store.totals(stored.map(({ id }) => id));
    return stored.map(({ id, seq, attributes }) => ({
      id,
      version: encodeVersion(seq),
      ...attributes,
      ...totals.get(id)!,
      comments: (comments.get(id) ?? []).map(toAttachment),
    }));
  }

  private async create(data: CasePostRequest): Promise<Case> {
    this.authorize('create case', [data.owner], true);
    const attributes: CaseAttributes = {
      title: data.title,
      description: data.description,
      status: 'open',
      severity: data.severity ?? 'low',
      tags: data.tags,
      owner: data.owner,
      connector: data.connector,
      settings: data.settings,
      assignees: data.assignees ?? [],
      category: data.category ?? null,
      customFields: data.customFields ?? [],
      duration: null,
      created_at: this.now().toISOString(),
      created_by: this.currentUser,
      updated_at: null,
      updated_by: null,
      closed_at: null,
      closed_by: null,
      external_service: null,
    };
    return this.toCases([this.options.store.insertCase(this.options.spaceId, randomUUID(), attributes)])[0];
  }

  private async get(id: string, includeComments: boolean): Promise<Case> {
    const stored = this.load(id, 'get');
    const comments = includeComments ? new Map([[id, this.options.store.listComments(id)]]) : undefined;
    return this.toCases([stored], comments)[0];
  }

  private async find(request: CasesFindRequest): Promise<CasesFindResponse> {
    if (!this.isGranted(false)) throw forbidden('Unauthorized to access cases of any owner');
    const found = findCases(this.options.store.listCases(this.options.spaceId), request, this.now());
    return {
      cases: this.toCases(found.cases),
      page: found.page,
      per_page: found.perPage,
      total: found.total,
      count_open_cases: found.counts.open,
      count_in_progress_cases: found.counts['in-progress'],
      count_closed_cases: found.counts.closed,
    };
  }

  private async update(patches: CasePatchRequest[]): Promise<Case[]> {
    const current = patches.map((patch) => ({ patch, stored: this.options.store.getCase(this.options.spaceId, patch.id) }));
    const missing = current.filter(({ stored }) => !stored).map(({ patch }) => patch.id);
    if (missing.length > 0) throw notFound(`These cases ${missing.join(', ')} do not exist. Please check you have the correct ids.`);
    const found = current as Array<{ patch: CasePatchRequest; stored: StoredCase }>;
    this.authorize('update case', found.map(({ stored }) => stored.attributes.owner), true);
    const stale = found.filter(({ patch, stored }) => patch.version !== encodeVersion(stored.seq)).map(({ patch }) => patch.id);
    if (stale.length > 0) throw this.staleCases(stale);

    const changed = found.map(({ patch, stored }) => ({ stored, attributes: this.applyPatch(stored.attributes, patch) })).filter(({ attributes }) => attributes);
    if (changed.length === 0) throw new HttpStatusError(406, 'All update fields are identical to current version.');

    let updated: StoredCase[];
    try {
      updated = this.options.store.updateCases(changed.map(({ stored, attributes }) => ({ id: stored.id, seq: stored.seq, attributes: attributes! })));
    } catch (error) {
      if (error instanceof SequenceConflict) throw this.staleCases(error.ids);
      throw error;
    }
    for (const [i, { stored }] of changed.entries()) this.syncAlertsOnUpdate(stored.attributes, updated[i]);
    return this.toCases(updated);
  }

  private staleCases(ids: string[]): HttpStatusError {
    return conflict(`These cases ${ids.join(', ')} has been updated. Please refresh before saving additional updates.`);
  }

  /** The new attributes, or undefined when the patch changes nothing. */
  private applyPatch(current: CaseAttributes, patch: CasePatchRequest): CaseAttributes | undefined {
    const changes = PATCHABLE.filter((key) => patch[key] !== undefined && JSON.stringify(patch[key]) !== JSON.stringify(current[key]));
    if (changes.length === 0) return undefined;
    const now = this.now();
    const next: CaseAttributes = { ...current, ...Object.fromEntries(changes.map((key) => [key, patch[key]])), updated_at: now.toISOString(), updated_by: this.currentUser };
    if (changes.includes('status')) {
      const closed = next.status === 'closed';
      next.closed_at = closed ? now.toISOString() : null;
      next.closed_by = closed ? this.currentUser : null;
      next.duration = closed ? Math.floor((now.getTime() - Date.parse(current.created_at)) / 1000) : null;
    }
    return next;
  }

  private syncAlertsOnUpdate(before: CaseAttributes, after: StoredCase): void {
    const { settings, status } = after.attributes;
    const syncTurnedOn = settings.syncAlerts && !before.settings.syncAlerts;
    if (!this.options.alerts || !settings.syncAlerts || (status === before.status && !syncTurnedOn)) return;
    const alerts = alertRefs(this.options.store.listComments(after.id));
    if (alerts.length > 0) this.options.alerts.setAlertsWorkflowStatus(alerts, ALERT_STATUS_FOR_CASE[status]);
  }

  private async addAttachment(caseId: string, comment: AttachmentRequest): Promise<Case> {
    const stored = this.load(caseId, 'create comment for', true);
    this.authorize('create comment', [comment.owner], true);
    if (comment.owner !== stored.attributes.owner) throw badRequest('The owner field of the comment must match the case');
    if (comment.type === 'alert' && [comment.alertId].flat().length !== [comment.index].flat().length) {
      throw badRequest('Received an alert comment with ids and indices arrays of different lengths.');
    }
    const now = this.now().toISOString();
    const user = this.currentUser;
    const caseUpdate = { id: stored.id, seq: stored.seq, attributes: { ...stored.attributes, updated_at: now, updated_by: user } };
    try {
      this.options.store.addComment({
        id: randomUUID(),
        caseUpdate,
        comment: { ...comment, created_at: now, created_by: user, pushed_at: null, pushed_by: null, updated_at: null, updated_by: null },
      });
    } catch (error) {
      if (error instanceof SequenceConflict) throw this.staleCases(error.ids);
      throw error;
    }
    const alerts = alertRefs([{ attributes: comment }]);
    if (alerts.length > 0 && this.options.alerts) {
      this.options.alerts.addCaseToAlerts(stored.id, alerts);
      if (stored.attributes.settings.syncAlerts) this.options.alerts.setAlertsWorkflowStatus(alerts, ALERT_STATUS_FOR_CASE[stored.attributes.status]);
    }
    return this.get(stored.id, true);
  }
}
