import { Client, errors } from '@elastic/elasticsearch';
import Mock, { type MockPattern } from '@elastic/elasticsearch-mock';
import { workflowYaml } from '../../engine/engine_test_utils';
import { startHttpTestServer } from '../http/http_test_server';
import { ioTestEngine, ioTestServices } from '../http/io_test_utils';
import { offlineServices } from '../services';
import { documentId } from './document_ids';

let mock: Mock;
let received: MockPattern[];
const client = () => new Client({ node: 'http://localhost:9200', Connection: mock.getConnection(), maxRetries: 0 });

/** Answers `path` (a find-my-way route such as `/:index/_search`) and records what arrived. */
const answer = (method: string | string[], path: string, resolve: (params: MockPattern) => object | string) =>
  mock.add({ method, path }, (params) => {
    received.push(params);
    return resolve(params) as Record<string, unknown> | string;
  });

const failure = (statusCode: number, type: string, reason: string) =>
  new errors.ResponseError({ body: { error: { type, reason }, status: statusCode }, statusCode, headers: {}, warnings: [], meta: {} as never });

beforeEach(() => {
  mock = new Mock();
  received = [];
});

const run = (steps: string, execution = {}) => ioTestEngine(ioTestServices({ elasticsearch: client() as never })).run(workflowYaml(steps), execution);

/** One step named `es` of `type` with `with` given as flow-style YAML. */
const esStep = (type: string, withYaml: string, extra = '') => `  - name: es\n    type: ${type}\n${extra}    with: ${withYaml}\n`;

const hits = { took: 1, timed_out: false, hits: { total: { value: 1, relation: 'eq' }, hits: [{ _index: 'alerts', _id: 'a1', _source: { host: 'web-1' } }] } };
const indexed = (id: string) => ({ _index: 'alerts-enrich', _id: id, result: 'created', _version: 1 });
const stepId = documentId('ex-1:es');

describe('elasticsearch step: success', () => {
  it.each([
    ['elasticsearch.search', '{ index: alerts, size: 1, query: { match: { host: web-1 } } }', 'POST', '/:index/_search', hits, hits, { size: 1, query: { match: { host: 'web-1' } } }],
    ['elasticsearch.esql.query', '{ query: "FROM alerts | LIMIT 1", format: json }', 'POST', '/_query', { columns: [{ name: 'host', type: 'keyword' }], values: [['web-1']] }, { columns: [{ name: 'host', type: 'keyword' }], values: [['web-1']] }, { query: 'FROM alerts | LIMIT 1' }],
    ['elasticsearch.indices.exists', '{ index: parks }', 'HEAD', '/:index', {}, true, null],
    ['elasticsearch.index', '{ index: alerts-enrich, document: { host: web-1 } }', 'PUT', '/:index/_doc/:id', indexed(stepId), indexed(stepId), { host: 'web-1' }],
    ['elasticsearch.index', '{ index: alerts-enrich, id: given, document: { host: web-1 } }', 'PUT', '/:index/_doc/:id', indexed('given'), indexed('given'), { host: 'web-1' }],
    ['elasticsearch.update', '{ index: alerts, id: a1, doc: { triaged: true } }', 'POST', '/:index/_update/:id', { result: 'updated' }, { result: 'updated' }, { doc: { triaged: true } }],
    ['elasticsearch.indices.put_mapping', '{ index: parks, properties: { name: { type: text } } }', 'PUT', '/:index/_mapping', { acknowledged: true }, { acknowledged: true }, { properties: { name: { type: 'text' } } }],
    ['elasticsearch.request', '{ method: POST, path: /fraud/_eql/search, body: { query: "any where true" } }', 'POST', '/:index/_eql/search', { hits: { sequences: [] } }, { hits: { sequences: [] } }, { query: 'any where true' }],
  ])('%s %s', async (type, withYaml, method, path, response, output, body) => {
    answer(method, path, () => response);
    const { execution, steps } = await run(esStep(type, withYaml));
    expect(execution.status).toBe('completed');
    expect(steps[0].output).toEqual(output);
    expect(received.map((r) => r.body)).toEqual([body]);
  });

  it('sends the query of elasticsearch.request as its query string', async () => {
    answer('GET', '/_cluster/health', () => ({ status: 'green' }));
    const { steps } = await run(esStep('elasticsearch.request', '{ path: _cluster/health, query: { level: indices } }'));
    expect(steps[0].output).toEqual({ status: 'green' });
    expect(received.map((r) => [r.method, r.path, r.querystring])).toEqual([['GET', '/_cluster/health', { level: 'indices' }]]);
  });

  it('answers false when indices.exists finds nothing', async () => {
    answer('HEAD', '/:index', () => failure(404, 'index_not_found_exception', 'no such index [parks]'));
    const { steps } = await run(esStep('elasticsearch.indices.exists', '{ index: parks }'));
    expect(steps[0].output).toBe(false);
  });

  it('indexes the documents Elastic workflows list under bulk operations, with ids from the idempotency key', async () => {
    answer('POST', '/:index/_bulk', () => ({ errors: false, items: [] }));
    await run(esStep('elasticsearch.bulk', '{ index: parks, operations: [{ name: Zion }, { name: Yosemite }] }'));
    expect(received[0].path).toBe('/parks/_bulk');
    expect(received[0].body).toEqual([{ index: { _id: documentId('ex-1:es', 0) } }, { name: 'Zion' }, { index: { _id: documentId('ex-1:es', 1) } }, { name: 'Yosemite' }]);
  });

  it('passes bulk action lines through, adding ids only where index or create has none', async () => {
    answer('POST', '/_bulk', () => ({ errors: false, items: [] }));
    await run(
      esStep('elasticsearch.bulk', '{ operations: [{ index: { _index: a } }, { index: { not: an-action } }, { delete: { _index: a, _id: x } }, { create: { _index: a, _id: keep } }, { n: 1 }] }')
    );
    expect(received[0].body).toEqual([
      { index: { _index: 'a', _id: documentId('ex-1:es', 0) } },
      { index: { not: 'an-action' } },
      { delete: { _index: 'a', _id: 'x' } },
      { create: { _index: 'a', _id: 'keep' } },
      { n: 1 },
    ]);
  });

  it('gives each foreach item its own document id', async () => {
    answer('PUT', '/:index/_doc/:id', (params) => ({ _id: String(params.path).split('/').pop() }));
    const { steps } = await run(
      `  - name: loop\n    type: foreach\n    foreach: '["a", "b"]'\n    steps:\n` + esStep('elasticsearch.index', '{ index: enrich, document: { v: "{{ foreach.item }}" } }').replace(/^ {2}/gm, '      ')
    );
    expect(steps.filter((s) => s.stepName === 'es').map((s) => s.output)).toEqual([{ _id: documentId('ex-1:loop[0]>es') }, { _id: documentId('ex-1:loop[1]>es') }]);
  });
});

