/**
 * `npm run bench:scale`: how the build grows with the site. Generates synthetic content into a
 * temporary folder (never content/): N essays of realistic length, each with headings, citations,
 * glossary links and a chart, plus 10,000 timeline events; builds each size and prints build
 * seconds, seconds per page, index size and a first query's bytes.
 * Sizes: BENCH_SCALE_SIZES (default "100,500,2000"); events: BENCH_SCALE_EVENTS (default 10000).
 * BENCH_SCALE_TIMELINE_ONLY=1: one size of BENCH_SCALE_SIZES (default 1 essay), no search index
 * or query, only the timeline pages' bytes: a few minutes instead of an hour.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveDist } from '../../tests/e2e/support/server.ts';
import { launchChromium } from '../../tests/e2e/support/browser.ts';
import { dirSize, gzipSize, searchCost, timeCommand } from './bench-lib.ts';
import { builtPages } from '../../tests/e2e/support/site.ts';
import { writeSyntheticContent } from './synthetic-site.ts';

const timelineOnly = !!process.env.BENCH_SCALE_TIMELINE_ONLY;
const sizes = (process.env.BENCH_SCALE_SIZES ?? (timelineOnly ? '1' : '100,500,2000')).split(',').map(Number);
const eventCount = Number(process.env.BENCH_SCALE_EVENTS ?? 10000);

const work = mkdtempSync(path.join(tmpdir(), 'explainer-scale-'));
const rows: { essays: number; pages: number; buildS: number; pagefindS: number; perPageMs: number; indexKB: number; firstQueryKB: number; firstQueryMs: number; timelineHtmlKB: number; yearPages: number; largestYearHtmlKB: number }[] = [];

/** The timeline's year pages (lib/timeline-pages.ts), when the events are split: how many, and the largest's gzip KB. */
function yearPageSizes(out: string): { yearPages: number; largestYearHtmlKB: number } {
  const dir = path.join(out, 'timeline');
  const years = readdirSync(dir).filter((name) => /^\d{4}$/.test(name) && existsSync(path.join(dir, name, 'index.html')));
  const sizes = years.map((y) => gzipSize(readFileSync(path.join(dir, y, 'index.html'))) / 1024);
  return { yearPages: years.length, largestYearHtmlKB: Math.max(0, ...sizes) };
}
try {
  const browser = timelineOnly ? undefined : await launchChromium();
  for (const n of sizes) {
    const content = path.join(work, `content-${n}`);
    const out = path.join(work, `dist-${n}`);
    writeSyntheticContent(content, n, eventCount);
    const env = { SITE_CONTENT_DIR: content, SITE_CACHE_DIR: path.join(work, `cache-${n}`) };
    const buildMs = timeCommand(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent', '--outDir', out], env);
    const pagefindMs = timelineOnly ? 0 : timeCommand(process.execPath, ['src/cli/index-search.ts', out], env);
    const pages = builtPages(out).length;
    let cost = { first: { total: { gzip: 0 } }, firstMs: 0 };
    if (!timelineOnly) {
      const site = await serveDist(out);
      cost = await searchCost(browser!, site, 'essays/synthetic-0001/', 'uranium', 'blockade', out);
      await site.close();
    }
    const timelineHtmlKB = gzipSize(readFileSync(path.join(out, 'timeline', 'index.html'))) / 1024;
    rows.push({ essays: n, pages, buildS: buildMs / 1000, pagefindS: pagefindMs / 1000, perPageMs: buildMs / pages, indexKB: timelineOnly ? 0 : dirSize(path.join(out, 'pagefind')).bytes / 1024, firstQueryKB: cost.first.total.gzip / 1024, firstQueryMs: cost.firstMs, timelineHtmlKB, ...yearPageSizes(out) });
    console.log(`built ${n} essays: ${pages} pages in ${(buildMs / 1000).toFixed(1)} s`);
    if (!process.env.BENCH_SCALE_KEEP) rmSync(out, { recursive: true, force: true });
  }
  await browser?.close();
} finally {
  if (process.env.BENCH_SCALE_KEEP) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(`\nScale (${eventCount} timeline events at every size)`);
const yearCell = (r: (typeof rows)[number]) => (r.yearPages ? `${r.yearPages} pages, largest ${r.largestYearHtmlKB.toFixed(0)} KB` : 'none (one page)');
if (timelineOnly) {
  console.log('| essays | pages | astro build | timeline page (gzip) | year pages (gzip) |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.essays} | ${r.pages} | ${r.buildS.toFixed(1)} s | ${r.timelineHtmlKB.toFixed(1)} KB | ${yearCell(r)} |`);
} else {
  console.log('| essays | pages | astro build | pagefind | build ms per page | index | first query (gzip) | first query time | timeline page (gzip) | year pages (gzip) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.essays} | ${r.pages} | ${r.buildS.toFixed(1)} s | ${r.pagefindS.toFixed(1)} s | ${r.perPageMs.toFixed(0)} | ${(r.indexKB / 1024).toFixed(1)} MB | ${r.firstQueryKB.toFixed(1)} KB | ${Math.round(r.firstQueryMs)} ms | ${r.timelineHtmlKB.toFixed(0)} KB | ${yearCell(r)} |`);
}
mkdirSync('bench', { recursive: true });
// The timeline-only run writes its own file, so it never replaces the full run's figures.
const outFile = timelineOnly ? 'bench/scale-timeline.json' : 'bench/scale.json';
writeFileSync(outFile, `${JSON.stringify({ date: new Date().toISOString(), events: eventCount, timelineOnly, rows }, null, 2)}\n`);
console.log(`\nwrote ${outFile}`);
