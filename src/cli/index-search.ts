/**
 * `npm run build` step 2: the Pagefind index. Pages are indexed from the built HTML (only the
 * parts marked data-pagefind-body). Timeline events are indexed one record each, pointing at
 * /timeline/#event-id: a search that finds an event then downloads that event's few hundred bytes,
 * not the whole timeline page, and the index grows with the number of events, not their square.
 * Also writes search-variants.json: the spelling variants (content/search-variants.yaml) and which
 * spellings the built pages use, so a search tries only spellings that can find something.
 * Usage: node src/cli/index-search.ts [site folder, default dist]
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { loadEvents, loadVariants } from '../lib/content-store.ts';
import { searchVariants } from '../lib/search-variants.ts';
import { formatDate } from '../lib/dates.ts';
import { TOPIC_LABELS } from '../lib/topics.ts';
import { SITE } from '../site.config.ts';

const site = path.resolve(process.argv[2] ?? 'dist');
const started = performance.now();
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const pages = await index.addDirectory({ path: site });
if (pages.errors.length) throw new Error(`pagefind: ${pages.errors.join('; ')}`);
const base = SITE.base.endsWith('/') ? SITE.base : `${SITE.base}/`;
for (const e of loadEvents()) {
  const r = await index.addCustomRecord({
    url: `${base}timeline/#${e.id}`,
    content: `${e.title}. ${formatDate(e.when, e.precision)}. ${e.summary}`,
    language: 'en',
    meta: { title: e.title, date: formatDate(e.when, e.precision) },
    filters: { kind: ['Timeline event'], topic: [TOPIC_LABELS[e.category]] },
  });
  if (r.errors.length) throw new Error(`pagefind: event ${e.id}: ${r.errors.join('; ')}`);
}
const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();

/** Every built page as plain text (tags, scripts and styles removed), for the spelling check. */
function* pageTexts(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'pagefind') yield* pageTexts(full);
    else if (entry.name.endsWith('.html')) {
      yield readFileSync(full, 'utf8').replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;|&#x27;/g, "'");
    }
  }
}
writeFileSync(path.join(site, 'search-variants.json'), JSON.stringify(searchVariants(loadVariants(), pageTexts(site))));
console.log(`search index: ${pages.page_count} pages and ${loadEvents().length} events in ${Math.round(performance.now() - started)} ms`);
