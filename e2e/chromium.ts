/* Debian's Chromium for the browser tests, launched the one way that works on this machine kind. */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** In CI a missing browser is a failure, not a skip. */
export const chromiumRunnable = (): boolean => {
  const runnable = existsSync(CHROMIUM) || Boolean(process.env.CI);
  if (!runnable) {
    console.warn(`e2e skipped: ${CHROMIUM} is missing. Install it with \`apt-get install -y chromium\` (never \`playwright install\`).`);
  }
  return runnable;
};

/** The host serves the app from the build: a clear message beats a blank page and a timeout. */
export const requireBrowserBundle = () => {
  if (!existsSync(join(__dirname, '..', 'build', 'public', 'host.js'))) {
    throw new Error('The browser bundle is missing: run `node scripts/build.mjs` before the e2e tests');
  }
};

export const testId = (id: string) => `[data-test-subj="${id}"]`;

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page: a test ends by expecting none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A fresh profile logged in to the host with basic auth. */
export async function launchChromium({ username, password }: { username: string; password: string }): Promise<Browser> {
  const profileDir = await mkdtemp(join(tmpdir(), 'workflows-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    httpCredentials: { username, password },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    context,
    page,
    pageErrors,
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * The README's pictures come from these tests. They are refreshed only on request
 * (`UPDATE_DOCS_SCREENSHOTS=1 npm test`), so an ordinary test run leaves the tree clean.
 */
export async function publishScreenshot(from: string, name: string): Promise<void> {
  if (!process.env.UPDATE_DOCS_SCREENSHOTS) return;
  const docs = join(__dirname, '..', 'docs', 'screenshots');
  await mkdir(docs, { recursive: true });
  await copyFile(from, join(docs, name));
}
