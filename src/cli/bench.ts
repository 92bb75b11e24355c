/**
 * `npm run bench`: builds the site, then measures page weight by kind of page, the cost of search,
 * build times and Lighthouse scores. Prints a table and writes bench/results.json.
 * Runs: BENCH_RUNS (default 3) builds; BENCH_SEARCH_RUNS (default 5) searches; BENCH_LIGHTHOUSE_RUNS
 * (default 3) Lighthouse runs per page kind, reported as medians. BENCH_LIGHTHOUSE=0 skips Lighthouse.
 * The site is served gzip-compressed, as GitHub Pages serves it; BENCH_COMPRESS=0 serves it raw
 * (the "before" figures in BENCHMARKS.md were measured that way). BENCH_DEBUGGING_PORT (default 9333)
 * is the port Chromium listens on for Lighthouse.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { serveDist } from '../../tests/e2e/support/server.ts';
import { launchChromium, CHROMIUM_PATH } from '../../tests/e2e/support/browser.ts';
import { dirSize, kb, lighthouseScores, median, medianScores, PAGE_KINDS, pageWeight, searchCost, timeCommand } from './bench-lib.ts';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const searchRuns = Number(process.env.BENCH_SEARCH_RUNS ?? 5);
const lighthouseRuns = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
/** Chromium's debugging port for Lighthouse; another one when several benches share a machine. */
const debuggingPort = Number(process.env.BENCH_DEBUGGING_PORT ?? 9333);
const astro = 'node_modules/astro/bin/astro.mjs';
const indexSearch = 'src/cli/index-search.ts';

console.log(`bench: ${runs} build(s), ${searchRuns} search run(s), on ${cpus().length} CPU(s)`);
const buildMs: number[] = [];
const pagefindMs: number[] = [];
for (let i = 0; i < runs; i++) {
  buildMs.push(timeCommand(process.execPath, [astro, 'build', '--silent']));
  pagefindMs.push(timeCommand(process.execPath, [indexSearch, 'dist']));
}

const PAGES = {
  home: '',
  'essay (text only: Start here)': 'start/',
  'essay with charts': 'essays/nuclear-file/',
  timeline: 'timeline/',
  glossary: 'glossary/',
  search: 'search/',
} as const;


const site = await serveDist(undefined, undefined, { compress: process.env.BENCH_COMPRESS !== '0' });
const browser = await launchChromium();
const pages: Record<string, Awaited<ReturnType<typeof pageWeight>>> = {};
for (const [name, p] of Object.entries(PAGES)) pages[name] = await pageWeight(browser, site, p);

const searches = [];
for (let i = 0; i < searchRuns; i++) searches.push(await searchCost(browser, site, 'essays/leverage/', 'hormuz', 'blockade'));
await browser.close();

const lighthouse: Record<string, ReturnType<typeof medianScores>> = {};
if (process.env.BENCH_LIGHTHOUSE !== '0') {
  for (const [name, p] of Object.entries(PAGE_KINDS)) {
    const scores = [];
    for (let i = 0; i < lighthouseRuns; i++) scores.push(await lighthouseScores(site.url(p), CHROMIUM_PATH, debuggingPort));
    lighthouse[name] = medianScores(scores);
  }
}
await site.close();

const s0 = searches[0]!;
const results = {
  date: new Date().toISOString(),
  served: process.env.BENCH_COMPRESS === '0' ? 'uncompressed' : 'gzip',
  node: process.version,
  cpus: cpus().length,
  build: { runs, astroBuildMs: Math.round(median(buildMs)), pagefindMs: Math.round(median(pagefindMs)), distBytes: dirSize('dist').bytes, pagefindIndexBytes: dirSize('dist/pagefind').bytes },
  pages,
  search: {
    runs: searchRuns,
    firstQuery: { query: 'hormuz', ...s0.first, medianMs: Math.round(median(searches.map((s) => s.firstMs))) },
    secondQuery: { query: 'blockade', ...s0.second, medianMs: Math.round(median(searches.map((s) => s.secondMs))) },
  },
  lighthouse,
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
console.log('\nPages (bytes a first visit transfers, before any interaction)');
console.log(row(['page', 'HTML gzip', 'CSS gzip', 'JS gzip', 'JS raw', 'requests']));
console.log(row(['---', '---', '---', '---', '---', '---']));
for (const [name, w] of Object.entries(pages)) console.log(row([name, kb(w.html.gzip), kb(w.css.gzip), kb(w.js.gzip), kb(w.js.raw), w.requests]));
console.log('\nSearch (opened on an essay; gzip bytes)');
console.log(row(['query', 'library JS', 'WASM', 'index', 'fragments', 'other', 'total', 'median time to results']));
console.log(row(['---', '---', '---', '---', '---', '---', '---', '---']));
for (const q of [results.search.firstQuery, results.search.secondQuery]) {
  console.log(row([`${q.query}`, kb(q.library.gzip), kb(q.wasm.gzip), kb(q.index.gzip), kb(q.fragments.gzip), kb(q.other.gzip), kb(q.total.gzip), `${q.medianMs} ms`]));
}
console.log(`\nBuild (median of ${runs}): astro build ${(results.build.astroBuildMs / 1000).toFixed(1)} s, pagefind ${(results.build.pagefindMs / 1000).toFixed(1)} s; dist ${kb(results.build.distBytes)}, index ${kb(results.build.pagefindIndexBytes)}`);
if (Object.keys(lighthouse).length) {
  console.log(`\nLighthouse (mobile defaults, median of ${lighthouseRuns}, served ${results.served})`);
  console.log(row(['page', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP', 'CLS', 'TBT']));
  console.log(row(['---', '---', '---', '---', '---', '---', '---', '---']));
  for (const [name, l] of Object.entries(lighthouse)) console.log(row([name, l.performance, l.accessibility, l.bestPractices, l.seo, `${l.lcpMs} ms`, l.cls, `${l.tbtMs} ms`]));
}
console.log('\nwrote bench/results.json');
