/**
 * The Workflows rule action in Debian's Chromium against a real host: create a webhook rule on the
 * Rules page, add the Workflows action (a disabled workflow is not offered), pick an enabled one,
 * run it per alert, save; then push two alerts to the rule and see two runs of the workflow. Each
 * run opens a case from its alert, attaches the alert, and posts to a Slack connector (created on
 * the Connectors page) whose webhook points at a local fake Slack; the case shows on the Cases
 * page with its alert, and the webhook URL never shows in the connectors API or page.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ListExecutionsResponse, WorkflowDto } from '../common/api';
import { startFakeHttpService, type FakeHttpService } from '../standalone/server/actions/fake_services';
import { startTestHost, type TestHost } from '../standalone/server/test_utils';
import { chromiumRunnable, launchChromium, testId, type Browser, publishScreenshot } from './chromium';

const SCREENSHOTS = join(__dirname, 'screenshots');
const WORKFLOWS_CONNECTOR_ID = 'system-connector-.workflows';
const RULE_NAME = 'Alerts from the SIEM';
const SLACK_NAME = 'SOC Slack';
const SLACK_SECRET = 'xoxb-e2e-very-secret-token';

const TRIAGE_YAML = `name: Triage pushed alert
description: Opens a case for every alert the rule sends, attaches the alert and tells the SOC on Slack
tags: [e2e, triage]
triggers:
  - type: alert
steps:
  - name: log_reason
    type: console
    with:
      message: "{{ event.rule.name }}: {{ event.alerts.size }} alert(s)"
  - name: open_case
    type: kibana.createCaseDefaultSpace
    with:
      title: "{{ event.alerts[0].kibana.alert.reason }}"
      description: "Rule {{ event.rule.name }} fired on {{ event.alerts[0].host.name }}"
      tags: [workflow, "{{ event.alerts[0].kibana.alert.severity }}"]
      severity: high
      owner: securitySolution
  - name: attach_alert
    type: cases.addAlerts
    with:
      case_id: "{{ steps.open_case.output.id }}"
      alerts: \${{ event.alerts }}
  - name: notify_soc
    type: slack
    connector-id: ${SLACK_NAME}
    with:
      message: "Case {{ steps.open_case.output.id }} opened for {{ event.alerts[0].host.name }}"
`;

interface FoundCase {
  id: string;
  title: string;
  owner: string;
  totalAlerts: number;
  comments?: Array<{ type: string; alertId?: string | string[]; index?: string | string[] }>;
}

const RETIRED_YAML = `name: Retired playbook
description: Disabled, so rule actions must not offer it
enabled: false
tags: [e2e]
triggers:
  - type: alert
steps:
  - name: log
    type: console
    with:
      message: never
`;

const createWorkflow = async (host: TestHost, yaml: string): Promise<WorkflowDto> => {
  const response = await host.request('POST', '/api/workflows', { body: { yaml } });
  if (response.status !== 200) throw new Error(`creating a workflow answered ${response.status}: ${response.text}`);
  return response.body as WorkflowDto;
};

/** The run of a rule action needs the server's `.workflows` action type; without it this test cannot pass. */
const waitForWorkflowsConnector = async (host: TestHost) => {
  try {
    await host.waitFor(
      async () => {
        const { body } = await host.request('GET', '/internal/actions/connectors');
        return Array.isArray(body) && body.some(({ id }: { id: string }) => id === WORKFLOWS_CONNECTOR_ID);
      },
      { timeoutMs: 5000, intervalMs: 200 },
    );
  } catch {
    throw new Error(
      `The host lists no "${WORKFLOWS_CONNECTOR_ID}" connector: the plugin did not register the ".workflows" action type on the server.`,
    );
  }
};

