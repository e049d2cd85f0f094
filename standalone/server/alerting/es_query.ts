/*
 * A small evaluator of Elasticsearch query DSL over stored alert documents, enough for the
 * alerts table and for workflows that search alerts: match_all, match_none, term, terms, match,
 * match_phrase, exists, range, ids and bool. Fields resolve like Elasticsearch's (dotted keys
 * and nested objects alike; an array matches when any item does). Anything else is a 400, so a
 * query never silently matches everything.
 */
import { resolveField } from '../../../common/kql';
import { parseDate } from '../date_math';
import { badRequest } from '../http/http_error';
import type { StoredAlert } from './alert_documents';

type Query = Record<string, unknown>;

const unsupported = (what: string) => badRequest(`The standalone host does not support ${what} in alert queries`);

const asList = (value: unknown): unknown[] => (value === undefined ? [] : [value].flat());

function valuesOf(alert: StoredAlert, field: string): unknown[] {
  if (field === '_id') return [alert._id];
  if (field === '_index') return [alert._index];
  return resolveField(alert.source, field);
}

/** The single `{ field: spec }` entry of a leaf query. */
function fieldEntry(type: string, body: unknown): [string, unknown] {
  const entries = typeof body === 'object' && body !== null ? Object.entries(body) : [];
  if (entries.length !== 1) throw badRequest(`[${type}] query expects exactly one field`);
  return entries[0] as [string, unknown];
}

const sameValue = (candidate: unknown, wanted: unknown) => candidate === wanted || String(candidate) === String(wanted);

const tokens = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean);

function compareBound(candidate: unknown, bound: unknown, now: Date, roundUp: boolean): number | undefined {
  if (typeof candidate === 'number' && typeof bound === 'number') return candidate - bound;
  const left = typeof candidate === 'string' || typeof candidate === 'number' ? parseDate(candidate, { now }) : undefined;
  const right = typeof bound === 'string' || typeof bound === 'number' ? parseDate(bound, { now, roundUp }) : undefined;
  if (left !== undefined && right !== undefined) return left - right;
  if (typeof candidate === 'string' && typeof bound === 'string') return candidate.localeCompare(bound);
  return undefined;
}

const LEAVES: Record<string, (alert: StoredAlert, body: unknown, now: Date) => boolean> = {
  match_all: () => true,
  match_none: () => false,
  ids: (alert, body) => asList((body as { values?: unknown })?.values).includes(alert._id),
  exists: (alert, body) => valuesOf(alert, String((body as { field?: unknown })?.field)).length > 0,
  term: (alert, body) => {
    const [field, spec] = fieldEntry('term', body);
    const wanted = typeof spec === 'object' && spec !== null ? (spec as { value?: unknown }).value : spec;
    return valuesOf(alert, field).some((candidate) => sameValue(candidate, wanted));
  },
  terms: (alert, body) => {
    const [field, wanted] = fieldEntry('terms', body);
    if (!Array.isArray(wanted)) throw badRequest('[terms] query expects an array of values');
    return valuesOf(alert, field).some((candidate) => wanted.some((value) => sameValue(candidate, value)));
  },
  match: (alert, body) => {
    const [field, spec] = fieldEntry('match', body);
    const { query, operator = 'or' } = (typeof spec === 'object' && spec !== null ? spec : { query: spec }) as { query?: unknown; operator?: string };
    const wanted = tokens(String(query));
    return valuesOf(alert, field).some((candidate) => {
      if (typeof candidate !== 'string') return sameValue(candidate, query);
      const have = new Set(tokens(candidate));
      return operator.toLowerCase() === 'and' ? wanted.every((token) => have.has(token)) : wanted.some((token) => have.has(token));
    });
  },
  match_phrase: (alert, body) => {
    const [field, spec] = fieldEntry('match_phrase', body);
    const query = String(typeof spec === 'object' && spec !== null ? (spec as { query?: unknown }).query : spec).toLowerCase();
    return valuesOf(alert, field).some((candidate) => String(candidate).toLowerCase().includes(query));
  },
  range: (alert, body, now) => {
    const [field, spec] = fieldEntry('range', body);
    const bounds = (spec ?? {}) as { gt?: unknown; gte?: unknown; lt?: unknown; lte?: unknown };
    return valuesOf(alert, field).some((candidate) => {
      const check = (bound: unknown, roundUp: boolean, ok: (difference: number) => boolean) => {
        if (bound === undefined) return true;
        const difference = compareBound(candidate, bound, now, roundUp);
        return difference !== undefined && ok(difference);
      };
      return (
        check(bounds.gt, true, (d) => d > 0) && check(bounds.gte, false, (d) => d >= 0) && check(bounds.lt, false, (d) => d < 0) && check(bounds.lte, true, (d) => d <= 0)
      );
    });
  },
};

function matchesBool(alert: StoredAlert, body: unknown, now: Date): boolean {
  const bool = (body ?? {}) as { must?: unknown; filter?: unknown; should?: unknown; must_not?: unknown; minimum_should_match?: unknown };
  const all = [...asList(bool.must), ...asList(bool.filter)];
  const should = asList(bool.should);
  if (!all.every((clause) => matchesQuery(clause as Query, alert, now))) return false;
  if (asList(bool.must_not).some((clause) => matchesQuery(clause as Query, alert, now))) return false;
  // As in Elasticsearch: `should` is optional beside must/filter, otherwise one clause must match.
  const minimum = bool.minimum_should_match !== undefined ? Number(bool.minimum_should_match) : all.length > 0 ? 0 : Math.min(1, should.length);
  return should.filter((clause) => matchesQuery(clause as Query, alert, now)).length >= minimum;
}

export function matchesQuery(query: Query | undefined, alert: StoredAlert, now: Date): boolean {
  if (query === undefined || Object.keys(query).length === 0) return true;
  const entries = Object.entries(query);
  if (entries.length !== 1) throw badRequest(`A query object must hold exactly one query type, got [${Object.keys(query).join(', ')}]`);
  const [type, body] = entries[0];
  if (type === 'bool') return matchesBool(alert, body, now);
  const leaf = LEAVES[type];
  if (!leaf) throw unsupported(`the query type [${type}]`);
  return leaf(alert, body, now);
}

export interface SortKey {
  field: string;
  order: 'asc' | 'desc';
}

/** `[{ f: { order } }]`, `[{ f: 'asc' }]`, `['f']` or one of them alone; default `@timestamp` newest first. */
export function parseSort(sort: unknown): SortKey[] {
  const items = asList(sort);
  if (items.length === 0) return [{ field: '@timestamp', order: 'desc' }];
  return items.map((item) => {
    if (typeof item === 'string') return { field: item, order: item === '_score' ? 'desc' : 'asc' };
    const [field, spec] = fieldEntry('sort', item);
    const order = typeof spec === 'string' ? spec : (spec as { order?: unknown })?.order;
    return { field, order: order === 'desc' ? 'desc' : 'asc' };
  });
}

export function compareAlerts(keys: SortKey[]): (a: StoredAlert, b: StoredAlert) => number {
  return (a, b) => {
    for (const { field, order } of keys) {
      const [x, y] = [valuesOf(a, field)[0], valuesOf(b, field)[0]] as Array<string | number | undefined>;
      if (x === y) continue;
      // Documents without the field sort last, whatever the order.
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * (order === 'desc' ? -1 : 1);
    }
    return a._id.localeCompare(b._id);
  };
}
