/**
 * The product's main story on a real host: a rule fires, the Workflows action runs a workflow
 * that opens a case from the alert, attaches the alert, and posts to Slack through a connector
 * whose webhook points at a local fake Slack. The webhook URL is a secret: it must not show up
 * in any API answer or execution record.
 */
import { startFakeHttpService } from '../actions/fake_services';
import { startTestHost, type TestHost } from '../test_utils';

let host: TestHost;
let slack: Awaited<ReturnType<typeof startFakeHttpService>>;
beforeAll(async () => {
  host = await startTestHost();
  slack = await startFakeHttpService();
});
afterAll(async () => {
  await host?.stop();
  await slack?.close();
});

const TRIAGE = `name: Triage SIEM alerts
description: Open a case for each alert and tell the SOC
triggers:
  - type: alert
steps:
  - name: open_case
    type: kibana.createCaseDefaultSpace
    with:
      title: "{{ event.alerts[0].kibana.alert.reason }}"
      description: "Rule {{ event.rule.name }} fired on {{ event.alerts[0].host.name }}"
      tags: [workflow, "{{ event.alerts[0].kibana.alert.severity }}"]
      severity: high
      owner: securitySolution
  - name: attach
    type: cases.addAlerts
    with:
      case_id: "{{ steps.open_case.output.id }}"
      alerts: \${{ event.alerts }}
  - name: notify
    type: slack
    connector-id: SOC Slack
    with:
      message: "Case {{ steps.open_case.output.id }} opened for {{ event.alerts[0].host.name }}"
`;

it('opens a case with the alert attached and posts to Slack when the rule fires', async () => {
  const webhookUrl = `${slack.url}/services/T000/B000/very-secret-token`;
  const connector = await host.request('POST', '/api/actions/connector', {
    body: { name: 'SOC Slack', connector_type_id: '.slack', config: {}, secrets: { webhookUrl } },
  });
  expect(connector.status).toBe(200);
  expect(JSON.stringify(connector.body)).not.toContain('very-secret-token');

  const workflow = await host.request('POST', '/api/workflows', { body: { yaml: TRIAGE } });
  expect(workflow.body).toMatchObject({ valid: true, enabled: true });
  const rule = await host.request('POST', '/api/alerting/rule', {
    body: {
      name: 'SIEM feed',
      rule_type_id: 'standalone.webhook',
      consumer: 'siem',
      schedule: { interval: '1m' },
      params: {},
      actions: [{ id: 'system-connector-.workflows', params: { subAction: 'run', subActionParams: { workflowId: workflow.body.id, summaryMode: false } } }],
    },
  });
  expect(rule.status).toBe(200);

  const pushed = await host.request('POST', `/api/standalone/rules/${rule.body.id}/alerts`, {
    body: { alerts: [{ 'host.name': 'web-1', 'kibana.alert.severity': 'critical', 'kibana.alert.reason': 'Malware detected on web-1' }] },
  });
  expect(pushed.status).toBe(200);
  const [alertRef] = pushed.body.alerts;

  let executionId = '';
  await host.waitFor(
    async () => {
      const list = await host.request('GET', `/api/workflows/${workflow.body.id}/executions`);
      const run = list.body.results[0];
      executionId = run?.id ?? '';
      return ['completed', 'failed'].includes(run?.status);
    },
    { timeoutMs: 10_000, intervalMs: 25 }
  );
  const execution = await host.request('GET', `/api/workflows-executions/${executionId}`);
  expect(execution.body).toMatchObject({ status: 'completed', triggeredBy: 'alert' });
  const caseId = execution.body.steps[0].output.id as string;
  expect(caseId).toEqual(expect.any(String));

  const found = await host.request('GET', `/api/cases/${caseId}?includeComments=true`);
  expect(found.body).toMatchObject({ title: 'Malware detected on web-1', severity: 'high', tags: ['workflow', 'critical'], totalAlerts: 1 });
  expect(found.body.comments).toEqual([expect.objectContaining({ type: 'alert', alertId: alertRef._id, index: alertRef._index })]);

  expect(slack.requests.map((r) => [r.path, r.body])).toEqual([['/services/T000/B000/very-secret-token', { text: `Case ${caseId} opened for web-1` }]]);

  // The secret stays secret in everything a user or the API can read back.
  for (const path of ['/api/actions/connectors', `/api/workflows-executions/${executionId}`, `/api/workflows-executions/${executionId}/logs`]) {
    expect([path, (await host.request('GET', path)).text.includes('very-secret-token')]).toEqual([path, false]);
  }
});

it('never writes a connector secret or a secret const to the host log, even at the most verbose level', async () => {
  const { spawnHost } = await import('../test_utils');
  const spawned = await spawnHost({ logLevel: 'all' });
  try {
    const webhookUrl = `${slack.url}/services/T111/B111/log-secret-token`;
    await spawned.request('POST', '/api/actions/connector', { body: { name: 'Log Slack', connector_type_id: '.slack', config: {}, secrets: { webhookUrl } } });
    const created = await spawned.request('POST', '/api/workflows', {
      body: {
        yaml: `name: Logged\nconsts:\n  intel_api_key: const-secret-value\ntriggers: [{ type: manual }]\nsteps:\n  - { name: hi, type: console, with: { message: "key {{ consts.intel_api_key }}" } }\n  - { name: notify, type: slack, connector-id: Log Slack, with: { message: "logged" } }\n  - { name: broken, type: data.parseJson, source: "{{ consts.intel_api_key }}" }\n`,
      },
    });
    const run = await spawned.request('POST', `/api/workflows/${created.body.id}/run`, { body: {} });
    await host.waitFor(async () => ['completed', 'failed'].includes((await spawned.request('GET', `/api/workflows-executions/${run.body.workflowExecutionId}`)).body.status), {
      timeoutMs: 10_000,
    });
    const execution = await spawned.request('GET', `/api/workflows-executions/${run.body.workflowExecutionId}`);
    expect(execution.body.status).toBe('failed');
    expect(slack.requests.some((r) => r.path === '/services/T111/B111/log-secret-token')).toBe(true);
    expect(spawned.output().length).toBeGreaterThan(0);
    expect(spawned.output()).not.toContain('log-secret-token');
    expect(spawned.output()).not.toContain('const-secret-value');
    expect(execution.text).not.toContain('const-secret-value');
  } finally {
    await spawned.stop();
  }
});
