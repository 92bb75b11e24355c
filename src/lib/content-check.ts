/**
 * Checks every file under content/ without building the site: the same rules, and the same
 * messages, as the build. Used by the build itself (an integration in astro.config.mjs stops the
 * build before any page is rendered), by `npm run check`, and by the tests.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ContentValidationError, validateWith, type ContentProblem } from './content-errors.ts';
import { essayFrontmatter, pageFrontmatter, type EssayFrontmatter } from './schemas.ts';
import { parseYamlWithLines, splitFrontmatter } from './yaml-file.ts';
import { readSources } from './sources.ts';
import { parseGlossary } from './glossary.ts';
import { scanCitations, lineAtOffset } from './citations.ts';
import { displayPath } from './content-store.ts';
import type { z } from 'zod';
import { parseDatasets } from './data/datasets.ts';
import { parseVariants } from './search-variants.ts';
import { parseRedirects } from './redirects.ts';
import { DATA_FILES, parseEvents, parseHormuz, parseStockpile, readDataFile, type StockpileRow } from './data/schemas.ts';
import { stockpileReportProblems } from './data/stockpile-reports.ts';

export interface CheckReport {
  problems: ContentProblem[];
  /** Not errors: things a maintainer should know (a source no page cites). */
  warnings: string[];
  counts: Record<string, number>;
}

function mdxFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx') || f.endsWith('.md'))
    .sort()
    .map((f) => path.join(dir, f));
}

function checkFrontmatter<S extends z.ZodType>(file: string, schema: S, problems: ContentProblem[]): { data?: z.output<S> | undefined; body: string; bodyStartLine: number } {
  const shown = displayPath(file);
  const text = readFileSync(file, 'utf8');
  const parts = splitFrontmatter(text);
  if (!parts) {
    problems.push({ file: shown, line: 1, expected: 'frontmatter between two "---" lines at the top of the file' });
    return { body: text, bodyStartLine: 1 };
  }
  const bodyStartLine = text.slice(0, text.length - parts.body.length).split('\n').length;
  try {
    const { data, lineOf } = parseYamlWithLines(parts.yaml, shown, parts.yamlStartLine - 1);
    const result = validateWith(schema, data ?? {}, { file: shown, lineOf });
    if (!result.ok) problems.push(...result.problems);
    return { data: result.ok ? result.value : undefined, body: parts.body, bodyStartLine };
  } catch (e) {
    if (e instanceof ContentValidationError) problems.push(...e.problems);
    else throw e;
    return { body: parts.body, bodyStartLine };
  }
}

const GLOSSARY_LINK = /\]\(glossary:([^)\s]*)\)/g;

/** Unknown citation keys and glossary ids in a Markdown body, with their lines. */
export function checkReferences(body: string, bodyStartLine: number, file: string, sourceKeys: ReadonlySet<string>, termIds: ReadonlySet<string>): { problems: ContentProblem[]; cited: string[] } {
  const problems: ContentProblem[] = [];
  const cited: string[] = [];
  for (const m of scanCitations(body)) {
    const line = lineAtOffset(body, m.start, bodyStartLine);
    if (m.malformed !== undefined) problems.push({ file, line, field: 'citation', found: m.raw, expected: 'citations written [@source-key] or [@key-one; @key-two]' });
    for (const key of m.keys) {
      if (!sourceKeys.has(key)) problems.push({ file, line, field: 'citation', found: key, expected: 'a source key defined in content/sources.yaml' });
      else cited.push(key);
    }
  }
  for (const m of body.matchAll(GLOSSARY_LINK)) {
    if (!termIds.has(m[1]!)) problems.push({ file, line: lineAtOffset(body, m.index, bodyStartLine), field: 'glossary link', found: m[1], expected: 'a term id defined in content/glossary.yaml' });
  }
  return { problems, cited };
}

