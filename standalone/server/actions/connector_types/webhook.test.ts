import { startFakeHttpService, type FakeHttpService } from '../fake_services';
import { captureLogs, executeType, TEST_CONNECTOR_ID } from './connector_types.mocks';
import { getWebhookConnectorType } from './webhook';

describe('.webhook', () => {
  let service: FakeHttpService;
  const webhook = getWebhookConnectorType({ timeoutMs: 5000 });
  const secrets = { user: 'hook-user', password: 'hook-password-1' };

  beforeEach(async () => {
    service = await startFakeHttpService(() => ({ status: 201, body: { received: true } }));
  });
  afterEach(() => service.close());

  it('sends the body with Basic auth, configured headers and the execution id as Idempotency-Key', async () => {
    const result = await executeType(webhook, {
      config: { url: `${service.url}/hooks/incoming?team=sec`, headers: { 'x-team': 'sec' } },
      secrets,
      params: { body: '{"alert":"cpu high"}' },
      executionId: 'exec-1:steps.notify',
    });

    expect(result).toEqual({ actionId: TEST_CONNECTOR_ID, status: 'ok', data: { status: 201, statusText: 'Created', body: { received: true } } });
    const [request] = service.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/hooks/incoming?team=sec', body: { alert: 'cpu high' } });
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'x-team': 'sec',
      authorization: `Basic ${Buffer.from('hook-user:hook-password-1').toString('base64')}`,
      'idempotency-key': 'exec-1:steps.notify',
    });
  });

  it.each([
    ['put', 'PUT', '{"a":1}'],
    ['patch', 'PATCH', '{"a":1}'],
    ['delete', 'DELETE', '{"a":1}'],
    ['get', 'GET', ''],
  ])('uses method %s (a GET carries no body)', async (method, wireMethod, sentText) => {
    await executeType(webhook, { config: { url: service.url, method, hasAuth: false }, params: { body: '{"a":1}' } });
    expect(service.requests[0]).toMatchObject({ method: wireMethod, text: sentText });
    expect(service.requests[0].headers.authorization).toBeUndefined();
  });

  it('keeps a text response as text and a configured content type', async () => {
    service.respondWith(() => ({ body: 'accepted' }));
    const result = await executeType(webhook, {
      config: { url: service.url, headers: { 'Content-Type': 'text/plain' } },
      params: { body: 'plain words' },
    });
    expect(result.data).toEqual({ status: 200, statusText: 'OK', body: 'accepted' });
    expect(service.requests[0]).toMatchObject({ text: 'plain words', headers: { 'content-type': 'text/plain' } });
  });

  it.each([
    [503, 'error calling webhook, retry later', true, 'framework'],
    [429, 'error calling webhook, retry later', true, 'framework'],
    [404, 'error calling webhook, invalid response', false, 'user'],
  ])('reports a %i with the status and a body excerpt', async (status, message, retry, errorSource) => {
    service.respondWith(() => ({ status, body: 'nothing   here\nat all' }));
    const result = await executeType(webhook, { config: { url: service.url }, params: {} });
    expect(result).toEqual({
      actionId: TEST_CONNECTOR_ID,
      status: 'error',
      message,
      serviceMessage: `[${status}] ${{ 503: 'Service Unavailable', 429: 'Too Many Requests', 404: 'Not Found' }[status]}: nothing here at all`,
      retry,
      errorSource,
    });
  });

  it('masks credentials a service echoes back, in the result and in the log', async () => {
    service.respondWith((request) => ({ status: 400, body: `bad auth ${request.headers.authorization} for hook-password-1` }));
    const { logger, lines } = captureLogs();
    const result = await executeType(webhook, { config: { url: service.url }, secrets, params: {}, logger });
    expect(result.serviceMessage).toBe('[400] Bad Request: bad auth Basic [REDACTED] for [REDACTED]');
    expect(lines.join('')).toContain('[REDACTED]');
    expect(JSON.stringify([result, lines])).not.toMatch(/hook-password-1|aG9vay11c2Vy/);
  });

  it('does not follow redirects', async () => {
    service.respondWith(() => ({ status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } }));
    const result = await executeType(webhook, { config: { url: service.url }, secrets, params: {} });
    expect(result).toMatchObject({ status: 'error', message: 'error calling webhook, invalid response', serviceMessage: '[302] Found' });
    expect(service.requests).toHaveLength(1);
  });

  it('reports a refused connection and a timeout without a response', async () => {
    const closed = await startFakeHttpService();
    await closed.close();
    const refused = await executeType(webhook, { config: { url: closed.url }, params: {} });
    expect(refused).toMatchObject({ status: 'error', message: 'error calling webhook, request failed', retry: true });
    expect(refused.serviceMessage).toMatch(/^fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)$/);

    service.respondWith(() => ({ delayMs: 2000 }));
    const timedOut = await executeType(getWebhookConnectorType({ timeoutMs: 100 }), { config: { url: service.url }, params: {} });
    expect(timedOut).toMatchObject({ status: 'error', message: 'error calling webhook, request failed', serviceMessage: 'the request timed out after 100ms' });
  });

  it('aborts an in-flight request within a second when the signal fires', async () => {
    service.respondWith(() => ({ delayMs: 10_000 }));
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const result = await executeType(webhook, { config: { url: service.url }, params: { body: '{}' }, signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result).toMatchObject({ status: 'error', message: 'error calling webhook, request aborted', serviceMessage: 'the request was aborted', retry: false });
    await service.waitForRequests(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.requests[0].aborted).toBe(true);
  });

  it.each([
    [{}, {}, 'error validating action type config: [url]: expected value of type [string] but got [undefined]'],
    [{ url: 'ftp://files' }, {}, 'error validating action type config: [url]: url must use http or https'],
    [{ url: 'http://x', method: 'head' }, {}, 'error validating action type config: [method]: types that failed validation:\n- [method.0]: expected value to equal [post] but got [head]\n- [method.1]: expected value to equal [put] but got [head]\n- [method.2]: expected value to equal [patch] but got [head]\n- [method.3]: expected value to equal [get] but got [head]\n- [method.4]: expected value to equal [delete] but got [head]'],
    [{ url: 'http://x' }, { user: 'u' }, 'error validating action type secrets: both user and password must be specified'],
  ])('rejects config %j with secrets %j', async (config, secretValues, message) => {
    const result = await executeType(webhook, { config, secrets: secretValues, params: {} });
    expect(result).toEqual({ actionId: TEST_CONNECTOR_ID, status: 'error', message, retry: false, errorSource: 'user' });
  });
});
