import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workflowYaml } from '../../engine/engine_test_utils';
import { startHttpTestServer, type HttpTestServer, type TestAnswer } from './http_test_server';
import { ioTestEngine, ioTestServices } from './io_test_utils';

let server: HttpTestServer;
beforeEach(async () => {
  server = await startHttpTestServer();
});
afterEach(() => server.close());

const run = (steps: string, execution = {}) => ioTestEngine(ioTestServices()).run(workflowYaml(steps), execution);

/** One `http` step named `call` with the given `with` lines (indented under `with:`). */
const httpStep = (withLines: string, extra = '') => `  - name: call
    type: http
${extra}    with:
${withLines
  .trim()
  .split('\n')
  .map((line) => `      ${line}`)
  .join('\n')}
`;

describe('http step: success', () => {
  it.each([
    ['a JSON response, parsed', { body: { ok: true, items: [1, 2] } }, { ok: true, items: [1, 2] }],
    ['JSON sent as text/plain, parsed as Elastic does', { body: '{"sid":"42"}' }, { sid: '42' }],
    ['a text response, as text', { body: 'pong' }, 'pong'],
    ['an empty response, as null', { status: 204 }, null],
  ] as Array<[string, TestAnswer, unknown]>)('GET returning %s', async (_, answer, data) => {
    server.handle(() => answer);
    const { execution, steps } = await run(httpStep(`url: ${server.url}/ping`));
    expect(execution.status).toBe('completed');
    expect(steps[0].output).toEqual({
      status: answer.status ?? 200,
      statusText: answer.status === 204 ? 'No Content' : 'OK',
      headers: expect.objectContaining({ 'content-type': typeof answer.body === 'object' ? 'application/json' : 'text/plain' }),
      data,
    });
    expect(server.requests.map((r) => [r.method, r.url, r.headers['idempotency-key']])).toEqual([['GET', '/ping', undefined]]);
  });

  it('joins url and path with one slash and sends query lists as repeated parameters', async () => {
    await run(httpStep(`url: ${server.url}/json/\npath: "1.2.3.4"\nquery: { fields: "a,b", tag: [x, y], skip: null }`));
    expect(server.requests[0].url).toBe('/json/1.2.3.4?fields=a%2Cb&tag=x&tag=y');
  });

  it('sends a map body as JSON with the idempotency key, and a form body form-encoded', async () => {
    server.handle(({ url }) => (url === '/notes' ? { status: 201, body: { id: 'n1' } } : { body: 'ok' }));
    const { steps } = await run(
      httpStep(`url: ${server.url}/notes\nmethod: POST\nheaders: { X-Team: soc, X-Count: 2 }\nbody: { text: "hi", n: 1 }`) +
        httpStep(`url: ${server.url}/form\nmethod: PUT\nheaders: { Content-Type: application/x-www-form-urlencoded }\nbody: { search: "index=main", count: 0 }`).replace(
          'name: call',
          'name: form'
        )
    );
    expect(steps.map((s) => (s.output as { status: number }).status)).toEqual([201, 200]);
    expect(server.requests.map(({ method, body, headers }) => [method, body, headers['content-type'], headers['idempotency-key'], headers['x-count']])).toEqual([
      ['POST', { text: 'hi', n: 1 }, 'application/json', 'ex-1:call', '2'],
      ['PUT', 'search=index%3Dmain&count=0', 'application/x-www-form-urlencoded', 'ex-1:form', undefined],
    ]);
  });

  it('turns credentials in the URL into Basic auth and never shows them', async () => {
    server.handle(() => ({ status: 401, body: 'no' }));
    const url = server.url.replace('http://', 'http://analyst:s3cret@');
    const { steps } = await run(httpStep(`url: ${url}/private?api_key=abc123&q=1`));
    expect(server.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('analyst:s3cret').toString('base64')}`);
    expect(steps[0].error?.message).toBe(`HTTP 401 Unauthorized from GET ${server.url}/private?api_key=%5BREDACTED%5D&q=1: no`);
  });

  it('follows redirects: a 303 after a POST continues as a GET without the body', async () => {
    server.handle(({ url }) => (url === '/submit' ? { status: 303, headers: { location: '/result' } } : { body: { at: url } }));
    const { steps } = await run(httpStep(`url: ${server.url}/submit\nmethod: POST\nbody: { a: 1 }`));
    expect((steps[0].output as { data: unknown }).data).toEqual({ at: '/result' });
    expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/submit', { a: 1 }],
      ['GET', '/result', ''],
    ]);
  });

  it('keeps credentials on their origin when a redirect leaves it', async () => {
    const other = await startHttpTestServer(() => ({ body: 'moved here' }));
    server.handle(() => ({ status: 307, headers: { location: `${other.url}/new` } }));
    const { steps } = await run(httpStep(`url: ${server.url}/old\nheaders: { Authorization: "Bearer t0ken", X-Team: soc }`));
    await other.close();
    expect((steps[0].output as { data: unknown }).data).toBe('moved here');
    expect(server.requests[0].headers.authorization).toBe('Bearer t0ken');
    expect([other.requests[0].headers.authorization, other.requests[0].headers['x-team']]).toEqual([undefined, 'soc']);
  });

  it('returns the redirect itself when follow_redirects is false', async () => {
    server.handle(() => ({ status: 302, headers: { location: '/elsewhere' } }));
    const { execution, steps } = await run(httpStep(`url: ${server.url}/old\nfetcher: { follow_redirects: false }`));
    expect(execution.status).toBe('completed');
    expect(steps[0].output).toMatchObject({ status: 302, statusText: 'Found', headers: { location: '/elsewhere' }, data: null });
    expect(server.requests).toHaveLength(1);
  });
});

describe('http step: failure', () => {
  it.each([
    ['a text error', { status: 503, body: 'down for maintenance' }, 'HTTP 503 Service Unavailable from GET URL: down for maintenance', 'down for maintenance'],
    ['a JSON error', { status: 404, body: { error: 'no such host' } }, 'HTTP 404 Not Found from GET URL: {"error":"no such host"}', { error: 'no such host' }],
    ['an empty error', { status: 500 }, 'HTTP 500 Internal Server Error from GET URL', null],
    ['a long error, cut at 200 characters', { status: 502, body: 'x'.repeat(300) }, `HTTP 502 Bad Gateway from GET URL: ${'x'.repeat(200)}`, 'x'.repeat(300)],
  ])('fails on %s with status and body excerpt', async (_, answer, message, body) => {
    server.handle(() => answer);
    const { execution, steps } = await run(httpStep(`url: ${server.url}/lookup`));
    expect(execution.status).toBe('failed');
    expect(steps[0].status).toBe('failed');
    expect(steps[0].error).toEqual({ message: message.replace('URL', `${server.url}/lookup`), details: { statusCode: answer.status, body } });
  });

  it('fails clearly when nothing listens', async () => {
    const closed = await startHttpTestServer();
    await closed.close();
    const { host } = new URL(closed.url);
    const { steps } = await run(httpStep(`url: ${closed.url}/x\nmethod: DELETE`));
    expect(steps[0].error).toEqual({ message: `HTTP request failed: DELETE ${closed.url}/x: connect ECONNREFUSED ${host}`, details: { code: 'ECONNREFUSED' } });
  });

  it.each([
    ['not a URL', 'url: "not a url"', 'Invalid URL "not a url": write an absolute http:// or https:// URL'],
    ['another scheme', 'url: "file:///etc/passwd"', 'Unsupported URL scheme "file:": only http and https are allowed'],
    ['a GET with a body', 'url: http://127.0.0.1:1/\nbody: { a: 1 }', 'A GET request cannot have a body: use POST, or put the values in query'],
  ])('refuses %s before sending', async (_, withLines, message) => {
    const { steps } = await run(httpStep(withLines));
    expect(steps[0].error).toEqual({ message });
  });

  it('stops after max_redirects', async () => {
    server.handle(({ url }) => ({ status: 301, headers: { location: `${url}x` } }));
    const { steps } = await run(httpStep(`url: ${server.url}/r\nfetcher: { max_redirects: 2 }`));
    expect(steps[0].error).toEqual({ message: `HTTP request failed: GET ${server.url}/r: more than 2 redirects`, details: { maxRedirects: 2 } });
    expect(server.requests.map((r) => r.url)).toEqual(['/r', '/rx', '/rxx']);
  });
});

describe('http step: retry and timeout', () => {
  it('retries a 503 when the retry condition reads error.details.statusCode, with the same idempotency key', async () => {
    let calls = 0;
    server.handle(() => (++calls === 1 ? { status: 503, body: 'busy' } : { body: { done: true } }));
    const retry = '    on-failure:\n      retry:\n        max-attempts: 3\n        delay: 1ms\n        condition: "error.details.statusCode >= 500"\n';
    const { execution, steps } = await run(httpStep(`url: ${server.url}/jobs\nmethod: POST\nbody: { run: 1 }`, retry));
    expect(execution.status).toBe('completed');
    expect(steps.map((s) => [s.attempt, s.status, s.error?.details?.statusCode ?? null])).toEqual([
      [1, 'failed', 503],
      [2, 'completed', null],
    ]);
    expect(steps[1].output).toMatchObject({ status: 200, data: { done: true } });
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['ex-1:call', 'ex-1:call']);
  });

  it('does not retry a 404 under the same condition', async () => {
    server.handle(() => ({ status: 404, body: 'gone' }));
    const retry = '    on-failure:\n      retry:\n        max-attempts: 3\n        delay: 1ms\n        condition: "error.details.statusCode >= 500"\n';
    const { steps } = await run(httpStep(`url: ${server.url}/x`, retry));
    expect(steps.map((s) => [s.attempt, s.status])).toEqual([[1, 'failed']]);
  });

  it('times out at the step timeout, aborting the request the server is holding', async () => {
    server.handle(() => ({ delayMs: 5000, body: 'late' }));
    const { execution, steps } = await run(httpStep(`url: ${server.url}/slow`, '    timeout: 100ms\n'));
    expect(steps[0].status).toBe('timed_out');
    expect(steps[0].error?.message).toBe('Step "call" took longer than its timeout (100ms)');
    expect(execution.status).toBe('failed');
    expect((await server.waitForAbort()).url).toBe('/slow');
  });

  it('fails at the request timeout of `with.timeout` (the 9.3 form), aborting the request', async () => {
    server.handle(() => ({ delayMs: 5000, body: 'late' }));
    const { steps } = await run(httpStep(`url: ${server.url}/slow\ntimeout: 100ms`));
    expect([steps[0].status, steps[0].error]).toEqual(['failed', { message: `HTTP request timed out after 100ms: GET ${server.url}/slow`, details: { timeout: '100ms' } }]);
    await server.waitForAbort();
  });
});

describe('http step: dry run', () => {
  it('sends no write, records the rendered request with credentials masked, and gives later steps a synthetic output', async () => {
    const { execution, steps } = await run(
      httpStep(`url: ${server.url}/hooks/{{ inputs.room }}\nmethod: POST\nheaders: { Authorization: "Bearer {{ inputs.token }}", X-Team: soc }\nbody: { text: "alert on {{ inputs.host }}" }`) +
        `  - name: after\n    type: console\n    with: { message: "status {{ steps.call.output.status }} dry {{ steps.call.output.dryRun }}" }\n`,
      { dryRun: true, inputs: { room: 'soc', token: 't0ken', host: 'web-1' } }
    );
    expect(execution.status).toBe('completed');
    expect(server.requests).toEqual([]);
    expect(steps[0].output).toEqual({ status: 0, dryRun: true, data: null });
    expect(steps[0].effects).toEqual([
      {
        kind: 'http',
        summary: `POST ${server.url}/hooks/soc`,
        request: {
          method: 'POST',
          url: `${server.url}/hooks/soc`,
          headers: { Authorization: '[REDACTED]', 'X-Team': 'soc', 'content-type': 'application/json', 'Idempotency-Key': 'ex-1:call' },
          body: { text: 'alert on web-1' },
        },
      },
    ]);
    expect(steps[1].output).toBe('status 0 dry true');
  });

  it('still sends a GET, which only reads', async () => {
    server.handle(() => ({ body: { score: 7 } }));
    const { steps } = await run(httpStep(`url: ${server.url}/reputation`), { dryRun: true });
    expect(steps[0].output).toMatchObject({ status: 200, data: { score: 7 } });
    expect(steps[0].effects).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });
});

describe('http step: skip_ssl_verification', () => {
  let dir: string;
  let tlsServer: HttpTestServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'http-step-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    tlsServer = await startHttpTestServer(() => ({ body: { secure: 'enough' } }), { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') });
  });
  afterAll(async () => {
    await tlsServer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a self-signed certificate by default', async () => {
    const { steps } = await run(httpStep(`url: ${tlsServer.url}/services`));
    expect(steps[0].error).toEqual({ message: `HTTP request failed: GET ${tlsServer.url}/services: self-signed certificate`, details: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } });
  });

  it('accepts it with fetcher.skip_ssl_verification', async () => {
    const { steps } = await run(httpStep(`url: ${tlsServer.url}/services\nmethod: POST\nbody: { search: x }\nfetcher: { skip_ssl_verification: true }`));
    expect(steps[0].output).toMatchObject({ status: 200, data: { secure: 'enough' } });
    expect(tlsServer.requests.at(-1)).toMatchObject({ method: 'POST', body: { search: 'x' }, headers: { 'idempotency-key': 'ex-1:call' } });
  });
});
