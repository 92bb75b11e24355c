/**
 * The facts registry: content/facts.yaml, the one home of every fact that more than one page
 * states or that a reader would call "the current figure". Each fact has an id, a one-line
 * statement, its value (with unit) when it is a number, the date it holds for, a status
 * (confirmed, reported, disputed: a disputed fact gives each side's version, attributed), its
 * sources and, when it replaces an earlier value, the id it supersedes, so each fact keeps its
 * history.
 *
 * This module parses and checks the file, derives values from the data files where a fact says
 * `from:` (so no figure is typed twice), lints essays and pages for registry figures typed by hand
 * instead of through `<Fact id="…" />`, and computes what the pages show: a fact as it reads in
 * prose, the "Where things stand" lines and the date the record runs to.
 *
 * Other modules call: `checkFacts(root, sourceKeys)` (content checks), `parseFacts` (the loader
 * in content-store.ts), `factSources(registry)` (the citation plugin), `recordEnds(events, facts)`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ContentValidationError, validateWith, type ContentProblem } from './content-errors.ts';
import { formatDate, isCalendarDay, isCalendarMonth, isoDay, parseDay } from './dates.ts';
import { parseYamlWithLines, splitFrontmatter } from './yaml-file.ts';
import { lineAtOffset } from './citations.ts';
import { ID_PATTERN } from './slug.ts';
import { displayPath } from './content-store.ts';
import { parseDatasets } from './data/datasets.ts';
import { DATA_FILES, parseHormuz, parseStockpile, type HormuzRow, type StockpileRow } from './data/schemas.ts';

export const FACTS_FILE = 'facts.yaml';
export const FACT_STATUSES = ['confirmed', 'reported', 'disputed'] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];

/** Words a reader sees for each status (the /facts/ page and the "Where things stand" block). */
export const FACT_STATUS_LABELS: Record<FactStatus, string> = {
  confirmed: 'Confirmed',
  reported: 'Reported, not confirmed by a primary source',
  disputed: 'Disputed: accounts differ',
};

// ---------------------------------------------------------------------------------------------
// Schema

const factId = z
  .string({ error: 'an id of lowercase letters, digits and hyphens' })
  .regex(ID_PATTERN, { message: 'an id of lowercase letters, digits and single hyphens, such as "iaea-stockpile-60"' });

/** YYYY-MM-DD, or YYYY-MM when only the month is known. YAML may hand over a Date: normalised first. */
const dayOrMonth = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? isoDay(v) : v),
  z
    .string({ error: 'a date written YYYY-MM-DD, or YYYY-MM when only the month is known' })
    .refine((s) => isCalendarDay(s) || isCalendarMonth(s), { message: 'a real date written YYYY-MM-DD, or YYYY-MM when only the month is known' }),
);

const sourceList = z.array(z.string({ error: 'a source key' }), { error: 'a list of source keys, such as [iaea-gov-2025-25]' }).min(1);

const factVersion = z
  .object({
    /** Who says it, as it reads after "according to": "Kpler data reported by Reuters". */
    by: z.string({ error: 'who gives this version (text)' }).min(3),
    /** Their version as it reads in a sentence: "77 % in 2024". */
    says: z.string({ error: 'the version as it reads in a sentence (text)' }).min(2),
    sources: sourceList,
  })
  .strict();

/** Where in the data files a fact's value lives, so it is read from there instead of typed again. */
export const FACT_DATASETS = ['stockpile', 'hormuz', 'stockpile-reference'] as const;
const fromData = z
  .object({
    dataset: z.enum(FACT_DATASETS),
    /** A column of the CSV file (for stockpile-reference: "kg", the JCPOA cap in datasets.yaml). */
    column: z.string().min(1),
    /** "latest" (the last row with a value in the column), a stockpile report date, or a Hormuz year. */
    row: z.preprocess((v) => (v instanceof Date ? isoDay(v) : typeof v === 'number' ? String(v) : v), z.string()).optional(),
    /** For a text column (a stockpile row's status): the value the statement assumes. */
    equals: z.string().optional(),
  })
  .strict();

