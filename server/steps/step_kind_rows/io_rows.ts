/**
 * Acceptance rows of the I/O kinds that talk HTTP, Elasticsearch and Kibana. Each scenario runs a
 * one-step workflow through the real engine and registry. HTTP, Kibana and cases calls go over
 * real HTTP to a loopback service started (and always stopped) inside the case; Elasticsearch
 * calls go through a real client over elasticsearch-mock.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, errors } from '@elastic/elasticsearch';
import Mock from '@elastic/elasticsearch-mock';
import { stringify } from 'yaml';
import { workflowYaml } from '../../engine/engine_test_utils';
import type { ExecutionRecord, StepExecutionRecord } from '../../storage/types';
import { fakeKibanaCases } from '../cases/fake_kibana_cases';
import { documentId } from '../elasticsearch/document_ids';
import { startHttpTestServer, type HttpTestServer, type TestAnswer, type TestHandler } from '../http/http_test_server';
import { ioTestEngine, ioTestServices } from '../http/io_test_utils';
import type { StepServices } from '../services';
import type { KindRow } from './kind_row';

type Fields = Record<string, unknown>;
type Cases = KindRow['cases'];
interface StepErrorRecord {
  message: string;
  details?: Record<string, unknown>;
}

const INPUTS = { ip: '203.0.113.7', host: 'web-1', agent_id: 'agent-7', alert_id: 'a-1', rule: 'Malware detected' };
const RETRY = { 'max-attempts': 3, delay: '1ms' };
const TIMEOUT = '50ms';
const SLOW_MS = 300;

/** Runs a workflow whose only step is `step` with `INPUTS`, against `services`. */
const runStep = (services: StepServices, step: Fields) =>
  ioTestEngine(services).run(workflowYaml(stringify([step]).replace(/^(?=.)/gm, '  ')), { inputs: INPUTS });

const records = (steps: StepExecutionRecord[]) => steps.map((s) => [s.path, s.attempt, s.status, s.output, s.error]);

function expectFailed({ execution, steps }: { execution: ExecutionRecord; steps: StepExecutionRecord[] }, name: string, error: StepErrorRecord) {
  expect(records(steps)).toEqual([[name, 1, 'failed', null, error]]);
  expect([execution.status, execution.error?.message]).toEqual(['failed', `Step "${name}" failed: ${error.message}`]);
}

function expectTimedOut({ execution, steps }: { execution: ExecutionRecord; steps: StepExecutionRecord[] }, name: string) {
  const message = `Step "${name}" took longer than its timeout (${TIMEOUT})`;
  expect(records(steps)).toEqual([[name, 1, 'timed_out', null, { message, type: 'StepTimedOutError' }]]);
  expect([execution.status, execution.error?.message]).toEqual(['failed', `Step "${name}" failed: ${message}`]);
  return message;
}

// ---------------------------------------------------------------------------------------------
// Kinds behind a loopback HTTP service (http, kibana.request, kibana.<action>, cases.<operation>)

/** A request as the service saw it: the parts the step decides. */
interface SeenCall {
  method: string;
  url: string;
  body: unknown;
  idempotencyKey: string | undefined;
}

const seen = (server: HttpTestServer): SeenCall[] =>
  server.requests.map(({ method, url, body, headers }) => ({ method, url, body, idempotencyKey: headers['idempotency-key'] as string | undefined }));

