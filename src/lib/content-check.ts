/**
 * Checks every file under content/ without building the site, with one message per mistake:
 * frontmatter, YAML, data rows, the MDX itself (parsed as the build parses it), components and
 * their props against the data, heading ids, citations, glossary links, internal links,
 * redirects and the permalink registry. Used by `npm run check`, by the build and the dev server
 * (src/integrations/content-check.ts), and by the tests.
 *
 * A file that cannot be read (a YAML or CSV syntax error) stops the checks that depend on it,
 * rather than reporting everything that refers to it: a broken sources.yaml is one message, not
 * a thousand "unknown source" lines.
 *
 * Other modules add their rules as a ContentCheck (a function from the checked content to
 * problems), listed in CONTENT_CHECKS below.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentValidationError, validateWith, type ContentProblem } from './content-errors.ts';
import { essayFrontmatter, pageFrontmatter, SOURCE_TYPES } from './schemas.ts';
import { readYaml, splitFrontmatter } from './yaml-file.ts';
import { readSources, sourceKindPath, SOURCE_TYPE_LABELS } from './sources.ts';
import { publisherAnchor } from './jump-list.ts';
import { parseGlossary } from './glossary.ts';
import { displayPath } from './content-store.ts';
import { parseDatasets } from './data/datasets.ts';
import { parseVariants } from './search-variants.ts';
import { parseRedirects } from './redirects.ts';
import { parseCsv } from './data/csv.ts';
import { DATA_FILES, parseEvents, parseHormuz, parseMapFeatures, parseStockpile, parseTransits, type HormuzRow, type StockpileRow, type TimelineEvent } from './data/schemas.ts';
import { checkMdx, type MdxFacts } from './mdx-check.ts';
import type { MdxCollection, MdxDataContext } from './mdx-components.ts';
import { contentPermalinks, publicFiles, resolveAddress, splitAddress, templatePages, type IdOrigin, type PageAddresses, type SiteAddresses } from './site-addresses.ts';
import { checkRegistry, parseRegistry, PERMALINKS_FILE, type RegistryEntry } from './permalinks.ts';
import { LineIndex } from './line-index.ts';
import { closest } from './suggest.ts';
import { checkFacts } from './facts.ts';
import { stockpileReportProblems } from './data/stockpile-reports.ts';
import type { SourceEntry } from './schemas.ts';
import { eventIdYear, timelineIsSplit } from './timeline-pages.ts';

/** Something a maintainer should know that does not stop the build: one line, and the details on request. */
export interface ContentWarning {
  summary: string;
  details: string[];
}

export interface CheckReport {
  problems: ContentProblem[];
  warnings: ContentWarning[];
  counts: Record<string, number>;
  /** The addresses the site will have, as content decides them (for `npm run permalinks`). */
  site: SiteAddresses;
}

/** Where the checker reads files: the disk, or (in tests) the disk with some files replaced. */
export interface ContentFiles {
  /** The text of a file, by its path under the content folder ("data/events.csv"), or undefined. */
  read(relative: string): string | undefined;
  /** The file names in a folder under the content folder. */
  list(relativeDir: string): string[];
}

export function diskFiles(root: string): ContentFiles {
  return {
    read: (rel) => {
      const full = path.join(root, rel);
      return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    },
    list: (dir) => {
      const full = path.join(root, dir);
      return existsSync(full) ? readdirSync(full).sort() : [];
    },
  };
}

/** The files of `base` with some replaced (a string), added, or removed (null). */
export function overlayFiles(base: ContentFiles, changes: Record<string, string | null>): ContentFiles {
  return {
    read: (rel) => (rel in changes ? (changes[rel] ?? undefined) : base.read(rel)),
    list: (dir) => {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const names = new Set(base.list(dir));
      for (const [rel, text] of Object.entries(changes)) {
        if (!rel.startsWith(prefix) || rel.slice(prefix.length).includes('/')) continue;
        if (text === null) names.delete(rel.slice(prefix.length));
        else names.add(rel.slice(prefix.length));
      }
      return [...names].sort();
    },
  };
}