const factEntry = z
  .object({
    id: factId,
    /** A short noun phrase: the fact's heading on /facts/ and its label in "Where things stand". */
    label: z.string({ error: 'a short label (text)' }).min(3).max(90),
    /** One line saying what the fact is. It does not repeat the value (that lives in value or from). */
    statement: z.string({ error: 'a one-line statement (text)' }).min(20).max(220, { message: 'a statement of at most 220 characters: one line (put caveats in "note")' }),
    /** A number (with unit), a date (YYYY-MM-DD) or a short phrase as it reads in a sentence. */
    value: z.preprocess((v) => (v instanceof Date ? isoDay(v) : v), z.union([z.number(), z.string().min(1)], { error: 'a number, a date or a short phrase' })).optional(),
    /** Written before a number: "$", or a word such as "about". */
    prefix: z.string().min(1).optional(),
    unit: z.string().min(1).optional(),
    /** Who or what the figure is, shown before its date: "IAEA estimate". */
    qualifier: z.string().min(2).optional(),
    as_of: dayOrMonth.optional(),
    /** The words before the date, when "as of" reads wrongly: "agreed on", "before". */
    as_of_phrase: z.string().optional(),
    /**
     * false when the sentence around <Fact> already dates it (a 2015 treaty limit): prose then
     * shows the value alone, still linked to its dated entry on /facts/.
     */
    show_date: z.boolean().optional(),
    status: z.enum(FACT_STATUSES),
    versions: z.array(factVersion).min(2).optional(),
    /** Optional when the value comes from a data row: the row's own sources are added. */
    sources: sourceList.optional(),
    supersedes: factId.optional(),
    from: fromData.optional(),
    /** Whether essays are checked for this value typed by hand (default: only distinctive numbers). */
    lint: z.boolean().optional(),
    /** Other ways prose states this fact, each of which must then be written through <Fact>. */
    lint_phrases: z.array(z.string().min(2)).optional(),
    /** A caveat shown on /facts/. */
    note: z.string().min(10).optional(),
  })
  .strict();
type FactEntry = z.output<typeof factEntry>;

