/**
 * Case operations on Kibana's public Cases HTTP API (KIBANA_CONTRACTS.md section 10), shared by
 * the named Kibana actions (`kibana.createCaseDefaultSpace`, …) and the `cases.*` steps. Dry runs
 * get a synthetic case with the id `dry-run-case`; reading that id answers without a request, so
 * the steps after a proposed case (comments, alerts, updates) still render and propose theirs.
 */
import type { KibanaCaller } from '../kibana_request/kibana_caller';
import { stepError } from '../http/response_error';

export type Case = Record<string, unknown> & { id: string };
export type CaseInput = Record<string, unknown>;

export const CASES_PATH = '/api/cases';
export const DEFAULT_CASE_OWNER = 'securitySolution';
export const DRY_RUN_CASE_ID = 'dry-run-case';
const DRY_RUN_VERSION = 'dry-run';
const NO_CONNECTOR = { id: 'none', name: 'none', type: '.none', fields: null };

const casePath = (caseId: string) => `${CASES_PATH}/${encodeURIComponent(caseId)}`;

/** The case id under any of the names real workflows use (`case_id`, `caseId` from Kibana's API spec, `id`). */
export function caseIdOf(input: CaseInput): string {
  const id = input.case_id ?? input.caseId ?? input.id;
  if (typeof id !== 'string' || id === '') throw stepError('The case id is missing: give `case_id`');
  return id;
}

export function withoutCaseId(input: CaseInput): CaseInput {
  const { case_id: _caseId, caseId: _kibanaName, id: _id, ...rest } = input;
  return rest;
}

function dryRunCase(body: CaseInput, now: Date): Case {
  return {
    id: DRY_RUN_CASE_ID,
    version: DRY_RUN_VERSION,
    title: body.title,
    description: body.description,
    tags: body.tags,
    owner: body.owner,
    severity: body.severity ?? 'low',
    status: 'open',
    connector: body.connector,
    settings: body.settings,
    assignees: body.assignees ?? [],
    category: body.category ?? null,
    customFields: body.customFields ?? [],
    totalComment: 0,
    totalAlerts: 0,
    created_at: now.toISOString(),
    dryRun: true,
  };
}

/** POST /api/cases with Kibana's required fields defaulted (the create API rejects absent ones). */
export async function createCase(caller: KibanaCaller, input: CaseInput, now: Date): Promise<Case> {
  const body: CaseInput = { tags: [], connector: NO_CONNECTOR, settings: { syncAlerts: false }, owner: DEFAULT_CASE_OWNER, ...input };
  return (await caller.write(
    { method: 'POST', path: CASES_PATH, body },
    { kind: 'case', summary: `Create case "${String(body.title ?? '')}"` },
    () => dryRunCase(body, now)
  )) as Case;
}

export async function getCase(caller: KibanaCaller, caseId: string, query?: Record<string, unknown>): Promise<Case> {
  if (caseId === DRY_RUN_CASE_ID) return { id: DRY_RUN_CASE_ID, version: DRY_RUN_VERSION, owner: DEFAULT_CASE_OWNER, dryRun: true };
  return (await caller.read({ method: 'GET', path: casePath(caseId), query })) as Case;
}

/** PATCH /api/cases as Kibana takes it: `{ cases: [{ id, version, ...changes }] }`; answers the updated cases. */
export async function updateCases(caller: KibanaCaller, body: CaseInput): Promise<Case[]> {
  const cases = Array.isArray(body.cases) ? (body.cases as CaseInput[]) : [];
  if (cases.length === 0) throw stepError('`cases` is missing: give the cases to update as [{ id, version, ...changes }]');
  const ids = cases.map((item) => String(item.id)).join(', ');
  return (await caller.write({ method: 'PATCH', path: CASES_PATH, body }, { kind: 'case', summary: `Update case ${ids}` }, () =>
    cases.map((item) => ({ ...item, dryRun: true }))
  )) as Case[];
}