/** An essay or prose page as the checker read it, for checks that look at prose (facts). */
export interface ContentDocument {
  collection: MdxCollection;
  /** The file name without extension: its address is /essays/<slug>/ or /<slug>/. */
  slug: string;
  /** Path shown in messages. */
  file: string;
  text: string;
  /** Frontmatter as written (before validation), or undefined when it could not be read. */
  frontmatter: Record<string, unknown> | undefined;
  mdx: MdxFacts;
}

/** What a plugged-in check gets: everything already read, and what could not be. */
export interface CheckContext {
  root: string;
  files: ContentFiles;
  /** The path shown in messages for a file under the content folder. */
  shown(relative: string): string;
  /** Source keys, or undefined when sources.yaml could not be read (skip rules that need them). */
  sourceKeys: ReadonlySet<string> | undefined;
  glossaryIds: ReadonlySet<string> | undefined;
  data: MdxDataContext;
  documents: readonly ContentDocument[];
}

export interface ContentCheckResult {
  problems: ContentProblem[];
  /** Source keys this check's files cite, so they do not count as cited nowhere. */
  cited?: Iterable<string>;
  /** True when the check's files could not be read, so nobody can tell what they cite. */
  citationsUnknown?: boolean;
  /** What the check read, for the summary line ("24 facts"). */
  counts?: Record<string, number>;
}

export type ContentCheck = (ctx: CheckContext) => ContentCheckResult;

/**
 * Checks of other modules, run after the core files are read. Add one here: a function that
 * returns its problems (with file, line, field, found and expected) and the sources it cites.
 */
export const CONTENT_CHECKS: ContentCheck[] = [
  // content/facts.yaml, and every <Fact> id and registry figure typed by hand in essays and pages.
  (ctx) => {
    const facts = checkFacts(ctx.root, ctx.sourceKeys ?? ANY_KEY);
    return { problems: facts.problems, cited: facts.cited, counts: { facts: facts.count } };
  },
];

/** The parser of each data file; a new data file needs an entry (TypeScript says so). */
const DATA_PARSERS: Record<keyof typeof DATA_FILES, (text: string, file: string, known: ReadonlySet<string>) => unknown[]> = {
  stockpile: parseStockpile,
  events: parseEvents,
  hormuz: parseHormuz,
  transits: parseTransits,
  map: parseMapFeatures,
};

/** Stands in for the source keys when sources.yaml cannot be read: nothing is reported as unknown. */
const ANY_KEY: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>;

/** CSV columns that hold source keys, separated by ";". */
const SOURCE_COLUMN = /(^|_)sources?$/;

export interface CheckOptions {
  files?: ContentFiles;
  /** Where src/pages/ and public/ are (the repository); the working directory by default. */
  projectRoot?: string;
  checks?: readonly ContentCheck[];
}

