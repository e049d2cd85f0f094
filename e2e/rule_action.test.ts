/**
 * The Workflows rule action in Debian's Chromium against a real host: create a webhook rule on the
 * Rules page, add the Workflows action (a disabled workflow is not offered), pick an enabled one,
 * run it per alert, save; then push two alerts to the rule and see two runs of the workflow.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ListExecutionsResponse, WorkflowDto } from '../common/api';
import { startTestHost, type TestHost } from '../standalone/server/test_utils';
import { chromiumRunnable, launchChromium, testId, type Browser } from './chromium';

const SCREENSHOTS = join(__dirname, 'screenshots');
const DOCS_SCREENSHOTS = join(__dirname, '..', 'docs', 'screenshots');
const WORKFLOWS_CONNECTOR_ID = 'system-connector-.workflows';
const RULE_NAME = 'Alerts from the SIEM';

const TRIAGE_YAML = `name: Triage pushed alert
description: Logs the reason of every alert the rule sends
tags: [e2e, triage]
triggers:
  - type: alert
steps:
  - name: log_reason
    type: console
    with:
      message: "{{ event.rule.name }}: {{ event.alerts.size }} alert(s)"
`;

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

  beforeAll(async () => {
    if (!existsSync(join(__dirname, '..', 'build', 'public', 'host.js'))) {
      throw new Error('The browser bundle is missing: run `node scripts/build.mjs` before the e2e tests');
    }
    await Promise.all([mkdir(SCREENSHOTS, { recursive: true }), mkdir(DOCS_SCREENSHOTS, { recursive: true })]);
    host = await startTestHost();
    await waitForWorkflowsConnector(host);
    browser = await launchChromium(host);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('adds the Workflows action to a webhook rule and runs the workflow once per pushed alert', async () => {
    const { page, pageErrors } = browser;
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

    await copyFile(join(SCREENSHOTS, 'rule-2-workflows-action.png'), join(DOCS_SCREENSHOTS, 'rule-workflows-action.png'));
    await copyFile(join(SCREENSHOTS, 'rule-4-rule-list.png'), join(DOCS_SCREENSHOTS, 'rule-list.png'));
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
