/**
 * Chart snapshots: every chart variant on the site, as drawn at build time (JavaScript off), is
 * compared with a committed snapshot: its SVG markup, and a picture at 390 and 1280 px in light
 * and dark. A changed chart fails with the before, after and difference images written to
 * test-results/chart-diffs/; `npm run charts:accept` records the new snapshots after a review.
 *
 * Deterministic by construction: the pictures use the DejaVu Sans shipped in node_modules (not the
 * machine's system font), reduced motion, and only the chart's drawing, not the page around it.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import type { Browser, Page } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { closePage, useSiteAndBrowser } from './support/page-checks.ts';
import { chartSnapshotPlan, SNAPSHOT_WIDTHS, SNAPSHOT_THEMES } from './support/chart-snapshots.ts';

const ACCEPT = process.env.CHARTS_ACCEPT === '1';
const SNAPSHOTS = 'tests/snapshots/charts';
const DIFFS = 'test-results/chart-diffs';
/** Pixels may differ by this share of the picture (anti-aliasing between Chromium builds). */
const MAX_DIFF_RATIO = 0.002;

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = { 'regular.ttf': 'DejaVuSans.ttf', 'bold.ttf': 'DejaVuSans-Bold.ttf', 'italic.ttf': 'DejaVuSans-Oblique.ttf' } as const;
const FONT_CSS = `
@font-face { font-family: 'Snapshot Sans'; font-weight: 400; src: url(/__snapshot-font/regular.ttf); }
@font-face { font-family: 'Snapshot Sans'; font-weight: 700; src: url(/__snapshot-font/bold.ttf); }
@font-face { font-family: 'Snapshot Sans'; font-weight: 400; font-style: italic; src: url(/__snapshot-font/italic.ttf); }
.chart-svg, .chart-svg text { font-family: 'Snapshot Sans' !important; }`;

/**
 * A page as drawn at build time: the site's script files are not loaded (so nothing redraws a
 * chart), the test's own font is served from node_modules, and the test can still run code in the
 * page to wait for that font.
 */
async function openChartPage(pagePath: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, reducedMotion: 'reduce', bypassCSP: true });
  await context.route(/\.js(\?|$)/, (route) => route.abort());
  await context.route(/__snapshot-font\/(\w+\.ttf)$/, (route) => {
    const name = route.request().url().split('/').pop() as keyof typeof FONT_FILES;
    return route.fulfill({ body: readFileSync(path.join(FONT_DIR, FONT_FILES[name])), contentType: 'font/ttf' });
  });
  const page = await context.newPage();
  await page.goto(site.url(pagePath), { waitUntil: 'load' });
  await page.addStyleTag({ content: FONT_CSS });
  await page.evaluate(() => Promise.all([...document.fonts].map((f) => f.load())).then(() => document.fonts.ready).then(() => undefined));
  return page;
}

/** The top-left width×height of a picture. */
function cropPng(png: PNG, width: number, height: number): PNG {
  if (png.width === width && png.height === height) return png;
  const out = new PNG({ width, height });
  PNG.bitblt(png, out, 0, 0, width, height, 0, 0);
  return out;
}

