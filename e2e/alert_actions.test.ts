/**
 * "Run workflow" on alerts in Debian's Chromium against a real host: the host's Alerts page offers
 * the plugin's uiActions action in a row, in the bulk menu and in the flyout's "Take action"; each
 * run gets the chosen alerts as `event.alerts` and a toast links to it. Then a case with an attached
 * alert on the Cases page, and a Slack connector created and tested on the Connectors page against
 * a local fake Slack, whose webhook URL the page never shows after saving.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExecutionDto, ListExecutionsResponse, WorkflowDto } from '../common/api';
import { startFakeHttpService, type FakeHttpService } from '../standalone/server/actions/fake_services';
import { startTestHost, type TestHost } from '../standalone/server/test_utils';
import { chromiumRunnable, launchChromium, testId, type Browser, publishScreenshot } from './chromium';

const SCREENSHOTS = join(__dirname, 'screenshots');
const ACTION_ID = 'runWorkflowOnAlert';
const RULE_NAME = 'SIEM feed';

// The one step prints what the run got, so the test reads `event.alerts` back from the step output.
const TRIAGE_YAML = `name: Triage alerts by hand
description: Started from an alert with "Run workflow"
tags: [e2e, triage]
triggers:
  - type: alert
steps:
  - name: report
    type: console
    with:
      message: "{{ event.alerts | size }} alert(s) from {{ event.rule.name }}: {{ event.alerts | map: '_id' | join: ',' }}"
`;

const DISABLED_YAML = `name: Retired playbook
enabled: false
triggers:
  - type: alert
steps:
  - name: log
    type: console
    with:
      message: never
`;

const request = async <T>(host: TestHost, method: string, path: string, body?: unknown): Promise<T> => {
  const response = await host.request(method, path, body === undefined ? {} : { body });
  if (response.status !== 200) throw new Error(`${method} ${path} answered ${response.status}: ${response.text}`);
  return response.body as T;
};

/**
 * Waits for the modal's outcome. A failed run shows the server's message in an error toast; the test
 * fails with that message rather than waiting out its timeout.
 */
