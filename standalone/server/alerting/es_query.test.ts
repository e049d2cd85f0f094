import type { StoredAlert } from './alert_documents';
import { compareAlerts, matchesQuery, parseSort } from './es_query';

const now = new Date('2025-06-01T12:00:00.000Z');
const alert: StoredAlert = {
  _id: 'a1',
  _index: '.internal.alerts-stack.alerts-default-000001',
  ruleId: 'r1',
  source: {
    '@timestamp': '2025-06-01T11:30:00.000Z',
    'kibana.alert.reason': 'SQL injection attempt on db-1',
    'kibana.alert.severity': 'high',
    'kibana.alert.risk_score': 73,
    'kibana.alert.rule.tags': ['prod', 'sql'],
    host: { name: 'db-1' },
  },
};

describe('matchesQuery', () => {
  it.each([
    [{}, true],
    [{ match_all: {} }, true],
    [{ match_none: {} }, false],
    [{ ids: { values: ['a1'] } }, true],
    [{ term: { 'kibana.alert.severity': 'high' } }, true],
    [{ term: { 'kibana.alert.severity': { value: 'High' } } }, false],
    [{ term: { 'host.name': 'db-1' } }, true],
    [{ term: { _index: '.internal.alerts-stack.alerts-default-000001' } }, true],
    [{ terms: { 'kibana.alert.rule.tags': ['dev', 'sql'] } }, true],
    [{ match: { 'kibana.alert.reason': 'SQL nothing' } }, true],
    [{ match: { 'kibana.alert.reason': { query: 'SQL nothing', operator: 'and' } } }, false],
    [{ match_phrase: { 'kibana.alert.reason': 'injection attempt' } }, true],
    [{ exists: { field: 'host.name' } }, true],
    [{ exists: { field: 'user.name' } }, false],
    [{ range: { 'kibana.alert.risk_score': { gte: 70, lt: 80 } } }, true],
    [{ range: { 'kibana.alert.risk_score': { gt: 73 } } }, false],
    [{ range: { '@timestamp': { gte: 'now-1h' } } }, true],
    [{ range: { '@timestamp': { gte: 'now-10m' } } }, false],
    [{ bool: { filter: [{ term: { 'kibana.alert.severity': 'high' } }], must_not: [{ term: { 'host.name': 'db-1' } }] } }, false],
    [{ bool: { should: [{ term: { 'host.name': 'x' } }, { term: { 'host.name': 'db-1' } }] } }, true],
    [{ bool: { should: [{ term: { 'host.name': 'x' } }] } }, false],
    [{ bool: { filter: { match_all: {} }, should: [{ term: { 'host.name': 'x' } }] } }, true],
    [{ bool: { filter: { match_all: {} }, should: [{ term: { 'host.name': 'x' } }], minimum_should_match: 1 } }, false],
  ])('%j → %s', (query, expected) => {
    expect(matchesQuery(query, alert, now)).toBe(expected);
  });

  it.each([
    [{ query_string: { query: 'x' } }, 'The standalone host does not support the query type [query_string] in alert queries'],
    [{ term: { a: 1, b: 2 } }, '[term] query expects exactly one field'],
    [{ match_all: {}, term: { a: 1 } }, 'A query object must hold exactly one query type, got [match_all, term]'],
  ])('rejects %j', (query, message) => {
    expect(() => matchesQuery(query, alert, now)).toThrow(expect.objectContaining({ statusCode: 400, message }));
  });
});

describe('sorting', () => {
  const make = (id: string, source: Record<string, unknown>): StoredAlert => ({ _id: id, _index: 'i', ruleId: 'r', source });
  const alerts = [make('a', { n: 2, '@timestamp': '2025-01-02' }), make('b', { '@timestamp': '2025-01-03' }), make('c', { n: 1, '@timestamp': '2025-01-01' })];
  const ids = (sort: unknown) => [...alerts].sort(compareAlerts(parseSort(sort))).map(({ _id }) => _id);

  it('defaults to newest first', () => expect(ids(undefined)).toEqual(['b', 'a', 'c']));
  it.each([
    [[{ n: { order: 'asc' } }], ['c', 'a', 'b']],
    [[{ n: 'desc' }], ['a', 'c', 'b']],
    [['n'], ['c', 'a', 'b']],
  ])('sorts by %j, missing values last', (sort, expected) => expect(ids(sort)).toEqual(expected));
});
