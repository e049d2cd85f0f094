/**
 * Pushing alerts to a `standalone.webhook` rule on a real host: the stored alert documents, the
 * rule's actions (system action through its connector adapter, per-alert and summary default
 * actions), the outcome recorded on the rule, and the alerts API the Alerts page and cases use.
 */
import { startTestHost, type TestHost } from '../test_utils';
import { createAlertingTestPlugin, newAlertingProbe, TEST_RECORD_TYPE, TEST_SYSTEM_CONNECTOR, TEST_SYSTEM_TYPE, type AlertingProbe } from './alerting.mocks';

const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const UUID = expect.stringMatching(/^[0-9a-f-]{36}$/);
const STACK_INDEX = '.internal.alerts-stack.alerts-default-000001';

let host: TestHost;
let probe: AlertingProbe;
let recorderId: string;

beforeAll(async () => {
  probe = newAlertingProbe();
  host = await startTestHost({ plugin: createAlertingTestPlugin(probe) });
  const connector = await host.request('POST', '/api/actions/connector', { body: { name: 'recorder', connector_type_id: TEST_RECORD_TYPE, config: {}, secrets: {} } });
  recorderId = connector.body.id;
});
afterAll(async () => {
  await host?.stop();
});
beforeEach(() => {
  probe.executions.length = 0;
});

const frequency = (summary: boolean) => ({ summary, notify_when: 'onActiveAlert', throttle: null });

const createRule = async (actions: unknown[], overrides: Record<string, unknown> = {}) => {
  const res = await host.request('POST', '/api/alerting/rule', {
    body: { name: 'Defender alerts', rule_type_id: 'standalone.webhook', consumer: 'alerts', schedule: { interval: '1m' }, params: { source: 'defender' }, tags: ['defender'], actions, ...overrides },
  });
  expect(res.status).toBe(200);
  return res.body as { id: string; actions: Array<{ uuid: string }> };
};

const push = (ruleId: string, alerts: unknown[]) => host.request('POST', `/api/standalone/rules/${ruleId}/alerts`, { body: { alerts } });

const TWO_ALERTS = [
  { host: { name: 'db-1' }, kibana: { alert: { severity: 'high', reason: 'SQL injection attempt' } }, '@timestamp': '2025-01-01T00:00:00.000Z' },
  { 'host.name': 'web-2', 'kibana.alert.severity': 'low', 'kibana.alert.reason': 'Port scan', tags: ['scan'] },
];

