/** Shared helpers for browser tests that open one page at a time. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { serveDist, type StaticSite } from './server.ts';
import { launchChromium } from './browser.ts';

export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  return page;
}

export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

/**
 * Serves dist/ and starts Chromium once for a test file, closing both after it. `ready` receives
 * them before the first test runs.
 */
export function useSiteAndBrowser(ready: (site: StaticSite, browser: Browser) => void): void {
  let site: StaticSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveDist();
    browser = await launchChromium();
    ready(site, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
}
