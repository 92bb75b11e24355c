/**
 * Runs a query against the Pagefind index, expanded into every spelling variant of the names in
 * it, and turns Pagefind's results into section-level items: a result inside an essay section
 * links to that section, an event to its anchor on the timeline, a term to its glossary entry.
 */
import { expandQuery, type SearchVariants } from '../lib/search-query.ts';
import { groupByPage } from '../lib/search-sections.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  anchor?: { element: string; id: string };
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
interface Pagefind {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  search(q: string, o?: object): Promise<{ results: PagefindResult[] }>;
}

export interface SearchItem {
  url: string;
  pageTitle: string;
  section?: string | undefined;
  excerpt: string;
  kind: string;
}

export interface SearchFilters {
  kind?: string[];
  topic?: string[];
}

const base = import.meta.env.BASE_URL;

/**
 * How results of each kind rank against others with the same Pagefind score. /sources/ is a list of
 * headlines: a word in a headline says less about a topic than an essay section explaining it.
 */
const KIND_WEIGHT: Record<string, number> = { Essay: 1, Glossary: 1, 'Timeline event': 0.35, Source: 0.4, Data: 0.8, Page: 0.7 };
let engine: Promise<{ pagefind: Pagefind; variants: SearchVariants['groups']; onSite: Set<string> }> | undefined;

export function loadEngine() {
  engine ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    // pageLength: how much short records are favoured. Pagefind's default (0.75) lets one-paragraph
    // timeline events outrank whole essay sections; 0.2 lets the explanation come first.
    // noWorker: the search runs on the page itself. The index is small enough that a query takes
    // milliseconds there, and the worker's own script was 12 KB more on every first search.
    await pagefind.options({ highlightParam: 'highlight', excerptLength: 24, ranking: { pageLength: 0.2 }, noWorker: true });
    void pagefind.init();
    const { groups, onSite } = (await fetch(`${base}search-variants.json`).then((r) => r.json())) as SearchVariants;
    return { pagefind, variants: groups, onSite: new Set(onSite) };
  })();
  return engine;
}

/**
 * Picks the sections a page result should link to, best first: a section whose heading names what
 * was searched counts three extra matches (so the glossary entry "Hezbollah" wins for "Hizbollah").
 * A second section is kept when it matches at least half as well as the first.
 */
export function bestSections<T extends { url: string; title: string; locations: number[] }>(sections: T[], words: string[]): T[] {
  const score = (s: T) => s.locations.length + (words.some((w) => s.title.toLowerCase().includes(w)) ? 3 : 0);
  const ranked = sections.filter((s) => s.url.includes('#')).sort((a, b) => score(b) - score(a));
  const [first, second] = ranked;
  if (!first) return [];
  return second && score(second) * 2 >= score(first) ? [first, second] : [first];
}

export async function search(query: string, filters: SearchFilters = {}, limit = 5): Promise<SearchItem[]> {
  const q = query.trim();
  if (!q) return [];
  const { pagefind, variants, onSite } = await loadEngine();
  const pagefindFilters: Record<string, { any: string[] }> = {};
  if (filters.kind?.length) pagefindFilters.kind = { any: filters.kind };
  if (filters.topic?.length) pagefindFilters.topic = { any: filters.topic };
  const queries = expandQuery(q, variants, 6, onSite);
  const words = queries.join(' ').toLowerCase().replace(/"/g, '').split(/\s+/).filter((w) => w.length > 2);
  const runs = await Promise.all(queries.map((variant) => pagefind.search(variant, { filters: pagefindFilters })));
  // One entry per page, keeping its best score across the spellings.
  const best = new Map<string, PagefindResult>();
  for (const run of runs) for (const r of run.results) if (!best.has(r.id) || best.get(r.id)!.score < r.score) best.set(r.id, r);
  const ranked = [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit + 3);
  // Fragments are fetched together (a few more than shown), then ranked again by kind of page:
  // events are short records that score high on density alone, and the overview pages repeat the
  // essays in brief, so the explanations come first.
  const fetched = await Promise.all(ranked.map(async (r) => ({ score: r.score, d: await r.data() })));
  // Sections of one page are shown together, as whole pages were (src/lib/search-sections.ts).
  const weighted = fetched.map(({ score, d }) => {
    const kind = d.filters.kind?.[0] ?? 'Page';
    return { d, weighted: score * (KIND_WEIGHT[kind] ?? 1), page: kind === 'Timeline event' ? d.url : d.url.split(/[?#]/)[0]! };
  });
  const datas = groupByPage(weighted, limit).map((x) => x.d);
  return datas.flatMap((d) => {
    const kind = d.filters.kind?.[0] ?? 'Page';
    const pageTitle = d.meta.title ?? d.url;
    if (kind === 'Timeline event') return [{ url: d.url, pageTitle, section: d.meta.date, excerpt: d.excerpt, kind }];
    // A section record (src/lib/search-sections.ts): its address is the section's already.
    if (d.meta.section !== undefined) return [{ url: d.url, pageTitle, section: d.meta.section !== pageTitle ? d.meta.section : undefined, excerpt: d.excerpt, kind }];
    const sections = bestSections(d.sub_results, words);
    if (!sections.length) return [{ url: d.url, pageTitle, excerpt: d.excerpt, kind }];
    return sections.map((s) => ({ url: s.url, pageTitle, section: s.title !== pageTitle ? s.title : undefined, excerpt: s.excerpt, kind }));
  });
}
