/**
 * Performance budgets, checked on the built files (bytes are deterministic, so these are tests;
 * timings live in `npm run bench`). Search bytes are counted from the browser's requests, as
 * `npm run bench` counts them, and checked against the files they fetch. JavaScript counted is what a page loads before any
 * interaction: its module scripts and their static imports, not the search code fetched on open.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtPages } from './support/site.ts';
import type { Browser } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { useSiteAndBrowser } from './support/page-checks.ts';
import { searchCost } from '../../src/cli/bench-lib.ts';

const dist = path.resolve('dist');
const gz = (b: Buffer | string) => gzipSync(b, { level: 6 }).length;
const base = process.env.SITE_BASE ?? '/';

function htmlOf(page: string): string {
  return readFileSync(path.join(dist, page.endsWith('.html') ? page : `${page}index.html`), 'utf8');
}

/** A site URL such as /_astro/x.js → its file in dist/. */
function distFile(url: string): string {
  return path.join(dist, url.slice(base.length - 1).replace(/^\//, ''));
}

/** Module scripts of a page and everything they import statically, as files. */
export function startupScripts(html: string): { files: string[]; inline: string[] } {
  const files = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) => distFile(m[1]!));
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  // Inline module scripts can import chunks too.
  for (const code of inline) for (const m of code.matchAll(/(?:^|[;\s])import\s*(?:[^'"();]*?from\s*)?["']([^"']+\.js)["']/g)) queue.push(distFile(m[1]!.startsWith('/') ? m[1]! : `${base}_astro/${path.basename(m[1]!)}`));
  while (queue.length) {
    const file = queue.shift()!;
    if (files.has(file) || !existsSync(file)) continue;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only: `import x from "./a.js"`, `import "./b.js"`. Dynamic import() is excluded on purpose.
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[^'"();]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) queue.push(path.resolve(path.dirname(file), m[1]!));
  }
  return { files: [...files], inline };
}

function startupJsGzip(page: string): number {
  const { files, inline } = startupScripts(htmlOf(page));
  return files.reduce((n, f) => n + gz(readFileSync(f)), 0) + inline.reduce((n, code) => n + gz(code), 0);
}

/** The CSS a page needs on screen: inlined styles are in its HTML already; the print stylesheet (media="print") is not needed to paint. */
function cssGzip(page: string): number {
  return [...htmlOf(page).matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g)].filter((m) => !/media="print"/.test(m[0])).reduce((n, m) => n + gz(readFileSync(distFile(m[1]!))), 0);
}

const pages = builtPages();
const essays = pages.filter((p) => /^essays\/[^/]+\/$/.test(p));
const hasChart = (p: string) => htmlOf(p).includes('class="chart"');
const textPages = [...essays.filter((p) => !hasChart(p)), 'start/', 'about/'].filter((p) => pages.includes(p));
const chartPages = pages.filter((p) => !p.endsWith('.html') && hasChart(p));

describe('budgets', () => {
  test('there are text-only and chart pages to measure', () => {
    expect(textPages.length).toBeGreaterThan(0);
    expect(chartPages.length).toBeGreaterThan(3);
  });

  test('the scanner follows a page\'s scripts into their imports (so the budgets can fail)', () => {
    const timeline = startupScripts(htmlOf('timeline/')).files.map((f) => path.basename(f));
    expect(timeline.some((f) => f.startsWith('TimelineChart'))).toBe(true);
    expect(startupJsGzip('timeline/') - startupJsGzip('about/')).toBeGreaterThan(2 * 1024);
    expect(startupScripts(htmlOf('about/')).files.some((f) => /search-ui|pagefind/.test(f))).toBe(false);
  });

  test.each(textPages)('/%s (text only) ships at most 10 KB of JavaScript before search is opened', (p) => {
    expect(startupJsGzip(p)).toBeLessThanOrEqual(10 * 1024);
  });

  test.each(chartPages)('/%s (with charts) ships at most 30 KB of JavaScript before search is opened', (p) => {
    expect(startupJsGzip(p)).toBeLessThanOrEqual(30 * 1024);
  });

  test.each(pages)('/%s has no render-blocking script and only its own fonts and styles', (p) => {
    const html = htmlOf(p);
    const head = html.slice(0, html.indexOf('</head>'));
    // External classic scripts in <head> block rendering; module scripts are deferred by default.
    for (const m of head.matchAll(/<script([^>]*)>/g)) {
      const attrs = m[1]!;
      if (/\bsrc=/.test(attrs)) expect(attrs, 'external script in <head>').toMatch(/type="module"|\bdefer\b|\basync\b/);
    }
    // The only inline classic scripts are the tiny theme setter, which must run before paint, and
    // the script loader, which must listen before a reader can press a key (src/lib/after-paint.ts).
    const blocking = [...head.matchAll(/<script(?![^>]*type="module")(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    expect(blocking.reduce((n, m) => n + m[1]!.length, 0)).toBeLessThan(2.5 * 1024);
    for (const m of html.matchAll(/<link[^>]*rel="(?:stylesheet|preload|icon)"[^>]*href="([^"]+)"/g)) expect(m[1]).not.toMatch(/^(https?:)?\/\//);
    // The icon is in the page: as a file, the browser fetched it while the page was still painting.
    expect(html, 'icon written into the page').toMatch(/<link rel="icon" href="data:image\/svg\+xml,/);
  });

  test('stylesheets load fonts and images from the site only', () => {
    // Styles are inlined into each page (astro.config.mjs, build.inlineStylesheets); any linked sheet counts too.
    const linked = [...new Set(pages.flatMap((p) => [...htmlOf(p).matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!)))];
    const inline = [...new Set(pages.flatMap((p) => [...htmlOf(p).matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!)))];
    expect(linked.length + inline.length).toBeGreaterThan(0);
    for (const text of [...linked.map((href) => readFileSync(distFile(href), 'utf8')), ...inline]) {
      expect(text).not.toMatch(/@import\s+url\(\s*["']?(https?:)?\/\//);
      expect(text).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
    }
  });

  // Back to 50 KB now that each page inlines only the styles it uses (src/lib/page-styles.ts): the
  // Strait of Hormuz essay, the heaviest with four charts and maps each drawn at two widths, is
  // 48.9 KB (51.1 before). Print styles are a file of their own. The next cut is one SVG per chart.
  const ESSAY_HTML_CSS_BUDGET_KB = 50;
  test.each(essays)(`/%s: HTML plus CSS within ${ESSAY_HTML_CSS_BUDGET_KB} KB (gzip)`, (p) => {
    expect(gz(htmlOf(p)) + cssGzip(p)).toBeLessThanOrEqual(ESSAY_HTML_CSS_BUDGET_KB * 1024);
  });

  // A phone's connection starts with 10 packets (14.6 KB) and doubles each round trip: 43.8 KB
  // arrive in two. One page of every source was 67.6 KB, a third round trip before the first paint
  // (Lighthouse LCP 1.14 s); each kind now has its page. 40 KB leaves room for the headers.
  const SOURCES_PAGE_BUDGET_KB = 40;
  const sourcesPages = pages.filter((p) => p.startsWith('sources/'));
  test(`every sources page (the overview and each kind's) is within ${SOURCES_PAGE_BUDGET_KB} KB (gzip)`, () => {
    expect(sourcesPages.length).toBeGreaterThan(1);
    const over = sourcesPages.map((p) => ({ page: p, kb: Math.round(gz(htmlOf(p)) / 102.4) / 10 })).filter((s) => s.kb > SOURCES_PAGE_BUDGET_KB);
    // When a kind outgrows it, its page needs splitting again (by publisher, say), not a bigger budget.
    expect(over, 'sources pages over budget').toEqual([]);
  });
});

// What a reader downloads to search, opened on an essay as `npm run bench` does: the first query
// loads Pagefind's library, its WASM, one index chunk and the fragments of the results; a second
// loads another chunk and its fragments. Sections are indexed one record each
// (src/lib/search-sections.ts), so a fragment is one section, not a whole page. Measured at
// 110.5 KB and 26.7 KB when these limits were set.
const SEARCH_FIRST_BUDGET_KB = 120;
const SEARCH_SECOND_BUDGET_KB = 50;
describe('search budgets', () => {
  let site: StaticSite;
  let browser: Browser;
  useSiteAndBrowser((s, b) => {
    site = s;
    browser = b;
  });

  test(`a first search ("hormuz") transfers at most ${SEARCH_FIRST_BUDGET_KB} KB and a second ("blockade") at most ${SEARCH_SECOND_BUDGET_KB} KB (gzip)`, async () => {
    const cost = await searchCost(browser, site, 'essays/leverage/', 'hormuz', 'blockade');
    // The measurement sees what a search fetches, or it would pass on nothing.
    expect(cost.first.wasm.count).toBeGreaterThan(0);
    expect(cost.first.index.count).toBeGreaterThan(0);
    expect(cost.first.fragments.count).toBeGreaterThan(0);
    expect(cost.second.fragments.count).toBeGreaterThan(0);
    expect(cost.first.total.gzip, JSON.stringify(cost.first)).toBeLessThanOrEqual(SEARCH_FIRST_BUDGET_KB * 1024);
    expect(cost.second.total.gzip, JSON.stringify(cost.second)).toBeLessThanOrEqual(SEARCH_SECOND_BUDGET_KB * 1024);
  });
});
