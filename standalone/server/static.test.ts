import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppPageRoutes, MISSING_BUNDLE_PAGE } from './app_page';
import { ADMIN, createTestServer } from './http/http_server.mocks';
import { createBundlesRoute } from './static';
import { createRequester, type RequestFn } from './test_utils';

describe('bundles and page chrome', () => {
  const base = mkdtempSync(join(tmpdir(), 'workflows-public-'));
  const publicDir = join(base, 'public');
  const { server } = createTestServer();
  let request: RequestFn;

  beforeAll(async () => {
    mkdirSync(publicDir);
    writeFileSync(join(publicDir, 'host.js'), 'console.log("host")');
    writeFileSync(join(publicDir, 'host.css'), 'body{}');
    writeFileSync(join(publicDir, 'editor.worker.js'), 'self.x=1');
    writeFileSync(join(publicDir, 'codicon-ABCD1234.ttf'), Buffer.from([0, 1, 0, 0]));
    mkdirSync(join(publicDir, 'nested'));
    writeFileSync(join(base, 'secret.txt'), 'not public');
    server.addRawRoute(createBundlesRoute(publicDir));
    for (const route of createAppPageRoutes({ publicDir, defaultAppPath: '/app/workflows', hostInfo: { basePath: '', version: '1.2.3</script>' } })) {
      server.addRawRoute(route);
    }
    server.setReady();
    request = createRequester(`http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`, ADMIN);
  });
  afterAll(async () => {
    await server.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it.each([
    ['host.js', 'application/javascript; charset=utf-8', 'no-cache', 'console.log("host")'],
    ['host.css', 'text/css; charset=utf-8', 'no-cache', 'body{}'],
    ['editor.worker.js', 'application/javascript; charset=utf-8', 'no-cache', 'self.x=1'],
    ['codicon-ABCD1234.ttf', 'font/ttf', 'public, max-age=31536000, immutable', '\u0000\u0001\u0000\u0000'],
  ])('serves /bundles/%s as %s with cache-control %s', async (name, contentType, cacheControl, text) => {
    const response = await request('GET', `/bundles/${name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('cache-control')).toBe(cacheControl);
    expect(response.text).toBe(text);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await request('GET', '/bundles/host.js');
    const second = await request('GET', '/bundles/host.js', { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(second.status).toBe(304);
  });

  it.each(['/bundles/missing.js', '/bundles/nested', '/bundles/..%2Fsecret.txt', '/bundles/%2e%2e/secret.txt'])('answers 404 for %s', async (path) => {
    expect((await request('GET', path)).status).toBe(404);
  });

  it('requires credentials for bundles and pages', async () => {
    expect((await request('GET', '/bundles/host.js', { auth: false })).status).toBe(401);
    expect((await request('GET', '/app/workflows', { auth: false })).status).toBe(401);
  });

  it('redirects / to the default app', async () => {
    const response = await request('GET', '/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/app/workflows');
  });

  it.each(['/app/workflows', '/app/workflows/edit/abc', '/app'])('serves the page chrome at %s', async (path) => {
    const response = await request('GET', path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.text).toMatch(/^<!doctype html>/);
    expect(response.text).toContain('<title>Workflows for Kibana</title>');
    expect(response.text).toContain('<link rel="stylesheet" href="/bundles/host.css">');
    expect(response.text).toContain('<div id="kibana-body"></div>');
    expect(response.text).toContain('<script src="/bundles/host.js"></script>');
    expect(response.text).toContain('window.__kbnHostInfo = {"basePath":"","version":"1.2.3\\u003c/script>"};');
  });

  it('says how to build when the bundle is missing', async () => {
    rmSync(join(publicDir, 'host.js'));
    const response = await request('GET', '/app/workflows');
    expect(response.status).toBe(503);
    expect(response.text).toBe(MISSING_BUNDLE_PAGE);
    expect(response.text).toContain('npm run build');
  });
});
