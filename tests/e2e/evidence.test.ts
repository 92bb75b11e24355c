/**
 * Evidence a reader can check, on the built site in Chromium: no page shows a placeholder title, a
 * tracking parameter or an internal source key; /sources/ filters by kind without JavaScript on a
 * phone; every key a merged entry replaced still lands on that entry; /data/ links every stockpile
 * row to its IAEA report and to each copy read.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { useSiteAndBrowser } from './support/page-checks.ts';
import { builtPages } from './support/site.ts';
import { PLACEHOLDER_MARKERS, trackingParametersIn } from '../../src/lib/source-rules.ts';
import { parseSources, SOURCE_TYPE_LABELS } from '../../src/lib/sources.ts';
import { parseStockpile } from '../../src/lib/data/schemas.ts';

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

const sources = parseSources(readFileSync('content/sources.yaml', 'utf8'), 'content/sources.yaml');
const pages = builtPages();

describe('no unfinished evidence reaches a reader', () => {
  test('no built page shows a placeholder title or links to an address with tracking parameters', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const found: string[] = [];
    for (const pagePath of pages) {
      await page.goto(site.url(pagePath));
      const { text, hrefs } = await page.evaluate(() => ({
        text: document.body.innerText,
        hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
      }));
      const marker = PLACEHOLDER_MARKERS.exec(text);
      if (marker) found.push(`/${pagePath}: placeholder "${marker[0]}"`);
      for (const href of hrefs) {
        const tracking = trackingParametersIn(new URL(href, site.url(pagePath)).href);
        if (tracking.length) found.push(`/${pagePath}: ${href} carries ${tracking.join(', ')}`);
      }
    }
    await context.close();
    expect(found).toEqual([]);
  });

  test('the sources page shows no internal key', async () => {
    const page = await browser.newPage();
    await page.goto(site.url('sources/'));
    const text = await page.evaluate(() => document.body.innerText);
    const shown = [...sources.keys()].filter((k) => text.includes(k));
    expect(shown).toEqual([]);
    await page.close();
  });
});

describe('the sources page on a phone, without JavaScript', () => {
  test('a kind in the jump list is a large enough target and shows that kind alone', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(site.url('sources/'));
    const anchor = SOURCE_TYPE_LABELS.wire.anchor;
    const link = page.locator(`.source-kinds a[href="#${anchor}"]`);
    const box = (await link.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
    // What a finger on the middle of the link hits is the link itself.
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('a')?.getAttribute('href'), [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit).toBe(`#${anchor}`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${anchor}`);
    const visible = await page.locator('section.source-type').evaluateAll((sections) => sections.filter((s) => getComputedStyle(s).display !== 'none').map((s) => s.id));
    expect(visible).toEqual([anchor]);
    // "Show all kinds" brings every kind back.
    await page.locator(`#${anchor} .source-filter-note a`).click();
    const all = await page.locator('section.source-type').evaluateAll((sections) => sections.filter((s) => getComputedStyle(s).display !== 'none').length);
    expect(all).toBe(await page.locator('section.source-type').count());
    await context.close();
  });

  test('every key that a merged entry replaced still lands on that entry', async () => {
    const page = await browser.newPage();
    await page.goto(site.url('sources/'));
    const replaced = [...sources.values()].flatMap((s) => (s.replaces ?? []).map((old) => [old, s.key] as const));
    expect(replaced.length).toBeGreaterThan(0);
    const lost = await page.evaluate(
      (pairs) => pairs.filter(([old, key]) => document.getElementById(old)?.closest('.source-entry')?.querySelector('.source-title')?.id !== key).map(([old]) => old),
      replaced,
    );
    expect(lost).toEqual([]);
    await page.close();
  });
});

describe('every stockpile row names its IAEA report on /data/, without JavaScript', () => {
  test('a tap on the summary opens one table row per data row, each linking the IAEA and every copy read', async () => {
    const rows = parseStockpile(readFileSync('content/data/stockpile.csv', 'utf8'), 'content/data/stockpile.csv', new Set(sources.keys()));
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(site.url('data/#stockpile-reports'));
    const summary = page.locator('.stockpile-reports-details > summary');
    await summary.scrollIntoViewIfNeeded();
    const box = (await summary.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(24);
    // What a finger on the summary hits is the summary itself, and it opens the table.
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('summary') !== null, [box.x + 12, box.y + box.height / 2]);
    expect(hit).toBe(true);
    await expect.poll(() => page.locator('table.stockpile-reports').isVisible()).toBe(false);
    await page.mouse.click(box.x + 12, box.y + box.height / 2);
    await expect.poll(() => page.locator('table.stockpile-reports').isVisible()).toBe(true);
    const shown = await page.locator('table.stockpile-reports tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        date: tr.getAttribute('data-date'),
        report: new URL(tr.querySelector<HTMLAnchorElement>('.stockpile-report a')?.href ?? 'about:blank').hostname,
        copies: [...tr.querySelectorAll<HTMLAnchorElement>('.stockpile-copies a')].map((a) => a.getAttribute('href')),
      })),
    );
    expect(shown.map((r) => r.date)).toEqual(rows.map((r) => r.report_date));
    expect(shown.filter((r) => r.report !== 'www.iaea.org').map((r) => r.date)).toEqual([]);
    expect(shown.map((r) => r.copies)).toEqual(rows.map((r) => r.source.map((k) => sources.get(k)!.url)));
    await context.close();
  });
});
