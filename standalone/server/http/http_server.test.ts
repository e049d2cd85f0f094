import { NO_ELASTICSEARCH_MESSAGE } from '../elasticsearch';
import { createRequester, waitFor, type RequestFn } from '../test_utils';
import { ADMIN, VIEWER, createTestServer, registerFakeRoutes } from './http_server.mocks';

describe('HttpServer', () => {
  const seen = { completed: [] as string[], aborted: [] as string[] };
  const { server, lines } = createTestServer();
  let url: string;
  let request: RequestFn;
  let asViewer: RequestFn;

  beforeAll(async () => {
    registerFakeRoutes(server.createRouter(), seen);
    server.setReady();
    url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
    request = createRequester(url, ADMIN);
    asViewer = createRequester(url, VIEWER);
  });
  afterAll(() => server.stop());

  describe('routing and validation', () => {
    it('passes validated params and query (with defaults and repeated keys) to the handler', async () => {
      const response = await request('GET', '/api/things/abc?tag=a&tag=b');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: 'abc',
        query: { verbose: false, tag: ['a', 'b'] },
        body: {},
        route: '/api/things/{id}',
        authenticated: true,
      });
      expect(response.headers.get('cache-control')).toBe('private, no-cache, no-store, must-revalidate');
    });

    it('routes a literal segment before a parameter and gives empty objects without validation', async () => {
      const response = await request('GET', '/api/things/search?x=1');
      expect(response.body).toEqual({ route: 'search', params: {}, query: {} });
    });

    it.each([
      ['GET', '/api/things/ab', undefined, '[request params.id]: value has length [2] but it must have a minimum length of [3].'],
      ['GET', '/api/things/abc?verbose=maybe', undefined, '[request query.verbose]: expected value of type [boolean] but got [string]'],
      ['POST', '/api/things', { name: 'x', extra: 1 }, '[request body.extra]: definition for this key is missing'],
      ['POST', '/api/things', { name: 7 }, '[request body.name]: expected value of type [string] but got [number]'],
      ['POST', '/api/things', undefined, '[request body.name]: expected value of type [string] but got [undefined]'],
      ['PUT', '/api/things/abc', { colour: 'red' }, '[request body.color]: color is required'],
    ])('%s %s %j -> 400 %s', async (method, path, body, message) => {
      const response = await request(method, path, { body });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message });
    });

    it('applies body defaults and answers with the factory status', async () => {
      const response = await request('POST', '/api/things', { body: { name: 'x' } });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ name: 'x', count: 1 });
    });

    it('answers 400 for malformed JSON', async () => {
      const response = await request('POST', '/api/things', { body: '{"name":' });
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Invalid request payload JSON format' });
    });

    it('answers 413 above the route body limit', async () => {
      const response = await request('POST', '/api/small', { body: { text: 'x'.repeat(200) } });
      expect(response.status).toBe(413);
      expect(response.body.message).toBe('Payload content length greater than maximum allowed: 100');
    });

    it('answers 415 for a payload type it cannot parse', async () => {
      const response = await request('POST', '/api/things', { body: 'x', headers: { 'content-type': 'application/octet-stream' } });
      expect(response.status).toBe(415);
    });

    it('answers 404 in the Kibana error format for unknown routes', async () => {
      const response = await request('GET', '/api/nothing-here');
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Not Found' });
    });
  });

  describe('response factory', () => {
    it.each([
      ['not-found', 404, { statusCode: 404, error: 'Not Found', message: 'Not Found' }],
      ['conflict', 409, { statusCode: 409, error: 'Conflict', message: 'Version mismatch', attributes: { current: 3 } }],
      ['teapot', 418, { statusCode: 418, error: "I'm a Teapot", message: 'short and stout' }],
      ['bad', 400, { statusCode: 400, error: 'Bad Request', message: 'Workflow is disabled' }],
      ['bypass', 422, { raw: true }],
    ])('%s -> %i', async (kind, status, body) => {
      const response = await request('GET', `/api/errors/${kind}`);
      expect(response.status).toBe(status);
      expect(response.body).toEqual(body);
    });

    it('sends handler headers with an empty 204', async () => {
      const response = await request('GET', '/api/errors/none');
      expect(response.status).toBe(204);
      expect(response.headers.get('x-kind')).toBe('none');
      expect(response.text).toBe('');
    });

    it('sends strings as plain text', async () => {
      const response = await request('POST', '/api/open', { xsrf: false });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.text).toBe('plain text');
    });

    it('turns a handler throw into a logged 500 without leaking the error', async () => {
      const response = await request('POST', '/api/things/abc/fail');
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'An internal server error occurred.' });
      expect(lines.join('')).toMatch(/\[ERROR\]\[http\] Error: boom/);
    });
  });

  describe('xsrf', () => {
    it('rejects a write without kbn-xsrf', async () => {
      const response = await request('POST', '/api/things', { body: { name: 'x' }, xsrf: false });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Request must contain a kbn-xsrf header.' });
    });

    it('accepts kbn-version instead, and routes that opt out', async () => {
      expect((await request('POST', '/api/things', { body: { name: 'x' }, xsrf: false, headers: { 'kbn-version': '9.1.0' } })).status).toBe(201);
      expect((await request('POST', '/api/open', { xsrf: false })).status).toBe(200);
    });
  });

  describe('authentication and authorization', () => {
    it.each([
      ['no credentials', false as const, 'Unauthorized'],
      ['a wrong password', { username: ADMIN.username, password: 'nope' }, 'Invalid username or password'],
      ['an unknown user', { username: 'ghost', password: ADMIN.password }, 'Invalid username or password'],
    ])('answers 401 with a Basic challenge for %s', async (_case, auth, message) => {
      const response = await request('GET', '/api/things/abc', { auth });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="Workflows for Kibana", charset="UTF-8"');
      expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', message });
    });

    it('checks credentials before the payload and xsrf', async () => {
      const response = await request('POST', '/api/things', { body: '{broken', xsrf: false, auth: false });
      expect(response.status).toBe(401);
    });

    it('serves routes with authc disabled without credentials', async () => {
      const response = await request('GET', '/api/anonymous', { auth: false });
      expect(response.body).toEqual({ authenticated: false });
    });

    it('lets a user with the listed privilege read', async () => {
      expect((await asViewer('GET', '/api/things/abc')).status).toBe(200);
    });

    it.each([
      ['POST', '/api/things', '[things_all]'],
      ['PUT', '/api/things/abc', '[(things_all OR things_admin)]'],
    ])('answers 403 naming the missing privileges for %s %s', async (method, path, missing) => {
      const response = await asViewer(method, `${path}?a=1`, { body: { name: 'x', color: 'red' } });
      expect(response.status).toBe(403);
      expect(response.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: `API [${method} ${path}?a=1] is unauthorized for user, this action is granted by the Kibana privileges ${missing}`,
      });
    });

    it('checks authorization before validation', async () => {
      expect((await asViewer('POST', '/api/things', { body: { wrong: true } })).status).toBe(403);
    });
  });

  describe('request context and events', () => {
    it('gives handlers an Elasticsearch client that explains how to configure one', async () => {
      const response = await request('GET', '/api/es');
      expect(response.body).toEqual({ message: NO_ELASTICSEARCH_MESSAGE });
    });

    it('emits aborted$ when the client goes away before the answer', async () => {
      const controller = new AbortController();
      const pending = request('GET', '/api/slow', { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await expect(pending).rejects.toThrow();
      await waitFor(() => seen.aborted.includes('/api/slow'));
    });

    it('emits completed$ once the response is sent', async () => {
      await request('GET', '/api/things/events-check');
      await waitFor(() => seen.completed.includes('events-check'));
    });
  });
});

describe('HttpServer before it is ready', () => {
  const { server } = createTestServer();
  afterAll(() => server.stop());

  it('answers 503 to every request', async () => {
    registerFakeRoutes(server.createRouter(), { completed: [], aborted: [] });
    const port = await server.listen(0, '127.0.0.1');
    const response = await createRequester(`http://127.0.0.1:${port}`, ADMIN)('GET', '/api/things/abc');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'Kibana server is not ready yet' });
  });
});
