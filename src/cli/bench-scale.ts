/**
 * `npm run bench:scale`: how the build grows with the site. Generates synthetic content into a
 * temporary folder (never content/): N essays of realistic length, each with headings, citations,
 * glossary links and a chart, plus 10,000 timeline events; builds each size and prints build
 * seconds, seconds per page, index size and a first query's bytes.
 * Sizes: BENCH_SCALE_SIZES (default "100,500,2000"); events: BENCH_SCALE_EVENTS (default 10000).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveDist } from '../../tests/e2e/support/server.ts';
import { launchChromium } from '../../tests/e2e/support/browser.ts';
import { dirSize, gzipSize, searchCost, timeCommand } from './bench-lib.ts';
import { builtPages } from '../../tests/e2e/support/site.ts';
import { loadGlossary, loadSources } from '../lib/content-store.ts';
import { TOPICS } from '../lib/topics.ts';

const sizes = (process.env.BENCH_SCALE_SIZES ?? '100,500,2000').split(',').map(Number);
const eventCount = Number(process.env.BENCH_SCALE_EVENTS ?? 10000);
const sourceKeys = [...loadSources().keys()];
const termIds = loadGlossary().map((t) => t.id);
const WORDS = 'the talks strait enrichment sanctions oil tanker mediator ceasefire deadline inspectors stockpile uranium centrifuge blockade shipping minister channel proposal guarantees relief exports refinery discount escalation missile drone base port waters convoy negotiators round memorandum framework verification access agency board resolution report estimate market price insurance'.split(' ');

/** Deterministic pseudo-random numbers, so every run generates the same site. */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function sentence(rand: () => number, cite: boolean): string {
  const n = 12 + Math.floor(rand() * 14);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
  words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
  const key = sourceKeys[Math.floor(rand() * sourceKeys.length)]!;
  return `${words.join(' ')}${cite ? ` [@${key}]` : ''}.`;
}

function essay(i: number): string {
  const rand = rng(i + 1);
  const parts = [
    '---',
    `title: "Synthetic essay ${i + 1}"`,
    `summary: "A generated essay used only to measure how the build grows with the site."`,
    'published: 2026-01-01',
    'updated: 2026-01-02',
    `topics: [${TOPICS[i % TOPICS.length]}]`,
    `order: ${i + 1}`,
    '---',
    '',
    '<KeyPoints>',
    ...Array.from({ length: 4 }, () => `- ${sentence(rand, true)}`),
    '</KeyPoints>',
    '',
  ];
  for (let h = 0; h < 8; h++) {
    parts.push(`${h % 3 === 2 ? '###' : '##'} Section ${h + 1} of essay ${i + 1}`, '');
    for (let p = 0; p < 3; p++) {
      const term = termIds[Math.floor(rand() * termIds.length)]!;
      parts.push(`${sentence(rand, true)} ${sentence(rand, false)} See [${term}](glossary:${term}). ${sentence(rand, true)} ${sentence(rand, false)}`, '');
    }
    if (h === 3) parts.push("<StockpileChart levels={['total']} />", '');
  }
  return parts.join('\n');
}

function events(n: number): string {
  const rows = ['id,date,precision,category,title,summary,sources'];
  const start = Date.UTC(2013, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;
  const rand = rng(7);
  for (let i = 0; i < n; i++) {
    const d = new Date(start + Math.floor((i / n) * span)).toISOString().slice(0, 10);
    rows.push(`${d}-synthetic-event-${i},${d},day,${TOPICS[i % TOPICS.length]},Synthetic event ${i},"${sentence(rand, false)} ${sentence(rand, false)}",${sourceKeys[i % sourceKeys.length]}`);
  }
  return `${rows.join('\n')}\n`;
}

const work = mkdtempSync(path.join(tmpdir(), 'explainer-scale-'));
const rows: { essays: number; pages: number; buildS: number; pagefindS: number; perPageMs: number; indexKB: number; firstQueryKB: number; firstQueryMs: number; timelineHtmlKB: number }[] = [];
try {
  const browser = await launchChromium();
  for (const n of sizes) {
    const content = path.join(work, `content-${n}`);
    const out = path.join(work, `dist-${n}`);
    cpSync('content', content, { recursive: true });
    rmSync(path.join(content, 'essays'), { recursive: true });
    mkdirSync(path.join(content, 'essays'));
    for (let i = 0; i < n; i++) writeFileSync(path.join(content, 'essays', `synthetic-${String(i + 1).padStart(4, '0')}.mdx`), essay(i));
    writeFileSync(path.join(content, 'data', 'events.csv'), events(eventCount));
    // A synthetic site has none of the real essays and no published history: no permalinks,
    // redirects or prose pages that point at them (the content check would refuse those).
    rmSync(path.join(content, 'permalinks.txt'));
    writeFileSync(path.join(content, 'redirects.yaml'), '[]\n');
    rmSync(path.join(content, 'pages'), { recursive: true });
    // Annotations point at real event ids; the synthetic timeline has none of them.
    writeFileSync(path.join(content, 'data', 'datasets.yaml'), readFileSync(path.join(content, 'data', 'datasets.yaml'), 'utf8').replace(/\n      event: .*/g, ''));
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
