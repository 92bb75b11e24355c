/**
 * Handouts (issue 13): the essays a teacher prints fit their page budgets (src/lib/handouts.ts),
 * no page but the last is left more than MIN_PAGE_FILL empty, and nothing is cut to get there: every
 * reference, heading and chart is still in the printed text.
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { useSiteAndBrowser } from './support/page-checks.ts';
import { printPage } from './support/print.ts';
import { readPdfPages } from './support/pdf-pages.ts';
import { HANDOUT_BUDGETS, MIN_PAGE_FILL, underfilledPages } from '../../src/lib/handouts.ts';

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

describe('printed handouts', () => {
  test.each(HANDOUT_BUDGETS)('/$page prints on at most $maxPages A4 pages, none left mostly empty', async ({ page, maxPages }) => {
    const { pdf, bottomMarginPt } = await printPage(browser, site.url(page));
    const pages = readPdfPages(pdf, bottomMarginPt);
    const fills = pages.map((p) => Number(p.fill.toFixed(2)));
    expect(pages.length, `page count (fills: ${fills.join(' ')})`).toBeLessThanOrEqual(maxPages);
    expect(underfilledPages(fills), `pages filled less than ${MIN_PAGE_FILL} of their height (fills: ${fills.join(' ')})`).toEqual([]);
    // Every page carries text: a blank page (an element forced onto a page of its own) would show here.
    expect(pages.filter((p) => p.glyphs < 100).map((_, i) => i + 1)).toEqual([]);
  });

  test.each(HANDOUT_BUDGETS)('/$page keeps every reference, chart and heading in print', async ({ page }) => {
    const tab = await browser.newPage();
    await tab.goto(site.url(page), { waitUntil: 'networkidle' });
    await tab.emulateMedia({ media: 'print' });
    const hidden = await tab.evaluate(() => {
      const shown = (el: Element) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed';
      const items = [
        ...document.querySelectorAll('ol.references > li, ol.references .ref-url'),
        ...document.querySelectorAll('.prose h2, .prose h3, .prose p, .prose li, .prose table:not(.chart table)'),
        ...document.querySelectorAll('figure.chart .chart-head, figure.chart .chart-body svg:not(.chart-narrow):not(.chart-wide), .where-things-stand .wts-row'),
      ];
      // The chart drawing itself: one of its two sizes must print.
      const charts = [...document.querySelectorAll('figure.chart')].filter((f) => ![...f.querySelectorAll('svg.chart-svg')].some(shown));
      // For the screen only: the image download and embed menus (the handout names the data's
      // address) and the hint to use the Cite buttons beside headings.
      const forScreen = (el: Element) => el.closest('.chart-download, .chart-embed') !== null || el.matches('.how-to-cite dl + p');
      return [...items.filter((el) => !shown(el) && !forScreen(el)), ...charts].map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').trim().slice(0, 60)}`);
    });
    await tab.close();
    expect(hidden).toEqual([]);
  });
});
