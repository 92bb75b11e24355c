/**
 * Evidence a reader can check, on the built site in Chromium: no page shows a placeholder title, a
 * tracking parameter or an internal source key; the sources overview leads to each kind's page on a
 * phone without JavaScript; a cited /sources/#key lands on its entry, with JavaScript and without;
 * every key a merged entry replaced still lands on that entry; /data/ links every stockpile row to
 * its IAEA report and to each copy read.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { useSiteAndBrowser } from './support/page-checks.ts';
import { builtPages } from './support/site.ts';
import { PLACEHOLDER_MARKERS, trackingParametersIn } from '../../src/lib/source-rules.ts';
import { parseSources, sourceEntryPath, sourceKindPath, SOURCE_TYPE_LABELS } from '../../src/lib/sources.ts';
import { publisherAnchor } from '../../src/lib/jump-list.ts';
import { SOURCE_TYPES, type SourceType } from '../../src/lib/schemas.ts';
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

  test('no sources page shows an internal key', async () => {
    const page = await browser.newPage();
    for (const path of ['sources/', ...SOURCE_TYPES.map(sourceKindPath)]) {
      await page.goto(site.url(path));
      const text = await page.evaluate(() => document.body.innerText);
      const shown = [...sources.keys()].filter((k) => text.includes(k));
      expect(shown, path).toEqual([]);
    }
    await page.close();
  });
});

describe('the sources pages', () => {
  const ofType = (type: SourceType) => [...sources.values()].filter((s) => s.type === type);

  test('on a phone without JavaScript, a kind in the overview is a large enough target and opens a page of that kind alone', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(site.url('sources/'));
    const href = site.url(sourceKindPath('wire'));
    const link = page.locator('.source-kinds a', { hasText: SOURCE_TYPE_LABELS.wire.many });
    const box = (await link.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
    // What a finger on the middle of the link hits is the link itself.
    const hit = await page.evaluate(([x, y]) => (document.elementFromPoint(x!, y!)?.closest('a') as HTMLAnchorElement | null)?.href, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit).toBe(href);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(href);
    const listed = await page.locator('li.source-entry').evaluateAll((lis) => lis.map((li) => li.id));
    expect(listed.sort()).toEqual(ofType('wire').map((s) => s.key).sort());
    expect(await page.locator('.source-kinds a[aria-current="page"]').textContent()).toContain(SOURCE_TYPE_LABELS.wire.many);
    await context.close();
  });

  test('the overview lists every source once, linking to its entry on its kind\'s page', async () => {
    const page = await browser.newPage();
    await page.goto(site.url('sources/'));
    const lines = await page.locator('.source-index > li').evaluateAll((lis) => lis.map((li) => ({ id: li.id, href: li.querySelector('a')!.getAttribute('href') })));
    expect(lines.map((l) => l.id).sort()).toEqual([...sources.keys()].sort());
    for (const l of lines) expect(l.href, l.id).toBe(`/${sourceEntryPath(sources.get(l.id)!)}`);
    await page.close();
  });

  // One source of each kind, a key merged into another, a kind and an old jump target to a publisher.
  const merged = [...sources.values()].find((s) => s.replaces?.length)!;
  const firstOfKind = SOURCE_TYPES.flatMap((t) => ofType(t).slice(0, 1));
  const cited = [
    ...firstOfKind.map((s) => ({ address: `sources/#${s.key}`, page: sourceKindPath(s.type), id: s.key })),
    // A merged key goes on to the entry that absorbed it, under that entry's own key.
    { address: `sources/#${merged.replaces![0]}`, page: sourceKindPath(merged.type), id: merged.key, entry: merged.key },
    { address: `sources/#${SOURCE_TYPE_LABELS.research.anchor}`, page: sourceKindPath('research'), id: '' },
    { address: `sources/#${publisherAnchor(SOURCE_TYPE_LABELS.wire.anchor, ofType('wire')[0]!.publisher)}`, page: sourceKindPath('wire'), id: publisherAnchor(SOURCE_TYPE_LABELS.wire.anchor, ofType('wire')[0]!.publisher) },
  ];

  test('with JavaScript, a cited /sources/#key goes on to the entry on its kind\'s page, in view', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    for (const c of cited) {
      await page.goto(site.url(c.address));
      await page.waitForURL(site.url(c.page) + (c.id ? `#${c.id}` : ''));
      if (!c.id) continue;
      // What the reader sees in the middle of the screen's top half is the entry that was cited.
      const shown = await page.evaluate((id) => {
        const target = document.getElementById(id)!;
        const entry = target.closest('.source-entry, .source-publisher')!;
        const r = target.matches('.alias-anchor') ? entry.getBoundingClientRect() : target.getBoundingClientRect();
        return { entry: entry.id, hit: document.elementFromPoint(r.left + 20, Math.max(r.top, 0) + 10)?.closest('.source-entry, .source-publisher')?.id };
      }, c.id);
      expect(shown.hit, c.address).toBe(shown.entry);
    }
    await context.close();
  });

  test('without JavaScript, a cited /sources/#key lands on its highlighted line, one link from the entry', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    for (const c of cited.filter((c) => sources.has(c.id) || 'entry' in c)) {
      await page.goto(site.url(c.address));
      const line = await page.evaluate((id) => {
        const li = document.getElementById(id)!.closest('li')!;
        const r = li.getBoundingClientRect();
        return { id: li.id, href: li.querySelector('a')!.getAttribute('href'), top: r.top, background: getComputedStyle(li).backgroundColor, hit: document.elementFromPoint(r.left + 5, r.top + r.height / 2)?.closest('li')?.id };
      }, c.address.split('#')[1]!);
      expect(line.hit, c.address).toBe(line.id);
      expect(line.top).toBeGreaterThanOrEqual(0);
      expect(line.top).toBeLessThan(844 / 2);
      expect(line.background, 'highlighted').not.toBe('rgba(0, 0, 0, 0)');
      expect(line.href).toBe(`/${c.page}#${line.id}`);
    }
    await context.close();
  });

  test('every key that a merged entry replaced still lands on that entry, on the overview and on its kind\'s page', async () => {
    const page = await browser.newPage();
    const replaced = [...sources.values()].flatMap((s) => (s.replaces ?? []).map((old) => [old, s.key, s.type] as const));
    expect(replaced.length).toBeGreaterThan(0);
    await page.goto(site.url('sources/'));
    const lostOnOverview = await page.evaluate((pairs) => pairs.filter(([old, key]) => document.getElementById(old)?.closest('li')?.id !== key).map(([old]) => old), replaced);
    expect(lostOnOverview).toEqual([]);
    for (const type of new Set(replaced.map(([, , t]) => t))) {
      await page.goto(site.url(sourceKindPath(type)));
      const pairs = replaced.filter(([, , t]) => t === type);
      const lost = await page.evaluate((ps) => ps.filter(([old, key]) => document.getElementById(old)?.closest('.source-entry')?.id !== key).map(([old]) => old), pairs);
      expect(lost, type).toEqual([]);
    }
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
