/**
 * `npm run build` step 2: the Pagefind index. Pages are indexed from the built HTML (only the
 * parts marked data-pagefind-body). Timeline events are indexed one record each, pointing at
 * /timeline/#event-id: a search that finds an event then downloads that event's few hundred bytes,
 * not the whole timeline page, and the index grows with the number of events, not their square.
 * Usage: node src/cli/index-search.ts [site folder, default dist]
 */
import path from 'node:path';
import * as pagefind from 'pagefind';
import { loadEvents } from '../lib/content-store.ts';
import { formatDate } from '../lib/dates.ts';
import { TOPIC_LABELS } from '../lib/topics.ts';
import { SITE } from '../site.config.ts';
import { eventAddress, timelineIsSplit } from '../lib/timeline-pages.ts';

const site = path.resolve(process.argv[2] ?? 'dist');
const started = performance.now();
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const pages = await index.addDirectory({ path: site });
if (pages.errors.length) throw new Error(`pagefind: ${pages.errors.join('; ')}`);
const base = SITE.base.endsWith('/') ? SITE.base : `${SITE.base}/`;
// A long timeline lists its events one page per year (lib/timeline-pages.ts): link the year page.
const split = timelineIsSplit(loadEvents().length);
for (const e of loadEvents()) {
  const r = await index.addCustomRecord({
    url: `${base}${eventAddress(e.id, split)}`,
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
console.log(`search index: ${pages.page_count} pages and ${loadEvents().length} events in ${Math.round(performance.now() - started)} ms`);
