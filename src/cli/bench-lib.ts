/**
 * Measurements shared by `npm run bench` and `npm run bench:scale`. Bytes are read from the built
 * files (gzip at level 6, as a typical static host serves them); timings are medians of runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { StaticSite } from '../../tests/e2e/support/server.ts';
import { loadSources } from '../lib/content-store.ts';
import { sourceKindPath, sourceTypeShares } from '../lib/sources.ts';

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function gzipSize(bytes: Buffer): number {
  return gzipSync(bytes, { level: 6 }).length;
}

/** The built file a site URL maps to (index.html for directories). */
export function fileFor(site: StaticSite, url: string, distDir = 'dist'): string | undefined {
  const u = new URL(url);
  if (u.origin !== site.origin || !u.pathname.startsWith(site.base)) return undefined;
  let file = path.join(distDir, decodeURIComponent(u.pathname.slice(site.base.length)));
  try {
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
    return file;
  } catch {
    return undefined;
  }
}

export interface Transfer {
  url: string;
  kind: 'html' | 'css' | 'js' | 'wasm' | 'index' | 'fragment' | 'json' | 'other';
  raw: number;
  gzip: number;
}

export function classify(url: string): Transfer['kind'] {
  const p = new URL(url).pathname;
  if (p.endsWith('.css')) return 'css';
  if (p.endsWith('.js') || p.endsWith('.mjs')) return 'js';
  if (p.endsWith('.wasm') || p.includes('wasm')) return 'wasm';
  if (p.includes('/pagefind/fragment/')) return 'fragment';
  if (p.includes('/pagefind/')) return 'index';
  if (p.endsWith('.json')) return 'json';
  if (p.endsWith('/') || p.endsWith('.html')) return 'html';
  return 'other';
}

export function transferOf(site: StaticSite, url: string, distDir = 'dist'): Transfer | undefined {
  const file = fileFor(site, url, distDir);
  if (!file) return undefined;
  const bytes = readFileSync(file);
  return { url, kind: classify(url), raw: bytes.length, gzip: gzipSize(bytes) };
}

export function sum(transfers: Transfer[], kinds?: Transfer['kind'][]): { raw: number; gzip: number; count: number } {
  const t = kinds ? transfers.filter((x) => kinds.includes(x.kind)) : transfers;
  return { raw: t.reduce((a, b) => a + b.raw, 0), gzip: t.reduce((a, b) => a + b.gzip, 0), count: t.length };
}

/** Everything a page requests to render, before any interaction. */
export async function pageWeight(browser: Browser, site: StaticSite, pagePath: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(site.url(pagePath), { waitUntil: 'networkidle' });
  // Page scripts start after the first paint (src/lib/after-paint.ts): count them once they have run.
  await page.waitForFunction(() => document.documentElement.dataset.scripts === 'ready' || !document.querySelector('script[data-script-loader]'));
  await page.waitForLoadState('networkidle');
  await context.close();
  const transfers = urls.map((u) => transferOf(site, u)).filter((t): t is Transfer => !!t);
  return {
    requests: urls.length,
    html: sum(transfers, ['html']),
    css: sum(transfers, ['css']),
    js: sum(transfers, ['js']),
    total: sum(transfers),
  };
}

/** Bytes a reader downloads to get a first and a second set of results, and how long they wait. */
export async function searchCost(browser: Browser, site: StaticSite, pagePath: string, first: string, second: string, distDir = 'dist') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url(pagePath), { waitUntil: 'networkidle' });
  // Page scripts start after the first paint (src/lib/after-paint.ts): count only what search fetches.
  await page.waitForFunction(() => document.documentElement.dataset.scripts === 'ready' || !document.querySelector('script[data-script-loader]'));
  let urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  const runQuery = async (q: string) => {
    const input = page.locator('dialog .search-input');
    const started = performance.now();
    await input.fill(q);
    await page.locator('dialog .search-status').filter({ hasText: new RegExp(`result.*${q}`, 'i') }).waitFor({ timeout: 180_000 });
    return performance.now() - started;
  };
  await page.keyboard.press('/');
  await page.locator('dialog .search-input').waitFor();
  const firstMs = await runQuery(first);
  await page.waitForLoadState('networkidle');
  const firstTransfers = urls.map((u) => transferOf(site, u, distDir)).filter((t): t is Transfer => !!t);
  urls = [];
  const secondMs = await runQuery(second);
  await page.waitForLoadState('networkidle');
  const secondTransfers = urls.map((u) => transferOf(site, u, distDir)).filter((t): t is Transfer => !!t);
  await context.close();
  const breakdown = (t: Transfer[]) => ({
    library: sum(t, ['js']),
    wasm: sum(t, ['wasm']),
    index: sum(t, ['index']),
    fragments: sum(t, ['fragment']),
    other: sum(t, ['json', 'css', 'other', 'html']),
    total: sum(t),
  });
  return { firstMs, secondMs, first: breakdown(firstTransfers), second: breakdown(secondTransfers) };
}

