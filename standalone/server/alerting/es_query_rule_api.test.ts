/**
 * `.es-query` rules on a real host against a fake Elasticsearch on loopback (a node http server
 * answering `POST /<index>/_search` with canned counts and recording the bodies): the rule type
 * exists only with a cluster, params are validated, and a scheduled run searches the time window,
 * stores one alert and runs the Workflows action when the count meets the threshold.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestHost, type TestHost } from '../test_utils';

interface FakeEs {
  url: string;
  /** Hits per index; an index missing here answers a 400 search error. */
  counts: Record<string, number>;
  searches: Array<{ index: string; body: any }>;
  close(): Promise<void>;
}

async function startFakeEs(): Promise<FakeEs> {
  const fake = { counts: {} as Record<string, number>, searches: [] as FakeEs['searches'] };
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      // The client refuses answers without this header (its product check).
      response.setHeader('x-elastic-product', 'Elasticsearch');
      response.setHeader('content-type', 'application/json');
      const match = /^\/([^/?]+)\/_search/.exec(request.url ?? '');
      if (request.method !== 'POST' || !match) {
        response.statusCode = 404;
        return response.end(JSON.stringify({ error: 'not found' }));
      }
      const index = decodeURIComponent(match[1]);
      fake.searches.push({ index, body: JSON.parse(text || '{}') });
      const count = fake.counts[index];
      if (count === undefined) {
        response.statusCode = 400;
        return response.end(JSON.stringify({ error: { type: 'parsing_exception', reason: 'unknown query [nope]', root_cause: [] }, status: 400 }));
      }
      const hits = Array.from({ length: Math.min(count, 2) }, (_, i) => ({ _index: index, _id: `doc-${i}`, _source: { message: `hit ${i}` } }));
      response.end(JSON.stringify({ took: 1, timed_out: false, hits: { total: { value: count, relation: 'eq' }, hits } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { ...fake, url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const WORKFLOW = `name: ES query responder
triggers:
  - type: alert
steps:
  - name: show
    type: console
    with:
      message: "{{ event.rule.name }}: {{ event.alerts[0].kibana.alert.reason }}"
`;

const PARAMS = {
  searchType: 'esQuery',
  index: ['logs-hit'],
  timeField: '@timestamp',
  esQuery: JSON.stringify({ query: { match: { message: 'error' } } }),
  size: 2,
  threshold: [0],
  thresholdComparator: '>',
  timeWindowSize: 5,
  timeWindowUnit: 'm',
};

let es: FakeEs;
let host: TestHost;
let workflowId: string;

beforeAll(async () => {
  es = await startFakeEs();
  host = await startTestHost({ elasticsearchUrl: es.url });
  workflowId = (await host.request('POST', '/api/workflows', { body: { yaml: WORKFLOW } })).body.id;
});
afterAll(async () => {
  await host?.stop();
  await es?.close();
});

const createRule = async (name: string, params: Record<string, unknown>) => {
  const res = await host.request('POST', '/api/alerting/rule', {
    body: {
      name,
      rule_type_id: '.es-query',
      consumer: 'stackAlerts',
      schedule: { interval: '1h' },
      params: { ...PARAMS, ...params },
      actions: [{ id: 'system-connector-.workflows', params: { subAction: 'run', subActionParams: { workflowId, summaryMode: true } } }],
    },
  });
  expect(res.status).toBe(200);
  return res.body.id as string;
};

/** The rule once a run after `after` has been recorded. */
const ranAfter = (id: string, after = '') =>
  host.waitFor(async () => {
    const rule = (await host.request('GET', `/api/alerting/rule/${id}`)).body;
    return rule.execution_status.status !== 'pending' && rule.execution_status.last_execution_date > after ? rule : undefined;
  });

const alertsOf = async (ruleId: string) =>
  (await host.request('POST', '/internal/rac/alerts/find', { body: { query: { term: { 'kibana.alert.rule.uuid': ruleId } } } })).body.hits.hits;

describe('.es-query rules', () => {
  it('is a listed rule type when a cluster is configured', async () => {
    const types = (await host.request('GET', '/api/alerting/rule_types')).body as Array<{ id: string }>;
    expect(types.find((type) => type.id === '.es-query')).toMatchObject({ name: 'Elasticsearch query', default_action_group_id: 'query matched' });
  });

  it('rejects bad params with a clear 400', async () => {
    const create = (params: Record<string, unknown>) =>
      host.request('POST', '/api/alerting/rule', { body: { name: 'bad', rule_type_id: '.es-query', consumer: 'stackAlerts', schedule: { interval: '1m' }, params: { ...PARAMS, ...params }, actions: [] } });
    expect((await create({ esQuery: '{not json' })).body.message).toBe('params invalid: [esQuery]: must be valid JSON');
    expect((await create({ thresholdComparator: 'between' })).body.message).toBe('params invalid: [threshold]: must have two elements for the "between" comparator');
    const res = await create({ timeWindowUnit: 'y' });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('[timeWindowUnit]');
  });

  it('alerts when the count meets the threshold and runs the workflow', async () => {
    es.counts['logs-hit'] = 3;
    const id = await createRule('Errors in logs', {});
    const rule = await ranAfter(id);
    expect(rule.execution_status.status).toBe('active');

    const search = es.searches.find((s) => s.index === 'logs-hit')!;
    expect(search.body).toMatchObject({ size: 2, track_total_hits: true, sort: [{ '@timestamp': { order: 'desc' } }] });
    const [query, range] = search.body.query.bool.filter;
    expect(query).toEqual({ match: { message: 'error' } });
    const { gte, lte } = range.range['@timestamp'];
    expect(Date.parse(lte) - Date.parse(gte)).toBe(5 * 60_000);

    const [alert] = await alertsOf(id);
    expect(alert._source).toMatchObject({
      'kibana.alert.reason': 'Document count is 3 in the last 5m. Alert when > 0.',
      'kibana.alert.evaluation.value': 3,
      'kibana.alert.evaluation.threshold': 0,
      'kibana.alert.action_group': 'query matched',
      'kibana.alert.rule.rule_type_id': '.es-query',
    });
    expect(alert._source['kibana.alert.hits']).toHaveLength(2);

    const runs = await host.waitFor(async () => {
      const results = (await host.request('GET', `/api/workflows/${workflowId}/executions`)).body.results;
      return results.length > 0 && results[0].status === 'completed' ? results : undefined;
    });
    const detail = (await host.request('GET', `/api/workflows-executions/${runs[0].id}`)).body;
    expect(detail.steps[0].output).toBe('Errors in logs: Document count is 3 in the last 5m. Alert when > 0.');
  });

  it('records ok without an alert under the threshold, and alerts on a later run (Run rule)', async () => {
    es.counts['logs-quiet'] = 0;
    const id = await createRule('Quiet logs', { index: ['logs-quiet'] });
    const first = await ranAfter(id);
    expect(first.execution_status.status).toBe('ok');
    expect(await alertsOf(id)).toEqual([]);

    es.counts['logs-quiet'] = 7;
    expect((await host.request('POST', `/internal/alerting/rule/${id}/_run_soon`)).status).toBe(204);
    const second = await ranAfter(id, first.execution_status.last_execution_date);
    expect(second.execution_status.status).toBe('active');
    expect(await alertsOf(id)).toHaveLength(1);

    expect((await host.request('POST', `/api/alerting/rule/${id}/_disable`)).status).toBe(204);
    expect((await host.request('POST', `/internal/alerting/rule/${id}/_run_soon`)).status).toBe(409);
  });

  it('records a search error on the rule', async () => {
    const id = await createRule('Broken', { index: ['logs-missing'] });
    const rule = await ranAfter(id);
    expect(rule.execution_status).toMatchObject({ status: 'error', error: { reason: 'execute', message: expect.stringContaining('parsing_exception') } });
  });
});

describe('without a cluster', () => {
  it('does not offer .es-query', async () => {
    const plain = await startTestHost();
    try {
      const types = (await plain.request('GET', '/api/alerting/rule_types')).body as Array<{ id: string }>;
      expect(types.map((type) => type.id)).not.toContain('.es-query');
      const res = await plain.request('POST', '/api/alerting/rule', {
        body: { name: 'x', rule_type_id: '.es-query', consumer: 'stackAlerts', schedule: { interval: '1m' }, params: PARAMS, actions: [] },
      });
      expect(res.status).toBe(400);
    } finally {
      await plain.stop();
    }
  });
});
