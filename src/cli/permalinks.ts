/**
 * `npm run permalinks`: adds every address the site publishes (pages, essay sections, glossary
 * terms, timeline events, sources, charts) to content/permalinks.txt, from a fresh build of the
 * current content and code, never from an old dist/. It builds into a temporary folder unless
 * dist/ is newer than every file under content/ and src/.
 *
 * It never removes a line: a published address stays, and `npm run check` (for addresses that
 * follow from content) and the browser tests (for ids that page templates add) keep them working.
 * To give one up, write "retired: <reason>" after it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkContent } from '../lib/content-check.ts';
import { contentDir } from '../lib/content-store.ts';
import { formatProblem } from '../lib/content-errors.ts';
import { contentPermalinks, resolveAddress } from '../lib/site-addresses.ts';
import { currentPermalinks, formatRegistry, parseRegistry, PERMALINKS_FILE, type RegistryEntry } from '../lib/permalinks.ts';

const content = contentDir();
const file = path.join(content, PERMALINKS_FILE);

const report = checkContent(content);
if (report.problems.length) {
  console.error(`permalinks: fix the content first (${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}):`);
  for (const p of report.problems) console.error(`  - ${formatProblem(p)}`);
  process.exit(1);
}

/** The newest modification time of any file below `dir`. */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let latest = statSync(dir).mtimeMs;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const s = statSync(full);
    latest = Math.max(latest, s.isDirectory() ? newest(full) : s.mtimeMs);
  }
  return latest;
}

const distIndex = path.join('dist', 'index.html');
const sources = Math.max(newest(content), newest('src'), newest('public'), statSync('astro.config.mjs').mtimeMs);
// dist/ is the default build (content/, base "/"); for another content folder or base, build.
const distIsFresh = !process.env.SITE_CONTENT_DIR && !process.env.SITE_BASE && existsSync(distIndex) && statSync(distIndex).mtimeMs > sources;
let outDir = 'dist';
let work: string | undefined;
if (!distIsFresh) {
  work = mkdtempSync(path.join(tmpdir(), 'explainer-permalinks-'));
  outDir = path.join(work, 'dist');
  console.log('permalinks: building the site from the current content (dist/ is older than it)…');
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent', '--outDir', outDir], { stdio: 'inherit', env: { ...process.env, SITE_CONTENT_DIR: content } });
  if (r.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    console.error('permalinks: the build failed; nothing was written');
    process.exit(1);
  }
}

try {
  const built = new Set(currentPermalinks(outDir));
  // Every address the checker expects from content must be on the built site: if not, the
  // checker's idea of the site (src/lib/site-addresses.ts) has drifted from the pages.
  const drift = contentPermalinks(report.site).filter((a) => !built.has(a));
  if (drift.length) {
    console.error(`permalinks: the checker expects ${drift.length} address(es) the build does not have; fix src/lib/site-addresses.ts or src/lib/mdx-components.ts:\n  ${drift.join('\n  ')}`);
    process.exit(1);
  }
  const existing = existsSync(file) ? parseRegistry(readFileSync(file, 'utf8')).entries : [];
  const known = new Map(existing.map((e) => [e.address, e]));
  const partOf = (address: string): RegistryEntry['part'] => (resolveAddress(report.site, address).status === 'ok' ? 'content' : 'template');
  const entries: Pick<RegistryEntry, 'address' | 'part' | 'retired'>[] = [];
  const lost: string[] = [];
  for (const e of existing) {
    // An address content resolves (a page, a section, an alias, a redirect) goes in the content
    // part; one only the build has in the template part; a retired or lost one stays where it is.
    const fromContent = resolveAddress(report.site, e.address).status === 'ok';
    if (!e.retired && !fromContent && !built.has(e.address)) lost.push(e.address);
    entries.push({ address: e.address, retired: e.retired, part: e.retired ? e.part : fromContent ? 'content' : built.has(e.address) ? 'template' : e.part });
  }
  const added = [...built].filter((a) => !known.has(a));
  for (const address of added) entries.push({ address, part: partOf(address) });
  const moved = entries.filter((e) => known.has(e.address) && known.get(e.address)!.part !== e.part).length;
  writeFileSync(file, formatRegistry(entries));
  console.log(`permalinks: ${existing.length} kept${moved ? ` (${moved} sorted into the right part)` : ''}, ${added.length} added${added.length ? `:\n  ${added.join('\n  ')}` : ''}`);
  if (lost.length) console.warn(`permalinks: ${lost.length} listed address(es) are not on the built site; the browser tests will name them:\n  ${lost.join('\n  ')}`);
} finally {
  if (work) rmSync(work, { recursive: true, force: true });
}