describe('POST /api/standalone/rules/{ruleId}/alerts', () => {
  it('stores alert documents and runs system, per-alert and summary actions', async () => {
    const rule = await createRule([
      { id: TEST_SYSTEM_CONNECTOR, params: { tag: 'triage' } },
      { id: recorderId, group: 'default', params: { message: '{{context.reason}} on {{context.alert.host.name}} ({{rule.name}}, {{alert.actionGroupName}})' }, frequency: frequency(false) },
      { id: recorderId, group: 'default', params: { message: '{{alerts.new.count}} new alerts for {{rule.id}}' }, frequency: frequency(true) },
    ]);

    const res = await push(rule.id, TWO_ALERTS);
    expect(res.status).toBe(200);
    expect(res.body.alerts).toEqual([
      { _id: UUID, _index: STACK_INDEX },
      { _id: UUID, _index: STACK_INDEX },
    ]);
    const [first, second] = res.body.alerts.map(({ _id }: { _id: string }) => _id);
    expect(res.body.actions).toEqual([
      { id: TEST_SYSTEM_CONNECTOR, uuid: rule.actions[2].uuid, status: 'ok', data: { received: 2 } },
      { id: recorderId, uuid: rule.actions[0].uuid, status: 'ok' },
      { id: recorderId, uuid: rule.actions[0].uuid, status: 'ok' },
      { id: recorderId, uuid: rule.actions[1].uuid, status: 'ok' },
    ]);

    const recorded = probe.executions.filter(({ actionTypeId }) => actionTypeId === TEST_RECORD_TYPE);
    expect(recorded.map(({ params, user }) => ({ message: params.message, user }))).toEqual([
      { message: 'SQL injection attempt on db-1 (Defender alerts, Default)', user: 'test-admin' },
      { message: 'Port scan on web-2 (Defender alerts, Default)', user: 'test-admin' },
      { message: `2 new alerts for ${rule.id}`, user: 'test-admin' },
    ]);

    const [system] = probe.executions.filter(({ actionTypeId }) => actionTypeId === TEST_SYSTEM_TYPE);
    expect(system).toMatchObject({
      actionId: TEST_SYSTEM_CONNECTOR,
      user: 'test-admin',
      params: {
        tag: 'triage',
        all: 2,
        rule: { id: rule.id, name: 'Defender alerts', tags: ['defender'], consumer: 'alerts', producer: 'stackAlerts', ruleTypeId: 'standalone.webhook' },
        spaceId: 'default',
        ruleUrl: `${host.url.replace('127.0.0.1', 'localhost')}/app/management/insightsAndAlerting/triggersActions/rule/${rule.id}`,
      },
    });
    const alerts = system.params.alerts as Array<Record<string, unknown>>;
    expect(alerts.map(({ _id }) => _id)).toEqual([first, second]);
    // Dotted keys expanded into nested objects, as Kibana's expandFlattenedAlert does.
    expect(alerts[0]).toEqual({
      _id: first,
      _index: STACK_INDEX,
      '@timestamp': ISO,
      host: { name: 'db-1' },
      event: { kind: 'signal', action: 'open' },
      tags: ['defender'],
      kibana: {
        space_ids: ['default'],
        alert: {
          severity: 'high',
          reason: 'SQL injection attempt',
          original_time: '2025-01-01T00:00:00.000Z',
          uuid: first,
          instance: { id: first },
          status: 'active',
          workflow_status: 'open',
          action_group: 'default',
          flapping: false,
          start: ISO,
          duration: { us: 0 },
          time_range: { gte: ISO },
          rule: {
            name: 'Defender alerts',
            uuid: rule.id,
            rule_type_id: 'standalone.webhook',
            consumer: 'alerts',
            producer: 'stackAlerts',
            category: 'Webhook alerts',
            tags: ['defender'],
            parameters: { source: 'defender' },
            execution: { uuid: UUID },
            revision: 0,
          },
        },
      },
    });
    expect(alerts[1]).toMatchObject({ host: { name: 'web-2' }, tags: ['scan', 'defender'], kibana: { alert: { severity: 'low', reason: 'Port scan' } } });

    const stored = await host.request('GET', `/api/alerting/rule/${rule.id}`);
    expect(stored.body.execution_status).toEqual({ status: 'ok', last_execution_date: ISO, last_duration: expect.any(Number) });
    expect(stored.body.last_run).toEqual({ outcome: 'succeeded', outcome_order: 0, outcome_msg: null, warning: null, alerts_count: { active: 2, new: 2, recovered: 0, ignored: 0 } });
  });

  it('records a failing action on the rule and still stores the alerts', async () => {
    const rule = await createRule([{ id: TEST_SYSTEM_CONNECTOR, params: { tag: 'fail' } }]);
    const res = await push(rule.id, [{ 'kibana.alert.reason': 'boom' }]);
    expect(res.status).toBe(200);
    expect(res.body.actions).toEqual([{ id: TEST_SYSTEM_CONNECTOR, uuid: rule.actions[0].uuid, status: 'error', message: 'error running the test action: the tag says fail' }]);
    const stored = (await host.request('GET', `/api/alerting/rule/${rule.id}`)).body;
    expect(stored.execution_status).toEqual({
      status: 'error',
      last_execution_date: ISO,
      last_duration: expect.any(Number),
      error: { reason: 'execute', message: 'error running the test action: the tag says fail' },
    });
    expect(stored.last_run).toMatchObject({ outcome: 'failed', outcome_msg: ['error running the test action: the tag says fail'], warning: 'execute' });
    expect((await host.request('GET', `/internal/rac/alerts?id=${res.body.alerts[0]._id}`)).status).toBe(200);
  });

  it('refuses alerts for a disabled rule, an unknown rule and an empty batch', async () => {
    const rule = await createRule([]);
    await host.request('POST', `/api/alerting/rule/${rule.id}/_disable`);
    const disabled = await push(rule.id, [{ 'kibana.alert.reason': 'x' }]);
    expect(disabled.status).toBe(409);
    expect(disabled.body.message).toBe(`Rule ${rule.id} is disabled; enable it to accept alerts`);
    expect((await push('no-such-rule', [{}])).body).toMatchObject({ statusCode: 404, message: 'Saved object [alert/no-such-rule] not found' });
    expect((await push(rule.id, [])).body.message).toBe('[request body.alerts]: array size is [0], but cannot be smaller than [1]');
    expect(probe.executions).toEqual([]);
  });

  it('writes alerts of security rules (consumer siem) to the security index', async () => {
    const rule = await createRule([], { consumer: 'siem' });
    const res = await push(rule.id, [{ 'kibana.alert.reason': 'x' }]);
    expect(res.body.alerts[0]._index).toBe('.internal.alerts-security.alerts-default-000001');
  });
});