const factsFileShape = z
  .object({
    record: z.object({ stops: z.string({ error: 'a paragraph saying where the record stops and why' }).min(40) }).strict(),
    where_things_stand: z
      .array(z.object({ label: z.string().min(3).max(40), facts: z.array(factId).min(1) }).strict())
      .min(1),
    facts: z.array(z.unknown(), { error: 'a list of facts, each starting with "- id:"' }).min(1),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// The registry

export interface FactVersion {
  by: string;
  says: string;
  sources: string[];
}

export interface Fact {
  id: string;
  label: string;
  statement: string;
  value?: number | string | undefined;
  prefix?: string | undefined;
  unit?: string | undefined;
  qualifier?: string | undefined;
  /** YYYY-MM-DD or YYYY-MM: typed, or read from the data row the value comes from. */
  asOf: string;
  asOfPhrase: string;
  /** Whether prose shows the date after the value (see show_date in the schema). */
  showDate: boolean;
  status: FactStatus;
  versions?: FactVersion[] | undefined;
  sources: string[];
  supersedes?: string | undefined;
  /** Set on a fact that a later one replaces. */
  supersededBy?: string | undefined;
  /** Where the value was read from, when it comes from a data file: the data set (a /data/ anchor) and the file, line and cell. */
  derivedFrom?: { dataset: 'stockpile' | 'hormuz'; where: string } | undefined;
  lint?: boolean | undefined;
  lintPhrases?: string[] | undefined;
  note?: string | undefined;
  /** Line of the fact's "- id:" in facts.yaml. */
  line: number;
}

export interface FactRegistry {
  facts: Map<string, Fact>;
  record: { stops: string };
  whereThingsStand: { label: string; facts: string[] }[];
}

/** The data a fact may be read from. Missing parts (a broken data file) skip those checks. */
export interface FactData {
  stockpile?: readonly StockpileRow[] | undefined;
  hormuz?: readonly HormuzRow[] | undefined;
  stockpileReference?: { kg: number; sources?: string[] } | undefined;
}

export interface FactContext {
  sourceKeys?: ReadonlySet<string> | undefined;
  data?: FactData | undefined;
}

const NUMERIC_STOCKPILE = ['u_up_to_5_kg', 'u_up_to_20_kg', 'u_up_to_60_kg', 'total_kg'] as const;
const TEXT_STOCKPILE = ['status', 'report_id'] as const;
const NUMERIC_HORMUZ = ['oil_mb_d', 'oil_share_pct', 'lng_bcf_d', 'lng_share_pct'] as const;

interface Derived {
  value?: number | string;
  asOf?: string;
  where: string;
  /** The sources the data row names, so a fact read from the data cites what the row cites. */
  sources: string[];
}

/** Reads a fact's value from the data, or says why it cannot (the message's "expected"). */
function derive(from: NonNullable<FactEntry['from']>, data: FactData): Derived | { error: string; field: string; found: unknown } | undefined {
  const row = from.row ?? 'latest';
  if (from.dataset === 'stockpile-reference') {
    if (!data.stockpileReference) return undefined;
    if (from.column !== 'kg') return { field: 'from.column', found: from.column, error: '"kg", the JCPOA cap in content/data/datasets.yaml (stockpile.reference.kg)' };
    return { value: data.stockpileReference.kg, where: 'content/data/datasets.yaml (stockpile.reference.kg)', sources: data.stockpileReference.sources ?? [] };
  }
  if (from.dataset === 'stockpile') {
    const rows = data.stockpile;
    if (!rows) return undefined;
    const numeric = (NUMERIC_STOCKPILE as readonly string[]).includes(from.column);
    if (!numeric && !(TEXT_STOCKPILE as readonly string[]).includes(from.column)) {
      return { field: 'from.column', found: from.column, error: `a column of ${DATA_FILES.stockpile}: one of ${[...NUMERIC_STOCKPILE, ...TEXT_STOCKPILE].map((c) => `"${c}"`).join(', ')}` };
    }
    const cell = (r: StockpileRow) => r[from.column as keyof StockpileRow] as number | string | undefined;
    const candidates = numeric ? rows.filter((r) => cell(r) !== undefined && cell(r) !== '') : rows;
    const hit = row === 'latest' ? candidates.at(-1) : candidates.find((r) => r.report_date === row);
    if (!hit) {
      return {
        field: 'from.row',
        found: row,
        error: row === 'latest' ? `a column with at least one figure in ${DATA_FILES.stockpile}` : `"latest" or the report_date of a row of ${DATA_FILES.stockpile} with a figure in ${from.column}`,
      };
    }
    return { value: cell(hit)!, asOf: hit.report_date, where: `content/${DATA_FILES.stockpile} line ${hit.line} (${from.column}, ${hit.report_date})`, sources: hit.source };
  }
  const rows = data.hormuz;
  if (!rows) return undefined;
  if (!(NUMERIC_HORMUZ as readonly string[]).includes(from.column)) {
    return { field: 'from.column', found: from.column, error: `a column of ${DATA_FILES.hormuz}: one of ${NUMERIC_HORMUZ.map((c) => `"${c}"`).join(', ')}` };
  }
  const cell = (r: HormuzRow) => r[from.column as keyof HormuzRow] as number | undefined;
  const withValue = rows.filter((r) => cell(r) !== undefined);
  const hit = row === 'latest' ? withValue.at(-1) : withValue.find((r) => String(r.year) === row);
  if (!hit) return { field: 'from.row', found: row, error: `"latest" or a year of ${DATA_FILES.hormuz} with a figure in ${from.column}` };
  return { value: cell(hit)!, where: `content/${DATA_FILES.hormuz} line ${hit.line} (${from.column}, ${hit.year})`, sources: hit.source };
}

/** Every well-formed fact, and a problem for each thing that is wrong, so one bad entry hides nothing. */
export function readFacts(text: string, file: string, context: FactContext = {}): { registry: FactRegistry; problems: ContentProblem[] } {
  const { data, lineOf } = parseYamlWithLines(text, file);
  const problems: ContentProblem[] = [];
  const empty: FactRegistry = { facts: new Map(), record: { stops: '' }, whereThingsStand: [] };
  const shape = validateWith(factsFileShape, data ?? {}, { file, lineOf });
  if (!shape.ok) {
    // A missing "facts" list hides everything else; other shape problems are reported with the facts.
    problems.push(...shape.problems);
    if (!data || typeof data !== 'object' || !Array.isArray((data as { facts?: unknown }).facts)) return { registry: empty, problems };
  }
  const raw = data as { record?: { stops?: string }; where_things_stand?: { label: string; facts: string[] }[]; facts: unknown[] };
  const registry: FactRegistry = {
    facts: new Map(),
    record: { stops: shape.ok ? shape.value.record.stops : (raw.record?.stops ?? '') },
    whereThingsStand: shape.ok ? shape.value.where_things_stand : [],
  };

  const at = (index: number, ...rest: PropertyKey[]) => lineOf(['facts', index, ...rest]);
  const entries: { entry: FactEntry; index: number }[] = [];
  raw.facts.forEach((item, index) => {
    const result = validateWith(factEntry, item, { file, lineOf: (p) => at(index, ...p) });
    if (!result.ok) {
      const id = (item as { id?: unknown } | null)?.id;
      const name = typeof id === 'string' && id ? id : `facts.${index}`;
      problems.push(...result.problems.map((p) => ({ ...p, field: p.field ? `${name}.${p.field}` : name })));
      return;
    }
    entries.push({ entry: result.value, index });
  });

  const firstLine = new Map<string, number | undefined>();
  for (const { entry: e, index } of entries) {
    const problem = (field: string, found: unknown, expected: string, ...p: PropertyKey[]) =>
      problems.push({ file, line: at(index, ...(p.length ? p : [field.split('.')[0]!])), field: `${e.id}.${field}`, found, expected });
    if (firstLine.has(e.id)) {
      problems.push({ file, line: at(index, 'id'), field: 'id', found: e.id, expected: `an id not already used (line ${firstLine.get(e.id)})` });
      continue;
    }
    firstLine.set(e.id, at(index, 'id'));

    // Sources, including each version's, must exist.
    if (context.sourceKeys) {
      (e.sources ?? []).forEach((k, i) => {
        if (!context.sourceKeys!.has(k)) problem('sources', k, 'a source key defined in content/sources.yaml', 'sources', i);
      });
      e.versions?.forEach((v, vi) =>
        v.sources.forEach((k, i) => {
          if (!context.sourceKeys!.has(k)) problem(`versions.${vi}.sources`, k, 'a source key defined in content/sources.yaml', 'versions', vi, 'sources', i);
        }),
      );
    }
    if (e.status === 'disputed' && !e.versions) problem('versions', undefined, 'at least two versions, each with by, says and sources, on a disputed fact', 'status');
    if (e.status !== 'disputed' && e.versions) problem('versions', e.status, 'status "disputed" on a fact that gives versions (or remove the versions)', 'versions');

    // The value: typed, read from the data, or both (then they must agree).
    let value = e.value;
    let asOf = e.as_of;
    let derivedFrom: Fact['derivedFrom'];
    let sources = e.sources ?? [];
    if (e.from && context.data) {
      const d = derive(e.from, context.data);
      if (d && 'error' in d) problem(d.field, d.found, d.error, 'from', d.field.split('.')[1]!);
      else if (d) {
        derivedFrom = { dataset: e.from.dataset === 'hormuz' ? 'hormuz' : 'stockpile', where: d.where };
        sources = [...new Set([...sources, ...d.sources])];
        if (e.from.equals !== undefined) {
          if (String(d.value) !== e.from.equals) problem('from.equals', e.from.equals, `"${String(d.value)}", the value now in ${d.where} (the statement assumes "${e.from.equals}": update the statement and this field together)`, 'from', 'equals');
        } else if (value !== undefined && value !== d.value) {
          problem('value', value, `${JSON.stringify(d.value)}, the figure in ${d.where} (remove "value" to read it from the data, or correct one of the two)`, 'value');
        } else value = d.value;
        if (d.asOf) {
          if (asOf !== undefined && asOf !== d.asOf) problem('as_of', asOf, `${d.asOf}, the date of ${d.where} (remove "as_of" to read it from the data)`, 'as_of');
          asOf = d.asOf;
        }
      }
    }
    if (!sources.length && !e.from) problem('sources', undefined, 'at least one source key (this field is required unless the value is read from a data row, whose sources are used)', 'id');
    if (asOf === undefined && !(e.from && e.from.dataset === 'stockpile')) problem('as_of', undefined, 'the date the fact holds for, written YYYY-MM-DD or YYYY-MM (this field is required unless the value is read from stockpile.csv)', 'id');
    if (e.from === undefined && e.value === undefined && (e.unit || e.prefix)) problem('value', undefined, 'a value for the unit and prefix to go with', e.unit ? 'unit' : 'prefix');
    if (typeof value === 'string' && (e.unit || e.prefix)) problem('unit', e.unit ?? e.prefix, 'no unit or prefix on a value written as text (write it into the value)', e.unit ? 'unit' : 'prefix');

    registry.facts.set(e.id, {
      id: e.id,
      label: e.label,
      statement: e.statement,
      value,
      prefix: e.prefix,
      unit: e.unit,
      qualifier: e.qualifier,
      asOf: asOf ?? '',
      asOfPhrase: e.as_of_phrase ?? 'as of',
      showDate: e.show_date ?? true,
      status: e.status,
      versions: e.versions,
      sources,
      supersedes: e.supersedes,
      derivedFrom,
      lint: e.lint,
      lintPhrases: e.lint_phrases,
      note: e.note,
      line: at(index, 'id') ?? 1,
    });
  }

  // History: each supersedes link points at another fact, which only one fact may replace.
  for (const { entry: e, index } of entries) {
    if (!e.supersedes || registry.facts.get(e.id)?.line !== at(index, 'id')) continue;
    const older = registry.facts.get(e.supersedes);
    const where = { file, line: at(index, 'supersedes'), field: `${e.id}.supersedes`, found: e.supersedes };
    if (!older) problems.push({ ...where, expected: 'the id of an earlier fact in this file' });
    else if (older.id === e.id) problems.push({ ...where, expected: 'the id of another fact (a fact cannot replace itself)' });
    else if (older.supersededBy) problems.push({ ...where, expected: `the id of a fact no other fact replaces (${older.supersededBy} already supersedes it)` });
    else older.supersededBy = e.id;
  }
  for (const f of registry.facts.values()) {
    const seen = new Set<string>();
    for (let cur: Fact | undefined = f; cur?.supersedes; cur = registry.facts.get(cur.supersedes)) {
      if (seen.has(cur.id)) {
        problems.push({ file, line: f.line, field: `${f.id}.supersedes`, found: f.supersedes, expected: 'a history that ends: an older fact, not one that leads back to this one' });
        break;
      }
      seen.add(cur.id);
    }
  }

  // "Where things stand" shows current facts only.
  registry.whereThingsStand.forEach((row, ri) =>
    row.facts.forEach((id, i) => {
      const f = registry.facts.get(id);
      const line = lineOf(['where_things_stand', ri, 'facts', i]);
      if (!f) problems.push({ file, line, field: 'where_things_stand.facts', found: id, expected: 'the id of a fact defined in this file' });
      else if (f.supersededBy) problems.push({ file, line, field: 'where_things_stand.facts', found: id, expected: `the id of a current fact (${id} is superseded by ${f.supersededBy})` });
    }),
  );
  return { registry, problems };
}

export function parseFacts(text: string, file: string, context: FactContext = {}): FactRegistry {
  const { registry, problems } = readFacts(text, file, context);
  if (problems.length) throw new ContentValidationError(problems);
  return registry;
}

/** Fact id → the source keys its citation lists (the fact's own, then each version's). For the citation plugin. */
export function factSources(registry: FactRegistry): ReadonlyMap<string, readonly string[]> {
  return new Map([...registry.facts.values()].map((f) => [f.id, [...new Set([...f.sources, ...(f.versions ?? []).flatMap((v) => v.sources)])]]));
}

/** Facts that nothing replaces, in file order. */
export function currentFacts(registry: FactRegistry): Fact[] {
  return [...registry.facts.values()].filter((f) => !f.supersededBy);
}

/** The facts a fact replaced, newest first. */
export function factHistory(registry: FactRegistry, id: string): Fact[] {
  const out: Fact[] = [];
  for (let f = registry.facts.get(id); f?.supersedes; ) {
    const older = registry.facts.get(f.supersedes);
    if (!older || out.includes(older)) break;
    out.push(older);
    f = older;
  }
  return out;
}

/** The current fact at the end of a fact's history (itself when nothing replaces it). */
export function latestOf(registry: FactRegistry, id: string): Fact | undefined {
  let f = registry.facts.get(id);
  const seen = new Set<string>();
  while (f?.supersededBy && !seen.has(f.id)) {
    seen.add(f.id);
    f = registry.facts.get(f.supersededBy);
  }
  return f;
}

// ---------------------------------------------------------------------------------------------
// How a fact reads

/** 9874.9 → "9,874.9"; 3.67 → "3.67": thousands separated, decimals as given. */
export function formatNumber(n: number): string {
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '−' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** A date as the site writes it: "13 June 2025", or "July 2026" for a month. */
export function describeFactDate(date: string): string {
  return formatDate(parseDay(date), date.length === 7 ? 'month' : 'day');
}

/** The value as it reads in a sentence: "440.9 kg", "3.67 %", "$6 billion", "18 June 2026". */
export function factValueText(f: Pick<Fact, 'value' | 'prefix' | 'unit'>): string | undefined {
  if (f.value === undefined) return undefined;
  if (typeof f.value === 'string') return isCalendarDay(f.value) || isCalendarMonth(f.value) ? describeFactDate(f.value) : f.value;
  const prefix = f.prefix ? (/[a-z]$/i.test(f.prefix) ? `${f.prefix} ` : f.prefix) : '';
  // A non-breaking space keeps "3.67 %" and "440.9 kg" on one line.
  const unit = f.unit ? `\u00a0${f.unit}` : '';
  return `${prefix}${formatNumber(f.value)}${unit}`;
}

/** "IAEA estimate as of 13 June 2025"; undefined when the value is itself the date. */
export function factAsOfText(f: Pick<Fact, 'value' | 'asOf' | 'asOfPhrase' | 'qualifier'>): string | undefined {
  if (typeof f.value === 'string' && f.value === f.asOf && !f.qualifier) return undefined;
  const date = !f.asOf || (typeof f.value === 'string' && f.value === f.asOf) ? '' : [f.asOfPhrase, describeFactDate(f.asOf)].filter(Boolean).join(' ');
  return [f.qualifier, date].filter(Boolean).join(' ') || undefined;
}

export interface FactProse {
  id: string;
  /** The value as it reads in prose; absent for a disputed fact (see versions) or a text-only fact. */
  value?: string | undefined;
  /** Each side's version on a disputed fact: "77 % in 2024 according to Kpler data reported by Reuters". */
  versions?: string[] | undefined;
  /** The words in brackets after the value: "IAEA estimate as of 13 June 2025". */
  asOf?: string | undefined;
  asOfIso: string;
  status: FactStatus;
}

/** What <Fact id="…" /> renders: the value, or each side's version, with its date. */
export function factProse(f: Fact): FactProse {
  const versions = f.status === 'disputed' ? f.versions?.map((v) => `${v.says} according to ${v.by}`) : undefined;
  return {
    id: f.id,
    value: versions ? undefined : (factValueText(f) ?? f.statement),
    versions,
    asOf: f.showDate ? factAsOfText(f) : undefined,
    asOfIso: f.asOf,
    status: f.status,
  };
}

/** What each status means, for readers (/facts/) and maintainers (the comment atop facts.yaml says the same). */
export const FACT_STATUS_MEANINGS: Record<FactStatus, string> = {
  confirmed: 'Stated by the primary source (an IAEA report, a government, the EIA) or by several independent reliable outlets.',
  reported: 'Stated by one reliable outlet or attributed to unnamed officials, and not confirmed by a primary source.',
  disputed: 'Accounts differ. Each version is given with who says it and its source; the site does not choose between them.',
};

/** Short status words for a line of metadata; FACT_STATUS_LABELS explains them in full. */
export const FACT_STATUS_SHORT: Record<FactStatus, string> = { confirmed: 'Confirmed', reported: 'Reported', disputed: 'Disputed' };

export interface FactSummary {
  id: string;
  /** "Iran's uranium enriched up to 60 %: 440.9 kg (IAEA estimate)", or the statement for a fact without a value. */
  text: string;
  /** Each side's version on a disputed fact: "It was to be lifted within 30 days, according to …". */
  versions?: string[] | undefined;
  /** The date it holds for, unless the value is that date. */
  date?: { iso: string; text: string } | undefined;
  status: FactStatus;
  sources: string[];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A fact as one line of "Where things stand" or a heading on /facts/: label and value, or the statement. */
export function factSummary(f: Fact): FactSummary {
  const value = factValueText(f);
  const qualifier = f.qualifier?.replace(/[\s,;:]+$/, '');
  const disputed = f.status === 'disputed';
  return {
    id: f.id,
    text: disputed || value === undefined ? f.statement : `${f.label}: ${value}${qualifier ? ` (${qualifier})` : ''}`,
    versions: disputed ? f.versions?.map((v) => `${capitalise(v.says)}, according to ${v.by}`) : undefined,
    date: !f.asOf || (typeof f.value === 'string' && f.value === f.asOf) ? undefined : { iso: f.asOf, text: describeFactDate(f.asOf) },
    status: f.status,
    sources: f.sources,
  };
}

// ---------------------------------------------------------------------------------------------
// Where the record stops

export interface RecordEnd {
  /** YYYY-MM-DD or YYYY-MM */
  iso: string;
  /** "1 July 2026" or "July 2026" */
  text: string;
  /** The event or fact that sets it. */
  by: { kind: 'event' | 'fact'; id: string };
}

/**
 * The date the site's record runs to: the latest event on the timeline or the latest date any
 * current fact holds for. Later starts win; on the same start, a day beats a whole month.
 */
export function recordEnds(events: readonly { id: string; date: string }[], facts: Iterable<Pick<Fact, 'id' | 'asOf'>> = []): RecordEnd | undefined {
  let best: { iso: string; kind: 'event' | 'fact'; id: string } | undefined;
  const later = (a: string, b: string) => {
    const ta = parseDay(a).getTime();
    const tb = parseDay(b).getTime();
    return ta !== tb ? ta > tb : a.length > b.length;
  };
  for (const e of events) if (!best || later(e.date, best.iso)) best = { iso: e.date, kind: 'event', id: e.id };
  for (const f of facts) if (f.asOf && (!best || later(f.asOf, best.iso))) best = { iso: f.asOf, kind: 'fact', id: f.id };
  return best && { iso: best.iso, text: describeFactDate(best.iso), by: { kind: best.kind, id: best.id } };
}

export interface StandingLine {
  label: string;
  facts: Fact[];
}

/** The "Where things stand" rows, each with its current facts (the first only, when compact). */
export function whereThingsStand(registry: FactRegistry, compact = false): StandingLine[] {
  return registry.whereThingsStand.map((row) => ({
    label: row.label,
    facts: row.facts.map((id) => latestOf(registry, id)).filter((f): f is Fact => !!f).slice(0, compact ? 1 : undefined),
  }));
}

// ---------------------------------------------------------------------------------------------
// <Fact id="…" /> in MDX, and registry figures typed by hand

const FACT_TAG = /<Fact\b((?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^}]*\})*?)\/?>/g;
const ID_ATTR = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/;

/** Each <Fact …> tag in an MDX body, with its id (undefined when it has none). */
export function scanFactTags(body: string): { start: number; end: number; id: string | undefined; raw: string }[] {
  return [...body.matchAll(FACT_TAG)].map((m) => {
    const id = ID_ATTR.exec(m[1] ?? '');
    return { start: m.index, end: m.index + m[0].length, id: id ? (id[1] ?? id[2] ?? id[3]) : undefined, raw: m[0] };
  });
}

/**
 * The parts of an MDX body a reader sees as text: code, comments, JSX tags (and their attributes),
 * citations and link targets are blanked out. Blanked with spaces, so offsets and lines still match.
 */
export function readableProse(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return body
    .replace(/^(?:import|export)\s.*$/gm, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/<\/?[A-Za-z][\w.]*(?:(?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^}]*\})*?)\/?>/g, blank)
    .replace(/\[@[^\]\n]*\]/g, blank)
    .replace(/\]\([^)\s]*\)/g, (m) => `]${blank(m.slice(1))}`);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A number as prose may write it: 9874.9 as "9,874.9", "9874.9" or "9 874.9". */
