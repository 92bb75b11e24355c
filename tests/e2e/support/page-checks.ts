/** Shared helpers for browser tests that open one page at a time. */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  return page;
}

export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}