/** Runs a command and returns its wall time in milliseconds; throws when it fails. */
export function timeCommand(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): number {
  return measureCommand(command, args, env, cwd).wallMs;
}

/**
 * CPU time (user + system) of this process's finished children, in milliseconds, from
 * /proc/self/stat on Linux (fields cutime and cstime, in the kernel's fixed 100 ticks a second);
 * undefined elsewhere.
 */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", field 3 (state) is index 0, so cutime (16) and cstime (17) are 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Runs a command and returns its wall time and, on Linux, the CPU time it and its children used:
 * on a machine shared with other work, CPU time moves much less than wall time. With keepOutput,
 * also what it printed (both streams), for reading its own timings.
 */
export function measureCommand(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string, { keepOutput = false } = {}): { wallMs: number; cpuMs: number | undefined; output: string } {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const r = spawnSync(command, args, { stdio: ['ignore', keepOutput ? 'pipe' : 'ignore', 'pipe'], env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...(cwd ? { cwd } : {}) });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stderr}`);
  const wallMs = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  return { wallMs, cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore, output: keepOutput ? `${r.stdout}\n${r.stderr}` : '' };
}

export function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const s = statSync(full);
      if (s.isDirectory()) walk(full);
      else {
        bytes += s.size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

/** The page of the kind of source with the most entries: the longest of the sources pages. */
function largestSourceKindPage(): string {
  const top = sourceTypeShares(loadSources().values()).reduce((a, b) => (b.count > a.count ? b : a));
  return sourceKindPath(top.type);
}

/** One page of each kind, for Lighthouse: the largest paint differs by layout, not by page. */
export const PAGE_KINDS = {
  home: '',
  'essay with charts': 'essays/nuclear-file/',
  'text page (Start here)': 'start/',
  timeline: 'timeline/',
  'chart page': 'charts/stockpile/',
  glossary: 'glossary/',
  sources: 'sources/',
  'sources of one kind (the most entries)': largestSourceKindPage(),
} as const;

/** Lighthouse (mobile defaults) against Debian's Chromium, started with a debugging port. */
export async function lighthouseScores(url: string, chromiumPath: string, port: number) {
  const chrome = spawn(chromiumPath, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', `--remote-debugging-port=${port}`, `--user-data-dir=/tmp/lh-profile-${port}`, 'about:blank',
  ], { stdio: 'ignore' });
  try {
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(`http://127.0.0.1:${port}/json/version`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const { default: lighthouse } = await import('lighthouse');
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
    const lhr = result!.lhr;
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: Math.round(num('largest-contentful-paint')),
      cls: Math.round(num('cumulative-layout-shift') * 1000) / 1000,
      tbtMs: Math.round(num('total-blocking-time')),
    };
  } finally {
    chrome.kill();
  }
}

/** The median of each Lighthouse figure over several runs of one page (scores and times alike). */
export function medianScores(runs: Awaited<ReturnType<typeof lighthouseScores>>[]) {
  const m = (pick: (r: (typeof runs)[number]) => number) => median(runs.map(pick));
  return {
    performance: m((r) => r.performance),
    accessibility: m((r) => r.accessibility),
    bestPractices: m((r) => r.bestPractices),
    seo: m((r) => r.seo),
    lcpMs: Math.round(m((r) => r.lcpMs)),
    cls: m((r) => r.cls),
    tbtMs: Math.round(m((r) => r.tbtMs)),
    runs: runs.length,
  };
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
