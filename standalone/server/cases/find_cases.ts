/*
 * `GET /api/cases/_find` over the cases of a space: filters, the per-status counts (computed
 * with every filter but the status one, as Kibana's counts are), sorting and one page.
 */
import type { CaseSeverity, CaseStatus, CasesFindRequest } from '@kbn/cases-plugin/server';
import { badRequest } from '../http/http_error';
import { parseDate } from '../date_math';
import { createTextMatcher } from '../text_search';
import type { StoredCase } from './cases_store';

export const DEFAULT_CASES_PER_PAGE = 20;

export interface FoundCases {
  cases: StoredCase[];
  page: number;
  perPage: number;
  total: number;
  counts: Record<CaseStatus, number>;
}

const many = <T>(value: T | T[] | undefined): T[] | undefined => (value === undefined ? undefined : [value].flat() as T[]);

const SEVERITY_ORDER: Record<CaseSeverity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const STATUS_ORDER: Record<CaseStatus, number> = { open: 0, 'in-progress': 1, closed: 2 };

type SortValue = string | number | null;
const SORT_VALUES: Record<NonNullable<CasesFindRequest['sortField']>, (c: StoredCase) => SortValue> = {
  title: (c) => c.attributes.title.toLowerCase(),
  category: (c) => c.attributes.category,
  createdAt: (c) => c.attributes.created_at,
  updatedAt: (c) => c.attributes.updated_at,
  closedAt: (c) => c.attributes.closed_at,
  status: (c) => STATUS_ORDER[c.attributes.status],
  severity: (c) => SEVERITY_ORDER[c.attributes.severity],
};

function dateBound(value: string | undefined, name: string, now: Date, roundUp: boolean): number | undefined {
  if (value === undefined) return undefined;
  const time = parseDate(value, { now, roundUp });
  if (time === undefined) throw badRequest(`Invalid "${name}" date [${value}]: expected an ISO date or date math such as now-7d`);
  return time;
}

function searchMatcher(request: CasesFindRequest): ((c: StoredCase) => boolean) | undefined {
  const matches = createTextMatcher(request.search, request.defaultSearchOperator);
  if (!matches) return undefined;
  const fields = many(request.searchFields) ?? ['title', 'description'];
  return (c) => c.id === request.search || matches(fields.map((field) => c.attributes[field]));
}

function otherFilters(request: CasesFindRequest, now: Date): Array<(c: StoredCase) => boolean> {
  const filters: Array<(c: StoredCase) => boolean> = [];
  const anyOf = <T>(values: T[] | undefined, pick: (c: StoredCase) => T | T[] | null) => {
    if (values?.length) filters.push((c) => [pick(c)].flat().some((value) => values.includes(value as T)));
  };
  anyOf(many(request.severity), (c) => c.attributes.severity);
  anyOf(many(request.tags), (c) => c.attributes.tags);
  anyOf(many(request.owner), (c) => c.attributes.owner);
  anyOf(many(request.reporters), (c) => c.attributes.created_by.username);
  anyOf(many(request.category), (c) => c.attributes.category);
  const assignees = many(request.assignees);
  // Kibana's `none` stands for "no one assigned".
  if (assignees?.length) {
    filters.push((c) =>
      c.attributes.assignees.length === 0 ? assignees.includes('none') : c.attributes.assignees.some(({ uid }) => assignees.includes(uid))
    );
  }
  const from = dateBound(request.from, 'from', now, false);
  const to = dateBound(request.to, 'to', now, true);
  if (from !== undefined) filters.push((c) => Date.parse(c.attributes.created_at) >= from);
  if (to !== undefined) filters.push((c) => Date.parse(c.attributes.created_at) <= to);
  const search = searchMatcher(request);
  if (search) filters.push(search);
  return filters;
}

function compare(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export function findCases(all: StoredCase[], request: CasesFindRequest, now: Date): FoundCases {
  const filters = otherFilters(request, now);
  const matching = all.filter((c) => filters.every((filter) => filter(c)));
  const counts: Record<CaseStatus, number> = { open: 0, 'in-progress': 0, closed: 0 };
  for (const c of matching) counts[c.attributes.status] += 1;

  const statuses = many(request.status);
  const selected = statuses?.length ? matching.filter((c) => statuses.includes(c.attributes.status)) : matching;
  const sortValue = SORT_VALUES[request.sortField ?? 'createdAt'];
  const direction = (request.sortOrder ?? 'desc') === 'asc' ? 1 : -1;
  // Empty values sort last in both directions, and ties keep a stable order by id.
  const sorted = [...selected].sort((a, b) => {
    const [x, y] = [sortValue(a), sortValue(b)];
    if (x === null || y === null) return compare(x, y) || a.id.localeCompare(b.id);
    return direction * compare(x, y) || a.id.localeCompare(b.id);
  });

  const page = request.page ?? 1;
  const perPage = request.perPage ?? DEFAULT_CASES_PER_PAGE;
  return { cases: sorted.slice((page - 1) * perPage, page * perPage), page, perPage, total: selected.length, counts };
}
