/**
 * `npm run bench:scale`: how the build grows with the site. Generates synthetic content into a
 * temporary folder (never content/): N essays of realistic length, each with headings, citations,
 * glossary links and a chart, plus 10,000 timeline events; builds each size and prints build
 * seconds, seconds per page, index size and a first query's bytes.
 * Sizes: BENCH_SCALE_SIZES (default "100,500,2000"); events: BENCH_SCALE_EVENTS (default 10000).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveDist } from '../../tests/e2e/support/server.ts';
import { launchChromium } from '../../tests/e2e/support/browser.ts';
import { dirSize, gzipSize, searchCost, timeCommand } from './bench-lib.ts';
import { builtPages } from '../../tests/e2e/support/site.ts';
import { writeSyntheticContent } from './synthetic-site.ts';

const sizes = (process.env.BENCH_SCALE_SIZES ?? '100,500,2000').split(',').map(Number);
const eventCount = Number(process.env.BENCH_SCALE_EVENTS ?? 10000);

const work = mkdtempSync(path.join(tmpdir(), 'explainer-scale-'));
const rows: { essays: number; pages: number; buildS: number; pagefindS: number; perPageMs: number; indexKB: number; firstQueryKB: number; firstQueryMs: number; timelineHtmlKB: number }[] = [];
try {
  const browser = await launchChromium();
  for (const n of sizes) {
    const content = path.join(work, `content-${n}`);
    const out = path.join(work, `dist-${n}`);
    writeSyntheticContent(content, n, eventCount);
    const env = { SITE_CONTENT_DIR: content, SITE_CACHE_DIR: path.join(work, `cache-${n}`) };
    const buildMs = timeCommand(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent', '--outDir', out], env);
    const pagefindMs = timeCommand(process.execPath, ['src/cli/index-search.ts', out], env);
    const pages = builtPages(out).length;
    const site = await serveDist(out);
    const cost = await searchCost(browser, site, 'essays/synthetic-0001/', 'uranium', 'blockade', out);
    await site.close();
    const timelineHtmlKB = gzipSize(readFileSync(path.join(out, 'timeline', 'index.html'))) / 1024;
    rows.push({ essays: n, pages, buildS: buildMs / 1000, pagefindS: pagefindMs / 1000, perPageMs: buildMs / pages, indexKB: dirSize(path.join(out, 'pagefind')).bytes / 1024, firstQueryKB: cost.first.total.gzip / 1024, firstQueryMs: cost.firstMs, timelineHtmlKB });
    console.log(`built ${n} essays: ${pages} pages in ${(buildMs / 1000).toFixed(1)} s`);
    if (!process.env.BENCH_SCALE_KEEP) rmSync(out, { recursive: true, force: true });
  }
  await browser.close();
} finally {
  if (process.env.BENCH_SCALE_KEEP) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(`\nScale (${eventCount} timeline events at every size)`);
console.log('| essays | pages | astro build | pagefind | build ms per page | index | first query (gzip) | first query time | timeline page (gzip) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.essays} | ${r.pages} | ${r.buildS.toFixed(1)} s | ${r.pagefindS.toFixed(1)} s | ${r.perPageMs.toFixed(0)} | ${(r.indexKB / 1024).toFixed(1)} MB | ${r.firstQueryKB.toFixed(1)} KB | ${Math.round(r.firstQueryMs)} ms | ${r.timelineHtmlKB.toFixed(0)} KB |`);
mkdirSync('bench', { recursive: true });
writeFileSync('bench/scale.json', `${JSON.stringify({ date: new Date().toISOString(), events: eventCount, rows }, null, 2)}\n`);
console.log('\nwrote bench/scale.json');