function numberPattern(n: number): string {
  const [int, frac] = String(Math.abs(n)).split('.');
  const groups = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',').split(',');
  const intPart = groups.map(escapeRe).join('[,\\u00a0\\u202f ]?');
  return `${intPart}${frac ? `\\.${frac}` : ''}`;
}

/** A unit as prose may write it after the number: "%", "per cent", "kg", "ships"… */
function unitPattern(unit: string): string {
  if (unit.startsWith('%')) return '[\\s\\u00a0]?(?:%|per ?cent)';
  return `[\\s\\u00a0]?${escapeRe(unit.split(/\s+/)[0]!)}`;
}

/** A phrase as prose may write it: spaces flexible, "%" also "per cent", case ignored. */
function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((w, i) => {
      const core = escapeRe(w).replace(/%/g, '[\\s\\u00a0]?(?:%|per ?cent)');
      // "77 %" in a phrase also matches "77%": the % carries its own optional space.
      const gap = i === 0 || w.startsWith('%') ? '' : '[\\s\\u00a0]+';
      return gap + core;
    })
    .join('');
}

/**
 * The ways prose could state a fact by hand. A number with decimals or of four digits or more is
 * distinctive, so the bare number counts; a round number only counts with its unit, and only when
 * the fact sets `lint: true` (20, 60 or 100 also mean many other things). Text and dates are not
 * matched: their wording varies too much. `lint_phrases` adds exact wordings.
 */
