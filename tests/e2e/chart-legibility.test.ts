/**
 * Chart text as a reader sees it, measured in Chromium: at least 12 CSS px on a 390 px phone;
 * no chart text cut off at the drawing's edge or overlapping other chart text at 320, 390 and
 * 1280 px. (The timeline is measured by its own tests.)
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { closePage, openPage, useSiteAndBrowser } from './support/page-checks.ts';

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

const pages = ['charts/stockpile/', 'charts/hormuz/', 'essays/strait-of-hormuz/', 'essays/nuclear-file/', 'essays/leverage/'];

interface Measured {
  chart: string;
  text: string;
  px: number;
  box: { left: number; top: number; right: number; bottom: number };
  frame: { left: number; top: number; right: number; bottom: number };
}

async function measure(path: string, width: number): Promise<Measured[]> {
  const page = await openPage(browser, site.url(path), { viewport: { width, height: 900 } });
  const texts = await page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>('.chart svg.chart-svg:not(.timeline-svg)')]
      .filter((svg) => svg.getBoundingClientRect().width > 0)
      .flatMap((svg) => {
        const frame = svg.getBoundingClientRect();
        const scale = svg.getScreenCTM()!.a;
        const chart = svg.closest('figure')!.id;
        return [...svg.querySelectorAll('text')].map((t) => {
          const r = t.getBoundingClientRect();
          return { chart, text: t.textContent!.trim(), px: parseFloat(getComputedStyle(t).fontSize) * scale, box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, frame: { left: frame.left, top: frame.top, right: frame.right, bottom: frame.bottom } };
        });
      }),
  );
  await closePage(page);
  return texts;
}

const overlaps = (a: Measured['box'], b: Measured['box']) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

describe('chart text', () => {
  test.each(pages)('/%s: chart text renders at 12 CSS px or more on a 390 px phone', async (path) => {
    const texts = await measure(path, 390);
    expect(texts.length).toBeGreaterThan(10);
    const small = texts.filter((t) => t.px < 12).map((t) => `${t.chart}: "${t.text}" at ${t.px.toFixed(1)} px`);
    expect(small).toEqual([]);
  });

  test.each(pages.flatMap((p) => [320, 390, 1280].map((w) => ({ path: p, width: w }))))('/$path at $width px: no chart text cut off or overlapping', async ({ path, width }) => {
    const texts = await measure(path, width);
    const problems: string[] = [];
    for (const t of texts) {
      if (t.box.left < t.frame.left - 1 || t.box.right > t.frame.right + 1 || t.box.top < t.frame.top - 1 || t.box.bottom > t.frame.bottom + 1) problems.push(`${t.chart}: "${t.text}" leaves the drawing`);
    }
    texts.forEach((a, i) =>
      texts.slice(i + 1).forEach((b) => {
        if (a.chart === b.chart && a.frame.top === b.frame.top && overlaps(a.box, b.box)) problems.push(`${a.chart}: "${a.text}" overlaps "${b.text}"`);
      }),
    );
    expect(problems).toEqual([]);
  });

  test('the Hormuz flows chart marks years without a figure on a phone too', async () => {
    const texts = await measure('charts/hormuz/', 390);
    expect(texts.filter((t) => t.chart === 'chart-hormuz' && t.text === 'n/a').length).toBeGreaterThan(0);
  });
});
