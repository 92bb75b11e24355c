/**
 * Lighthouse's Largest Contentful Paint (mobile defaults) for one page of each kind, served gzip
 * as the host serves it. Given a second build (BENCH_LCP_BEFORE=<folder>, e.g. a copy of dist/
 * made before a change), it measures both in turn, page by page and run by run, so a busy
 * machine weighs on both alike; it prints each build's median and the runs.
 *
 *   npm run build && cp -a dist /tmp/dist-before   # before the change
 *   npm run build && BENCH_LCP_BEFORE=/tmp/dist-before npm run bench:lcp
 *
 * Environment: BENCH_LIGHTHOUSE_RUNS (default 3), BENCH_DEBUGGING_PORT (default 9333), BENCH_LCP_PAGES
 * (page paths to measure instead of all kinds, comma-separated, e.g. `essays/nuclear-file/,start/`). Lighthouse
 * multiplies the CPU time it observes by four: run it on a quiet machine (`uptime`).
 */
import { CHROMIUM_PATH } from '../../tests/e2e/support/browser.ts';
import { lighthouseScores, median, PAGE_KINDS } from './bench-lib.ts';
import { serveDist } from './static-server.ts';

const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const port = Number(process.env.BENCH_DEBUGGING_PORT ?? 9333);
const builds = [
  ...(process.env.BENCH_LCP_BEFORE ? [{ name: 'before', dir: process.env.BENCH_LCP_BEFORE }] : []),
  { name: process.env.BENCH_LCP_BEFORE ? 'after' : 'LCP', dir: process.env.BENCH_LCP_AFTER ?? 'dist' },
];
const sites = await Promise.all(builds.map((b) => serveDist(b.dir, undefined, { compress: true })));

console.log(`Lighthouse LCP, mobile defaults, served gzip, median of ${runs} (runs in brackets)`);
console.log(['page', ...builds.map((b) => `${b.name} (${b.dir})`)].join(' | '));
const only = process.env.BENCH_LCP_PAGES?.split(',');
const pages = only ? only.map((p) => [p || 'home', p] as const) : Object.entries(PAGE_KINDS);
for (const [name, page] of pages) {
  const lcp = builds.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [b, site] of sites.entries()) lcp[b]!.push((await lighthouseScores(site.url(page), CHROMIUM_PATH, port)).lcpMs);
  }
  console.log([name, ...lcp.map((r) => `${median(r)} ms [${r.join(', ')}]`)].join(' | '));
}
await Promise.all(sites.map((s) => s.close()));
