/**
 * Page scripts start after the first paint (src/lib/after-paint.ts), yet a reader who acts at once
 * is never ignored: a "/" or a Cite click before the scripts are ready is replayed when they are.
 * The scripts are slowed down here on purpose, so the reader's action always comes first.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { useSiteAndBrowser } from './support/page-checks.ts';
import { builtPages } from './support/site.ts';
import { deferredScripts } from '../../src/lib/after-paint.ts';
import { waitForPrintStyles } from './support/print.ts';

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

const pages = builtPages();
const html = (p: string) => readFileSync(path.join('dist', p.endsWith('.html') ? p : `${p}index.html`), 'utf8');
const essay = pages.find((p) => /^essays\/[^/]+\/$/.test(p) && html(p).includes('data-section'))!;
const SCRIPT_DELAY_MS = 1500;

/** A page whose scripts arrive SCRIPT_DELAY_MS late, opened up to its load event, and what went wrong on it. */
async function openWithSlowScripts(pagePath: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/_astro/*.js', async (route) => {
    await new Promise((r) => setTimeout(r, SCRIPT_DELAY_MS));
    await route.continue();
  });
  await page.goto(site.url(pagePath), { waitUntil: 'load' });
  return { page, errors };
}

const scriptsReady = (page: Page) => page.evaluate(() => document.documentElement.dataset.scripts === 'ready');

describe('page scripts start after the first paint', () => {
  test('every page built with the site layout defers its module scripts, and keeps none eager', () => {
    const withLoader = pages.filter((p) => html(p).includes('data-script-loader'));
    expect(withLoader.length).toBeGreaterThan(10);
    for (const p of withLoader) {
      expect(html(p), p).not.toMatch(/<script type="module" src=/);
      expect(deferredScripts(html(p)).length, p).toBeGreaterThan(0);
    }
  });

  test('every inline script a page runs is allowed by the hashes in its Content-Security-Policy, as it would be were the policy a header', () => {
    const pagesWithPolicy = pages.filter((p) => html(p).includes('http-equiv="content-security-policy"'));
    expect(pagesWithPolicy.length).toBeGreaterThan(10);
    const unhashed: string[] = [];
    for (const p of pagesWithPolicy) {
      const page = html(p);
      const scriptSrc = /content-security-policy" content="[^"]*?script-src ([^;"]*)/.exec(page)?.[1] ?? '';
      // Scripts the browser runs: no src, and no type other than a JavaScript one (JSON data and deferred tags are not run).
      for (const m of page.matchAll(/<script((?:\s[^>]*)?)>([\s\S]*?)<\/script>/g)) {
        const attrs = m[1]!;
        if (/\ssrc=/.test(attrs) || (/\stype=/.test(attrs) && !/\stype="(?:module|text\/javascript)"/.test(attrs))) continue;
        const hash = `'sha256-${createHash('sha256').update(m[2]!).digest('base64')}'`;
        if (!scriptSrc.includes(hash)) unhashed.push(`/${p}: ${m[2]!.slice(0, 60)}…`);
      }
    }
    expect(unhashed).toEqual([]);
  });

  // One page of each kind: under Lighthouse's simulated slow network, any request that starts
  // before the first paint is counted against it (a script, or the print stylesheet on its own
  // connection), so none may start before it, on any kind of page.
  const pageKinds = ['', essay, 'start/', 'timeline/', 'glossary/', 'sources/', 'sources/wire-agencies/', 'charts/stockpile/'];
  test.each(pageKinds)('/%s requests no page script and no print stylesheet before its first contentful paint; both arrive after it, without a CSP error', async (p) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(site.url(p), { waitUntil: 'load' });
    await expect.poll(() => scriptsReady(page)).toBe(true);
    await waitForPrintStyles(page);
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      requests: performance.getEntriesByType('resource').filter((r) => /\/_astro\/.*\.(js|css)$/.test(r.name)).map((r) => ({ name: r.name, start: r.startTime })),
    }));
    expect(timing.fcp).toBeGreaterThan(0);
    expect(timing.requests.some((r) => r.name.endsWith('.js')), 'page scripts were loaded').toBe(true);
    expect(timing.requests.some((r) => r.name.endsWith('.css')), 'the print stylesheet was loaded').toBe(true);
    for (const r of timing.requests) expect(r.start, r.name).toBeGreaterThanOrEqual(timing.fcp!);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('without JavaScript the print stylesheet is still part of the page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url(essay), { waitUntil: 'load' });
    await waitForPrintStyles(page);
    await context.close();
  });

  test('"/" pressed before the scripts are ready still opens search', async () => {
    const { page, errors } = await openWithSlowScripts(essay);
    expect(await scriptsReady(page)).toBe(false);
    await page.keyboard.press('/');
    await expect.poll(() => page.locator('dialog.search-dialog').evaluate((d) => (d as HTMLDialogElement).open), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('search-input'))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('"/" and a word typed before the scripts are ready search for the whole word', async () => {
    const { page, errors } = await openWithSlowScripts(essay);
    expect(await scriptsReady(page)).toBe(false);
    await page.keyboard.press('/');
    await page.keyboard.type('blockade');
    const input = page.locator('dialog.search-dialog .search-input');
    await expect.poll(() => input.evaluate((el) => (el as HTMLInputElement).value).catch(() => ''), { timeout: 15_000 }).toBe('blockade');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a click while some page scripts have run and others still load acts once: the theme switch does not flip back', async () => {
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The header's script (and what it imports) arrives at once, every other page script late.
    const quick = /Header\.astro|preload-helper/;
    await page.route('**/_astro/*.js', async (route) => {
      if (!quick.test(route.request().url())) await new Promise((r) => setTimeout(r, SCRIPT_DELAY_MS));
      await route.continue();
    });
    await page.goto(site.url(essay), { waitUntil: 'load' });
    const toggle = page.locator('button.theme-toggle');
    // The header's script has run (it sets the switch's state) while the rest still loads.
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await page.waitForTimeout(300);
    expect(await scriptsReady(page)).toBe(false);
    await toggle.click();
    await expect.poll(() => scriptsReady(page), { timeout: 15_000 }).toBe(true);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a click on a heading control before the scripts are ready opens its menu (not a jump), and Cite works from it', async () => {
    const { page, errors } = await openWithSlowScripts(essay);
    expect(await scriptsReady(page)).toBe(false);
    const control = page.locator('.heading-wrap a.section-link[data-section]').nth(1);
    await control.scrollIntoViewIfNeeded();
    const urlBefore = page.url();
    // A real pointer: the control must be what is under it (hovering the heading shows it).
    const box = (await control.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('a')?.matches('a.section-link[data-section]'), { x: box.x + box.width / 2, y: box.y + box.height / 2 })).toBe(true);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(page.url()).toBe(urlBefore);
    const menu = page.locator('.section-menu');
    await expect.poll(() => menu.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await control.getAttribute('aria-expanded')).toBe('true');
    await menu.locator('button[data-action="cite"]').click();
    await expect.poll(() => page.locator('.cite-panel').count(), { timeout: 15_000 }).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