/** Starts a loopback service answering with `handler`, runs `body` against it, and always stops it. */
async function withServer(handler: TestHandler, body: (server: HttpTestServer) => Promise<void>): Promise<void> {
  const server = await startHttpTestServer(handler);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

/** Kibana calls reach the same loopback service; the `http` kind calls it by the URL in the step. */
const runAt = (server: HttpTestServer, step: Fields) => runStep(ioTestServices({ kibanaUrl: server.url }), step);

interface ServiceSpec {
  /** The step, given the base URL of the service. */
  step: (url: string) => Fields;
  /** A fresh service for one case that answers the request successfully. */
  service: () => TestHandler;
  /** The request the service must see, the same on every attempt. */
  request: SeenCall;
  output: unknown;
  failure: { answer: TestAnswer; error: (url: string) => StepErrorRecord };
  /** The error answer of the first attempt in the retry scenario. */
  flaky: { answer: TestAnswer; error: (url: string) => StepErrorRecord };
}

function serviceCases(spec: ServiceSpec): Cases {
  const name = String(spec.step('').name);
  return {
    success: () =>
      withServer(spec.service(), async (server) => {
        const { execution, steps } = await runAt(server, spec.step(server.url));
        expect(seen(server)).toEqual([spec.request]);
        expect(records(steps)).toEqual([[name, 1, 'completed', spec.output, undefined]]);
        expect(execution.status).toBe('completed');
      }),
    failure: () =>
      withServer(
        () => spec.failure.answer,
        async (server) => {
          const result = await runAt(server, spec.step(server.url));
          expect(seen(server)).toEqual([spec.request]);
          expectFailed(result, name, spec.failure.error(server.url));
        }
      ),
    retry: () => {
      const succeed = spec.service();
      let calls = 0;
      return withServer(
        (request) => (++calls === 1 ? spec.flaky.answer : succeed(request)),
        async (server) => {
          const { execution, steps } = await runAt(server, { ...spec.step(server.url), 'on-failure': { retry: RETRY } });
          expect(records(steps)).toEqual([
            [name, 1, 'failed', null, spec.flaky.error(server.url)],
            [name, 2, 'completed', spec.output, undefined],
          ]);
          expect(execution.status).toBe('completed');
          // The same request with the same idempotency key, so the service can tell a retry from a new call.
          expect(seen(server)).toEqual([spec.request, spec.request]);
        }
      );
    },
    timeout: () =>
      withServer(
        () => ({ delayMs: SLOW_MS, body: 'too late' }),
        async (server) => {
          const result = await runAt(server, { ...spec.step(server.url), timeout: TIMEOUT });
          expectTimedOut(result, name);
          expect(seen(server)).toEqual([spec.request]);
          // The timeout must hang up on the service, not leave the request running behind the failed step.
          await server.waitForAbort(1, 1000);
          expect(server.requests.map((r) => r.aborted)).toEqual([true]);
        }
      ),
  };
}

/** Kibana's error bodies. */
const kibanaError = (statusCode: number, error: string, message: string) => ({ statusCode, error, message });
const NOT_READY: TestAnswer = { status: 503, body: 'Kibana server is not ready yet' };
const NO_CONNECTOR = { id: 'none', name: 'none', type: '.none', fields: null };

/** The case fake Kibana saves for a create request with `body`, the first of its store. */
const savedCase = (body: Fields) => ({ ...body, id: 'case-1', status: 'open', totalComment: 0, totalAlerts: 0, comments: [], version: 'v1' });

const mispHit = {
  response: {
    Attribute: [{ id: '4211', event_id: '87', type: 'ip-dst', category: 'Network activity', value: '203.0.113.7', comment: 'Emotet C2', to_ids: true }],
  },
};
const mispInternalError = { name: 'An Internal Error Has Occurred.', message: 'An Internal Error Has Occurred.', url: '/attributes/restSearch' };

const httpLookup: ServiceSpec = {
  step: (url) => ({
    name: 'lookup',
    type: 'http',
    with: {
      url: `${url}/attributes/restSearch`,
      method: 'POST',
      headers: { Authorization: 'misp-api-key', Accept: 'application/json' },
      body: { returnFormat: 'json', type: 'ip-dst', value: '{{ inputs.ip }}' },
    },
  }),
  service: () => () => ({ body: mispHit }),
  request: { method: 'POST', url: '/attributes/restSearch', body: { returnFormat: 'json', type: 'ip-dst', value: '203.0.113.7' }, idempotencyKey: 'ex-1:lookup' },
  output: {
    status: 200,
    statusText: 'OK',
    headers: {
      'content-type': 'application/json',
      'transfer-encoding': 'chunked',
      connection: 'keep-alive',
      'keep-alive': 'timeout=5',
      date: expect.any(String),
    },
    data: mispHit,
  },
  failure: {
    answer: { status: 500, body: mispInternalError },
    error: (url) => ({
      message: `HTTP 500 Internal Server Error from POST ${url}/attributes/restSearch: ${JSON.stringify(mispInternalError)}`,
      details: { statusCode: 500, body: mispInternalError },
    }),
  },
  flaky: {
    answer: { status: 503, body: 'MISP is in maintenance mode' },
    error: (url) => ({
      message: `HTTP 503 Service Unavailable from POST ${url}/attributes/restSearch: MISP is in maintenance mode`,
      details: { statusCode: 503, body: 'MISP is in maintenance mode' },
    }),
  },
};

const isolation = { data: { id: 'act-1', agents: ['agent-7'], command: 'isolate', isCompleted: false, status: 'pending' } };
const endpointForbidden = kibanaError(403, 'Forbidden', 'Endpoint authorization failure');

const kibanaIsolate: ServiceSpec = {
  step: () => ({
    name: 'isolate',
    type: 'kibana.request',
    with: {
      method: 'POST',
      path: '/api/endpoint/action/isolate',
      body: { endpoint_ids: ['{{ inputs.agent_id }}'], comment: 'Isolated by workflow: {{ inputs.rule }}' },
    },
  }),
  service: () => () => ({ body: isolation }),
  request: {
    method: 'POST',
    url: '/api/endpoint/action/isolate',
    body: { endpoint_ids: ['agent-7'], comment: 'Isolated by workflow: Malware detected' },
    idempotencyKey: 'ex-1:isolate',
  },
  output: isolation,
  failure: {
    answer: { status: 403, body: endpointForbidden },
    error: () => ({
      message: `HTTP 403 Forbidden from POST /api/endpoint/action/isolate: ${JSON.stringify(endpointForbidden)}`,
      details: { statusCode: 403, body: endpointForbidden },
    }),
  },
  flaky: {
    answer: NOT_READY,
    error: () => ({
      message: 'HTTP 503 Service Unavailable from POST /api/endpoint/action/isolate: Kibana server is not ready yet',
      details: { statusCode: 503, body: 'Kibana server is not ready yet' },
    }),
  },
};

const defaultSpaceCase = {
  title: 'Malware on web-1',
  description: 'Opened for alert a-1',
  severity: 'high',
  tags: ['malware'],
  connector: NO_CONNECTOR,
  settings: { syncAlerts: false },
  owner: 'securitySolution',
};
const casesForbidden = kibanaError(403, 'Forbidden', 'Unauthorized to create case with owners: "securitySolution"');
const kibanaInternal = kibanaError(500, 'Internal Server Error', 'An internal server error occurred.');

const kibanaCreateCase: ServiceSpec = {
  step: () => ({
    name: 'open_case',
    type: 'kibana.createCaseDefaultSpace',
    with: { title: 'Malware on {{ inputs.host }}', description: 'Opened for alert {{ inputs.alert_id }}', severity: 'high', tags: ['malware'] },
  }),
  service: () => fakeKibanaCases().handler,
  request: { method: 'POST', url: '/api/cases', body: defaultSpaceCase, idempotencyKey: 'ex-1:open_case' },
  output: savedCase(defaultSpaceCase),
  failure: {
    answer: { status: 403, body: casesForbidden },
    error: () => ({ message: `HTTP 403 Forbidden from POST /api/cases: ${JSON.stringify(casesForbidden)}`, details: { statusCode: 403, body: casesForbidden } }),
  },
  flaky: {
    answer: { status: 500, body: kibanaInternal },
    error: () => ({ message: `HTTP 500 Internal Server Error from POST /api/cases: ${JSON.stringify(kibanaInternal)}`, details: { statusCode: 500, body: kibanaInternal } }),
  },
};

// The detection engine answers errors as { message, status_code }, not in Kibana's usual shape.
const alertsForbidden = { message: 'action [indices:data/write/update/byquery] is unauthorized for user [soc-reader]', status_code: 403 };

const kibanaSetAlertsStatus: ServiceSpec = {
  step: () => ({
    name: 'close_alert',
    type: 'kibana.SetAlertsStatus',
    with: { status: 'closed', signal_ids: ['{{ inputs.alert_id }}'], reason: 'false_positive' },
  }),
  service: () => fakeKibanaCases().handler,
  request: {
    method: 'POST',
    url: '/api/detection_engine/signals/status',
    body: { status: 'closed', signal_ids: ['a-1'], reason: 'false_positive' },
    idempotencyKey: 'ex-1:close_alert',
  },
  output: { took: 3, total: 1, updated: 1, failures: [] },
  failure: {
    answer: { status: 403, body: alertsForbidden },
    error: () => ({
      message: `HTTP 403 Forbidden from POST /api/detection_engine/signals/status: ${JSON.stringify(alertsForbidden)}`,
      details: { statusCode: 403, body: alertsForbidden },
    }),
  },
  flaky: {
    answer: NOT_READY,
    error: () => ({
      message: 'HTTP 503 Service Unavailable from POST /api/detection_engine/signals/status: Kibana server is not ready yet',
      details: { statusCode: 503, body: 'Kibana server is not ready yet' },
    }),
  },
};

const investigationCase = {
  title: 'Investigation: Malware detected',
  description: 'Alert a-1 on web-1',
  tags: ['automated'],
  severity: 'critical',
  owner: 'securitySolution',
  settings: { syncAlerts: true },
  connector: NO_CONNECTOR,
};
const titleTooLong = kibanaError(400, 'Bad Request', 'The length of the title is too long. The maximum length is 160.');

const casesCreateCase: ServiceSpec = {
  step: () => ({
    name: 'create_case',
    type: 'cases.createCase',
    with: {
      title: 'Investigation: {{ inputs.rule }}',
      description: 'Alert {{ inputs.alert_id }} on {{ inputs.host }}',
      tags: ['automated'],
      severity: 'critical',
      owner: 'securitySolution',
      settings: { syncAlerts: true },
    },
  }),
  service: () => fakeKibanaCases().handler,
  request: { method: 'POST', url: '/api/cases', body: investigationCase, idempotencyKey: 'ex-1:create_case' },
  // The Case, and itself again under `case` as Elastic's workflows read it.
  output: { ...savedCase(investigationCase), case: savedCase(investigationCase) },
  failure: {
    answer: { status: 400, body: titleTooLong },
    error: () => ({ message: `HTTP 400 Bad Request from POST /api/cases: ${JSON.stringify(titleTooLong)}`, details: { statusCode: 400, body: titleTooLong } }),
  },
  flaky: {
    answer: { status: 502, body: 'Bad Gateway' },
    error: () => ({ message: 'HTTP 502 Bad Gateway from POST /api/cases: Bad Gateway', details: { statusCode: 502, body: 'Bad Gateway' } }),
  },
};

// ---------------------------------------------------------------------------------------------
// Elasticsearch kinds, through a real client over elasticsearch-mock

/** A request as the cluster got it. */
interface EsCall {
  method: string;
  path: string;
  querystring: string;
  body: unknown;
  idempotencyKey: string | undefined;
}

type EsAnswer = Record<string, unknown> | errors.ResponseError;

/**
 * A real client over elasticsearch-mock answering `route` with `answer(n)` for its n-th request.
 * The mock's resolvers see neither headers nor time (they must answer at once), so its connection
 * is extended to record each request as sent, and with `delayMs` to hold it that long first,
 * giving up, as a real connection would, when the request is aborted.
 */
function mockCluster(route: { method: string; path: string }, answer: (n: number) => EsAnswer, delayMs = 0) {
  const mock = new Mock();
  const requests: EsCall[] = [];
  const signals: AbortSignal[] = [];
  /** Per held request: whether the connection gave up (aborted) or went on to the mock's answer. */
  const held: Array<'aborted' | 'answered'> = [];
  let answers = 0;
  mock.add(route, () => answer(++answers) as Record<string, unknown>);
  class Connection extends mock.getConnection() {
    // Loosely typed: the base class overloads `request` (streamed or not) and this override serves both.
    async request(params: { method: string; path: string; querystring?: string; body?: unknown; headers?: Record<string, unknown> }, options: any): Promise<any> {
      requests.push({
        method: params.method,
        path: params.path,
        querystring: params.querystring ?? '',
        body: params.body ? JSON.parse(String(params.body)) : null,
        idempotencyKey: params.headers?.['idempotency-key'] as string | undefined,
      });
      if (options.signal) signals.push(options.signal);
      if (delayMs) {
        try {
          await sleep(delayMs, undefined, { signal: options.signal });
        } catch (error) {
          held.push('aborted');
          throw error;
        }
        held.push('answered');
      }
      return super.request(params as never, options);
    }
  }
  const client = new Client({ node: 'http://localhost:9200', Connection, maxRetries: 0 });
  return { requests, signals, held, run: (step: Fields) => runStep(ioTestServices({ elasticsearch: client as never }), step) };
}

const esError = (statusCode: number, type: string, reason: string) =>
  new errors.ResponseError({ body: { error: { type, reason }, status: statusCode }, statusCode, headers: {}, warnings: [], meta: {} as never });

/** The error record of `esError(...)` as the step reports it for `api`. */
const esFailure = (api: string, error: errors.ResponseError): StepErrorRecord => {
  const { error: cause } = error.body as { error: { type: string; reason: string } };
  return { message: `Elasticsearch ${api} failed with ${error.statusCode}: ${cause.type}: ${cause.reason}`, details: { statusCode: error.statusCode, body: error.body } };
};

interface EsSpec {
  step: Fields;
  route: { method: string; path: string };
  /** The request the cluster must get, the same on every attempt. */
  request: EsCall;
  answer: Record<string, unknown>;
  output: unknown;
  failure: { answer: errors.ResponseError; error: StepErrorRecord };
  /** The error answer of the first attempt in the retry scenario. */
  flaky: { answer: errors.ResponseError; error: StepErrorRecord };
}

function esCases(spec: EsSpec): Cases {
  const name = String(spec.step.name);
  return {
    success: async () => {
      const cluster = mockCluster(spec.route, () => spec.answer);
      const { execution, steps } = await cluster.run(spec.step);
      expect(cluster.requests).toEqual([spec.request]);
      expect(records(steps)).toEqual([[name, 1, 'completed', spec.output, undefined]]);
      expect(execution.status).toBe('completed');
    },
    failure: async () => {
      const cluster = mockCluster(spec.route, () => spec.failure.answer);
      const result = await cluster.run(spec.step);
      expect(cluster.requests).toEqual([spec.request]);
      expectFailed(result, name, spec.failure.error);
    },
    retry: async () => {
      const cluster = mockCluster(spec.route, (n) => (n === 1 ? spec.flaky.answer : spec.answer));
      const { execution, steps } = await cluster.run({ ...spec.step, 'on-failure': { retry: RETRY } });
      expect(records(steps)).toEqual([
        [name, 1, 'failed', null, spec.flaky.error],
        [name, 2, 'completed', spec.output, undefined],
      ]);
      expect(execution.status).toBe('completed');
      expect(cluster.requests).toEqual([spec.request, spec.request]);
    },
    timeout: async () => {
      const cluster = mockCluster(spec.route, () => spec.answer, SLOW_MS);
      const message = expectTimedOut(await cluster.run({ ...spec.step, timeout: TIMEOUT }), name);
      expect(cluster.requests).toEqual([spec.request]);
      // The request's signal carries the timeout, so the connection gave up before the cluster answered.
      expect(cluster.signals.map((signal) => [signal.aborted, (signal.reason as Error | undefined)?.message])).toEqual([[true, message]]);
      expect(cluster.held).toEqual(['aborted']);
    },
  };
}

const ALERTS = '.alerts-security.alerts-default';

const hostAlertsQuery = { bool: { filter: [{ term: { 'host.name': 'web-1' } }, { term: { 'kibana.alert.workflow_status': 'open' } }] } };
const hostAlerts = {
  took: 3,
  timed_out: false,
  _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
  hits: {
    total: { value: 1, relation: 'eq' },
    max_score: 0,
    hits: [{ _index: ALERTS, _id: 'a-1', _score: 0, _source: { host: { name: 'web-1' }, kibana: { alert: { rule: { name: 'Malware detected' }, workflow_status: 'open' } } } }],
  },
};
const noAlertsIndex = esError(404, 'index_not_found_exception', `no such index [${ALERTS}]`);
const searchRejected = esError(429, 'es_rejected_execution_exception', 'rejected execution of coordinating operation');

const esSearch: EsSpec = {
  step: {
    name: 'host_alerts',
    type: 'elasticsearch.search',
    with: {
      index: ALERTS,
      size: 10,
      query: { bool: { filter: [{ term: { 'host.name': '{{ inputs.host }}' } }, { term: { 'kibana.alert.workflow_status': 'open' } }] } },
    },
  },
  route: { method: 'POST', path: '/:index/_search' },
  request: { method: 'POST', path: `/${ALERTS}/_search`, querystring: '', body: { size: 10, query: hostAlertsQuery }, idempotencyKey: undefined },
  answer: hostAlerts,
  output: hostAlerts,
  failure: { answer: noAlertsIndex, error: esFailure('search', noAlertsIndex) },
  flaky: { answer: searchRejected, error: esFailure('search', searchRejected) },
};

const SHARDS = { total: 2, successful: 1, failed: 0 };
const blocked = { _index: 'blocked-hosts', _id: 'web-1', _version: 1, result: 'created', _shards: SHARDS, _seq_no: 0, _primary_term: 1 };
const writeUnauthorized = esError(403, 'security_exception', 'action [indices:data/write/index] is unauthorized for user [workflows] with effective roles [viewer] on indices [blocked-hosts]');
const primaryInactive = esError(503, 'unavailable_shards_exception', '[blocked-hosts][0] primary shard is not active Timeout: [1m]');

const esRequest: EsSpec = {
  step: {
    name: 'block_host',
    type: 'elasticsearch.request',
    with: { method: 'PUT', path: '/blocked-hosts/_doc/{{ inputs.host }}', query: { refresh: 'wait_for' }, body: { host: '{{ inputs.host }}', reason: '{{ inputs.rule }}' } },
  },
  route: { method: 'PUT', path: '/:index/_doc/:id' },
  request: {
    method: 'PUT',
    path: '/blocked-hosts/_doc/web-1',
    querystring: 'refresh=wait_for',
    body: { host: 'web-1', reason: 'Malware detected' },
    idempotencyKey: 'ex-1:block_host',
  },
  answer: blocked,
  output: blocked,
  failure: { answer: writeUnauthorized, error: esFailure('request', writeUnauthorized) },
  flaky: { answer: primaryInactive, error: esFailure('request', primaryInactive) },
};

// No id given: the step derives it from its idempotency key, so a retry overwrites its own document.
const ENRICH_ID = documentId('ex-1:enrich');
const enrichment = { alert_id: 'a-1', ip: '203.0.113.7', verdict: 'malicious', source: 'misp' };
const enriched = { _index: 'alert-enrichment', _id: ENRICH_ID, _version: 1, result: 'created', _shards: SHARDS, _seq_no: 4, _primary_term: 1 };
const strictMapping = esError(400, 'strict_dynamic_mapping_exception', '[1:73] mapping set to strict, dynamic introduction of [source] within [_doc] is not allowed');
const indexRejected = esError(429, 'es_rejected_execution_exception', 'rejected execution of primary operation');

const esIndex: EsSpec = {
  step: {
    name: 'enrich',
    type: 'elasticsearch.index',
    with: { index: 'alert-enrichment', document: { alert_id: '{{ inputs.alert_id }}', ip: '{{ inputs.ip }}', verdict: 'malicious', source: 'misp' } },
  },
  route: { method: 'PUT', path: '/:index/_doc/:id' },
  request: { method: 'PUT', path: `/alert-enrichment/_doc/${ENRICH_ID}`, querystring: '', body: enrichment, idempotencyKey: 'ex-1:enrich' },
  answer: enriched,
  output: enriched,
  failure: { answer: strictMapping, error: esFailure('index', strictMapping) },
  flaky: { answer: indexRejected, error: esFailure('index', indexRejected) },
};

const acknowledged = { _index: ALERTS, _id: 'a-1', _version: 2, result: 'updated', _shards: SHARDS, _seq_no: 7, _primary_term: 1 };
const alertMissing = esError(404, 'document_missing_exception', '[a-1]: document missing');
const versionConflict = esError(
  409,
  'version_conflict_engine_exception',
  '[a-1]: version conflict, required seqNo [6], primary term [1]. current document has seqNo [7] and primary term [1]'
);

const esUpdate: EsSpec = {
  step: { name: 'ack_alert', type: 'elasticsearch.update', with: { index: ALERTS, id: '{{ inputs.alert_id }}', doc: { 'kibana.alert.workflow_status': 'acknowledged' } } },
  route: { method: 'POST', path: '/:index/_update/:id' },
  request: {
    method: 'POST',
    path: `/${ALERTS}/_update/a-1`,
    querystring: '',
    body: { doc: { 'kibana.alert.workflow_status': 'acknowledged' } },
    idempotencyKey: 'ex-1:ack_alert',
  },
  answer: acknowledged,
  output: acknowledged,
  failure: { answer: alertMissing, error: esFailure('update', alertMissing) },
  flaky: { answer: versionConflict, error: esFailure('update', versionConflict) },
};

const ESQL = 'FROM logs-endpoint.events.process-* | WHERE host.name == ? | STATS runs = COUNT(*) BY process.name | SORT runs DESC | LIMIT 3';
const topProcesses = {
  took: 12,
  is_partial: false,
  columns: [
    { name: 'runs', type: 'long' },
    { name: 'process.name', type: 'keyword' },
  ],
  values: [
    [41, 'powershell.exe'],
    [7, 'rundll32.exe'],
  ],
};
const unknownIndex = esError(400, 'verification_exception', 'Found 1 problem\nline 1:6: Unknown index [logs-endpoint.events.process-*]');
const breakerTripped = esError(429, 'circuit_breaking_exception', '[parent] Data too large, data for [<esql_block_factory>] would be larger than the limit');

const esEsql: EsSpec = {
  step: { name: 'top_processes', type: 'elasticsearch.esql.query', with: { query: ESQL, params: ['{{ inputs.host }}'], format: 'json' } },
  route: { method: 'POST', path: '/_query' },
  request: { method: 'POST', path: '/_query', querystring: 'format=json', body: { query: ESQL, params: ['web-1'] }, idempotencyKey: undefined },
  answer: topProcesses,
  output: topProcesses,
  failure: { answer: unknownIndex, error: esFailure('esql.query', unknownIndex) },
  flaky: { answer: breakerTripped, error: esFailure('esql.query', breakerTripped) },
};

// Elasticsearch answers HEAD without a body, errors included: the step has only the status to report.
const headError = (statusCode: number) => new errors.ResponseError({ body: '', statusCode, headers: {}, warnings: [], meta: {} as never });

const esIndicesExists: EsSpec = {
  step: { name: 'has_intel', type: 'elasticsearch.indices.exists', with: { index: 'threat-intel-iocs' } },
  route: { method: 'HEAD', path: '/:index' },
  request: { method: 'HEAD', path: '/threat-intel-iocs', querystring: '', body: null, idempotencyKey: undefined },
  answer: {},
  output: true,
  failure: { answer: headError(403), error: { message: 'Elasticsearch indices.exists failed with 403', details: { statusCode: 403, body: '' } } },
  flaky: { answer: headError(503), error: { message: 'Elasticsearch indices.exists failed with 503', details: { statusCode: 503, body: '' } } },
};

export const ioRows: KindRow[] = [
  { type: 'http', cases: serviceCases(httpLookup) },
  { type: 'elasticsearch.search', cases: esCases(esSearch) },
  { type: 'elasticsearch.request', cases: esCases(esRequest) },
  { type: 'elasticsearch.index', cases: esCases(esIndex) },
  { type: 'elasticsearch.update', cases: esCases(esUpdate) },
  { type: 'elasticsearch.esql.query', cases: esCases(esEsql) },
  { type: 'elasticsearch.indices.exists', cases: esCases(esIndicesExists) },
  { type: 'kibana.request', cases: serviceCases(kibanaIsolate) },
  { type: 'kibana.createCaseDefaultSpace', cases: serviceCases(kibanaCreateCase) },
  { type: 'kibana.SetAlertsStatus', cases: serviceCases(kibanaSetAlertsStatus) },
  { type: 'cases.createCase', cases: serviceCases(casesCreateCase) },
];