export function factLintPatterns(f: Pick<Fact, 'id' | 'value' | 'unit' | 'prefix' | 'lint' | 'lintPhrases'>): { re: RegExp; shown: string }[] {
  const out: { re: RegExp; shown: string }[] = [];
  const edge = (core: string) => new RegExp(`(?<![\\w.,])${core}(?![\\d]|[.,]\\d)`, 'gi');
  if (typeof f.value === 'number' && f.lint !== false) {
    const distinctive = !Number.isInteger(f.value) || Math.abs(f.value) >= 1000;
    if (distinctive) out.push({ re: edge(numberPattern(f.value)), shown: factValueText(f)! });
    else if (f.lint === true) {
      const currency = f.prefix && /^[$€£]$/.test(f.prefix.trim()) ? `${escapeRe(f.prefix.trim())}[\\s\\u00a0]?` : '';
      const unit = f.unit ? `(?:${unitPattern(f.unit)})` : '';
      out.push({ re: edge(`${currency}${numberPattern(f.value)}${unit}`), shown: factValueText(f)! });
    }
  }
  for (const p of f.lintPhrases ?? []) out.push({ re: new RegExp(`(?<![\\w.])${phrasePattern(p)}(?![\\w]|[.,]\\d)`, 'gi'), shown: p });
  return out;
}