export function checkContent(root: string, options: CheckOptions = {}): CheckReport {
  const files = options.files ?? diskFiles(root);
  const projectRoot = options.projectRoot ?? process.cwd();
  const shown = (rel: string) => displayPath(path.join(root, rel));
  const problems: ContentProblem[] = [];
  const warnings: ContentWarning[] = [];
  const counts: Record<string, number> = {};
  const cited = new Set<string>();
  /** Set when a file that may cite sources could not be read: "cited nowhere" cannot be told then. */
  let citationsUnknown = false;

  const collect = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ContentValidationError) problems.push(...e.problems);
      else throw e;
      return undefined;
    }
  };

  // sources.yaml: keys as written (so a bad entry does not make its citations "unknown"), then every rule.
  const sourcesRel = 'sources.yaml';
  const sourcesText = files.read(sourcesRel);
  let sourceKeys: Set<string> | undefined;
  /** The entries that passed their rules, for checks that read an entry (a stockpile row's report). */
  let sourceEntries: Map<string, SourceEntry> | undefined;
  const sourcePlaces = new Map<string, { line: number; column: number }>();
  const replacedBy = new Map<string, string>();
  if (sourcesText !== undefined) {
    const raw = collect(() => readYaml(sourcesText, shown(sourcesRel)));
    if (raw && raw.data && typeof raw.data === 'object' && !Array.isArray(raw.data)) {
      sourceKeys = new Set(Object.keys(raw.data));
      for (const [key, entry] of Object.entries(raw.data as Record<string, unknown>)) {
        const place = raw.positionOf([key]);
        if (place) sourcePlaces.set(key, place);
        const replaces = (entry as { replaces?: unknown } | null)?.replaces;
        if (Array.isArray(replaces)) for (const old of replaces) if (typeof old === 'string') replacedBy.set(old, key);
      }
      const read = collect(() => readSources(sourcesText, shown(sourcesRel)));
      if (read) problems.push(...read.problems);
      sourceEntries = read?.sources;
    } else if (raw) {
      collect(() => readSources(sourcesText, shown(sourcesRel)));
    }
    counts.sources = sourceKeys?.size ?? 0;
  }

  // glossary.yaml: ids as written, then every rule.
  const glossaryRel = 'glossary.yaml';
  const glossaryText = files.read(glossaryRel);
  let glossaryIds: Set<string> | undefined;
  if (glossaryText !== undefined) {
    const raw = collect(() => readYaml(glossaryText, shown(glossaryRel)));
    if (raw) {
      const items = Array.isArray(raw.data) ? (raw.data as Record<string, unknown>[]) : [];
      glossaryIds = new Set(items.map((t) => t?.id).filter((id): id is string => typeof id === 'string'));
      for (const t of items) if (Array.isArray(t?.sources)) for (const k of t.sources) if (typeof k === 'string') cited.add(k);
      collect(() => parseGlossary(glossaryText, shown(glossaryRel), sourceKeys));
      counts.glossary = glossaryIds.size;
    } else citationsUnknown = true;
  }

  // Data files: read once; rows that fail a rule leave the charts unchecked, not the sources uncited.
  const rows: Partial<Record<keyof typeof DATA_FILES, unknown[]>> = {};
  const rawEventIds = new Set<string>();
  let eventsReadable = false;
  for (const [name, rel] of Object.entries(DATA_FILES) as [keyof typeof DATA_FILES, string][]) {
    const text = files.read(rel);
    if (text === undefined) continue;
    const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.split(',');
    const records = collect(() => parseCsv(text, shown(rel), header));
    if (!records) {
      citationsUnknown = true;
      continue;
    }
    for (const r of records) {
      for (const [column, value] of Object.entries(r.values)) if (SOURCE_COLUMN.test(column)) value.split(';').map((k) => k.trim()).filter(Boolean).forEach((k) => cited.add(k));
    }
    if (name === 'events') {
      eventsReadable = true;
      for (const r of records) if (r.values.id) rawEventIds.add(r.values.id);
    }
    const parsed = collect(() => DATA_PARSERS[name](text, shown(rel), sourceKeys ?? ANY_KEY));
    if (parsed) rows[name] = parsed;
    counts[name] = records.length;
  }
  // Every stockpile row names the IAEA report it comes from, through its sources' `document`.
  if (rows.stockpile && sourceEntries) problems.push(...stockpileReportProblems(rows.stockpile as StockpileRow[], sourceEntries, shown(DATA_FILES.stockpile)));
  const data: MdxDataContext = {
    stockpile: () => rows.stockpile as StockpileRow[] | undefined,
    events: () => rows.events as TimelineEvent[] | undefined,
    hormuz: () => rows.hormuz as HormuzRow[] | undefined,
  };

  const datasetsRel = 'data/datasets.yaml';
  const datasetsText = files.read(datasetsRel);
  const datasetKeys = new Set<string>();
  const datasetFiles = new Set<string>();
  if (datasetsText !== undefined) {
    const raw = collect(() => readYaml(datasetsText, shown(datasetsRel)));
    if (raw && raw.data && typeof raw.data === 'object') {
      for (const [key, set] of Object.entries(raw.data as Record<string, unknown>)) {
        datasetKeys.add(key);
        const file = (set as { file?: unknown } | null)?.file;
        if (typeof file === 'string') datasetFiles.add(file);
      }
      collectSourceLists(raw.data, cited);
      collect(() => parseDatasets(datasetsText, shown(datasetsRel), sourceKeys ?? ANY_KEY, eventsReadable ? rawEventIds : undefined));
    } else citationsUnknown = true;
  }

  // Essays and prose pages: frontmatter, then the MDX body.
  const documents: ContentDocument[] = [];
  const frontmatterPlaces = new Map<string, (p: PropertyKey[]) => { line: number; column: number } | undefined>();
  for (const collection of ['essays', 'pages'] as const) {
    for (const name of files.list(collection)) {
      const rel = `${collection}/${name}`;
      if (!/\.mdx?$/.test(name)) continue;
      if (name.endsWith('.md')) {
        problems.push({ file: shown(rel), line: 1, column: 1, field: 'file name', found: name, expected: `an .mdx file (only ${collection}/*.mdx files are published): rename it to ${name}x` });
        continue;
      }
      const text = files.read(rel)!;
      const slug = name.replace(/\.mdx$/, '');
      const fm = splitFrontmatter(text);
      let frontmatter: Record<string, unknown> | undefined;
      if (!fm) {
        const first = text.split('\n').find((l) => l.trim()) ?? '';
        problems.push({ file: shown(rel), line: 1, column: 1, field: 'frontmatter', found: first.slice(0, 60), expected: 'frontmatter between two "---" lines at the top of the file (title, summary, dates…)' });
      } else {
        const raw = collect(() => readYaml(fm.yaml, shown(rel), fm.yamlStartLine - 1));
        if (raw) {
          problems.push(...raw.duplicates);
          frontmatter = raw.data && typeof raw.data === 'object' ? (raw.data as Record<string, unknown>) : {};
          frontmatterPlaces.set(rel, raw.positionOf);
          const result = validateWith(collection === 'essays' ? essayFrontmatter : pageFrontmatter, frontmatter, { file: shown(rel), positionOf: raw.positionOf });
          if (!result.ok) problems.push(...result.problems);
        }
      }
      const mdx = checkMdx({ file: shown(rel), text, collection, sourceKeys, replacedBy, glossaryIds, data });
      problems.push(...mdx.problems);
      mdx.cited.forEach((k) => cited.add(k));
      documents.push({ collection, slug, file: shown(rel), text, frontmatter, mdx });
    }
  }
  const essays = documents.filter((d) => d.collection === 'essays');
  counts.essays = essays.length;
  counts.pages = documents.length - essays.length;
  const placeOf = (doc: ContentDocument, field: PropertyKey[]) => frontmatterPlaces.get(`${doc.collection}/${doc.slug}.mdx`)?.(field);

  // Reading order: the second essay to take a number is the one to change.
  const orders = new Map<number, ContentDocument>();
  for (const doc of essays) {
    const order = doc.frontmatter?.order;
    if (typeof order !== 'number') continue;
    const first = orders.get(order);
    if (first) {
      problems.push({ file: doc.file, ...placeOf(doc, ['order']), field: 'order', found: order, expected: `an order number not already used (${first.file}:${placeOf(first, ['order'])?.line ?? 1} has ${order})` });
    } else orders.set(order, doc);
  }

  // Aliases keep old section ids landing on a current heading.
  for (const doc of essays) {
    const aliases = doc.frontmatter?.aliases;
    if (!doc.mdx.parsed || !aliases || typeof aliases !== 'object') continue;
    for (const [old, current] of Object.entries(aliases as Record<string, unknown>)) {
      const place = placeOf(doc, ['aliases', old]);
      const heading = doc.mdx.headings.find((h) => h.id === old);
      if (heading) {
        problems.push({ file: doc.file, ...place, field: `aliases.${old}`, found: old, expected: `an old id that no heading has now (the heading on line ${heading.line} has the id "${old}" itself)` });
      } else if (typeof current === 'string' && !doc.mdx.headings.some((h) => h.id === current)) {
        const guess = closest(current, doc.mdx.headings.map((h) => h.id));
        problems.push({ file: doc.file, ...place, field: `aliases.${old}`, found: current, expected: `the id of a heading in this essay${guess ? ` (did you mean "${guess}"?)` : ''}` });
      }
    }
  }

  // The addresses the site will have, as content and src/pages/ decide them.
  const template = templatePages(path.join(projectRoot, 'src', 'pages'));
  const site: SiteAddresses = { pages: new Map(), redirects: new Map(), files: new Set([...template.files, ...publicFiles(path.join(projectRoot, 'public'))]) };
  for (const [pagePath, origin] of template.pages) site.pages.set(pagePath, { origin });
  const idMap = (ids: Iterable<[string, IdOrigin]>) => new Map(ids);
  for (const doc of documents) {
    if (doc.collection === 'essays' && doc.frontmatter?.draft === true) continue;
    const pagePath = doc.collection === 'essays' ? `/essays/${doc.slug}/` : `/${doc.slug}/`;
    const page: PageAddresses = { origin: doc.file, unreadable: !doc.mdx.parsed || !doc.mdx.idsComplete || !doc.frontmatter };
    if (doc.mdx.parsed) {
      page.ids = idMap([...doc.mdx.ids].map(([id, place]) => [id, { file: doc.file, line: place.line, permalink: !doc.mdx.rawIds.has(id) }]));
      const aliases = doc.frontmatter?.aliases;
      if (aliases && typeof aliases === 'object') for (const old of Object.keys(aliases)) if (!page.ids.has(old)) page.ids.set(old, { file: doc.file, permalink: false });
    }
    site.pages.set(pagePath, page);
    if (doc.collection === 'essays') site.files.add(`/og/${doc.slug}.png`);
  }
  const contentIds = (pagePath: string, file: string, ids: Iterable<string> | undefined, extra: Iterable<string> = []) => {
    const page = site.pages.get(pagePath) ?? { origin: file };
    page.origin = file;
    page.unreadable = !ids;
    page.ids = ids ? idMap([...[...ids].map((id): [string, IdOrigin] => [id, { file, permalink: true }]), ...[...extra].map((id): [string, IdOrigin] => [id, { file, permalink: false }])]) : undefined;
    site.pages.set(pagePath, page);
  };
  if (glossaryText !== undefined) contentIds('/glossary/', shown(glossaryRel), glossaryIds);
  if (files.read(DATA_FILES.events) !== undefined) contentIds('/timeline/', shown(DATA_FILES.events), eventsReadable ? rawEventIds : undefined);
  // A long timeline also lists each year's events on its own page (lib/timeline-pages.ts); the
  // permanent address stays /timeline/#id (the timeline script forwards it), so these are not listed.
  if (eventsReadable && timelineIsSplit(rawEventIds.size)) {
    for (const year of new Set([...rawEventIds].map(eventIdYear))) {
      if (year === undefined) continue;
      const ids = [...rawEventIds].filter((id) => eventIdYear(id) === year);
      contentIds(`/timeline/${year}/`, shown(DATA_FILES.events), [], [...ids, `year-${year}`, 'events', `chart-timeline-${year}`]);
    }
  }
  if (sourcesText !== undefined) {
    // The permanent addresses are on the overview (/sources/#key, /sources/#<kind>); each kind's page
    // holds the full entries under the same ids, as anchors only, since a source may change kind.
    contentIds('/sources/', shown(sourcesRel), sourceKeys, [...replacedBy.keys()].filter((k) => !sourceKeys?.has(k)).concat(SOURCE_TYPES.map((t) => SOURCE_TYPE_LABELS[t].anchor)));
    for (const type of SOURCE_TYPES) {
      const ofKind = sourceEntries && [...sourceEntries.values()].filter((e) => e.type === type);
      const anchors = ofKind && [...ofKind.flatMap((e) => [e.key, ...(e.replaces ?? [])]), ...ofKind.map((e) => publisherAnchor(SOURCE_TYPE_LABELS[type].anchor, e.publisher))];
      contentIds(`/${sourceKindPath(type)}`, shown(sourcesRel), anchors && [], anchors);
    }
  }
  if (datasetsText !== undefined) {
    contentIds('/data/', shown(datasetsRel), datasetKeys);
    for (const f of datasetFiles) site.files.add(`/data/${f}`);
  }

  // The permalink registry: what was published must still resolve.
  const registryRel = PERMALINKS_FILE;
  const registryText = files.read(registryRel);
  const registry = registryText === undefined ? undefined : parseRegistry(registryText);
  const listed = new Map<string, RegistryEntry>((registry?.entries ?? []).filter((e) => !e.retired).map((e) => [e.address, e]));

  // Redirects: never over a live page; always to an address that resolves, in one step.
  const badRedirects = new Set<string>();
  const redirectsRel = 'redirects.yaml';
  const redirectsText = files.read(redirectsRel);
  const redirectList = redirectsText === undefined ? undefined : collect(() => parseRedirects(redirectsText, shown(redirectsRel)));
  // A redirects.yaml with an error of its own: pages that may be redirects are not called lost.
  const redirectsUnknown = redirectsText !== undefined && !redirectList;
  if (redirectsText !== undefined && redirectList) {
    const { positionOf } = readYaml(redirectsText, shown(redirectsRel));
    for (const r of redirectList) site.redirects.set(r.from, r.to);
    const redirectProblem = (r: { from: string; to: string }, i: number): ContentProblem | undefined => {
      const fromAt = { file: shown(redirectsRel), ...positionOf([i, 'from']), field: 'from', found: r.from };
      const toAt = { file: shown(redirectsRel), ...positionOf([i, 'to']), field: 'to', found: r.to };
      const live = site.pages.get(r.from);
      if (live) return { ...fromAt, expected: `an address with no page any more (${live.origin} is published at ${r.from}, and the redirect would replace it)` };
      const [target] = splitAddress(r.to);
      if (site.redirects.has(target)) return { ...toAt, expected: `the final address (${target} redirects on to ${site.redirects.get(target)}): point straight at it` };
      const res = resolveAddress(site, r.to);
      if (res.status === 'no-page' && !listed.has(target)) return { ...toAt, expected: `an address the site publishes (no page at ${res.page})${pageSuggestion(res.page, site)}` };
      if (res.status === 'no-anchor' && !listed.has(r.to)) return { ...toAt, expected: `an id that ${res.page} has (no "${res.anchor}" there)` };
      return undefined;
    };
    redirectList.forEach((r, i) => {
      const problem = redirectProblem(r, i);
      if (!problem) return;
      problems.push(problem);
      badRedirects.add(r.from);
    });
    counts.redirects = redirectList.length;
  }

  if (registry) {
    problems.push(...registry.problems.map((p) => ({ file: shown(registryRel), ...p })));
    problems.push(
      ...checkRegistry(registry.entries, site, shown(registryRel), {
        pageGone: (pagePath) => {
          const slug = /^\/essays\/([^/]+)\/$/.exec(pagePath)?.[1];
          const doc = slug && essays.find((d) => d.slug === slug);
          if (!doc || doc.frontmatter?.draft !== true) return undefined;
          const entry = listed.get(pagePath);
          return {
            file: doc.file,
            ...placeOf(doc, ['draft']),
            field: 'draft',
            found: true,
            expected: `no draft flag on an essay already published at ${pagePath} (${shown(registryRel)}:${entry?.line ?? 1}): to withdraw it, redirect its address in content/redirects.yaml`,
          };
        },
        sourceOf: (pagePath) => site.pages.get(pagePath)?.origin,
        badRedirects,
        redirectsUnknown,
      }),
    );
    const unlisted = contentPermalinks(site).filter((a) => !listed.has(a) && !registry.entries.some((e) => e.address === a));
    if (unlisted.length) {
      warnings.push({
        summary: `${unlisted.length} new address${unlisted.length === 1 ? ' is' : 'es are'} not in ${shown(registryRel)} yet: run npm run permalinks (npm run check -- --list shows them)`,
        details: unlisted,
      });
    }
    counts.permalinks = registry.entries.length;
  }

  // Links and images in essays and pages, now that every page is known.
  for (const doc of documents) {
    const ownPage = doc.collection === 'essays' ? `/essays/${doc.slug}/` : `/${doc.slug}/`;
    for (const link of doc.mdx.links) {
      const at = { file: doc.file, line: link.line, column: link.column, field: link.field, found: link.url };
      if (link.url.startsWith('#')) {
        const id = decodeURIComponent(link.url.slice(1));
        if (doc.mdx.ids.has(id) || listed.has(`${ownPage}${link.url}`)) continue;
        const guess = closest(id, doc.mdx.ids.keys());
        problems.push({ ...at, expected: `the id of a section on this page${guess ? ` (did you mean "#${guess}"?)` : ''}` });
        continue;
      }
      const [pagePart] = link.url.split('#');
      const res = resolveAddress(site, link.url);
      if (res.status === 'ok' || res.status === 'unchecked' || listed.has(link.url)) continue;
      if (res.status === 'template-anchor') {
        problems.push({ ...at, expected: `an id listed for ${res.page} in ${shown(registryRel)} (only published ids can be linked)` });
      } else if (res.status === 'no-page') {
        if ((listed.has(pagePart!) && !link.url.includes('#')) || redirectsUnknown) continue;
        problems.push({
          ...at,
          expected: link.field === 'image' ? `a file under public/ (there is no public${res.page})` : `an address on this site (no page at ${res.page})${pageSuggestion(res.page, site)}`,
        });
      } else if (res.status === 'no-anchor') {
        const ids = site.pages.get(res.page)?.ids;
        const guess = ids ? closest(res.anchor, ids.keys()) : undefined;
        problems.push({ ...at, expected: `an id that ${res.page} has${guess ? ` (did you mean "#${guess}"?)` : ` (no "${res.anchor}" there)`}` });
      } else problems.push({ ...at, expected: `an address whose redirects end on a page (${res.via.join(' → ')} goes round in a circle)` });
    }
  }

  const variantsRel = 'search-variants.yaml';
  const variantsText = files.read(variantsRel);
  if (variantsText !== undefined) counts.variants = collect(() => parseVariants(variantsText, shown(variantsRel)))?.length ?? 0;

  // Checks of other modules (facts), then "cited nowhere" once every citation is known.
  const context: CheckContext = { root, files, shown, sourceKeys, glossaryIds, data, documents };
  for (const check of options.checks ?? CONTENT_CHECKS) {
    const result = check(context);
    problems.push(...result.problems);
    for (const k of result.cited ?? []) cited.add(k);
    if (result.citationsUnknown) citationsUnknown = true;
    Object.assign(counts, result.counts);
  }
  if (sourceKeys && !citationsUnknown) {
    for (const key of sourceKeys) {
      if (cited.has(key)) continue;
      problems.push({
        file: shown(sourcesRel),
        ...sourcePlaces.get(key),
        field: 'key',
        found: key,
        expected: `a source that an essay, page, data row, dataset or glossary term cites: cite it ([@${key}]) or delete it`,
      });
    }
  }

  return { problems: finish(problems, files, root), warnings, counts, site };
}