const waitForRunToast = async (page: Page): Promise<string> => {
  const started = page.locator(testId('runWorkflowOnAlertStartedToast'));
  const failed = page.locator('.euiToast', { hasText: 'Could not run workflow' });
  await started.or(failed).first().waitFor();
  if (await failed.count()) throw new Error(`"Run workflow" failed: ${await failed.first().innerText()}`);
  const link = started.last().getByRole('link', { name: 'View the run' });
  const href = await link.getAttribute('href');
  const executionId = decodeURIComponent(/\/app\/workflows\/execution\/([^/?#]+)/.exec(href ?? '')?.[1] ?? '');
  if (!executionId) throw new Error(`The toast links to ${href}, not to an execution`);
  return executionId;
};

const pickAndRun = async (page: Page, workflowId: string, screenshot?: string) => {
  const modal = page.locator(testId('runWorkflowOnAlertModal'));
  await modal.locator(testId(`runWorkflowOption-${workflowId}`)).click();
  if (screenshot) await page.screenshot({ path: join(SCREENSHOTS, screenshot) });
  await modal.locator(testId('runWorkflowConfirm')).click();
  const executionId = await waitForRunToast(page);
  await modal.waitFor({ state: 'detached' });
  return executionId;
};

const closeToasts = async (page: Page) => {
  for (const button of await page.locator('.euiToast [data-test-subj="toastCloseButton"]').all()) await button.click();
};

(chromiumRunnable() ? describe : describe.skip)('"Run workflow" on alerts, Cases and Connectors pages in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let slack: FakeHttpService;

  beforeAll(async () => {
    if (!existsSync(join(__dirname, '..', 'build', 'public', 'host.js'))) {
      throw new Error('The browser bundle is missing: run `node scripts/build.mjs` before the e2e tests');
    }
    await mkdir(SCREENSHOTS, { recursive: true });
    [host, slack] = await Promise.all([startTestHost(), startFakeHttpService()]);
    browser = await launchChromium(host);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await slack?.close();
  });

  const completedRun = async (executionId: string) => {
    const path = `/api/workflows-executions/${encodeURIComponent(executionId)}`;
    return host.waitFor(
      async () => {
        const execution = await request<ExecutionDto>(host, 'GET', path);
        if (execution.status === 'failed') throw new Error(`The run failed: ${execution.error?.message}`);
        return execution.status === 'completed' ? execution : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
  };
  const reported = (execution: ExecutionDto) => String(execution.steps.find(({ name }) => name === 'report')?.output ?? '');

  it('runs a workflow on an alert from its row, on the selected alerts in bulk, and from the flyout', async () => {
    const { page, pageErrors } = browser;
    const triage = await request<WorkflowDto>(host, 'POST', '/api/workflows', { yaml: TRIAGE_YAML });
    const retired = await request<WorkflowDto>(host, 'POST', '/api/workflows', { yaml: DISABLED_YAML });
    const rule = await request<{ id: string }>(host, 'POST', '/api/alerting/rule', {
      name: RULE_NAME,
      rule_type_id: 'standalone.webhook',
      consumer: 'alerts',
      schedule: { interval: '1m' },
      params: {},
      actions: [],
    });
    const pushed = await request<{ alerts: Array<{ _id: string; _index: string }> }>(
      host,
      'POST',
      `/api/standalone/rules/${encodeURIComponent(rule.id)}/alerts`,
      {
        alerts: [
          { 'kibana.alert.reason': 'SQL injection attempt on web-1', 'kibana.alert.severity': 'high', 'host.name': 'web-1' },
          { 'kibana.alert.reason': 'Port scan from 10.0.0.7', 'kibana.alert.severity': 'medium', 'host.name': 'db-1' },
        ],
      },
    );
    const [first, second] = pushed.alerts.map(({ _id }) => _id);
    const row = (alertId: string) => page.locator(testId(`alertRow-${alertId}`));

    // Row action.
    await page.goto(`${host.url}/app/alerts`);
    await row(second).waitFor();
    const rowAction = row(first).locator(testId(`alertRowAction-${ACTION_ID}`));
    expect(await rowAction.innerText()).toBe('Run workflow');
    await page.screenshot({ path: join(SCREENSHOTS, 'alerts-1-table.png') });
    await rowAction.click();
    const modal = page.locator(testId('runWorkflowOnAlertModal'));
    await modal.locator(testId(`runWorkflowOption-${triage.id}`)).waitFor();
    const offered = await modal
      .getByRole('option')
      .evaluateAll((options) => options.map((option) => option.getAttribute('data-test-subj')));
    expect(offered).toEqual([`runWorkflowOption-${triage.id}`]);
    expect(offered).not.toContain(`runWorkflowOption-${retired.id}`);
    const rowRun = await pickAndRun(page, triage.id, 'alerts-2-run-modal.png');
    await page.screenshot({ path: join(SCREENSHOTS, 'alerts-3-run-toast.png') });

    await page.locator(testId('runWorkflowOnAlertStartedToast')).getByRole('link', { name: 'View the run' }).click();
    await page.waitForURL(new RegExp(`/app/workflows/execution/${encodeURIComponent(rowRun)}$`));
    await page
      .locator(`${testId('executionSummary')} ${testId('executionStatusBadge')}[data-status="completed"]`)
      .waitFor({ timeout: 30_000 });
    expect(reported(await completedRun(rowRun))).toBe(`1 alert(s) from ${RULE_NAME}: ${first}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'alerts-4-execution.png'), fullPage: true });

    // Bulk action on both alerts: one run with both.
    await page.goto(`${host.url}/app/alerts`);
    await closeToasts(page);
    for (const alertId of [first, second]) await row(alertId).locator('input[type="checkbox"]').check();
    await page.locator(testId('alertsBulkActionsButton')).click();
    await page.locator(testId(`alertsBulkAction-${ACTION_ID}`)).click();
    const bulkRun = await pickAndRun(page, triage.id);
    const bulkReport = reported(await completedRun(bulkRun));
    expect(bulkReport).toMatch(new RegExp(`^2 alert\\(s\\) from ${RULE_NAME}: `));
    expect(bulkReport.split(': ')[1].split(',').sort()).toEqual([first, second].sort());

    // Flyout: Take action → Run workflow.
    await closeToasts(page);
    await row(second).getByText('Port scan from 10.0.0.7').click();
    const flyout = page.locator(testId('alertFlyout'));
    await flyout.getByText('host.name', { exact: true }).waitFor();
    await flyout.locator(testId('alertFlyoutTakeAction')).click();
    await page.locator(testId(`alertFlyoutAction-${ACTION_ID}`)).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'alerts-5-flyout-take-action.png') });
    await page.locator(testId(`alertFlyoutAction-${ACTION_ID}`)).click();
    const flyoutRun = await pickAndRun(page, triage.id);
    expect(reported(await completedRun(flyoutRun))).toBe(`1 alert(s) from ${RULE_NAME}: ${second}`);

    const { results } = await request<ListExecutionsResponse>(host, 'GET', `/api/workflows/${encodeURIComponent(triage.id)}/executions`);
    expect(results.map(({ id }) => id).sort()).toEqual([rowRun, bulkRun, flyoutRun].sort());

    // A case with the first alert attached, as a workflow's case step would leave it.
    const created = await request<{ id: string }>(host, 'POST', '/api/cases', {
      title: 'SQL injection on web-1',
      description: 'Opened from the SIEM feed.',
      tags: ['e2e'],
      owner: 'cases',
      connector: { id: 'none', name: 'none', type: '.none', fields: null },
      settings: { syncAlerts: false },
      severity: 'high',
    });
    const casePath = `/api/cases/${encodeURIComponent(created.id)}/comments`;
    await request(host, 'POST', casePath, {
      type: 'alert',
      alertId: first,
      index: pushed.alerts[0]._index,
      rule: { id: rule.id, name: RULE_NAME },
      owner: 'cases',
    });
    await request(host, 'POST', casePath, { type: 'user', comment: 'Blocked the source address at the edge.', owner: 'cases' });
    await page.goto(`${host.url}/app/cases`);
    const caseRow = page.locator(testId(`caseRow-${created.id}`));
    await caseRow.waitFor();
    expect(await caseRow.innerText()).toMatch(/SQL injection on web-1[\s\S]*open[\s\S]*high[\s\S]*e2e[\s\S]*1[\s\S]*1/);
    await caseRow.locator(testId(`caseLink-${created.id}`)).click();
    const attached = page.locator(testId(`caseAlert-${first}`));
    await attached.waitFor();
    expect(await attached.innerText()).toContain(RULE_NAME);
    await page.getByText('Blocked the source address at the edge.').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'cases-1-detail.png'), fullPage: true });

    await publishScreenshot(join(SCREENSHOTS, 'alerts-1-table.png'), 'alerts-run-workflow.png');
    await publishScreenshot(join(SCREENSHOTS, 'alerts-2-run-modal.png'), 'run-workflow-modal.png');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('creates a Slack connector, tests it against a fake Slack, and never shows its webhook URL after saving', async () => {
    const { page, pageErrors } = browser;
    const webhookUrl = `${slack.url}/services/T0001/B0001/secret-token-123`;

    await page.goto(`${host.url}/app/connectors`);
    await page.locator(testId('createConnectorButton')).click();
    const flyout = page.locator(testId('createConnectorFlyout'));
    await flyout.locator(testId('connectorTypeSelect')).selectOption('.slack');
    await flyout.locator(testId('connectorName')).fill('Team Slack');
    const secretInput = flyout.locator(testId('connectorField-webhookUrl'));
    expect(await secretInput.getAttribute('type')).toBe('password');
    await secretInput.fill(webhookUrl);
    await page.screenshot({ path: join(SCREENSHOTS, 'connectors-1-create-slack.png') });
    await flyout.locator(testId('saveConnector')).click();

    const row = page.locator(testId('connectorRow-Team Slack'));
    await row.waitFor();
    await flyout.waitFor({ state: 'detached' });
    expect(await row.innerText()).toContain('Slack');
    expect(await page.content()).not.toContain('secret-token-123');

    await row.locator(testId('testConnector')).click();
    await page.locator(testId('connectorTestSucceeded')).waitFor();
    const [received] = await slack.waitForRequests(1);
    expect(received).toMatchObject({ method: 'POST', path: '/services/T0001/B0001/secret-token-123' });
    expect(received.body).toEqual({ text: 'Test message from Workflows for Kibana' });
    await page.screenshot({ path: join(SCREENSHOTS, 'connectors-2-tested.png') });
    expect(await page.content()).not.toContain('secret-token-123');

    const listed = await host.request('GET', '/api/actions/connectors');
    expect(listed.text).not.toContain('secret-token-123');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