/**
 * Problems in one essay or page: <Fact> tags without an id or with an unknown one, and registry
 * figures typed by hand instead of through <Fact>.
 */
export function checkFactUsage(body: string, bodyStartLine: number, file: string, registry: FactRegistry): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const tag of scanFactTags(body)) {
    const line = lineAtOffset(body, tag.start, bodyStartLine);
    if (!tag.id) problems.push({ file, line, field: 'fact', found: tag.raw, expected: 'a Fact tag with an id, such as <Fact id="iaea-stockpile-60" />' });
    else if (!registry.facts.has(tag.id)) problems.push({ file, line, field: 'fact', found: tag.id, expected: 'a fact id defined in content/facts.yaml' });
  }
  const prose = readableProse(body);
  const seen = new Set<string>();
  for (const f of registry.facts.values()) {
    for (const { re, shown } of factLintPatterns(f)) {
      for (const m of prose.matchAll(re)) {
        const line = lineAtOffset(prose, m.index, bodyStartLine);
        const key = `${line}:${m.index}`;
        if (seen.has(key)) continue;
        seen.add(key);
        problems.push({
          file,
          line,
          field: 'fact',
          found: m[0].trim(),
          expected: `<Fact id="${f.id}" /> instead of a registry figure typed by hand (content/facts.yaml line ${f.line}: ${[shown, factAsOfText(f)].filter(Boolean).join(', ')}${f.supersededBy ? `; superseded by ${f.supersededBy}` : ''})`,
        });
      }
    }
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Where each fact is used: fact id → the documents whose body has <Fact id="…" />. */
export function factUsage<T extends { body: string }>(docs: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const d of docs) {
    for (const id of new Set(scanFactTags(d.body).map((t) => t.id).filter((x): x is string => !!x))) out.set(id, [...(out.get(id) ?? []), d]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Citation markers passed in by the Markdown plugin

/** One citation of a fact's source, numbered in the essay's reference list by the plugin. */
export interface FactRef {
  key: string;
  n: number;
  occurrence: number;
}

/**
 * The `refs` prop the citation plugin gives <Fact>: a JSON list of {key, n, occurrence}.
 * Undefined when absent (the plugin is not wired: the component links to /facts/ instead).
 */
export function parseFactRefs(refs: unknown, factId: string): FactRef[] | undefined {
  if (refs === undefined || refs === null || refs === '') return undefined;
  let list: unknown;
  try {
    list = typeof refs === 'string' ? JSON.parse(refs) : refs;
  } catch {
    throw new Error(`<Fact id="${factId}">: refs is not valid JSON: ${String(refs).slice(0, 80)}`);
  }
  const ok = Array.isArray(list) && list.every((r) => r && typeof r.key === 'string' && Number.isInteger(r.n) && Number.isInteger(r.occurrence));
  if (!ok) throw new Error(`<Fact id="${factId}">: refs must be a list of {"key","n","occurrence"}; got ${JSON.stringify(list).slice(0, 80)}`);
  return list as FactRef[];
}

// ---------------------------------------------------------------------------------------------
// The check run by `npm run check` and the build

export interface FactCheck {
  problems: ContentProblem[];
  /** Source keys the registry cites (so they count as cited). */
  cited: string[];
  count: number;
}

function mdxBodies(dir: string): { file: string; body: string; bodyStartLine: number }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx') || f.endsWith('.md'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const text = readFileSync(file, 'utf8');
      const parts = splitFrontmatter(text);
      const body = parts?.body ?? text;
      return { file, body, bodyStartLine: text.slice(0, text.length - body.length).split('\n').length };
    });
}

