/**
 * Dry runs and human approval in Debian's Chromium against a real host: a dry run of a workflow
 * that posts to a local webhook shows the proposed request and sends nothing; a run parked on
 * `waitForApproval` is approved from the execution page and completes.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExecutionDto, WorkflowDto } from '../common/api';
import { startFakeHttpService, type FakeHttpService } from '../standalone/server/actions/fake_services';
import { startTestHost, type TestHost } from '../standalone/server/test_utils';
import { chromiumRunnable, launchChromium, requireBrowserBundle, testId, type Browser, publishScreenshot } from './chromium';

const SCREENSHOTS = join(__dirname, 'screenshots');

const notifyYaml = (webhookUrl: string) => `name: Notify the SOC
description: Posts the host to isolate to the SOC webhook
tags: [e2e]
triggers:
  - type: manual
    inputs:
      - name: host
        type: string
        default: web-1
steps:
  - name: notify
    type: http
    with:
      url: ${webhookUrl}/hooks/soc
      method: POST
      body:
        text: "Isolate {{ inputs.host }}"
        severity: critical
  - name: log
    type: console
    with:
      message: "SOC notified about {{ inputs.host }}"
`;

const APPROVAL_YAML = `name: Isolate after approval
triggers:
  - type: manual
steps:
  - name: approve
    type: waitForApproval
    with:
      message: Isolate web-1 from the network?
  - name: isolate
    type: console
    with:
      message: "approved: {{ steps.approve.output.comment }}"
`;

const createWorkflow = async (host: TestHost, yaml: string): Promise<WorkflowDto> => {
  const { status, body } = await host.request('POST', '/api/workflows', { body: { yaml } });
  expect({ status, valid: body.valid, errors: body.validationErrors }).toEqual({ status: 200, valid: true, errors: [] });
  return body as WorkflowDto;
};

/** The "run started" toast would cover part of a screenshot; it has said its piece by then. */
const hideToasts = (page: Browser['page']) => page.addStyleTag({ content: '.euiGlobalToastList { display: none !important; }' });

const executionIdFromUrl = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop()!);

