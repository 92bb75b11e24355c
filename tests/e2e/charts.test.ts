/** The charts as readers get them: drawn without JavaScript, tooltips on keyboard focus, exact CSV downloads, no layout shift. The timeline's own behaviour is in timeline.test.ts. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { openPage, closePage, useSiteAndBrowser } from './support/page-checks.ts';
import { loadStockpile } from '../../src/lib/content-store.ts';
import { formatNumber } from '../../src/lib/charts/common.ts';

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

const chartPages = ['charts/stockpile/', 'charts/hormuz/', 'timeline/', 'essays/nuclear-file/'];

describe('charts', () => {
  test.each(chartPages)('/%s draws its charts without JavaScript, at phone and desktop widths', async (path) => {
    for (const width of [390, 1280]) {
      const page = await openPage(browser, site.url(path), { javaScriptEnabled: false, viewport: { width, height: 900 } });
      const visible = page.locator('.chart svg.chart-svg:visible');
      expect(await visible.count()).toBeGreaterThan(0);
      const marks = await visible.first().locator('path, circle, rect').count();
      expect(marks).toBeGreaterThan(5);
      const box = await visible.first().boundingBox();
      expect(box!.width).toBeLessThanOrEqual(width);
      await closePage(page);
    }
  });

  test('the stockpile table shows exactly the numbers in the data file', async () => {
    const page = await openPage(browser, site.url('charts/stockpile/'), { javaScriptEnabled: false });
    const cells = await page.locator('#chart-stockpile table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td.num')].map((c) => c.textContent!.trim())));
    const rows = loadStockpile();
    expect(cells).toHaveLength(rows.length);
    rows.forEach((r, i) => {
      const expected = [r.total_kg, r.u_up_to_5_kg, r.u_up_to_20_kg, r.u_up_to_60_kg].map((v) => (v === undefined ? '—' : formatNumber(v)));
      expect(cells[i]).toEqual(expected);
    });
    await closePage(page);
  });

  test('a tooltip opens on keyboard focus and says what the mark shows', async () => {
    const page = await openPage(browser, site.url('charts/stockpile/'), { viewport: { width: 1280, height: 900 } });
    const mark = page.locator('#chart-stockpile svg.chart-wide .hit').last();
    await page.keyboard.press('Tab');
    await mark.focus();
    const tip = page.locator('.chart-tooltip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toBe(await mark.getAttribute('aria-label'));
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await closePage(page);
  });

  test.each(['stockpile.csv', 'events.csv', 'hormuz-flows.csv', 'hormuz-transits.csv', 'hormuz-map.csv'])('"Download CSV" gives %s byte for byte', async (file) => {
    const pagePath = file === 'events.csv' ? 'timeline/' : file === 'stockpile.csv' ? 'charts/stockpile/' : 'charts/hormuz/';
    const page = await openPage(browser, site.url(pagePath), { acceptDownloads: true });
    const link = page.locator(`.chart-links a[download="${file}"]`).first();
    await page.locator('.chart-data').first().evaluate((d) => d.setAttribute('open', ''));
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const saved = readFileSync((await download.path())!);
    expect(saved.equals(readFileSync(`content/data/${file}`))).toBe(true);
    await closePage(page);
  });

  test.each(chartPages)('/%s does not shift its layout when the scripts load', async (path) => {
    const page = await openPage(browser, site.url(path), { viewport: { width: 1280, height: 900 } });
    await page.waitForTimeout(500);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) total += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 200);
        }),
    );
    expect(shift).toBeLessThan(0.01);
    await closePage(page);
  });
});
