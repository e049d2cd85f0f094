/**
 * Dry runs and human approval in Debian's Chromium against a real host: a dry run of a workflow
 * that posts to a local webhook shows the proposed request and sends nothing; a run parked on
 * `waitForApproval` is approved from the execution page and completes.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ExecutionDto, WorkflowDto } from '../common/api';
import { startTestHost, type TestHost } from '../standalone/server/test_utils';
import { chromiumRunnable, launchChromium, testId, type Browser } from './chromium';

const SCREENSHOTS = join(__dirname, 'screenshots');
const DOCS_SCREENSHOTS = join(__dirname, '..', 'docs', 'screenshots');

const notifyYaml = (port: number) => `name: Notify the SOC
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
      url: http://127.0.0.1:${port}/hooks/soc
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

/** A webhook that records whatever reaches it: a dry run must leave it empty. */
const startFakeWebhook = async () => {
  const received: Array<{ method?: string; url?: string }> = [];
  const server: Server = createServer((request, response) => {
    received.push({ method: request.method, url: request.url });
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

const createWorkflow = async (host: TestHost, yaml: string): Promise<WorkflowDto> => {
  const { status, body } = await host.request('POST', '/api/workflows', { body: { yaml } });
  expect({ status, valid: body.valid, errors: body.validationErrors }).toEqual({ status: 200, valid: true, errors: [] });
  return body as WorkflowDto;
};

const executionIdFromUrl = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop()!);

(chromiumRunnable() ? describe : describe.skip)('Dry runs and approvals in Chromium', () => {
  let host: TestHost;
  let webhook: Awaited<ReturnType<typeof startFakeWebhook>>;
  let browser: Browser;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    await mkdir(DOCS_SCREENSHOTS, { recursive: true });
    [host, webhook] = await Promise.all([startTestHost(), startFakeWebhook()]);
    browser = await launchChromium(host);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await webhook?.close();
    await host?.stop();
  });

  it('runs dry from the list: the execution page shows the proposed POST and the webhook receives nothing', async () => {
    const { page } = browser;
    const workflow = await createWorkflow(host, notifyYaml(webhook.port));

    await page.goto(`${host.url}/app/workflows`);
    await page.locator(`${testId(`workflowRow-${workflow.id}`)} ${testId('runWorkflowAction')}`).click();
    const modal = page.locator(testId('runWorkflowModal'));
    // The form starts from the declared default.
    expect(JSON.parse(await modal.locator(testId('runInputsField')).inputValue())).toEqual({ host: 'web-1' });
    await modal.locator(testId('runInputsField')).fill('{ "host": "db-7" }');
    await modal.locator(testId('dryRunSwitch')).click();
    await modal.locator(testId('runWorkflowSubmit')).click();

    await page.waitForURL(/\/app\/workflows\/execution\/[^/]+$/);
    const executionId = executionIdFromUrl(page.url());
    await page.locator(`${testId('executionSummary')} ${testId('executionStatusBadge')}[data-status="completed"]`).waitFor({ timeout: 30_000 });
    await page.locator(testId('dryRunBanner')).getByText('Dry run: nothing was sent').waitFor();
    expect(await page.locator(testId('dryRunBadge')).textContent()).toBe('Dry run');

    const target = `http://127.0.0.1:${webhook.port}/hooks/soc`;
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
    expect(webhook.received).toEqual([]);

    const screenshot = join(SCREENSHOTS, '4-dry-run-execution.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await copyFile(screenshot, join(DOCS_SCREENSHOTS, 'dry-run.png'));
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
    await page.screenshot({ path: join(SCREENSHOTS, '5-waiting-for-approval.png'), fullPage: true });
    await callout.locator(testId('approvalComment')).fill('Confirmed with the host owner');
    await callout.locator(testId('approveButton')).click();

    await page.locator(`${testId('executionSummary')} ${testId('executionStatusBadge')}[data-status="completed"]`).waitFor({ timeout: 30_000 });
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
});
