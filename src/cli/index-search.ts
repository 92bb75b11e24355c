/**
 * `npm run build` step 2: the Pagefind index. Pages are indexed from the built HTML (only the
 * parts marked data-pagefind-body), one record per section where a page has section headings
 * (src/lib/search-sections.ts), so a result downloads one section's text, not the page's.
 * Timeline events are indexed one record each, pointing at /timeline/#event-id: a search that
 * finds an event then downloads that event's few hundred bytes, not the whole timeline page, and
 * the index grows with the number of events, not their square.
 * Also writes search-variants.json: the spelling variants (content/search-variants.yaml) and which
 * spellings the built pages use, so a search tries only spellings that can find something.
 * Usage: node src/cli/index-search.ts [site folder, default dist]
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { loadEvents, loadVariants } from '../lib/content-store.ts';
import { searchVariants } from '../lib/search-variants.ts';
import { searchableHtml } from '../lib/search-text.ts';
import { sectionRecords } from '../lib/search-sections.ts';
import { formatDate } from '../lib/dates.ts';
import { TOPIC_LABELS } from '../lib/topics.ts';
import { SITE } from '../site.config.ts';
import { eventAddress, timelineIsSplit } from '../lib/timeline-pages.ts';

const site = path.resolve(process.argv[2] ?? 'dist');

/** The site's HTML files, Pagefind's own folder left out. */
function htmlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFilesUnder(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}
/** A built page as plain text (tags, scripts and styles removed), for the spelling check. */
function plainText(html: string): string {
  return html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;|&#x27;/g, "'");
}
/**
 * Waits (at most 5 s) until the processes this one started (Pagefind's) have ended and been
 * reaped, so their CPU time counts towards this process's when it exits: `npm run bench:peer`
 * reads CPU time as the children's, and Pagefind's (about a third of this step) was counted on
 * some runs and not others, by whether it ended before this process did. Linux only (/proc).
 */
async function childProcessesEnded(): Promise<void> {
  const parentOf = (pid: string) => {
    try {
      // "pid (name) state ppid …"; the name may hold spaces, so read after its last ")".
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
    } catch {
      return undefined; // ended while we looked
    }
  };
  const ours = () => (existsSync('/proc') ? readdirSync('/proc').filter((pid) => /^\d+$/.test(pid) && parentOf(pid) === String(process.pid)) : []);
  for (const until = Date.now() + 5000; ours().length && Date.now() < until; ) await new Promise((r) => setTimeout(r, 10));
}
const started = performance.now();
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
// Each built page, with its table cells kept apart, its citation markers left out and its ignored parts emptied (src/lib/search-text.ts).
// A page with section headings is indexed one record per section (src/lib/search-sections.ts),
// so a result downloads that section's text, not the whole page's.
const base = SITE.base.endsWith('/') ? SITE.base : `${SITE.base}/`;
let pageCount = 0;
let sectionCount = 0;
/** Every built page as plain text, for the spelling check below (each page is read once). */
const pageTexts: string[] = [];
/**
 * Records are sent without waiting for each answer, so Pagefind indexes one while this process
 * splits the next page, rather than each record being a round trip between the two processes.
 * The index is byte for byte the same; the step is about a tenth faster at 500 essays.
 */
const added: Promise<string[]>[] = [];
for (const file of htmlFilesUnder(site)) {
  const sourcePath = path.relative(site, file).split(path.sep).join('/');
  const html = readFileSync(file, 'utf8');
  pageTexts.push(plainText(html));
  const content = searchableHtml(html);
  // Root-relative, as Pagefind writes the addresses of files it reads (it adds the site's base when searching).
  const pageUrl = `/${sourcePath.replace(/(^|\/)index\.html$/, '$1')}`;
  const sections = sectionRecords(content, pageUrl);
  for (const s of sections) added.push(index.addHTMLFile({ url: s.url, content: s.html }).then((r) => r.errors.map((e) => `${s.url}: ${e}`)));
  sectionCount += sections.length;
  if (!sections.length) added.push(index.addHTMLFile({ sourcePath, content }).then((r) => r.errors.map((e) => `${file}: ${e}`)));
  pageCount++;
}
// A long timeline lists its events one page per year (lib/timeline-pages.ts): link the year page.
const split = timelineIsSplit(loadEvents().length);
for (const e of loadEvents()) {
  const record = {
    url: `${base}${eventAddress(e.id, split)}`,
    content: `${e.title}. ${formatDate(e.when, e.precision)}. ${e.summary}`,
    language: 'en',
    meta: { title: e.title, date: formatDate(e.when, e.precision) },
    filters: { kind: ['Timeline event'], topic: [TOPIC_LABELS[e.category]] },
  };
  added.push(index.addCustomRecord(record).then((r) => r.errors.map((err) => `event ${e.id}: ${err}`)));
}
const addErrors = (await Promise.all(added)).flat();
if (addErrors.length) throw new Error(`pagefind: ${addErrors.join('; ')}`);
const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
await childProcessesEnded();

writeFileSync(path.join(site, 'search-variants.json'), JSON.stringify(searchVariants(loadVariants(), pageTexts)));
console.log(`search index: ${pageCount} HTML files (${sectionCount} section records) and ${loadEvents().length} events in ${Math.round(performance.now() - started)} ms`);