describe('elasticsearch step: failure', () => {
  it('fails with the status and the reason Elasticsearch gives', async () => {
    answer(['GET', 'POST'], '/:index/_search', () => failure(404, 'index_not_found_exception', 'no such index [nope]'));
    const { execution, steps } = await run(esStep('elasticsearch.search', '{ index: nope }'));
    expect(execution.status).toBe('failed');
    expect(steps[0].error).toEqual({
      message: 'Elasticsearch search failed with 404: index_not_found_exception: no such index [nope]',
      details: { statusCode: 404, body: { error: { type: 'index_not_found_exception', reason: 'no such index [nope]' }, status: 404 } },
    });
  });

  it.each(['indices.exsts', 'transport.request', 'helpers.search', 'child', 'constructor', 'indices.constructor', 'indices.transport', 'toString', '__proto__.bulk'])(
    'refuses elasticsearch.%s as an unknown API',
    async (api) => {
      const { steps } = await run(esStep(`elasticsearch.${api}`, '{ index: x }'));
      expect(steps[0].error).toEqual({ message: `Unknown Elasticsearch API "${api}"` });
    }
  );

  it('fails with the services message when there is no cluster', async () => {
    const message = 'No Elasticsearch cluster is configured: start the host with --elasticsearch URL';
    const services = {
      ...offlineServices(),
      elasticsearch: () => {
        throw new Error(message);
      },
    };
    const { steps } = await ioTestEngine(services).run(workflowYaml(esStep('elasticsearch.search', '{ index: alerts }')));
    expect(steps[0].error).toEqual({ message });
  });

  it('fails with the explanation of a stand-in client that rejects every call (the host without a cluster)', async () => {
    const message = 'No Elasticsearch cluster is configured.';
    const node: ProxyHandler<() => void> = {
      get: (_target, property) => (typeof property === 'symbol' || property === 'then' ? undefined : new Proxy(() => undefined, node)),
      apply: () => Promise.reject(new Error(message)),
    };
    const standIn = new Proxy(() => undefined, node);
    const { steps } = await ioTestEngine(ioTestServices({ elasticsearch: standIn as never })).run(workflowYaml(esStep('elasticsearch.indices.exists', '{ index: parks }')));
    expect(steps[0].error).toEqual({ message: `Elasticsearch indices.exists failed: ${message}` });
  });
});

