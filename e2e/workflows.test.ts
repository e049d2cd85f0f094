/**
 * The Workflows app in Debian's Chromium against a real host: create a workflow in the YAML editor
 * (schema errors underlined), save, run, and watch the run complete with its steps listed.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExecutionDto, WorkflowDto } from '../common/api';
import { startTestHost, type TestHost } from '../standalone/server/test_utils';
import { chromiumRunnable, launchChromium, requireBrowserBundle, testId, type Browser } from './chromium';

const SCREENSHOTS = join(__dirname, 'screenshots');
const runnable = chromiumRunnable();

const WORKFLOW_NAME = 'Greet hosts from the browser';
const workflowYaml = (extraTopLevel = '') => `name: ${WORKFLOW_NAME}
description: Written in the editor by the e2e test
tags: [e2e]
${extraTopLevel}triggers:
  - type: manual
steps:
  - name: remember
    type: data.set
    with:
      hosts: ["web-1", "db-1"]
  - name: each_host
    type: foreach
    foreach: "{{ variables.hosts }}"
    steps:
      - name: greet
        type: console
        with:
          message: "Hello {{ foreach.item }}"
`;

/**
 * Replaces the whole editor text the way a user brings in YAML: select all, paste. Typing it
 * (`keyboard.insertText`) would not do: Monaco auto-indents every new line as it is typed.
 */
const replaceEditorText = async (page: Page, text: string) => {
  await page.locator(`${testId('workflowYamlEditor')} .view-lines`).click();
  // Written after the click: the clipboard only accepts writes from a focused document.
  await page.evaluate((clip) => navigator.clipboard.writeText(clip), text);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
};

const squiggles = (page: Page) => page.locator(`${testId('workflowYamlEditor')} .squiggly-error`);

(runnable ? describe : describe.skip)('Workflows app in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    requireBrowserBundle();
    await mkdir(SCREENSHOTS, { recursive: true });
    host = await startTestHost();
    browser = await launchChromium(host);
    ({ page, pageErrors } = browser);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('creates a workflow in the editor, saves it, runs it and shows the completed run', async () => {
    await page.goto(`${host.url}/app/workflows`);
    await page.locator(testId('createWorkflowButton')).first().click();
    await page.waitForURL(/\/app\/workflows\/create$/);
    await page.locator(`${testId('workflowYamlEditor')} .monaco-editor`).waitFor();

    // An unknown top-level key: the JSON Schema from the server makes monaco-yaml underline it.
    await replaceEditorText(page, workflowYaml('colour: blue\n'));
    await squiggles(page).first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '1-editor-schema-error.png') });

    const yaml = workflowYaml();
    await replaceEditorText(page, yaml);
    await page.waitForFunction(
      (selector) => document.querySelectorAll(selector).length === 0,
      `${testId('workflowYamlEditor')} .squiggly-error`,
    );

    await page.locator(testId('saveWorkflowButton')).click();
    await page.waitForURL(/\/app\/workflows\/edit\/[^/]+$/);
    const workflowId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const saved = (await host.request('GET', `/api/workflows/${encodeURIComponent(workflowId)}`)).body as WorkflowDto;
    // What reached the server is exactly what was pasted.
    expect(saved).toMatchObject({ name: WORKFLOW_NAME, yaml, valid: true, enabled: true });
    await page.getByRole('heading', { name: WORKFLOW_NAME }).waitFor();

    await page.locator(testId('runWorkflowButton')).click();
    // Run opens the run options (inputs, dry run); the defaults run it as is.
    await page.locator(`${testId('runWorkflowModal')} ${testId('runWorkflowSubmit')}`).click();
    await page.waitForURL(/\/app\/workflows\/execution\/[^/]+$/);
    const executionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page
      .locator(`${testId('executionSummary')} ${testId('executionStatusBadge')}[data-status="completed"]`)
      .waitFor({ timeout: 30_000 });
    await page.locator(testId('executionInProgress')).waitFor({ state: 'detached' });

    const execution = (await host.request('GET', `/api/workflows-executions/${encodeURIComponent(executionId)}`)).body as ExecutionDto;
    expect(execution).toMatchObject({ workflowId, status: 'completed' });
    const shownSteps = await page
      .locator(testId('stepExecution'))
      .evaluateAll((panels) => panels.map((panel) => panel.getAttribute('data-step-name')));
    expect(shownSteps).toEqual(execution.steps.map(({ name }) => name));
    expect(shownSteps.filter((name) => name === 'greet')).toHaveLength(2);
    expect(shownSteps).toEqual(expect.arrayContaining(['remember', 'each_host']));
    const stepStatuses = await page
      .locator(`${testId('stepExecution')} ${testId('executionStatusBadge')}`)
      .evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-status')));
    expect(new Set(stepStatuses)).toEqual(new Set(['completed']));

    // A console step's output is its rendered message.
    const firstGreeting = page.locator(`${testId('stepExecution')}[data-step-name="greet"]`).first();
    await firstGreeting.locator('button').first().click();
    await firstGreeting.locator(testId('stepExecutionInput')).getByText('"Hello web-1"').waitFor();
    await firstGreeting.locator(testId('stepExecutionOutput')).getByText('Hello web-1', { exact: true }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '2-execution-completed.png'), fullPage: true });

    await page.goto(`${host.url}/app/workflows`);
    const row = page.locator(testId(`workflowRow-${workflowId}`));
    await row.locator(`${testId('executionStatusBadge')}[data-status="completed"]`).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '3-workflow-list.png') });

    expect(pageErrors).toEqual([]);
  }, 60_000);
});