/** Every string in a list under a "sources" key, anywhere in a YAML document. */
function collectSourceLists(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((v) => collectSourceLists(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'sources' && Array.isArray(v)) v.forEach((s) => typeof s === 'string' && into.add(s));
      else collectSourceLists(v, into);
    }
  }
}

function pageSuggestion(page: string, site: SiteAddresses): string {
  const guess = closest(page, [...site.pages.keys()].filter((p) => p !== '/404.html'));
  return guess ? `; did you mean ${guess}?` : '';
}

/**
 * Adds the column where a rule knew only the line (the found value on that line, or its first
 * character), drops repeats, and sorts by file and position.
 */
function finish(problems: ContentProblem[], files: ContentFiles, root: string): ContentProblem[] {
  const indexes = new Map<string, LineIndex | undefined>();
  const indexOf = (file: string) => {
    if (!indexes.has(file)) {
      const rel = path.relative(root, path.resolve(file));
      const text = rel.startsWith('..') ? undefined : files.read(rel);
      indexes.set(file, text === undefined ? undefined : new LineIndex(text));
    }
    return indexes.get(file);
  };
  const seen = new Set<string>();
  const out: ContentProblem[] = [];
  for (const p of problems) {
    if (p.line && !p.column) {
      const lineText = indexOf(p.file)?.lineText(p.line);
      if (lineText !== undefined) {
        const found = typeof p.found === 'string' || typeof p.found === 'number' ? String(p.found) : '';
        const at = found ? lineText.indexOf(found) : -1;
        p.column = (at >= 0 ? at : /^\s*/.exec(lineText)![0].length) + 1;
      }
    }
    const key = JSON.stringify([p.file, p.line, p.column, p.field, p.expected, String(p.found)]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Throws one error listing every problem; returns the report when all is well. */
export function assertContentValid(root: string, options?: CheckOptions): CheckReport {
  const report = checkContent(root, options);
  if (report.problems.length) throw new ContentValidationError(report.problems);
  return report;
}