describe('elasticsearch step: retry and timeout', () => {
  it('retries a 503 on error.details.statusCode and writes the same document id both times', async () => {
    let calls = 0;
    answer('PUT', '/:index/_doc/:id', () => (++calls === 1 ? failure(503, 'unavailable_shards_exception', 'primary shard is not active') : indexed(stepId)));
    const retry = '    on-failure:\n      retry:\n        max-attempts: 3\n        delay: 1ms\n        condition: "error.details.statusCode >= 500"\n';
    const { execution, steps } = await run(esStep('elasticsearch.index', '{ index: alerts-enrich, document: { a: 1 } }', retry));
    expect(execution.status).toBe('completed');
    expect(steps.map((s) => [s.attempt, s.status])).toEqual([
      [1, 'failed'],
      [2, 'completed'],
    ]);
    expect(received.map((r) => r.path)).toEqual([`/alerts-enrich/_doc/${stepId}`, `/alerts-enrich/_doc/${stepId}`]);
  });

  it('times out at the step timeout and aborts the request to the cluster', async () => {
    const cluster = await startHttpTestServer(() => ({ delayMs: 5000, body: {} }));
    const real = new Client({ node: cluster.url, maxRetries: 0 });
    try {
      const { steps } = await ioTestEngine(ioTestServices({ elasticsearch: real as never })).run(
        workflowYaml(esStep('elasticsearch.search', '{ index: alerts }', '    timeout: 100ms\n'))
      );
      expect([steps[0].status, steps[0].error?.message]).toEqual(['timed_out', 'Step "es" took longer than its timeout (100ms)']);
      expect((await cluster.waitForAbort()).url).toBe('/alerts/_search');
    } finally {
      await real.close();
      await cluster.close();
    }
  });
});

describe('elasticsearch step: dry run', () => {
  it('proposes a write without sending it, and later steps read its synthetic output', async () => {
    answer('PUT', '/:index/_doc/:id', () => indexed(stepId));
    const { execution, steps } = await run(
      esStep('elasticsearch.index', '{ index: alerts-enrich, document: { host: "{{ inputs.host }}" } }') +
        '  - name: after\n    type: console\n    with: { message: "saved {{ steps.es.output._id }} in {{ steps.es.output._index }}" }\n',
      { dryRun: true, inputs: { host: 'web-1' } }
    );
    expect(execution.status).toBe('completed');
    expect(received).toEqual([]);
    expect(steps[0].output).toEqual({ dryRun: true, _index: 'alerts-enrich', _id: stepId });
    expect(steps[0].effects).toEqual([
      { kind: 'elasticsearch', summary: 'index into alerts-enrich', request: { api: 'index', params: { index: 'alerts-enrich', document: { host: 'web-1' }, id: stepId } } },
    ]);
    expect(steps[1].output).toBe(`saved ${stepId} in alerts-enrich`);
  });

  it.each([
    ['elasticsearch.indices.delete', '{ index: parks }', 'indices.delete parks'],
    ['elasticsearch.request', '{ method: DELETE, path: /parks/_doc/1 }', 'DELETE /parks/_doc/1'],
  ])('proposes %s', async (type, withYaml, summary) => {
    const { steps } = await run(esStep(type, withYaml), { dryRun: true });
    expect(received).toEqual([]);
    expect(steps[0].effects?.map((e) => e.summary)).toEqual([summary]);
  });

  it('checks the API name even in a dry run without a cluster', async () => {
    const { steps } = await ioTestEngine(offlineServices()).run(workflowYaml(esStep('elasticsearch.indices.dlete', '{ index: parks }')), { dryRun: true });
    expect(steps[0].error).toEqual({ message: 'Unknown Elasticsearch API "indices.dlete"' });
  });

  it('checks the API name in a dry run with a cluster', async () => {
    const { steps } = await run(esStep('elasticsearch.indices.dlete', '{ index: parks }'), { dryRun: true });
    expect(steps[0].error).toEqual({ message: 'Unknown Elasticsearch API "indices.dlete"' });
  });

  it.each([
    ['elasticsearch.search', '{ index: alerts }', ['GET', 'POST'], '/:index/_search'],
    ['elasticsearch.request', '{ method: POST, path: /_ingest/pipeline/_simulate, body: { docs: [] } }', 'POST', '/_ingest/pipeline/_simulate'],
  ])('still sends the read %s', async (type, withYaml, method, path) => {
    answer(method, path, () => hits);
    const { steps } = await run(esStep(type, withYaml), { dryRun: true });
    expect([steps[0].output, steps[0].effects]).toEqual([hits, undefined]);
  });
});