export function checkContent(root: string): CheckReport {
  const problems: ContentProblem[] = [];
  const warnings: string[] = [];
  const counts: Record<string, number> = {};

  const collect = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ContentValidationError) problems.push(...e.problems);
      else throw e;
      return undefined;
    }
  };

  const sourcesFile = path.join(root, 'sources.yaml');
  const read = collect(() => readSources(readFileSync(sourcesFile, 'utf8'), displayPath(sourcesFile)));
  const sources = read?.sources ?? new Map();
  if (read) problems.push(...read.problems);
  const sourceKeys = new Set(read?.keys ?? sources.keys());
  counts.sources = sources.size;

  const glossaryFile = path.join(root, 'glossary.yaml');
  const glossary = collect(() => parseGlossary(readFileSync(glossaryFile, 'utf8'), displayPath(glossaryFile), sourceKeys)) ?? [];
  const termIds = new Set(glossary.map((t) => t.id));
  counts.glossary = glossary.length;

  const citedAnywhere = new Set<string>();
  glossary.forEach((t) => t.sources?.forEach((k) => citedAnywhere.add(k)));

  const essays: { file: string; data?: EssayFrontmatter | undefined }[] = [];
  for (const file of mdxFiles(path.join(root, 'essays'))) {
    const { data, body, bodyStartLine } = checkFrontmatter(file, essayFrontmatter, problems);
    const refs = checkReferences(body, bodyStartLine, displayPath(file), sourceKeys, termIds);
    problems.push(...refs.problems);
    refs.cited.forEach((k) => citedAnywhere.add(k));
    essays.push({ file, data });
  }
  counts.essays = essays.length;
  const orders = new Map<number, string>();
  for (const { file, data } of essays) {
    if (!data) continue;
    const other = orders.get(data.order);
    if (other) problems.push({ file: displayPath(file), field: 'order', found: data.order, expected: `an order number not already used by ${other}` });
    orders.set(data.order, displayPath(file));
  }

  for (const file of mdxFiles(path.join(root, 'pages'))) {
    const { body, bodyStartLine } = checkFrontmatter(file, pageFrontmatter, problems);
    const refs = checkReferences(body, bodyStartLine, displayPath(file), sourceKeys, termIds);
    problems.push(...refs.problems);
    refs.cited.forEach((k) => citedAnywhere.add(k));
  }

  // Data files are optional while a site is being set up, but checked whenever they exist.
  const dataParsers = { stockpile: parseStockpile, events: parseEvents, hormuz: parseHormuz } as const;
  for (const [name, relative] of Object.entries(DATA_FILES) as [keyof typeof DATA_FILES, string][]) {
    if (!existsSync(path.join(root, relative))) continue;
    const rows = collect(() => readDataFile(root, relative, dataParsers[name] as (t: string, f: string, k: ReadonlySet<string>) => { source?: string[]; sources?: string[] }[], sourceKeys));
    if (!rows) continue;
    counts[name] = rows.length;
    for (const r of rows) for (const k of r.source ?? r.sources ?? []) citedAnywhere.add(k);
    // Every stockpile row names the IAEA report it comes from, through its sources.
    if (name === 'stockpile' && read) problems.push(...stockpileReportProblems(rows as StockpileRow[], sources, displayPath(path.join(root, relative))));
  }

  const datasetsFile = path.join(root, 'data', 'datasets.yaml');
  if (existsSync(datasetsFile)) {
    const eventsFile = path.join(root, DATA_FILES.events);
    const eventIds = existsSync(eventsFile) ? collect(() => readDataFile(root, DATA_FILES.events, parseEvents, sourceKeys))?.map((e) => e.id) : undefined;
    const d = collect(() => parseDatasets(readFileSync(datasetsFile, 'utf8'), displayPath(datasetsFile), sourceKeys, eventIds ? new Set(eventIds) : undefined));
    if (d) for (const set of [d.stockpile, d.events, d.hormuz]) set.sources.forEach((k) => citedAnywhere.add(k));
    d?.stockpile.reference.sources.forEach((k) => citedAnywhere.add(k));
  }

  const redirectsFile = path.join(root, 'redirects.yaml');
  if (existsSync(redirectsFile)) counts.redirects = collect(() => parseRedirects(readFileSync(redirectsFile, 'utf8'), displayPath(redirectsFile)))?.length ?? 0;

  const variantsFile = path.join(root, 'search-variants.yaml');
  if (existsSync(variantsFile)) counts.variants = collect(() => parseVariants(readFileSync(variantsFile, 'utf8'), displayPath(variantsFile)))?.length ?? 0;

  const uncited = [...sourceKeys].filter((k) => !citedAnywhere.has(k));
  if (uncited.length) warnings.push(`${uncited.length} source(s) in ${displayPath(sourcesFile)} are cited nowhere: ${uncited.join(', ')}`);
  return { problems, warnings, counts };
}

/** Throws one error listing every problem; returns the report when all is well. */
export function assertContentValid(root: string): CheckReport {
  const report = checkContent(root);
  if (report.problems.length) throw new ContentValidationError(report.problems);
  return report;
}
