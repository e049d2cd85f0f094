import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KibanaRequest } from '@kbn/core/server';
import { createTempDataDir, startTestHost, type TestHost } from '../../test_utils';
import { createActionsProbePlugin, type ActionsProbe } from '../actions.mocks';
import { startFakeHttpService, type FakeHttpService } from '../fake_services';

const SLACK_PATH = '/services/T0/B0/route-test-secret-path';
const ROUTING_KEY = 'PD-ROUTING-KEY-ROUTE-TEST';
const viewer = { username: 'viewer', password: 'viewer-pw' };
const stranger = { username: 'stranger', password: 'stranger-pw' };

describe('connector API on a running host', () => {
  let host: TestHost;
  let slack: FakeHttpService;
  let probe: ActionsProbe;
  let output: string[];
  let writeSpy: jest.SpyInstance;

  beforeAll(async () => {
    output = [];
    writeSpy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(String(chunk));
      return true;
    });
    slack = await startFakeHttpService();
    probe = {};
    const dataDir = await createTempDataDir();
    writeFileSync(
      join(dataDir, 'host.yml'),
      'auth:\n  users:\n    - { username: viewer, password: viewer-pw, privileges: [actions_read] }\n    - { username: stranger, password: stranger-pw, privileges: [] }\n'
    );
    host = await startTestHost({ plugin: createActionsProbePlugin(probe), dataDir, configPath: join(dataDir, 'host.yml'), logLevel: 'all' });
  });
  afterAll(async () => {
    await host.stop();
    await slack.close();
    writeSpy.mockRestore();
  });

  const slackUrl = () => `${slack.url}${SLACK_PATH}`;

  it('creates, reads, lists, updates and deletes a connector in Kibana’s wire shape', async () => {
    const created = await host.request('POST', '/api/actions/connector', {
      body: { name: 'Ops Slack', connector_type_id: '.slack', config: {}, secrets: { webhookUrl: slackUrl() } },
    });
    expect(created.status).toBe(200);
    const expected = {
      id: expect.any(String),
      name: 'Ops Slack',
      connector_type_id: '.slack',
      config: {},
      is_preconfigured: false,
      is_deprecated: false,
      is_missing_secrets: false,
      is_system_action: false,
    };
    expect(created.body).toEqual(expected);
    const { id } = created.body;

    expect((await host.request('GET', `/api/actions/connector/${id}`)).body).toEqual({ ...expected, id });
    expect((await host.request('GET', '/api/actions/connectors')).body).toEqual([{ ...expected, id, referenced_by_count: 0 }]);
    const internal = await host.request('GET', '/internal/actions/connectors');
    expect(internal.body.map((connector: { id: string; is_system_action: boolean }) => [connector.id, connector.is_system_action])).toEqual([
      [id, false],
      ['system-connector-.workflows', true],
    ]);

    const updated = await host.request('PUT', `/api/actions/connector/${id}`, { body: { name: 'Ops', config: {}, secrets: { webhookUrl: slackUrl() } } });
    expect(updated.body).toEqual({ ...expected, id, name: 'Ops' });

    expect((await host.request('DELETE', `/api/actions/connector/${id}`)).status).toBe(204);
    const gone = await host.request('GET', `/api/actions/connector/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ statusCode: 404, error: 'Not Found', message: `Saved object [action/${id}] not found` });
  });

  it('executes a connector and answers Kibana’s execute shape', async () => {
    await host.request('POST', '/api/actions/connector/slack-1', { body: { name: 'Slack one', connector_type_id: '.slack', secrets: { webhookUrl: slackUrl() } } });
    const ok = await host.request('POST', '/api/actions/connector/slack-1/_execute', { body: { params: { message: 'hello from the host' } } });
    expect(ok.body).toEqual({ status: 'ok', connector_id: 'slack-1', data: { text: 'ok' } });
    expect(slack.requests.at(-1)).toMatchObject({ path: SLACK_PATH, body: { text: 'hello from the host' } });

    slack.respondWith(() => ({ status: 400, body: 'invalid_payload' }));
    const failed = await host.request('POST', '/api/actions/connector/slack-1/_execute', { body: { params: { message: 'x' } } });
    expect(failed.body).toEqual({
      status: 'error',
      connector_id: 'slack-1',
      message: 'error posting slack message, invalid response',
      service_message: '[400] Bad Request: invalid_payload',
    });
    const invalid = await host.request('POST', '/api/actions/connector/slack-1/_execute', { body: { params: {} } });
    expect(invalid.body).toEqual({
      status: 'error',
      connector_id: 'slack-1',
      message: 'error validating action params: [message]: expected value of type [string] but got [undefined]',
    });
    slack.respondWith(() => ({ body: 'ok' }));
  });

  it.each([
    [{ name: 'x', config: {} }, '[request body.connector_type_id]: expected value of type [string] but got [undefined]'],
    [{ name: ' ', connector_type_id: '.slack' }, "[request body.name]: value ' ' is not valid"],
    [{ name: 'x', connector_type_id: '.webhook', config: { method: 'post' } }, 'error validating action type config: [url]: expected value of type [string] but got [undefined]'],
    [{ name: 'x', connector_type_id: '.pagerduty', config: {}, secrets: {} }, 'error validating action type secrets: [routingKey]: expected value of type [string] but got [undefined]'],
    [{ name: 'x', connector_type_id: '.workflows' }, 'System action creation is forbidden. Action type: .workflows.'],
    [{ name: 'x', connector_type_id: '.unknown' }, 'Action type ".unknown" is not registered.'],
  ])('answers 400 to %j', async (body, message) => {
    const response = await host.request('POST', '/api/actions/connector', { body });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message });
  });

  it('lists connector types, without system types unless internal, filtered by feature', async () => {
    const types = await host.request('GET', '/api/actions/connector_types');
    expect(types.body.map(({ id }: { id: string }) => id)).toEqual(['.webhook', '.slack', '.pagerduty', '.jira', '.email', '.gen-ai']);
    expect(types.body[1]).toEqual({
      id: '.slack',
      name: 'Slack',
      enabled: true,
      enabled_in_config: true,
      enabled_in_license: true,
      minimum_license_required: 'gold',
      supported_feature_ids: ['alerting', 'uptime', 'siem'],
      is_system_action_type: false,
      is_deprecated: false,
    });
    const siem = await host.request('GET', '/internal/actions/connector_types?feature_id=siem');
    expect(siem.body.map(({ id }: { id: string }) => id)).toEqual(['.webhook', '.slack', '.pagerduty', '.jira', '.email', '.workflows']);
  });

  it('lets actions_read read and run connectors, and only actions_all change them', async () => {
    await host.request('POST', '/api/actions/connector/pd-1', {
      body: { name: 'Pager', connector_type_id: '.pagerduty', config: { apiUrl: `${slack.url}/enqueue` }, secrets: { routingKey: ROUTING_KEY } },
    });
    expect((await host.request('GET', '/api/actions/connectors', { auth: viewer })).status).toBe(200);
    expect((await host.request('POST', '/api/actions/connector/pd-1/_execute', { auth: viewer, body: { params: { summary: 's' } } })).body).toMatchObject({ status: 'ok' });
    const denied = await host.request('DELETE', '/api/actions/connector/pd-1', { auth: viewer });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('API [DELETE /api/actions/connector/pd-1] is unauthorized for user, this action is granted by the Kibana privileges [actions_all]');
    const strangerList = await host.request('GET', '/api/actions/connectors', { auth: stranger });
    expect(strangerList.body.message).toBe('API [GET /api/actions/connectors] is unauthorized for user, this action is granted by the Kibana privileges [actions_read]');
  });

  it('gives the plugin a client that runs connectors by name, once per execution id', async () => {
    await host.request('POST', '/api/actions/connector/slack-2', { body: { name: 'Team Slack', connector_type_id: '.slack', secrets: { webhookUrl: slackUrl() } } });
    const client = await probe.actions!.getActionsClientWithRequest({ headers: {} } as KibanaRequest);
    const before = slack.requests.length;
    const execute = () => client.execute({ actionId: 'Team Slack', params: { message: 'paged' }, executionId: 'exec-9:steps.notify' });
    expect(await execute()).toEqual({ actionId: 'slack-2', status: 'ok', data: { text: 'ok' } });
    expect(await execute()).toEqual({ actionId: 'slack-2', status: 'ok', data: { text: 'ok' } });
    expect(slack.requests.length - before).toBe(1);
    expect(probe.actions!.isActionTypeEnabled('.gen-ai')).toBe(true);
  });

  it('aborts the call when the HTTP client goes away', async () => {
    await host.request('POST', '/api/actions/connector/slow-hook', { body: { name: 'Slow', connector_type_id: '.webhook', config: { url: `${slack.url}/slow` } } });
    slack.respondWith(() => ({ delayMs: 10_000 }));
    const before = slack.requests.length;
    const controller = new AbortController();
    const call = host.request('POST', '/api/actions/connector/slow-hook/_execute', { body: { params: {} }, signal: controller.signal }).catch(() => 'aborted');
    await slack.waitForRequests(before + 1);
    controller.abort();
    expect(await call).toBe('aborted');
    await host.waitFor(() => slack.requests[before].aborted, { timeoutMs: 1000 });
    slack.respondWith(() => ({ body: 'ok' }));
  });

  it('never writes a secret to disk in clear, to an API response or to the log', async () => {
    const responses = await Promise.all(
      ['/api/actions/connectors', '/internal/actions/connectors', '/api/actions/connector/slack-1', '/api/actions/connector/pd-1'].map((path) => host.request('GET', path))
    );
    const files = readdirSync(host.dataDir).filter((file) => file.startsWith('kibana.sqlite'));
    const onDisk = files.map((file) => readFileSync(join(host.dataDir, file)).toString('latin1')).join('');
    const log = output.join('');
    expect(onDisk).toContain('Team Slack');
    expect(log).toContain('[DEBUG][plugins.actions] executing action .slack:slack-1: Slack one');
    for (const text of [onDisk, log, ...responses.map(({ text }) => text)]) {
      expect(text).not.toContain('route-test-secret-path');
      expect(text).not.toContain(ROUTING_KEY);
    }
    expect(statSync(join(host.dataDir, 'encryption.key')).mode & 0o777).toBe(0o600);
  });
});
