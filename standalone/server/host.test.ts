import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createFakePlugin, newProbe, type FakePluginProbe } from './host.mocks';
import { PROJECT_ROOT, startHost } from './host';
import { createTempDataDir, startTestHost, TEST_CREDENTIALS, waitFor, type TestHost } from './test_utils';

const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('startHost with a fake plugin', () => {
  let probe: FakePluginProbe;
  let host: TestHost;

  beforeAll(async () => {
    probe = newProbe();
    host = await startTestHost({
      plugin: createFakePlugin(probe),
      pluginConfig: { greeting: 'bonjour' },
      configPath: false,
      taskManager: { pollIntervalMs: 60_000 },
    });
  });
  afterAll(() => host.stop());

  it('reports status without credentials', async () => {
    const response = await host.request('GET', '/api/status', { auth: false });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      name: expect.any(String),
      uuid: readFileSync(join(host.dataDir, 'uuid'), 'utf8'),
      version: { number: version, build_hash: '', build_number: 0, build_snapshot: false },
      status: { overall: { level: 'available', summary: 'All services and plugins are available' } },
    });
  });

  it("validates the plugin's config with its schema and fills the SQLite storage default", async () => {
    const response = await host.request('GET', '/api/fake/config');
    expect(response.body).toEqual({
      config: { enabled: true, greeting: 'bonjour', storage: { type: 'sqlite', sqlite: { path: join(host.dataDir, 'workflows.sqlite') } } },
      version,
    });
  });

  it('tells the plugin who the current user is', async () => {
    expect((await host.request('GET', '/api/fake/me')).body).toEqual({ username: TEST_CREDENTIALS.username, roles: ['superuser'] });
  });

  it("runs a task scheduled from a route at once, with a fake request for the scheduling user", async () => {
    const response = await host.request('POST', '/api/fake/tasks', { body: { n: 42 } });
    expect(response.status).toBe(200);
    await waitFor(() => probe.taskRuns.length === 1, { timeoutMs: 5000 });
    expect(probe.taskRuns).toEqual([{ params: { n: 42 }, user: TEST_CREDENTIALS.username }]);
  });

  it('requires credentials everywhere but /api/status', async () => {
    const response = await host.request('GET', '/api/fake/config', { auth: false });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Basic realm="Workflows for Kibana"');
  });
});

describe('startHost lifecycle', () => {
  it('answers 503 unavailable while the plugin starts, then 200', async () => {
    const probe = newProbe();
    let open!: () => void;
    probe.startGate = new Promise((resolve) => (open = resolve));
    const port = await freePort();
    const dataDir = await createTempDataDir();
    const starting = startTestHost({ plugin: createFakePlugin(probe), port, dataDir });
    const status = () => fetch(`http://127.0.0.1:${port}/api/status`).then(async (response) => ({ code: response.status, body: await response.json() }));

    const early = await waitFor(() => status().catch(() => undefined));
    expect(early).toEqual({ code: 503, body: expect.objectContaining({ status: { overall: { level: 'unavailable', summary: 'Workflows for Kibana is starting' } } }) });
    const other = await fetch(`http://127.0.0.1:${port}/api/fake/config`);
    expect(other.status).toBe(503);

    open();
    const host = await starting;
    expect((await status()).code).toBe(200);
    await host.stop();
    expect(probe.stopped).toBe(true);
    await expect(status()).rejects.toThrow();
  });

  it('generates a password on the first start, stores it with mode 0600, and reuses it on restart', async () => {
    const first = await startTestHost({ plugin: createFakePlugin(newProbe()), username: undefined, password: undefined });
    expect(first.credentials).toMatchObject({ source: 'generated', username: 'elastic', file: join(first.dataDir, 'credentials.json') });
    expect(statSync(join(first.dataDir, 'credentials.json')).mode & 0o777).toBe(0o600);
    expect((await first.request('GET', '/api/fake/me')).status).toBe(200);
    await first.stop({ keepDataDir: true });

    const second = await startTestHost({ plugin: createFakePlugin(newProbe()), username: undefined, password: undefined, dataDir: first.dataDir });
    expect(second.credentials).toMatchObject({ source: 'stored', username: 'elastic', password: first.password });
    expect((await second.request('GET', '/api/fake/me', { auth: { username: 'elastic', password: first.password } })).status).toBe(200);
    await second.stop();
  });

  it('authorizes extra users by the privileges the features define', async () => {
    const dataDir = await createTempDataDir();
    writeFileSync(join(dataDir, 'host.yml'), 'auth:\n  users:\n    - { username: viewer, password: viewer-pw, privileges: [fake_read] }\n');
    const host = await startTestHost({ plugin: createFakePlugin(newProbe()), dataDir, configPath: join(dataDir, 'host.yml') });
    const viewer = { username: 'viewer', password: 'viewer-pw' };
    expect((await host.request('GET', '/api/fake/me', { auth: viewer })).body).toEqual({ username: 'viewer', roles: [] });
    const denied = await host.request('POST', '/api/fake/tasks', { auth: viewer, body: { n: 1 } });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('API [POST /api/fake/tasks] is unauthorized for user, this action is granted by the Kibana privileges [fake_all]');
    await host.stop();
  });

  it.each([
    [{ pluginConfig: { greeting: 5 } }, '[config validation of [workflows].greeting]: expected value of type [string] but got [number]'],
    [{ yml: 'bogus: 1\nworkflows: { greeting: hi }' }, 'Unknown configuration key(s): "bogus". Check for spelling errors and ensure that expected plugins are installed.'],
    [{ yml: 'workflows: { greting: hi }' }, '[config validation of [workflows].greting]: definition for this key is missing'],
    [
      { yml: 'auth: { users: [{ username: v, password: p, privileges: [fake_read, nope] }] }' },
      '[config validation of [auth].users.0.privileges]: unknown privilege(s) [nope] for user "v"; the registered features define [actions_all, actions_read, alerting_all, alerting_read, cases_all, cases_read, fake_all, fake_read]',
    ],
  ])('refuses to start with %j', async ({ yml, pluginConfig }: { yml?: string; pluginConfig?: Record<string, unknown> }, message) => {
    const dataDir = await createTempDataDir();
    const configPath = yml === undefined ? false : join(dataDir, 'host.yml');
    if (configPath) writeFileSync(configPath, yml!);
    const port = await freePort();
    try {
      await expect(startHost({ plugin: createFakePlugin(newProbe()), dataDir, configPath, pluginConfig, port, logLevel: 'off', ...TEST_CREDENTIALS })).rejects.toThrow(message);
      // Whatever had started is stopped again: the port is free.
      await expect(fetch(`http://127.0.0.1:${port}/api/status`)).rejects.toThrow();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('skips a plugin disabled by its config', async () => {
    const probe = newProbe();
    const host = await startTestHost({ plugin: createFakePlugin(probe), pluginConfig: { enabled: false } });
    expect((await host.request('GET', '/api/status', { auth: false })).status).toBe(200);
    expect((await host.request('GET', '/api/fake/config')).status).toBe(404);
    await host.stop();
  });
});