/** Updates one case; its current version is looked up unless given. */
export async function updateCase(caller: KibanaCaller, caseId: string, changes: CaseInput, version?: unknown): Promise<Case> {
  const current = version ?? (await getCase(caller, caseId)).version;
  const [updated] = await updateCases(caller, { cases: [{ ...changes, id: caseId, version: current }] });
  return updated;
}

/** Attachments need the case's owner; it is looked up unless given. */
async function ownerOf(caller: KibanaCaller, caseId: string, owner: unknown): Promise<unknown> {
  return owner ?? (await getCase(caller, caseId)).owner ?? DEFAULT_CASE_OWNER;
}

/** POST /api/cases/{id}/comments: any attachment as Kibana takes it (`type` defaults to a user comment). */
export async function addAttachment(caller: KibanaCaller, caseId: string, attachment: CaseInput): Promise<Case> {
  const body: CaseInput = { type: 'user', ...attachment, owner: await ownerOf(caller, caseId, attachment.owner) };
  const alertCount = [body.alertId ?? []].flat().length;
  const summary = body.type === 'alert' ? `Attach ${alertCount} alert(s) to case ${caseId}` : `Comment on case ${caseId}`;
  return (await caller.write({ method: 'POST', path: `${casePath(caseId)}/comments`, body }, { kind: 'case', summary }, () => ({
    id: caseId,
    dryRun: true,
  }))) as Case;
}

export function addComment(caller: KibanaCaller, caseId: string, comment: unknown, owner?: unknown): Promise<Case> {
  if (typeof comment !== 'string' || comment === '') throw stepError('`comment` is missing: give the text to add to the case');
  return addAttachment(caller, caseId, { type: 'user', comment, ...(owner ? { owner } : {}) });
}

interface AlertRef {
  alertId: string;
  index: string;
  rule: { id: unknown; name: unknown };
}

type AlertLike = Record<string, any>;

/** `{ alertId, index, rule }` as written, or an alert document from `event.alerts` (`_id`, `_index`, `kibana.alert.rule.*`). */
function alertRef(alert: AlertLike, position: number): AlertRef {
  const alertId = alert.alertId ?? alert._id ?? alert.id;
  const index = alert.index ?? alert._index;
  if (typeof alertId !== 'string' || typeof index !== 'string') {
    throw stepError(`Alert ${position + 1} needs an id and an index: give alertId (or _id) and index (or _index)`);
  }
  const rule = alert.rule ?? alert.kibana?.alert?.rule;
  return { alertId, index, rule: { id: rule?.id ?? rule?.uuid ?? null, name: rule?.name ?? null } };
}

/** Attaches alerts; Kibana takes one rule per attachment, so alerts are sent grouped by rule. Answers the case. */
export async function addAlerts(caller: KibanaCaller, caseId: string, alerts: unknown, owner?: unknown): Promise<Case> {
  if (!Array.isArray(alerts) || alerts.length === 0) throw stepError('`alerts` is missing: give a list of { alertId, index, rule }');
  const byRule = new Map<string, AlertRef[]>();
  alerts.map((alert, position) => alertRef(alert as AlertLike, position)).forEach((ref) => {
    const key = JSON.stringify(ref.rule);
    byRule.set(key, [...(byRule.get(key) ?? []), ref]);
  });
  const resolvedOwner = await ownerOf(caller, caseId, owner);
  let updated: Case | undefined;
  for (const refs of byRule.values()) {
    updated = await addAttachment(caller, caseId, {
      type: 'alert',
      alertId: refs.length === 1 ? refs[0].alertId : refs.map((ref) => ref.alertId),
      index: refs.length === 1 ? refs[0].index : refs.map((ref) => ref.index),
      rule: refs[0].rule,
      owner: resolvedOwner,
    });
  }
  return updated!;
}

export const findCases = (caller: KibanaCaller, query: CaseInput): Promise<unknown> =>
  caller.read({ method: 'GET', path: `${CASES_PATH}/_find`, query });