describe('alerts API', () => {
  it('finds alerts with query DSL and updates status and tags', async () => {
    const rule = await createRule([]);
    const ids = (await push(rule.id, TWO_ALERTS)).body.alerts.map(({ _id }: { _id: string }) => _id);
    const find = (query: unknown) =>
      host.request('POST', '/internal/rac/alerts/find', { body: { index: '.alerts-stack.alerts-default', query, sort: [{ 'host.name': 'asc' }], size: 10 } });

    const byRule = await find({ bool: { filter: [{ term: { 'kibana.alert.rule.uuid': rule.id } }] } });
    expect(byRule.status).toBe(200);
    expect(byRule.body.hits.total).toEqual({ value: 2, relation: 'eq' });
    expect(byRule.body.hits.hits.map(({ _id }: { _id: string }) => _id)).toEqual(ids);
    expect(byRule.body.hits.hits[0]._source).toMatchObject({ 'host.name': 'db-1', 'kibana.alert.rule.uuid': rule.id, 'kibana.alert.workflow_status': 'open' });

    const high = await find({ bool: { filter: [{ term: { 'kibana.alert.rule.uuid': rule.id } }, { match: { 'kibana.alert.reason': 'sql' } }] } });
    expect(high.body.hits.hits.map(({ _id }: { _id: string }) => _id)).toEqual([ids[0]]);

    const unsupported = await find({ query_string: { query: 'x' } });
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.message).toBe('The standalone host does not support the query type [query_string] in alert queries');

    const closed = await host.request('POST', '/api/detection_engine/signals/status', { body: { signal_ids: [ids[0]], status: 'closed' } });
    expect(closed.body).toMatchObject({ total: 1, updated: 1, failures: [] });
    const tagged = await host.request('POST', '/api/detection_engine/signals/tags', { body: { ids, tags: { tags_to_add: ['triaged'], tags_to_remove: [] } } });
    expect(tagged.body).toMatchObject({ total: 2, updated: 2 });

    const alert = (await host.request('GET', `/internal/rac/alerts?id=${ids[0]}`)).body;
    expect(alert).toMatchObject({
      _id: ids[0],
      _index: STACK_INDEX,
      'kibana.alert.workflow_status': 'closed',
      'kibana.alert.workflow_user': 'test-admin',
      'kibana.alert.workflow_status_updated_at': ISO,
      'kibana.alert.workflow_tags': ['triaged'],
    });
    const reopened = await host.request('POST', '/internal/rac/alerts/bulk_update', { body: { index: '.alerts-stack.*', query: `kibana.alert.rule.uuid : "${rule.id}"`, status: 'acknowledged' } });
    expect(reopened.body).toMatchObject({ total: 2, updated: 2 });
  });

  it('marks alerts attached to a case, and syncs their status with the case', async () => {
    const rule = await createRule([]);
    const [alert] = (await push(rule.id, [{ 'kibana.alert.reason': 'x' }])).body.alerts;
    const created = await host.request('POST', '/api/cases', {
      body: { title: 'Investigate', description: 'x', tags: [], owner: 'cases', connector: { id: 'none', name: 'none', type: '.none', fields: null }, settings: { syncAlerts: true } },
    });
    await host.request('POST', `/api/cases/${created.body.id}/comments`, {
      body: { type: 'alert', alertId: alert._id, index: alert._index, rule: { id: rule.id, name: 'Defender alerts' }, owner: 'cases' },
    });
    expect((await host.request('GET', `/internal/rac/alerts?id=${alert._id}`)).body['kibana.alert.case_ids']).toEqual([created.body.id]);

    const caseNow = (await host.request('GET', `/api/cases/${created.body.id}`)).body;
    await host.request('PATCH', '/api/cases', { body: { cases: [{ id: caseNow.id, version: caseNow.version, status: 'closed' }] } });
    expect((await host.request('GET', `/internal/rac/alerts?id=${alert._id}`)).body['kibana.alert.workflow_status']).toBe('closed');
  });

  it('untracks the active alerts of a disabled rule', async () => {
    const rule = await createRule([]);
    const [alert] = (await push(rule.id, [{}])).body.alerts;
    await host.request('POST', `/api/alerting/rule/${rule.id}/_disable`);
    expect((await host.request('GET', `/internal/rac/alerts?id=${alert._id}`)).body['kibana.alert.status']).toBe('untracked');
  });
});
