/**
 * Lighthouse's Largest Contentful Paint (mobile defaults) for one page of each kind, served gzip
 * as the host serves it, with the page's four category scores (performance, accessibility, best
 * practices, SEO), its layout shift and its total blocking time, medians of the runs. Given a
 * second build (BENCH_LCP_BEFORE=<folder>, e.g. a copy of dist/ made before a change), it
 * measures both in turn, page by page and run by run, so a busy machine weighs on both alike; it
 * prints each build's median and the runs.
 *
 *   npm run build && cp -a dist /tmp/dist-before   # before the change
 *   npm run build && BENCH_LCP_BEFORE=/tmp/dist-before npm run bench:lcp
 *
 * Environment: BENCH_LIGHTHOUSE_RUNS (default 3), BENCH_DEBUGGING_PORT (default 9333), BENCH_LCP_PAGES
 * (page paths to measure instead of all kinds, comma-separated, e.g. `essays/nuclear-file/,start/`). Lighthouse
 * multiplies the CPU time it observes by four: run it on a quiet machine (`uptime`).
 */
import { CHROMIUM_PATH } from '../../tests/e2e/support/browser.ts';
import { lighthouseScores, medianScores, PAGE_KINDS } from './bench-lib.ts';
import { serveDist } from './static-server.ts';

type Scores = Awaited<ReturnType<typeof lighthouseScores>>;

const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const port = Number(process.env.BENCH_DEBUGGING_PORT ?? 9333);
const builds = [
  ...(process.env.BENCH_LCP_BEFORE ? [{ name: 'before', dir: process.env.BENCH_LCP_BEFORE }] : []),
  { name: process.env.BENCH_LCP_BEFORE ? 'after' : 'LCP', dir: process.env.BENCH_LCP_AFTER ?? 'dist' },
];
const sites = await Promise.all(builds.map((b) => serveDist(b.dir, undefined, { compress: true })));

console.log(`Lighthouse LCP, mobile defaults, served gzip, median of ${runs} (runs in brackets); scores: performance/accessibility/best practices/SEO`);
console.log(['page', ...builds.map((b) => `${b.name} (${b.dir})`)].join(' | '));
const only = process.env.BENCH_LCP_PAGES?.split(',');
const pages = only ? only.map((p) => [p || 'home', p] as const) : Object.entries(PAGE_KINDS);
for (const [name, page] of pages) {
  const results = builds.map(() => [] as Scores[]);
  for (let i = 0; i < runs; i++) {
    for (const [b, site] of sites.entries()) results[b]!.push(await lighthouseScores(site.url(page), CHROMIUM_PATH, port));
  }
  const cell = (r: Scores[]) => {
    const m = medianScores(r);
    return `${m.lcpMs} ms [${r.map((x) => x.lcpMs).join(', ')}] · ${m.performance}/${m.accessibility}/${m.bestPractices}/${m.seo} · CLS ${m.cls} · TBT ${m.tbtMs} ms`;
  };
  console.log([name, ...results.map(cell)].join(' | '));
}
await Promise.all(sites.map((s) => s.close()));