(chromiumRunnable() ? describe : describe.skip)('Dry runs and approvals in Chromium', () => {
  let host: TestHost;
  // Records whatever reaches it: a dry run must leave it empty.
  let webhook: FakeHttpService;
  let browser: Browser;

  beforeAll(async () => {
    requireBrowserBundle();
    await mkdir(SCREENSHOTS, { recursive: true });
    [host, webhook] = await Promise.all([startTestHost(), startFakeHttpService()]);
    browser = await launchChromium(host);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await webhook?.close();
    await host?.stop();
  });

  it('runs dry from the list: the execution page shows the proposed POST and the webhook receives nothing', async () => {
    const { page } = browser;
    const workflow = await createWorkflow(host, notifyYaml(webhook.url));

    await page.goto(`${host.url}/app/workflows`);
    await page.locator(`${testId(`workflowRow-${workflow.id}`)} ${testId('runWorkflowAction')}`).click();
    const modal = page.locator(testId('runWorkflowModal'));
    // The form starts from the declared default.
    expect(JSON.parse(await modal.locator(testId('runInputsField')).inputValue())).toEqual({ host: 'web-1' });
    await modal.locator(testId('runInputsField')).fill('{ "host": "db-7" }');
    await modal.locator(testId('dryRunSwitch')).click();
    await page.screenshot({ path: join(SCREENSHOTS, '6-run-modal-dry-run.png') });
    await modal.locator(testId('runWorkflowSubmit')).click();

    await page.waitForURL(/\/app\/workflows\/execution\/[^/]+$/);
    const executionId = executionIdFromUrl(page.url());
    await page
      .locator(`${testId('executionSummary')} ${testId('executionStatusBadge')}[data-status="completed"]`)
      .waitFor({ timeout: 30_000 });
    await page.locator(testId('dryRunBanner')).getByText('Dry run: nothing was sent').waitFor();
    expect(await page.locator(testId('dryRunBadge')).textContent()).toBe('Dry run');

    const target = `${webhook.url}/hooks/soc`;
    expect(target).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks\/soc$/);
    const effect = page.locator(testId('proposedEffect'));
    expect(await effect.count()).toBe(1);
    expect(await effect.locator(testId('proposedEffectSummary')).textContent()).toBe(`POST ${target}`);
    expect(await effect.locator(testId('proposedEffectStep')).textContent()).toBe('notify');
    await effect.locator('button').first().click();
    const request = JSON.parse((await effect.locator(testId('proposedEffectRequest')).textContent()) ?? '');
    expect(request).toMatchObject({ method: 'POST', url: target, body: { text: 'Isolate db-7', severity: 'critical' } });
    expect(await page.locator(`${testId('stepExecution')}[data-step-name="notify"] ${testId('stepEffectsBadge')}`).textContent()).toBe(
      '1 proposed effect',
    );

    const execution = (await host.request('GET', `/api/workflows-executions/${encodeURIComponent(executionId)}`)).body as ExecutionDto;
    expect(execution).toMatchObject({ dryRun: true, status: 'completed' });
    expect(execution.steps.map(({ name, status }) => [name, status])).toEqual([
      ['notify', 'completed'],
      ['log', 'completed'],
    ]);
    expect(webhook.requests).toEqual([]);

    await hideToasts(page);
    const screenshot = join(SCREENSHOTS, '4-dry-run-execution.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await publishScreenshot(screenshot, 'dry-run.png');
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);

  it('parks a run on waitForApproval, and Approve in the execution page lets it complete', async () => {
    const { page } = browser;
    const workflow = await createWorkflow(host, APPROVAL_YAML);

    await page.goto(`${host.url}/app/workflows/edit/${encodeURIComponent(workflow.id)}`);
    await page.locator(testId('runWorkflowButton')).click();
    await page.locator(`${testId('runWorkflowModal')} ${testId('runWorkflowSubmit')}`).click();
    await page.waitForURL(/\/app\/workflows\/execution\/[^/]+$/);
    const executionId = executionIdFromUrl(page.url());

    const callout = page.locator(testId('humanInputCallout'));
    await callout.waitFor({ timeout: 30_000 });
    expect(await callout.locator(testId('humanInputMessage')).textContent()).toBe('Isolate web-1 from the network?');
    await hideToasts(page);
    await page.screenshot({ path: join(SCREENSHOTS, '5-waiting-for-approval.png'), fullPage: true });
    await callout.locator(testId('approvalComment')).fill('Confirmed with the host owner');
    await callout.locator(testId('approveButton')).click();

    await page
      .locator(`${testId('executionSummary')} ${testId('executionStatusBadge')}[data-status="completed"]`)
      .waitFor({ timeout: 30_000 });
    await callout.waitFor({ state: 'detached' });
    const execution = (await host.request('GET', `/api/workflows-executions/${encodeURIComponent(executionId)}`)).body as ExecutionDto;
    expect(execution.status).toBe('completed');
    expect(execution.steps.find(({ name }) => name === 'approve')?.output).toMatchObject({
      approved: true,
      comment: 'Confirmed with the host owner',
    });
    expect(execution.steps.find(({ name }) => name === 'isolate')?.output).toBe('approved: Confirmed with the host owner');
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);

  it('tests unsaved YAML from the editor as a dry test run, then cancels a parked run', async () => {
    const { page } = browser;
    const workflow = await createWorkflow(host, APPROVAL_YAML);

    await page.goto(`${host.url}/app/workflows/edit/${encodeURIComponent(workflow.id)}`);
    // An unsaved edit: the name on the first line gains a suffix.
    await page
      .locator(`${testId('workflowYamlEditor')} .view-lines`)
      .getByText('Isolate after approval')
      .waitFor();
    await page.locator(`${testId('workflowYamlEditor')} .view-lines`).click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('End');
    // At a person's pace: keys sent back to back outrun the editor's re-render, which then puts a
    // stale value back into Monaco (YamlEditor compares the prop with the model, not with what it emitted).
    await page.keyboard.type(' (draft)', { delay: 80 });
    await page.locator(testId('testWorkflowButton')).click();
    const modal = page.locator(testId('runWorkflowModal'));
    await modal.locator(testId('runEventField')).fill('{ "alerts": [{ "host": "web-1" }] }');
    await modal.locator(testId('dryRunSwitch')).click();
    await modal.locator(testId('runWorkflowSubmit')).click();
    await page.waitForURL(/\/app\/workflows\/execution\/[^/]+$/);
    const executionId = executionIdFromUrl(page.url());
    await page.locator(testId('humanInputCallout')).waitFor({ timeout: 30_000 });
    expect(await page.locator(testId('testRunBadge')).textContent()).toBe('Test run');
    expect(await page.locator(testId('dryRunBadge')).textContent()).toBe('Dry run');

    await page.locator(testId('cancelExecutionButton')).click();
    await page.locator(`${testId('cancelExecutionModal')} ${testId('confirmModalConfirmButton')}`).click();
    await page
      .locator(`${testId('executionSummary')} ${testId('executionStatusBadge')}[data-status="cancelled"]`)
      .waitFor({ timeout: 5_000 });
    await page.locator(testId('cancelExecutionButton')).waitFor({ state: 'detached' });

    const execution = (await host.request('GET', `/api/workflows-executions/${encodeURIComponent(executionId)}`)).body as ExecutionDto;
    expect(execution).toMatchObject({ workflowId: workflow.id, isTestRun: true, dryRun: true, status: 'cancelled' });
    expect(execution.workflowName).toBe('Isolate after approval (draft)');
    expect(browser.pageErrors).toEqual([]);
  }, 60_000);
});