function readDataFile<T>(root: string, relative: string, parse: (text: string, file: string, known: ReadonlySet<string>) => T, known: ReadonlySet<string>): T {
  const full = path.join(root, relative);
  return parse(readFileSync(full, 'utf8'), displayPath(full), known);
}

/** The data facts may be read from; a data file that does not parse is left out (its own check reports it). */
export function readFactData(root: string, sourceKeys: ReadonlySet<string>): FactData {
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ContentValidationError) return undefined;
      throw e;
    }
  };
  const has = (rel: string) => existsSync(path.join(root, rel));
  const datasetsFile = path.join(root, 'data', 'datasets.yaml');
  return {
    stockpile: has(DATA_FILES.stockpile) ? attempt(() => readDataFile(root, DATA_FILES.stockpile, parseStockpile, sourceKeys)) : undefined,
    hormuz: has(DATA_FILES.hormuz) ? attempt(() => readDataFile(root, DATA_FILES.hormuz, parseHormuz, sourceKeys)) : undefined,
    stockpileReference: existsSync(datasetsFile) ? attempt(() => parseDatasets(readFileSync(datasetsFile, 'utf8'), displayPath(datasetsFile), sourceKeys).stockpile.reference) : undefined,
  };
}

/**
 * Checks content/facts.yaml against its schema, its sources and the data files, and every essay
 * and page for unknown <Fact> ids and registry figures typed by hand. Returns problems; throws nothing.
 */
