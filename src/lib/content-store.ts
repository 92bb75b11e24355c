/**
 * Reads and validates the shared content files once per process. The content folder is
 * `content/` unless SITE_CONTENT_DIR points elsewhere (the tests build fixtures that way).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GlossaryEntry, SourceEntry } from './schemas.ts';
import { parseSources } from './sources.ts';
import { parseGlossary } from './glossary.ts';
import { parseRedirects, type Redirect } from './redirects.ts';
import { parseVariants, type VariantGroups } from './search-variants.ts';
import { parseDatasets, type Datasets } from './data/datasets.ts';
import { DATA_FILES, parseEvents, parseHormuz, parseMapFeatures, parseStockpile, parseTransits, type HormuzRow, type MapFeature, type StockpileRow, type TimelineEvent, type TransitRow } from './data/schemas.ts';
import { FACTS_FILE, factSources, parseFacts, type FactRegistry } from './facts.ts';

export function contentDir(): string {
  return path.resolve(process.env.SITE_CONTENT_DIR ?? 'content');
}

/** A path for messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

const cache = new Map<string, { mtime: number; value: unknown }>();

function cached<T>(file: string, parse: (text: string, display: string) => T): T {
  const mtime = statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit && hit.mtime === mtime) return hit.value as T;
  const value = parse(readFileSync(file, 'utf8'), displayPath(file));
  cache.set(file, { mtime, value });
  return value;
}

// The loaders are called on every page: the sets of known keys a parser needs are made only when
// a file is parsed, not on every call that finds it cached.
export function loadSources(): Map<string, SourceEntry> {
  return cached(path.join(contentDir(), 'sources.yaml'), parseSources);
}

export function loadGlossary(): GlossaryEntry[] {
  const sources = loadSources();
  return cached(path.join(contentDir(), 'glossary.yaml'), (text, file) => parseGlossary(text, file, new Set(sources.keys())));
}

export function loadStockpile(): StockpileRow[] {
  const sources = loadSources();
  return cached(path.join(contentDir(), DATA_FILES.stockpile), (text, file) => parseStockpile(text, file, new Set(sources.keys())));
}

export function loadEvents(): TimelineEvent[] {
  const sources = loadSources();
  return cached(path.join(contentDir(), DATA_FILES.events), (text, file) => parseEvents(text, file, new Set(sources.keys())));
}

export function loadHormuz(): HormuzRow[] {
  const sources = loadSources();
  return cached(path.join(contentDir(), DATA_FILES.hormuz), (text, file) => parseHormuz(text, file, new Set(sources.keys())));
}

export function loadTransits(): TransitRow[] {
  const sources = loadSources();
  return cached(path.join(contentDir(), DATA_FILES.transits), (text, file) => parseTransits(text, file, new Set(sources.keys())));
}

export function loadMapFeatures(): MapFeature[] {
  const sources = loadSources();
  return cached(path.join(contentDir(), DATA_FILES.map), (text, file) => parseMapFeatures(text, file, new Set(sources.keys())));
}

export function loadDatasets(): Datasets {
  const sources = loadSources();
  const events = loadEvents();
  return cached(path.join(contentDir(), 'data', 'datasets.yaml'), (text, file) => parseDatasets(text, file, new Set(sources.keys()), new Set(events.map((e) => e.id))));
}

/** The raw bytes of a data file, for the "Download CSV" links (served exactly as committed). */
export function readDataFileBytes(file: string): Buffer {
  return readFileSync(path.join(contentDir(), 'data', file));
}

export function loadVariants(): VariantGroups {
  return cached(path.join(contentDir(), 'search-variants.yaml'), parseVariants);
}

export function loadRedirects(): Redirect[] {
  const file = path.join(contentDir(), 'redirects.yaml');
  return existsSync(file) ? cached(file, parseRedirects) : [];
}

/**
 * The facts registry, with values read from the data files where a fact says `from:`. Cached
 * until facts.yaml or a data file it reads changes (so the dev server picks up a new IAEA row).
 */
let factsCache: { stamp: string; value: FactRegistry } | undefined;
export function loadFacts(): FactRegistry {
  const file = path.join(contentDir(), FACTS_FILE);
  const inputs = [file, path.join(contentDir(), DATA_FILES.stockpile), path.join(contentDir(), DATA_FILES.hormuz), path.join(contentDir(), 'data', 'datasets.yaml')];
  const stamp = inputs.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)).join(':');
  if (factsCache?.stamp === stamp) return factsCache.value;
  const data = { stockpile: loadStockpile(), hormuz: loadHormuz(), stockpileReference: loadDatasets().stockpile.reference };
  const value = parseFacts(readFileSync(file, 'utf8'), displayPath(file), { sourceKeys: new Set(loadSources().keys()), data });
  factsCache = { stamp, value };
  return value;
}

/** Fact id → its source keys: the `factSources` option of the citation plugin. */
export function loadFactSources(): ReadonlyMap<string, readonly string[]> {
  return factSources(loadFacts());
}
