/**
 * Alert-driven runs on a real host: a `standalone.webhook` rule with the Workflows system action,
 * alerts pushed over HTTP, runs through Task Manager; and "Run workflow" on stored alerts.
 */
import type { ExecutionDto, ExecutionSummaryDto } from '../../../common/api';
import { startTestHost, type TestHost } from '../test_utils';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.stop();
});

const ALERT_WORKFLOW = (name: string, trigger = '- type: alert') => `name: ${name}
triggers:
  ${trigger}
steps:
  - name: show
    type: console
    with:
      message: "{{ event.rule.name }}: {{ event.alerts | size }} alert(s), first on {{ event.alerts[0].host.name }}: {{ event.alerts[0].kibana.alert.reason }}"
`;

const createWorkflow = async (yaml: string) => (await host.request('POST', '/api/workflows', { body: { yaml } })).body.id as string;

const createRule = async (name: string, workflowId: string, summaryMode: boolean) => {
  const res = await host.request('POST', '/api/alerting/rule', {
    body: {
      name,
      rule_type_id: 'standalone.webhook',
      consumer: 'alerts',
      schedule: { interval: '1m' },
      params: {},
      actions: [{ id: 'system-connector-.workflows', params: { subAction: 'run', subActionParams: { workflowId, summaryMode } } }],
    },
  });
  expect(res.status).toBe(200);
  return res.body.id as string;
};

const ALERTS = [
  { 'host.name': 'web-1', 'kibana.alert.severity': 'high', 'kibana.alert.reason': 'SQL injection on web-1' },
  { host: { name: 'db-1' }, 'kibana.alert.severity': 'low', 'kibana.alert.reason': 'Odd login on db-1' },
];

const push = (ruleId: string, alerts = ALERTS) => host.request('POST', `/api/standalone/rules/${ruleId}/alerts`, { body: { alerts } });

const executions = async (workflowId: string, count: number): Promise<ExecutionSummaryDto[]> => {
  let results: ExecutionSummaryDto[] = [];
  await host.waitFor(
    async () => {
      results = (await host.request('GET', `/api/workflows/${workflowId}/executions`)).body.results;
      return results.length >= count && results.every((e) => ['completed', 'failed', 'skipped'].includes(e.status));
    },
    { timeoutMs: 10_000, intervalMs: 20 }
  );
  return results;
};
const detail = async (id: string): Promise<ExecutionDto & { event?: unknown }> => (await host.request('GET', `/api/workflows-executions/${id}`)).body;

describe('the Workflows rule action', () => {
  it('is offered as a system connector', async () => {
    const res = await host.request('GET', '/internal/actions/connectors');
    expect(res.body.find((c: { id: string }) => c.id === 'system-connector-.workflows')).toMatchObject({ connector_type_id: '.workflows', is_system_action: true });
  });

  it('summary mode starts one run with all alerts, expanded into nested objects', async () => {
    const workflowId = await createWorkflow(ALERT_WORKFLOW('Summary'));
    const ruleId = await createRule('Web rule', workflowId, true);
    const pushed = await push(ruleId);
    expect(pushed.status).toBe(200);
    const [run] = await executions(workflowId, 1);
    expect(run).toMatchObject({ status: 'completed', triggeredBy: 'alert' });
    const steps = (await detail(run.id)).steps;
    expect(steps[0].output).toBe('Web rule: 2 alert(s), first on web-1: SQL injection on web-1');
  });

  it('per-alert mode starts one run per alert', async () => {
    const workflowId = await createWorkflow(ALERT_WORKFLOW('Per alert'));
    const ruleId = await createRule('Per alert rule', workflowId, false);
    await push(ruleId);
    const runs = await executions(workflowId, 2);
    expect(runs).toHaveLength(2);
    const outputs = await Promise.all(runs.map(async (r) => (await detail(r.id)).steps[0].output));
    expect(outputs.sort()).toEqual([
      'Per alert rule: 1 alert(s), first on db-1: Odd login on db-1',
      'Per alert rule: 1 alert(s), first on web-1: SQL injection on web-1',
    ]);
  });

  it('only runs for alerts matching the trigger conditions, and lists the others as skipped', async () => {
    const workflowId = await createWorkflow(ALERT_WORKFLOW('SQL only', "- type: alert\n    with:\n      condition: 'kibana.alert.reason : *SQL*'\n      severity: [high, critical]"));
    const ruleId = await createRule('Mixed rule', workflowId, true);
    await push(ruleId);
    const runs = await executions(workflowId, 2);
    const byStatus = Object.fromEntries(runs.map((r) => [r.status, r]));
    expect(Object.keys(byStatus).sort()).toEqual(['completed', 'skipped']);
    expect(byStatus.skipped.error?.message).toMatch(/^1 alert\(s\) did not match the alert trigger conditions: /);
    expect((await detail(byStatus.completed.id)).steps[0].output).toBe('Mixed rule: 1 alert(s), first on web-1: SQL injection on web-1');
  });

  it.each([
    ['disabled', async (id: string) => host.request('PUT', `/api/workflows/${id}`, { body: { enabled: false } }), /Workflow "Gone" \(workflow-[^)]+\) is disabled/],
    ['deleted', async (id: string) => host.request('DELETE', `/api/workflows/${id}`), /Workflow \[workflow-[^\]]+\] not found/],
  ])('reports a %s workflow as the action error on the rule', async (_label, change, message) => {
    const workflowId = await createWorkflow(ALERT_WORKFLOW('Gone'));
    const ruleId = await createRule(`Rule for a workflow that is ${_label}`, workflowId, true);
    await change(workflowId);
    const pushed = await push(ruleId);
    expect(pushed.body.actions[0]).toMatchObject({ status: 'error' });
    expect(pushed.body.actions[0].message).toMatch(message);
    const rule = await host.request('GET', `/api/alerting/rule/${ruleId}`);
    expect(rule.body.execution_status).toMatchObject({ status: 'error' });
    expect(rule.body.execution_status.error.message).toMatch(message);
  });
});

describe('"Run workflow" on alerts', () => {
  it('fetches the alert documents and builds the same event a rule run builds', async () => {
    const ruleWorkflow = await createWorkflow(ALERT_WORKFLOW('Noop'));
    await host.request('PUT', `/api/workflows/${ruleWorkflow}`, { body: { enabled: false } });
    const ruleRes = await host.request('POST', '/api/alerting/rule', {
      body: { name: 'Manual rule', rule_type_id: 'standalone.webhook', consumer: 'alerts', schedule: { interval: '1m' }, params: {}, actions: [] },
    });
    const pushed = await push(ruleRes.body.id);
    const refs = pushed.body.alerts as Array<{ _id: string; _index: string }>;

    const workflowId = await createWorkflow(ALERT_WORKFLOW('On demand'));
    const res = await host.request('POST', `/api/workflows/${workflowId}/run`, { body: { inputs: { event: { triggerType: 'alert', alertIds: refs } } } });
    expect(res.status).toBe(200);
    const [run] = await executions(workflowId, 1);
    expect(run.id).toBe(res.body.workflowExecutionId);
    expect((await detail(run.id)).steps[0].output).toBe('Manual rule: 2 alert(s), first on web-1: SQL injection on web-1');

    const missing = await host.request('POST', `/api/workflows/${workflowId}/run`, {
      body: { inputs: { event: { triggerType: 'alert', alertIds: [{ _id: 'nope', _index: refs[0]._index }] } } },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe(`Alert [nope] not found in [${refs[0]._index}]`);
  });
});
