import { registerConnectorSteps } from '../connector_steps';
import { StepRegistry } from '../registry';
import { runWithConnectors } from './connector_services.mocks';

const inputs = { host: 'web-1', channel: 'Security Slack' };
const notify = (fields: Record<string, unknown>) => ({ name: 'notify', ...fields });

describe('connector steps', () => {
  describe.each([
    {
      title: 'slack passes with as the params, connector-id rendered',
      step: { type: 'slack', 'connector-id': '{{ inputs.channel }}', with: { message: 'Malware on {{ inputs.host }}' } },
      connectorId: 'Security Slack',
      params: { message: 'Malware on web-1' },
      output: { text: 'ok' },
    },
    {
      title: 'pagerduty passes the event fields as they are',
      step: {
        type: 'pagerduty',
        'connector-id': 'pd-oncall',
        with: { eventAction: 'trigger', summary: 'Ransomware on {{ inputs.host }}', severity: 'critical', source: 'workflows', dedupKey: 'rw-{{ inputs.host }}' },
      },
      connectorId: 'pd-oncall',
      params: { eventAction: 'trigger', summary: 'Ransomware on web-1', severity: 'critical', source: 'workflows', dedupKey: 'rw-web-1' },
      output: { status: 'success', message: 'Event processed', dedup_key: 'rw-web-1' },
    },
    {
      title: 'jira with issue fields becomes pushToService, comments beside the incident',
      step: {
        type: 'jira',
        'connector-id': 'jira-sec',
        with: { summary: 'Malware on {{ inputs.host }}', description: 'See alert', issueType: 'Bug', priority: 'High', labels: ['malware'], comments: [{ comment: 'opened by a workflow' }] },
      },
      connectorId: 'jira-sec',
      params: {
        subAction: 'pushToService',
        subActionParams: {
          incident: { summary: 'Malware on web-1', description: 'See alert', issueType: 'Bug', priority: 'High', labels: ['malware'] },
          comments: [{ comment: 'opened by a workflow' }],
        },
      },
      output: { id: '10001', title: 'SEC-1', url: 'https://jira.test/browse/SEC-1', pushedDate: '2026-03-01T10:00:00.000Z' },
    },
    {
      title: 'jira written in Kibana params is sent unchanged',
      step: { type: 'jira', 'connector-id': 'jira-sec', with: { subAction: 'pushToService', subActionParams: { incident: { summary: 'S' } } } },
      connectorId: 'jira-sec',
      params: { subAction: 'pushToService', subActionParams: { incident: { summary: 'S' } } },
      output: { id: '10001', title: 'SEC-1', url: 'https://jira.test/browse/SEC-1', pushedDate: '2026-03-01T10:00:00.000Z' },
    },
    {
      title: 'email turns a single address into a list',
      step: { type: 'email', 'connector-id': 'Elastic-Cloud-SMTP', with: { to: 'soc@example.com', cc: ['lead@example.com'], subject: 'Link down', message: 'eth0 is down' } },
      connectorId: 'Elastic-Cloud-SMTP',
      params: { to: ['soc@example.com'], cc: ['lead@example.com'], subject: 'Link down', message: 'eth0 is down' },
      output: { accepted: ['soc@example.com'], rejected: [] },
    },
    {
      title: 'webhook sends a map body as JSON text',
      step: { type: 'webhook', 'connector-id': 'ticket-hook', with: { body: { host: '{{ inputs.host }}', count: 2 } } },
      connectorId: 'ticket-hook',
      params: { body: '{"host":"web-1","count":2}' },
      output: { status: 200, statusText: 'OK', body: 'accepted' },
    },
    {
      title: '<vendor>.<operation> addresses a sub-action',
      step: { type: 'github.getCommit', 'connector-id': 'gh', with: { owner: 'elastic', repo: 'kibana', ref: 'main' } },
      connectorId: 'gh',
      params: { subAction: 'getCommit', subActionParams: { owner: 'elastic', repo: 'kibana', ref: 'main' } },
      output: { sha: 'abc123', subAction: 'getCommit', request: { owner: 'elastic', repo: 'kibana', ref: 'main' } },
    },
  ])('$title', ({ step, connectorId, params, output }) => {
    it('sends exactly these params with the step idempotency key and outputs the connector data', async () => {
      const { execution, steps, calls } = await runWithConnectors([notify(step)], { execution: { inputs } });
      expect(calls).toEqual([{ connectorId, params, idempotencyKey: 'ex-1:notify' }]);
      expect(steps.map((s) => [s.status, s.input, s.output, s.effects])).toEqual([['completed', { connectorId, params }, output, undefined]]);
      expect(execution.status).toBe('completed');
    });

    it('in a dry run sends nothing and records the rendered request as a proposed effect', async () => {
      const { execution, steps, calls } = await runWithConnectors([notify(step)], { execution: { inputs, dryRun: true } });
      expect(calls).toEqual([]);
      expect(steps.map((s) => [s.status, s.output, s.effects?.map((e) => e.request)])).toEqual([['completed', { dryRun: true }, [{ connectorId, params }]]]);
      expect(execution.status).toBe('completed');
    });
  });

  it.each([
    [{ type: 'slack', 'connector-id': 'Security Slack', with: { message: 'Malware on {{ inputs.host }}' } }, 'slack via "Security Slack": Malware on web-1'],
    [{ type: 'slack', 'connector-id': 'Security Slack', with: { message: `Line one\n${'x'.repeat(100)}` } }, `slack via "Security Slack": Line one ${'x'.repeat(71)}…`],
    [{ type: 'email', 'connector-id': 'Elastic-Cloud-SMTP', with: { to: 'a@b.c', subject: 'Link down', message: 'eth0' } }, 'email via "Elastic-Cloud-SMTP": Link down'],
    [{ type: 'jira', 'connector-id': 'jira-sec', with: { summary: 'Malware', labels: [] } }, 'jira via "jira-sec": Malware'],
    [{ type: 'github.getCommit', 'connector-id': 'gh', with: { owner: 'elastic' } }, 'github.getCommit via "gh"'],
  ])('a dry run summarises %j as %j', async (step, summary) => {
    const { steps } = await runWithConnectors([notify(step)], { execution: { inputs, dryRun: true } });
    expect(steps[0].effects?.map((e) => [e.kind, e.summary])).toEqual([['connector', summary]]);
  });

  it.each([
    [{ type: 'slack', with: { message: 'x' } }, 'Step "notify" needs a connector-id'],
    [{ type: 'slack', 'connector-id': '{{ inputs.nothing }}', with: { message: 'x' } }, 'Step "notify" needs a connector-id'],
    [{ type: 'slack', 'connector-id': '<%= slack-connector-id %>', with: { message: 'x' } }, 'Fill in the connector-id of step "notify" (it still says "<%= slack-connector-id %>")'],
    [{ type: 'virustotal.scanFileHash', 'connector-id': '__install__.virustotal-connector', with: { hash: 'h' } }, 'Fill in the connector-id of step "notify" (it still says "__install__.virustotal-connector")'],
    [{ type: 'brave-search.webSearch', 'connector-id': 'REPLACE_WITH_CONNECTOR_ID', with: { q: 'x' } }, 'Fill in the connector-id of step "notify" (it still says "REPLACE_WITH_CONNECTOR_ID")'],
    [{ type: 'abuseipdb.checkIp', 'connector-id': 'gh', with: { ipAddress: '1.2.3.4', maxAgeInDays: '__install__.max-age-in-days' } }, 'Fill in with.maxAgeInDays of step "notify" (it still says "__install__.max-age-in-days")'],
  ])('%j fails before calling anything: %s', async (step, message) => {
    const { execution, steps, calls } = await runWithConnectors([notify(step)], { execution: { inputs }, replies: [] });
    expect(calls).toEqual([]);
    expect(steps.map((s) => [s.status, s.error])).toEqual([['failed', { message, type: 'UserError' }]]);
    expect(execution.error?.message).toBe(`Step "notify" failed: ${message}`);
  });

  it('fails with the connector error and its details, and fails in a dry run the same way for a placeholder', async () => {
    const { execution, steps } = await runWithConnectors([notify({ type: 'slack', 'connector-id': 'Security Slack', with: { text: 'wrong field' } })]);
    const message = 'Connector "Security Slack" failed: error validating action params: [message]: expected value of type [string] but got [undefined]';
    expect(steps.map((s) => [s.status, s.error])).toEqual([['failed', { message, details: { connectorId: 'Security Slack', serviceMessage: null } }]]);
    expect(execution.error?.message).toBe(`Step "notify" failed: ${message}`);

    const dry = await runWithConnectors([notify({ type: 'slack', 'connector-id': 'REPLACE_WITH_CONNECTOR_ID', with: { message: 'x' } })], { execution: { dryRun: true } });
    expect(dry.steps.map((s) => [s.status, s.error?.message, s.effects])).toEqual([['failed', 'Fill in the connector-id of step "notify" (it still says "REPLACE_WITH_CONNECTOR_ID")', undefined]]);
  });

  it('sends the same idempotency key on every attempt, so the actions client never sends twice', async () => {
    const { steps, calls } = await runWithConnectors([
      notify({ type: 'slack', 'connector-id': 'Missing Slack', with: { message: 'x' }, 'on-failure': { retry: { 'max-attempts': 2, delay: '1ms' }, continue: true } }),
    ]);
    expect(calls.map((c) => c.idempotencyKey)).toEqual(['ex-1:notify', 'ex-1:notify']);
    expect(steps.map((s) => [s.attempt, s.status, s.error?.message])).toEqual([
      [1, 'failed', 'Connector "Missing Slack" failed: Connector Missing Slack not found'],
      [2, 'failed', 'Connector "Missing Slack" failed: Connector Missing Slack not found'],
    ]);
  });

  it('gives each foreach item its own idempotency key', async () => {
    const { calls } = await runWithConnectors(
      [{ name: 'each', type: 'foreach', foreach: '${{ inputs.hosts }}', steps: [notify({ type: 'slack', 'connector-id': 'Security Slack', with: { message: '{{ foreach.item }}' } })] }],
      { execution: { inputs: { hosts: ['a', 'b'] } } }
    );
    expect(calls.map((c) => [c.params.message, c.idempotencyKey])).toEqual([
      ['a', 'ex-1:each[0]>notify'],
      ['b', 'ex-1:each[1]>notify'],
    ]);
  });

  it('is the fallback for connector types only: built-in families and exact types keep their kinds', () => {
    const registry = registerConnectorSteps(new StepRegistry());
    expect(['slack', 'github.getCommit', 'slack2.sendMessage', 'ai.prompt', 'ai.classify', 'data.nope', 'kibana.SetAlertTags', 'elasticsearch.search', 'consle'].map((type) => registry.get(type)?.type)).toEqual([
      'connector', 'connector', 'connector', 'ai.prompt', 'ai.classify', undefined, undefined, undefined, undefined,
    ]);
  });
});
