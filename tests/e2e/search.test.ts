/**
 * Search on the built site: the relevance set (each query must put the right page and section in
 * the first three results), spelling variants, keyboard-only use, linkable queries, and the
 * promise that no page downloads search code until search is opened.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { openPage, closePage, useSiteAndBrowser } from './support/page-checks.ts';
import { RELEVANCE_SET } from './search-relevance.ts';
import { builtPages } from './support/site.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

/** The result links shown for a query on /search/?q=…, as paths with their anchors. */
async function resultsFor(page: Page, query: string): Promise<string[]> {
  await page.goto(`${site.url('search/')}?q=${encodeURIComponent(query)}`);
  await page.locator('.search-status').filter({ hasText: /result/ }).waitFor();
  return page.locator('.search-results [role=option] a').evaluateAll((links) =>
    links.map((a) => {
      const u = new URL((a as HTMLAnchorElement).href);
      return u.pathname + u.hash;
    }),
  );
}

describe('search relevance', () => {
  let page: Page;
  beforeAll(async () => {
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => closePage(page));

  test('the relevance set is large enough and covers sections, events, terms and spellings', () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(15);
    expect(RELEVANCE_SET.filter((c) => c.expect.includes('/timeline/#')).length).toBeGreaterThanOrEqual(2);
    expect(RELEVANCE_SET.filter((c) => c.expect.includes('/glossary/#')).length).toBeGreaterThanOrEqual(2);
    expect(RELEVANCE_SET.filter((c) => c.variant).length).toBeGreaterThanOrEqual(3);
  });

  test('variant queries are spelled in a way that appears nowhere on the site', () => {
    const built = builtPages().map((p) => readFileSync(path.join('dist', p.endsWith('.html') ? p : `${p}index.html`), 'utf8')).join('\n');
    for (const c of RELEVANCE_SET.filter((c) => c.variant)) expect(new RegExp(`\\b${c.query}\\b`, 'i').test(built), c.query).toBe(false);
  });

  test.each(RELEVANCE_SET)('"$query" finds $expect in the first three results', async ({ query, expect: wanted }) => {
    const found = await resultsFor(page, query);
    const target = site.base.replace(/\/$/, '') + wanted;
    expect(found.slice(0, 3), `results: ${found.join(', ')}`).toContain(target);
  });

  test('nothing from navigation, footers or anchor text appears in excerpts', async () => {
    // Words that exist only in the page chrome: header, footer, section tools, screen-reader-only link text.
    for (const query of ['Skip to content', 'Copy link', 'Link to section', 'Dark theme', 'Source on GitHub', 'opens in a new tab']) {
      await page.goto(`${site.url('search/')}?q=${encodeURIComponent(query)}`);
      await page.locator('.search-status').filter({ hasText: /result/i }).waitFor();
      const excerpts = await page.locator('.result-excerpt').allTextContents();
      for (const e of excerpts) expect(e.toLowerCase()).not.toContain(query.toLowerCase());
    }
  });
});

describe('search in use', () => {
  test('/search/?q=hormuz shows results on load, and the address follows the query', async () => {
    const page = await openPage(browser, `${site.url('search/')}?q=hormuz`);
    await expect.poll(() => page.locator('.search-results [role=option]').count()).toBeGreaterThan(2);
    await page.locator('.search-input').fill('blockade');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('blockade');
    await closePage(page);
  });

  test('keyboard only: "/" opens, typing searches, arrows move, Enter opens, Escape closes and focus returns', async () => {
    const page = await openPage(browser, site.url('essays/'));
    // Open with the keyboard from the header button, so we know where focus must return.
    await page.locator('a.search-open').focus();
    await page.keyboard.press('Enter');
    const input = page.locator('dialog.search-dialog .search-input');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('strait');
    await expect.poll(() => page.locator('dialog [role=option]').count()).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('dialog [role=option][aria-selected=true]').getAttribute('id')).toBe(await input.getAttribute('aria-activedescendant'));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.search-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('search-open'))).toBe(true);
    // The "/" shortcut, then Enter on the second result.
    await page.keyboard.press('/');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.fill('strait');
    await expect.poll(() => page.locator('dialog [role=option]').count()).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    const href = await page.locator('dialog [role=option][aria-selected=true] a').getAttribute('href');
    await Promise.all([page.waitForURL((u) => u.href.startsWith(new URL(href!, site.origin).href.split('#')[0]!), { waitUntil: 'commit' }), page.keyboard.press('Enter')]);
    await closePage(page);
  });

  test('letters typed straight after "/", before the search field has appeared, all reach it', async () => {
    const page = await openPage(browser, site.url('essays/'));
    await page.keyboard.press('/');
    await page.keyboard.type('soleymani');
    const input = page.locator('dialog.search-dialog .search-input');
    await expect.poll(() => input.evaluate((el) => (el as HTMLInputElement).value).catch(() => '')).toBe('soleymani');
    await expect.poll(() => page.locator('dialog [role=option] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContainEqual(expect.stringContaining('#january-2020-soleimani-and-ain-al-asad'));
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await closePage(page);
  });

  test('Ctrl-K opens search too; focus stays inside the dialog', async () => {
    const page = await openPage(browser, site.url(''));
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.locator('dialog.search-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    await closePage(page);
  });

  test('a page where search is not opened downloads no Pagefind file', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(site.url('essays/strait-of-hormuz/'), { waitUntil: 'networkidle' });
    await page.mouse.wheel(0, 3000);
    await page.waitForTimeout(300);
    expect(requested.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await context.close();
  });

  test('the page a result opens highlights the searched words', async () => {
    const page = await openPage(browser, `${site.url('search/')}?q=Muscat`);
    await expect.poll(() => page.locator('.search-results [role=option] a').count()).toBeGreaterThan(0);
    const href = await page.locator('.search-results [role=option] a').first().getAttribute('href');
    expect(href).toContain('highlight=');
    await page.goto(new URL(href!, site.origin).href, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('mark').count()).toBeGreaterThan(0);
    await closePage(page);
  });

  test('without JavaScript the search page says so and offers the essays and glossary', async () => {
    const page = await openPage(browser, site.url('search/'), { javaScriptEnabled: false });
    expect(await page.locator('.search-nojs').textContent()).toContain('Search needs JavaScript');
    expect(await page.locator('.search-nojs a[href$="/glossary/"]').count()).toBe(1);
    await closePage(page);
  });
});