(chromiumRunnable() ? describe : describe.skip)('Workflows rule action in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let slack: FakeHttpService;

  beforeAll(async () => {
    if (!existsSync(join(__dirname, '..', 'build', 'public', 'host.js'))) {
      throw new Error('The browser bundle is missing: run `node scripts/build.mjs` before the e2e tests');
    }
    await mkdir(SCREENSHOTS, { recursive: true });
    [host, slack] = await Promise.all([startTestHost(), startFakeHttpService()]);
    await waitForWorkflowsConnector(host);
    browser = await launchChromium(host);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await slack?.close();
  });

  it('adds the Workflows action to a webhook rule and runs the workflow once per pushed alert: a case with the alert, a Slack message', async () => {
    const { page, pageErrors } = browser;

    // The Slack connector the workflow posts through, created on the Connectors page.
    const webhookUrl = `${slack.url}/services/T0E2E/B0E2E/${SLACK_SECRET}`;
    await page.goto(`${host.url}/app/connectors`);
    await page.locator(testId('createConnectorButton')).click();
    const flyout = page.locator(testId('createConnectorFlyout'));
    await flyout.locator(testId('connectorTypeSelect')).selectOption('.slack');
    await flyout.locator(testId('connectorName')).fill(SLACK_NAME);
    await flyout.locator(testId('connectorField-webhookUrl')).fill(webhookUrl);
    await flyout.locator(testId('saveConnector')).click();
    await page.locator(testId(`connectorRow-${SLACK_NAME}`)).waitFor();
    await flyout.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(SLACK_SECRET);
    const connectors = await host.request('GET', '/api/actions/connectors');
    expect(connectors.text).not.toContain(SLACK_SECRET);
    expect(connectors.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: SLACK_NAME, connector_type_id: '.slack' })]),
    );

    const triage = await createWorkflow(host, TRIAGE_YAML);
    const retired = await createWorkflow(host, RETIRED_YAML);
    expect([triage.enabled, retired.enabled]).toEqual([true, false]);

    await page.goto(`${host.url}/app/rules`);
    await page.locator(testId('createRuleButton')).first().click();
    await page.waitForURL(/\/app\/rules\/create$/);
    await page.locator(testId('ruleNameInput')).fill(RULE_NAME);
    await page.locator(testId('ruleTypeSelect')).selectOption('standalone.webhook');

    await page.locator(testId('addActionButton')).click();
    // The system connector is offered under its action type model's title.
    const workflowsItem = page.locator(testId(`addActionConnector-${WORKFLOWS_CONNECTOR_ID}`));
    expect(await workflowsItem.locator(testId('actionConnectorTitle')).textContent()).toBe('Workflows');
    await workflowsItem.click();

    const selector = page.locator(testId('workflowIdSelector'));
    await selector.locator(testId('comboBoxToggleListButton')).click();
    await page.locator(testId(`workflowOption-${triage.id}`)).waitFor();
    const offered = await page
      .locator('[data-test-subj^="workflowOption-"]')
      .evaluateAll((options) => options.map((option) => option.getAttribute('data-test-subj')));
    expect(offered).toEqual([`workflowOption-${triage.id}`]);
    expect(offered).not.toContain(`workflowOption-${retired.id}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'rule-1-workflow-picker.png') });

    await page.locator(testId(`workflowOption-${triage.id}`)).click();
    await page.locator(testId('workflowsRunPerAlertSwitch')).click();
    await page.locator(`${testId('workflowsRunPerAlertSwitch')}[aria-checked="true"]`).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'rule-2-workflows-action.png'), fullPage: true });

    await page.locator(testId('saveRuleButton')).click();
    await page.waitForURL(/\/app\/rules\/rule\/[^/]+$/);
    const ruleId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const rule = (await host.request('GET', `/api/alerting/rule/${encodeURIComponent(ruleId)}`)).body;
    expect(rule).toMatchObject({ name: RULE_NAME, rule_type_id: 'standalone.webhook', consumer: 'alerts', enabled: true });
    // A system action is saved with its id and params only, as Kibana saves it.
    expect(rule.actions).toEqual([
      {
        id: WORKFLOWS_CONNECTOR_ID,
        connector_type_id: '.workflows',
        uuid: expect.any(String),
        params: { subAction: 'run', subActionParams: { workflowId: triage.id, summaryMode: false } },
      },
    ]);
    const alertsPath = `/api/standalone/rules/${encodeURIComponent(ruleId)}/alerts`;
    await page.locator(testId('ruleAlertsCurl')).getByText(`${host.url}${alertsPath}`, { exact: false }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'rule-3-detail-webhook.png'), fullPage: true });

    const pushed = await host.request('POST', alertsPath, {
      body: {
        alerts: [
          { 'kibana.alert.reason': 'Brute force on web-1', 'kibana.alert.severity': 'high', 'host.name': 'web-1' },
          { 'kibana.alert.reason': 'Brute force on db-1', 'kibana.alert.severity': 'medium', 'host.name': 'db-1' },
        ],
      },
    });
    expect(pushed.status).toBe(200);
    expect(pushed.body.alerts).toHaveLength(2);

    const executions = await host.waitFor(
      async () => {
        const { body } = await host.request('GET', `/api/workflows/${encodeURIComponent(triage.id)}/executions`);
        const { results } = body as ListExecutionsResponse;
        return results.length === 2 && results.every(({ status }) => status === 'completed') ? results : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(executions.map(({ workflowId }) => workflowId)).toEqual([triage.id, triage.id]);

    // Each run opened a case from its alert and attached that alert.
    const sent = pushed.body.alerts as Array<{ _id: string; _index: string }>;
    const expected = [
      { title: 'Brute force on web-1', host: 'web-1', alert: sent[0] },
      { title: 'Brute force on db-1', host: 'db-1', alert: sent[1] },
    ];
    const found = await host.waitFor(
      async () => {
        const { body } = await host.request('GET', '/api/cases/_find?perPage=100');
        return body?.cases?.length === 2 ? (body.cases as FoundCase[]) : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    expect(found.map(({ title }) => title).sort()).toEqual(expected.map(({ title }) => title).sort());
    const cases = await Promise.all(
      expected.map(async ({ title, host: hostName, alert }) => {
        const summary = found.find((theCase) => theCase.title === title)!;
        const { body } = await host.request('GET', `/api/cases/${encodeURIComponent(summary.id)}?includeComments=true`);
        const theCase = body as FoundCase;
        expect(theCase).toMatchObject({ id: summary.id, title, owner: 'securitySolution', totalAlerts: 1 });
        expect(theCase.comments).toEqual([expect.objectContaining({ type: 'alert', alertId: alert._id, index: alert._index })]);
        return { id: summary.id, title, hostName, alertId: alert._id };
      }),
    );

    // The fake Slack got exactly one message per case, naming it and the host, at the secret webhook path.
    await slack.waitForRequests(2, 10_000);
    expect(slack.requests).toHaveLength(2);
    expect(slack.requests.map(({ method, path }) => [method, path])).toEqual([
      ['POST', `/services/T0E2E/B0E2E/${SLACK_SECRET}`],
      ['POST', `/services/T0E2E/B0E2E/${SLACK_SECRET}`],
    ]);
    expect(slack.requests.map(({ body }) => (body as { text: string }).text).sort()).toEqual(
      cases.map(({ id, hostName }) => `Case ${id} opened for ${hostName}`).sort(),
    );
    const retiredRuns = (await host.request('GET', `/api/workflows/${encodeURIComponent(retired.id)}/executions`)).body as ListExecutionsResponse;
    expect(retiredRuns.results).toEqual([]);

    // A rule whose action points at the disabled workflow: its run fails, and the list says why.
    const broken = await host.request('POST', '/api/alerting/rule', {
      body: {
        name: 'Alerts for a retired playbook',
        rule_type_id: 'standalone.webhook',
        consumer: 'siem',
        schedule: { interval: '1m' },
        params: {},
        actions: [{ id: WORKFLOWS_CONNECTOR_ID, params: { subAction: 'run', subActionParams: { workflowId: retired.id } } }],
      },
    });
    expect(broken.status).toBe(200);
    await host.request('POST', `/api/standalone/rules/${encodeURIComponent(broken.body.id)}/alerts`, {
      body: { alerts: [{ 'kibana.alert.reason': 'Port scan from 10.0.0.7' }] },
    });

    await page.goto(`${host.url}/app/rules`);
    const brokenRow = page.locator(testId(`ruleRow-${broken.body.id}`));
    await brokenRow.locator(`${testId('ruleExecutionStatus')}[data-status="error"]`).waitFor();
    expect(await brokenRow.locator(testId('ruleExecutionError')).textContent()).toContain(`Workflow "Retired playbook" (${retired.id}) is disabled`);
    const row = page.locator(testId(`ruleRow-${ruleId}`));
    await row.locator(`${testId('ruleExecutionStatus')}[data-status="ok"]`).waitFor();
    await row.getByText('Webhook alerts').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'rule-4-rule-list.png') });

    // Editing that rule: the form says the workflow is unavailable and refuses to save.
    await brokenRow.getByRole('button', { name: 'Edit' }).click();
    await page.waitForURL(/\/app\/rules\/edit\/[^/]+$/);
    await page.getByText('The selected workflow is disabled or no longer exists. Choose an enabled workflow.').waitFor();
    await page.locator(testId('saveRuleButton')).click();
    await page.locator(testId('ruleSaveError')).waitFor();
    expect(page.url()).toMatch(/\/app\/rules\/edit\/[^/]+$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'rule-5-unavailable-workflow.png'), fullPage: true });

    // The Cases page lists both cases; the first one shows its attached alert.
    await page.goto(`${host.url}/app/cases`);
    for (const { id } of cases) await page.locator(testId(`caseRow-${id}`)).waitFor();
    const [first] = cases;
    await page.locator(testId(`caseLink-${first.id}`)).click();
    expect(await page.locator(testId('caseTitle')).innerText()).toBe(first.title);
    const attached = page.locator(testId(`caseAlert-${first.alertId}`));
    await attached.waitFor();
    expect(await attached.innerText()).toContain(RULE_NAME);
    await page.locator(testId('caseDescription')).getByText(`Rule ${RULE_NAME} fired on ${first.hostName}`).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'rule-6-case-from-workflow.png'), fullPage: true });

    // After the runs, the webhook URL is still nowhere in the connectors API or page.
    expect((await host.request('GET', '/api/actions/connectors')).text).not.toContain(SLACK_SECRET);
    expect((await host.request('GET', '/internal/actions/connectors')).text).not.toContain(SLACK_SECRET);
    await page.goto(`${host.url}/app/connectors`);
    await page.locator(testId(`connectorRow-${SLACK_NAME}`)).waitFor();
    expect(await page.content()).not.toContain(SLACK_SECRET);

    await publishScreenshot(join(SCREENSHOTS, 'rule-6-case-from-workflow.png'), 'case-with-alert.png');
    await publishScreenshot(join(SCREENSHOTS, 'rule-2-workflows-action.png'), 'rule-workflows-action.png');
    await publishScreenshot(join(SCREENSHOTS, 'rule-4-rule-list.png'), 'rule-list.png');
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
