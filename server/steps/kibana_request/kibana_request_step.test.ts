import { workflowYaml } from '../../engine/engine_test_utils';
import { startHttpTestServer, type HttpTestServer } from '../http/http_test_server';
import { ioTestEngine, ioTestServices } from '../http/io_test_utils';

let kibana: HttpTestServer;
beforeEach(async () => {
  kibana = await startHttpTestServer(({ method, url, body }) => ({ body: { method, url, received: body || null } }));
});
afterEach(() => kibana.close());

const run = (steps: string, execution = {}) => ioTestEngine(ioTestServices({ kibanaUrl: kibana.url })).run(workflowYaml(steps), execution);
const kibanaStep = (withYaml: string, extra = '') => `  - name: call\n    type: kibana.request\n${extra}    with: ${withYaml}\n`;
const retry = '    on-failure:\n      retry:\n        max-attempts: 3\n        delay: 1ms\n        condition: "error.details.statusCode >= 500"\n';

describe('kibana.request', () => {
  it.each([
    ['a GET with a query', '{ path: /api/detection_engine/rules/_find, query: { per_page: 5, tags: [a, b] } }', 'GET', '/api/detection_engine/rules/_find?per_page=5&tags=a&tags=b', null, undefined],
    ['a POST with a body', '{ method: POST, path: /api/endpoint/action/execute, body: { endpoint_ids: [e1] } }', 'POST', '/api/endpoint/action/execute', { endpoint_ids: ['e1'] }, 'ex-1:call'],
    ['a DELETE', '{ method: DELETE, path: "/api/exception_lists/items?id=x" }', 'DELETE', '/api/exception_lists/items?id=x', null, 'ex-1:call'],
  ])('sends %s and outputs the response body', async (_, withYaml, method, url, received, idempotencyKey) => {
    const { execution, steps } = await run(kibanaStep(withYaml));
    expect(execution.status).toBe('completed');
    expect(steps[0].output).toEqual({ method, url, received });
    expect(kibana.requests.map((r) => [r.headers['kbn-xsrf'], r.headers['idempotency-key']])).toEqual([['workflows', idempotencyKey]]);
  });

  it('passes the step headers on', async () => {
    await run(kibanaStep('{ path: /api/status, headers: { elastic-api-version: "2023-10-31" } }'));
    expect(kibana.requests[0].headers['elastic-api-version']).toBe('2023-10-31');
  });

  it('fails on a non-2xx answer with the status and a body excerpt', async () => {
    const body = { statusCode: 404, error: 'Not Found', message: 'rule_id: "x" not found' };
    kibana.handle(() => ({ status: 404, body }));
    const { execution, steps } = await run(kibanaStep('{ path: /api/detection_engine/rules, query: { rule_id: x } }'));
    expect(execution.status).toBe('failed');
    expect(steps[0].error).toEqual({
      message: `HTTP 404 Not Found from GET /api/detection_engine/rules?rule_id=x: ${JSON.stringify(body)}`,
      details: { statusCode: 404, body },
    });
  });

  it('retries a 503 under a statusCode condition, with the same idempotency key', async () => {
    let calls = 0;
    kibana.handle(() => (++calls === 1 ? { status: 503, body: 'Kibana server is not ready yet' } : { body: { ok: true } }));
    const { execution, steps } = await run(kibanaStep('{ method: POST, path: /api/note, body: { note: n } }', retry));
    expect(execution.status).toBe('completed');
    expect(steps.map((s) => [s.attempt, s.status, s.error?.message ?? null])).toEqual([
      [1, 'failed', 'HTTP 503 Service Unavailable from POST /api/note: Kibana server is not ready yet'],
      [2, 'completed', null],
    ]);
    expect(kibana.requests.map((r) => r.headers['idempotency-key'])).toEqual(['ex-1:call', 'ex-1:call']);
  });

  it('times out at the step timeout and aborts the request', async () => {
    kibana.handle(() => ({ delayMs: 5000, body: {} }));
    const { steps } = await run(kibanaStep('{ path: /api/slow }', '    timeout: 100ms\n'));
    expect(steps[0].status).toBe('timed_out');
    expect((await kibana.waitForAbort()).url).toBe('/api/slow');
  });

  it('proposes a write in a dry run without sending it, with secret headers masked', async () => {
    const { execution, steps } = await run(
      kibanaStep('{ method: POST, path: /api/endpoint/action/execute, headers: { x-api-key: k }, body: { endpoint_ids: ["{{ inputs.agent }}"] } }') +
        '  - name: after\n    type: console\n    with: { message: "dry={{ steps.call.output.dryRun }}" }\n',
      { dryRun: true, inputs: { agent: 'e1' } }
    );
    expect(execution.status).toBe('completed');
    expect(kibana.requests).toEqual([]);
    expect(steps[0].output).toEqual({ dryRun: true });
    expect(steps[0].effects).toEqual([
      {
        kind: 'kibana',
        summary: 'POST /api/endpoint/action/execute',
        request: { method: 'POST', path: '/api/endpoint/action/execute', headers: { 'x-api-key': '[REDACTED]' }, body: { endpoint_ids: ['e1'] } },
      },
    ]);
    expect(steps[1].output).toBe('dry=true');
  });

  it.each([
    ['a GET', '{ path: /api/cases/_find }'],
    ['a POST that searches', '{ method: POST, path: /api/detection_engine/signals/search, body: { size: 0 } }'],
  ])('still sends %s in a dry run', async (_, withYaml) => {
    const { steps } = await run(kibanaStep(withYaml), { dryRun: true });
    expect(kibana.requests).toHaveLength(1);
    expect(steps[0].effects).toBeUndefined();
  });
});
