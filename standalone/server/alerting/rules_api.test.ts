/**
 * Kibana's rules HTTP API on a real host: CRUD with the response shape, enable/disable/delete,
 * find, and the checks on actions (connectors, system action params, groups, frequency).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempDataDir, startTestHost, type TestHost } from '../test_utils';
import { createAlertingTestPlugin, newAlertingProbe, TEST_RECORD_TYPE, TEST_SYSTEM_CONNECTOR, TEST_SYSTEM_TYPE } from './alerting.mocks';

const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const viewer = { username: 'viewer', password: 'viewer-pw' };

let host: TestHost;
let recorderId: string;

beforeAll(async () => {
  const dataDir = await createTempDataDir();
  writeFileSync(join(dataDir, 'host.yml'), 'auth:\n  users:\n    - { username: viewer, password: viewer-pw, privileges: [alerting_read] }\n');
  host = await startTestHost({ plugin: createAlertingTestPlugin(newAlertingProbe()), dataDir, configPath: join(dataDir, 'host.yml') });
  const connector = await host.request('POST', '/api/actions/connector', { body: { name: 'recorder', connector_type_id: TEST_RECORD_TYPE, config: {}, secrets: {} } });
  expect(connector.status).toBe(200);
  recorderId = connector.body.id;
});
afterAll(async () => {
  await host?.stop();
});

const ruleBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Defender alerts',
  rule_type_id: 'standalone.webhook',
  consumer: 'alerts',
  schedule: { interval: '1m' },
  params: {},
  tags: ['defender'],
  actions: [
    { id: TEST_SYSTEM_CONNECTOR, params: { tag: 'ok' } },
    { id: recorderId, group: 'default', params: { message: 'hi' }, frequency: { summary: false, notify_when: 'onActiveAlert', throttle: null } },
  ],
  ...overrides,
});

const createRule = async (overrides: Record<string, unknown> = {}) => {
  const res = await host.request('POST', '/api/alerting/rule', { body: ruleBody(overrides) });
  expect(res.status).toBe(200);
  return res.body;
};

describe('rules CRUD', () => {
  it('creates a rule in Kibana’s response shape, system actions last and without group', async () => {
    const rule = await createRule();
    expect(rule).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Defender alerts',
      tags: ['defender'],
      enabled: true,
      consumer: 'alerts',
      rule_type_id: 'standalone.webhook',
      schedule: { interval: '1m' },
      params: {},
      actions: [
        {
          group: 'default',
          id: recorderId,
          params: { message: 'hi' },
          connector_type_id: TEST_RECORD_TYPE,
          uuid: expect.any(String),
          frequency: { summary: false, notify_when: 'onActiveAlert', throttle: null },
        },
        { id: TEST_SYSTEM_CONNECTOR, params: { tag: 'ok' }, connector_type_id: TEST_SYSTEM_TYPE, uuid: expect.any(String) },
      ],
      created_by: 'test-admin',
      updated_by: 'test-admin',
      created_at: ISO,
      updated_at: ISO,
      api_key_owner: 'test-admin',
      api_key_created_by_user: false,
      throttle: null,
      notify_when: null,
      mute_all: false,
      muted_alert_ids: [],
      scheduled_task_id: rule.id,
      execution_status: { status: 'pending', last_execution_date: ISO },
      next_run: null,
      revision: 0,
      running: false,
    });
    expect((await host.request('GET', `/api/alerting/rule/${rule.id}`, { auth: viewer })).body).toEqual(rule);
  });

  it('creates with a chosen id once, updates, disables, enables and deletes', async () => {
    const id = `rule-${Date.now()}`;
    expect((await host.request('POST', `/api/alerting/rule/${id}`, { body: ruleBody() })).body.id).toBe(id);
    const again = await host.request('POST', `/api/alerting/rule/${id}`, { body: ruleBody() });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(`Saved object [alert/${id}] conflict`);

    const { rule_type_id: _type, consumer: _consumer, ...updatable } = ruleBody({ name: 'Renamed', actions: [] });
    const updated = await host.request('PUT', `/api/alerting/rule/${id}`, { body: updatable });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, name: 'Renamed', actions: [], revision: 1, consumer: 'alerts' });

    expect((await host.request('POST', `/api/alerting/rule/${id}/_disable`)).status).toBe(204);
    const disabled = (await host.request('GET', `/api/alerting/rule/${id}`)).body;
    expect(disabled.enabled).toBe(false);
    expect(disabled).not.toHaveProperty('scheduled_task_id');
    expect((await host.request('POST', `/api/alerting/rule/${id}/_enable`)).status).toBe(204);
    expect((await host.request('GET', `/api/alerting/rule/${id}`)).body.enabled).toBe(true);

    expect((await host.request('DELETE', `/api/alerting/rule/${id}`)).status).toBe(204);
    const gone = await host.request('GET', `/api/alerting/rule/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.message).toBe(`Saved object [alert/${id}] not found`);
    expect((await host.request('DELETE', `/api/alerting/rule/${id}`)).status).toBe(404);
  });

  it('finds rules by search and KQL filter, sorted and paged', async () => {
    const tag = `find-${Date.now()}`;
    await createRule({ name: 'Zeta sql', tags: [tag], actions: [] });
    await createRule({ name: 'Alpha sql', tags: [tag], actions: [] });
    await createRule({ name: 'Beta ssh', tags: [tag], actions: [], enabled: false });

    const found = await host.request('GET', `/api/alerting/rules/_find?filter=${encodeURIComponent(`alert.attributes.tags:"${tag}"`)}&sort_field=name&per_page=2`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ page: 1, per_page: 2, total: 3 });
    expect(found.body.data.map((rule: { name: string }) => rule.name)).toEqual(['Alpha sql', 'Beta ssh']);

    const sql = await host.request('GET', `/api/alerting/rules/_find?search=sql&filter=${encodeURIComponent(`alert.attributes.tags:"${tag}" and alert.attributes.enabled:true`)}`);
    expect(sql.body.data.map((rule: { name: string }) => rule.name)).toEqual(['Alpha sql', 'Zeta sql']);

    const bad = await host.request('GET', `/api/alerting/rules/_find?filter=${encodeURIComponent('alert.attributes.tags:(')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^Invalid filter: /);
  });

  it('lists the registered rule types', async () => {
    const types = await host.request('GET', '/api/alerting/rule_types');
    expect(types.body).toContainEqual(
      expect.objectContaining({ id: 'standalone.webhook', producer: 'stackAlerts', default_action_group_id: 'default', recovery_action_group: { id: 'recovered', name: 'Recovered' } })
    );
  });
});

describe('rule validation', () => {
  it.each([
    ['an unknown rule type', { rule_type_id: 'nope' }, 'Rule type "nope" is not registered.'],
    ['an unknown connector', { actions: [{ id: 'missing-connector', params: {} }] }, 'Failed to validate actions due to the following error: Invalid connectors: missing-connector'],
    [
      'system action params its adapter rejects',
      { actions: [{ id: TEST_SYSTEM_CONNECTOR, params: {} }] },
      'Invalid system action params. System action type: .test-system - [tag]: expected value of type [string] but got [undefined]',
    ],
    ['a default action without frequency', { actions: [{ id: '<recorder>', group: 'default', params: {} }] }, 'Failed to validate actions due to the following error: Actions missing frequency parameters: default'],
    [
      'an unknown action group',
      { actions: [{ id: '<recorder>', group: 'nope', params: {}, frequency: { summary: true, notify_when: 'onActiveAlert', throttle: null } }] },
      'Failed to validate actions due to the following error: Invalid action groups: nope',
    ],
    ['a bad interval', { schedule: { interval: '5x' } }, '[request body.schedule.interval]: string is not a valid duration: 5x'],
    ['an unknown field', { extra: 1 }, '[request body.extra]: definition for this key is missing'],
  ])('rejects %s', async (_label, overrides, message) => {
    const withRecorder = JSON.parse(JSON.stringify(overrides).replace('<recorder>', recorderId));
    const res = await host.request('POST', '/api/alerting/rule', { body: ruleBody(withRecorder) });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
  });

  it('keeps read-only users from changing rules', async () => {
    const res = await host.request('POST', '/api/alerting/rule', { body: ruleBody(), auth: viewer });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('API [POST /api/alerting/rule] is unauthorized for user, this action is granted by the Kibana privileges [alerting_all]');
  });
});