function compare(name: string, actual: Buffer): string | undefined {
  const file = path.join(SNAPSHOTS, `${name}.png`);
  if (ACCEPT || !existsSync(file)) {
    writeFileSync(file, actual);
    return ACCEPT ? undefined : `no snapshot yet: wrote ${file}; run npm run charts:accept after reviewing it`;
  }
  let expected: PNG = PNG.sync.read(readFileSync(file));
  let got: PNG = PNG.sync.read(actual);
  // An element screenshot is rounded to whole pixels from a fractional layout position, so a
  // change above the chart (a longer paragraph) can make it one pixel taller or shorter with the
  // same drawing. Within one pixel, the common area is compared; the SVG markup is compared exactly.
  if (Math.abs(expected.width - got.width) <= 1 && Math.abs(expected.height - got.height) <= 1) {
    const width = Math.min(expected.width, got.width);
    const height = Math.min(expected.height, got.height);
    expected = cropPng(expected, width, height);
    got = cropPng(got, width, height);
  }
  if (expected.width !== got.width || expected.height !== got.height) {
    mkdirSync(DIFFS, { recursive: true });
    writeFileSync(path.join(DIFFS, `${name}.actual.png`), actual);
    return `${name}: size changed from ${expected.width}×${expected.height} to ${got.width}×${got.height} (new picture in ${DIFFS})`;
  }
  const diff = new PNG({ width: got.width, height: got.height });
  const changed = pixelmatch(expected.data, got.data, diff.data, got.width, got.height, { threshold: 0.1 });
  if (changed / (got.width * got.height) <= MAX_DIFF_RATIO) return undefined;
  mkdirSync(DIFFS, { recursive: true });
  writeFileSync(path.join(DIFFS, `${name}.expected.png`), PNG.sync.write(expected));
  writeFileSync(path.join(DIFFS, `${name}.actual.png`), actual);
  writeFileSync(path.join(DIFFS, `${name}.diff.png`), PNG.sync.write(diff));
  return `${name}: ${changed} pixels differ (${((100 * changed) / (got.width * got.height)).toFixed(2)} %); see ${DIFFS}/${name}.diff.png`;
}

describe('chart snapshots', () => {
  const plan = chartSnapshotPlan();
  const pages = [...new Set(plan.map((c) => c.page))];
  if (ACCEPT) rmSync(DIFFS, { recursive: true, force: true });
  mkdirSync(SNAPSHOTS, { recursive: true });

  // One page load serves all its charts in every size and theme: the viewport and the colour
  // scheme change in place (the narrow and wide drawings switch by CSS, without a reload).
  test.each(pages)('the charts on /%s match their SVG and pictures at 390 and 1280 px, light and dark', async (pagePath) => {
    const ids = plan.filter((c) => c.page === pagePath).map((c) => c.id);
    const page = await openChartPage(pagePath);
    const failures: string[] = [];
    for (const id of ids) {
      const markup = `${await page.locator(`[id="${id}"] svg.chart-svg`).evaluateAll((svgs) => svgs.map((s) => s.outerHTML).join('\n'))}\n`;
      const file = path.join(SNAPSHOTS, `${id}.svg.txt`);
      expect(markup.length, `${id} draws an SVG`).toBeGreaterThan(500);
      if (ACCEPT || !existsSync(file)) writeFileSync(file, markup);
      else if (markup !== readFileSync(file, 'utf8')) {
        mkdirSync(DIFFS, { recursive: true });
        writeFileSync(path.join(DIFFS, `${id}.svg.txt`), markup);
        failures.push(`${id}: the SVG changed (new markup in ${DIFFS}/${id}.svg.txt)`);
      }
    }
    for (const width of SNAPSHOT_WIDTHS) {
      await page.setViewportSize({ width, height: 1000 });
      for (const theme of SNAPSHOT_THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        for (const id of ids) {
          const body = page.locator(`[id="${id}"] .chart-body`);
          await body.scrollIntoViewIfNeeded();
          // Whatever sits above a chart leaves it at a fractional position, which shifts the
          // anti-aliasing of every line and letter: a spacer just above it moves it down to a whole
          // pixel, so the picture changes only when the chart does. (A CSS translate is not enough:
          // measured, it still left 0.3–2 % of the pixels different after a 0.37 px shift.)
          await body.evaluate((el: HTMLElement) => {
            el.parentElement?.querySelector(':scope > [data-snapshot-spacer]')?.remove();
            const top = el.getBoundingClientRect().top;
            const spacer = document.createElement('div');
            spacer.dataset.snapshotSpacer = '';
            spacer.style.height = `${Math.ceil(top) - top}px`;
            el.before(spacer);
          });
          const problem = compare(`${id}-${width}-${theme}`, await body.screenshot({ animations: 'disabled' }));
          if (problem) failures.push(problem);
        }
      }
    }
    await closePage(page);
    expect(failures, 'changed charts: review the files named, then run npm run charts:accept').toEqual([]);
  });
});