export function checkFacts(root: string, sourceKeys: ReadonlySet<string>): FactCheck {
  const file = path.join(root, FACTS_FILE);
  const bodies = [...mdxBodies(path.join(root, 'essays')), ...mdxBodies(path.join(root, 'pages'))];
  if (!existsSync(file)) {
    const tagged = bodies.flatMap((b) => scanFactTags(b.body).map((t) => ({ file: displayPath(b.file), line: lineAtOffset(b.body, t.start, b.bodyStartLine), field: 'fact', found: t.id ?? t.raw, expected: `a fact id defined in content/${FACTS_FILE} (the file does not exist)` })));
    return { problems: tagged, cited: [], count: 0 };
  }
  const problems: ContentProblem[] = [];
  let registry: FactRegistry;
  try {
    const read = readFacts(readFileSync(file, 'utf8'), displayPath(file), { sourceKeys, data: readFactData(root, sourceKeys) });
    registry = read.registry;
    problems.push(...read.problems);
  } catch (e) {
    if (!(e instanceof ContentValidationError)) throw e;
    return { problems: e.problems, cited: [], count: 0 };
  }
  for (const b of bodies) problems.push(...checkFactUsage(b.body, b.bodyStartLine, displayPath(b.file), registry));
  const cited = [...new Set([...factSources(registry).values()].flat())];
  return { problems, cited, count: registry.facts.size };
}
