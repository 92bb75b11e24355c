/**
 * The data files under content/data/: their columns and the rules every row must keep. A bad row
 * stops the build naming the file, line, row, field, value and what was expected.
 */
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentValidationError, validateWith, type ContentProblem } from '../content-errors.ts';
import { isCalendarDay, isCalendarMonth, parseDay } from '../dates.ts';
import { TOPICS } from '../schemas.ts';
import { parseCsv, type CsvRecord } from './csv.ts';
import { displayPath } from '../content-store.ts';

/** An empty cell is "no figure" (a gap), never zero. */
const optionalQuantity = (unit: string, max = Infinity) =>
  z
    .string()
    .transform((s, ctx) => {
      if (s === '') return undefined;
      const n = Number(s);
      if (!Number.isFinite(n) || !/^-?\d+(\.\d+)?$/.test(s)) {
        ctx.addIssue({ code: 'custom', input: s, message: `a number in ${unit}, written with digits and a decimal point (or an empty cell when there is no figure)` });
        return z.NEVER;
      }
      if (n < 0) {
        ctx.addIssue({ code: 'custom', input: s, message: `a quantity of zero or more ${unit}` });
        return z.NEVER;
      }
      if (n > max) {
        ctx.addIssue({ code: 'custom', input: s, message: `at most ${max} ${unit}` });
        return z.NEVER;
      }
      return n;
    });

const sourceKeys = z
  .string()
  .min(1, { message: 'at least one source key (separate several with ";")' })
  .transform((s) => s.split(';').map((k) => k.trim()).filter(Boolean));

const day = z.string().refine(isCalendarDay, { message: 'a real date written YYYY-MM-DD' });

export const STOCKPILE_COLUMNS = ['report_date', 'report_id', 'report_issued', 'status', 'u_up_to_5_kg', 'u_up_to_20_kg', 'u_up_to_60_kg', 'total_kg', 'source', 'note'] as const;
export const STOCKPILE_STATUS = ['verified', 'estimate', 'not-verified'] as const;
export const stockpileRow = z.object({
  report_date: day,
  /** Empty when the document number could not be confirmed (the note says so). */
  report_id: z.string().regex(/^(GOV\/(INF\/)?\d{4}\/\d+)?$/, { message: 'an IAEA document number such as GOV/2025/24, or an empty cell when it is not known' }),
  /** The day the IAEA issued the report, where a source read gives it: with the as-of date it names a report that has no known GOV number. */
  report_issued: z.string().refine((s) => s === '' || isCalendarDay(s), { message: 'the day the IAEA issued the report, written YYYY-MM-DD, or an empty cell when no source read gives it' }),
  status: z.enum(STOCKPILE_STATUS),
  u_up_to_5_kg: optionalQuantity('kg'),
  u_up_to_20_kg: optionalQuantity('kg'),
  u_up_to_60_kg: optionalQuantity('kg'),
  total_kg: optionalQuantity('kg'),
  source: sourceKeys,
  note: z.string(),
});
export type StockpileRow = z.output<typeof stockpileRow> & { date: Date; row: number; line: number };

export const EVENT_COLUMNS = ['id', 'date', 'precision', 'category', 'title', 'summary', 'sources'] as const;
export const eventRow = z.object({
  id: z.string().regex(/^\d{4}-\d{2}(-\d{2})?-[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'an id made of the date and a slug, such as 2020-01-03-soleimani-killed' }),
  date: z.string().refine((s) => isCalendarDay(s) || isCalendarMonth(s), { message: 'a real date written YYYY-MM-DD (or YYYY-MM for month precision)' }),
  precision: z.enum(['day', 'month']),
  category: z.enum(TOPICS),
  title: z.string().min(5).max(100),
  summary: z.string().min(40).max(700),
  sources: sourceKeys,
});
export type TimelineEvent = z.output<typeof eventRow> & { when: Date; row: number; line: number };

export const HORMUZ_COLUMNS = ['year', 'oil_mb_d', 'oil_share_pct', 'lng_bcf_d', 'lng_share_pct', 'source', 'note'] as const;
export const hormuzRow = z.object({
  year: z.string().regex(/^(19|20)\d{2}$/, { message: 'a four-digit year' }).transform(Number),
  oil_mb_d: optionalQuantity('million barrels a day', 100),
  oil_share_pct: optionalQuantity('per cent', 100),
  lng_bcf_d: optionalQuantity('billion cubic feet a day', 100),
  lng_share_pct: optionalQuantity('per cent', 100),
  source: sourceKeys,
  note: z.string(),
});
export type HormuzRow = z.output<typeof hormuzRow> & { row: number; line: number };

/**
 * Reported ship transits through the Strait of Hormuz: one row per published count, over a day or
 * a run of days. A source gives either the number of transits in the period or a daily average;
 * the chart turns both into ships a day, so a weekly and a daily figure can share an axis.
 */
export const TRANSIT_COLUMNS = ['period_start', 'period_end', 'transits', 'daily_average', 'counted_by', 'source', 'note'] as const;
const wholeCount = z.string().transform((s, ctx) => {
  if (s === '') return undefined;
  if (!/^\d+$/.test(s)) {
    ctx.addIssue({ code: 'custom', input: s, message: 'a whole number of ships, zero or more (or an empty cell when the source gives a daily average)' });
    return z.NEVER;
  }
  return Number(s);
});
export const transitRow = z.object({
  period_start: day,
  period_end: day,
  transits: wholeCount,
  daily_average: optionalQuantity('ships a day', 1000),
  counted_by: z.string().min(3, { message: 'who counted the ships (a tracker or an authority), at least 3 characters' }),
  source: sourceKeys,
  note: z.string().min(10, { message: 'a note saying what was counted, in a sentence' }),
});
export type TransitRow = z.output<typeof transitRow> & { start: Date; end: Date; row: number; line: number };

/**
 * Places and lines on the map of the strait: ports, islands, bypass pipelines and the shipping
 * lanes, each with its sources. Positions are "longitude latitude" pairs separated by ";".
 */
export const MAP_COLUMNS = ['id', 'kind', 'name', 'coordinates', 'capacity_mb_d', 'source', 'note'] as const;
export const MAP_KINDS = ['port', 'island', 'pipeline', 'lanes'] as const;
/** The region the maps can show: a position outside it is a typo (a swapped pair, a missing digit). */
export const MAP_BOUNDS = { west: 30, east: 65, south: 10, north: 35 } as const;
const position = /^(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)$/;
const coordinates = z.string().transform((s, ctx) => {
  const pairs = s.split(';').map((p) => p.trim().match(position));
  const points = pairs.map((m) => (m ? ([Number(m[1]), Number(m[2])] as [number, number]) : undefined));
  const inRegion = (p: [number, number] | undefined) => p && p[0] >= MAP_BOUNDS.west && p[0] <= MAP_BOUNDS.east && p[1] >= MAP_BOUNDS.south && p[1] <= MAP_BOUNDS.north;
  if (!points.every(inRegion)) {
    ctx.addIssue({ code: 'custom', input: s, message: `positions written "longitude latitude" (such as "56.27 27.18"), separated by ";", within ${MAP_BOUNDS.west}–${MAP_BOUNDS.east}° E and ${MAP_BOUNDS.south}–${MAP_BOUNDS.north}° N` });
    return z.NEVER;
  }
  return points as [number, number][];
});
export const mapRow = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'a lowercase id with hyphens, such as bandar-abbas' }),
  kind: z.enum(MAP_KINDS),
  name: z.string().min(2),
  coordinates,
  capacity_mb_d: optionalQuantity('million barrels a day', 100),
  source: sourceKeys,
  note: z.string().min(10, { message: 'a note saying what the feature is, in a sentence' }),
});
export type MapFeature = z.output<typeof mapRow> & { row: number; line: number };

function validateRows<S extends z.ZodType>(records: CsvRecord[], schema: S, file: string, problems: ContentProblem[]) {
  const rows: (z.output<S> & { row: number; line: number })[] = [];
  for (const r of records) {
    const result = validateWith(schema, r.values, { file, row: r.row, lineOf: () => r.line });
    if (result.ok) rows.push({ ...(result.value as object), row: r.row, line: r.line } as z.output<S> & { row: number; line: number });
    else problems.push(...result.problems);
  }
  return rows;
}

function checkSources(rows: { row: number; line: number }[], keysOf: (r: never) => string[], known: ReadonlySet<string>, file: string, field: string, problems: ContentProblem[]) {
  for (const r of rows) {
    for (const key of keysOf(r as never)) {
      if (!known.has(key)) problems.push({ file, line: r.line, row: r.row, field, found: key, expected: 'a source key defined in content/sources.yaml' });
    }
  }
}

/** Totals must equal the sum of the levels within this many kilograms (the IAEA rounds to 0.1 kg). */
export const TOTAL_TOLERANCE_KG = 1;

export function parseStockpile(text: string, file: string, known: ReadonlySet<string>): StockpileRow[] {
  const problems: ContentProblem[] = [];
  const rows = validateRows(parseCsv(text, file, STOCKPILE_COLUMNS), stockpileRow, file, problems).map((r) => ({ ...r, date: parseDay(r.report_date) }));
  checkSources(rows, (r: StockpileRow) => r.source, known, file, 'source', problems);
  const ids = new Map<string, number>();
  rows.forEach((r, i) => {
    const at = { file, line: r.line, row: r.row };
    if (r.report_id && ids.has(r.report_id)) problems.push({ ...at, field: 'report_id', found: r.report_id, expected: `a report id not already used (row ${ids.get(r.report_id)})` });
    ids.set(r.report_id, r.row);
    if (r.report_issued && r.report_issued < r.report_date) {
      problems.push({ ...at, field: 'report_issued', found: r.report_issued, expected: `a day on or after the report's as-of date, ${r.report_date}` });
    }
    const prev = rows[i - 1];
    if (prev && r.date <= prev.date) problems.push({ ...at, field: 'report_date', found: r.report_date, expected: `a date after the previous row's ${prev.report_date} (rows are oldest first)` });
    const levels = [r.u_up_to_5_kg, r.u_up_to_20_kg, r.u_up_to_60_kg];
    const amounts = [...levels, r.total_kg];
    if (r.status === 'not-verified' && amounts.some((a) => a !== undefined)) {
      problems.push({ ...at, field: 'status', found: r.status, expected: 'empty amounts on a not-verified row (a gap is not a figure), or status "verified" or "estimate"' });
    }
    if (r.status !== 'not-verified' && amounts.every((a) => a === undefined)) {
      problems.push({ ...at, field: 'total_kg', found: '', expected: `at least one amount on a ${r.status} row (use status "not-verified" when the IAEA gave no figure)` });
    }
    if (r.total_kg !== undefined && levels.every((l) => l !== undefined)) {
      const sum = levels.reduce((a, b) => a! + b!, 0)!;
      if (Math.abs(sum - r.total_kg) > TOTAL_TOLERANCE_KG) {
        problems.push({ ...at, field: 'total_kg', found: r.total_kg, expected: `the sum of the levels, ${Math.round(sum * 10) / 10} kg (within ${TOTAL_TOLERANCE_KG} kg)` });
      }
    }
  });
  if (problems.length) throw new ContentValidationError(problems);
  return rows;
}

export function parseEvents(text: string, file: string, known: ReadonlySet<string>): TimelineEvent[] {
  const problems: ContentProblem[] = [];
  const rows = validateRows(parseCsv(text, file, EVENT_COLUMNS), eventRow, file, problems).map((r) => ({ ...r, when: parseDay(r.date) }));
  checkSources(rows, (r: TimelineEvent) => r.sources, known, file, 'sources', problems);
  const ids = new Map<string, number>();
  rows.forEach((r, i) => {
    const at = { file, line: r.line, row: r.row };
    if (ids.has(r.id)) problems.push({ ...at, field: 'id', found: r.id, expected: `an id not already used (row ${ids.get(r.id)})` });
    ids.set(r.id, r.row);
    if (!r.id.startsWith(`${r.date}-`)) problems.push({ ...at, field: 'id', found: r.id, expected: `an id starting with the event's date, ${r.date}-` });
    const dayShape = isCalendarDay(r.date);
    if ((r.precision === 'day') !== dayShape) problems.push({ ...at, field: 'precision', found: r.precision, expected: dayShape ? '"day" for a date written YYYY-MM-DD' : '"month" for a date written YYYY-MM' });
    const prev = rows[i - 1];
    if (prev && r.when < prev.when) problems.push({ ...at, field: 'date', found: r.date, expected: `a date on or after the previous row's ${prev.date} (events are oldest first)` });
  });
  if (problems.length) throw new ContentValidationError(problems);
  return rows;
}

export function parseHormuz(text: string, file: string, known: ReadonlySet<string>): HormuzRow[] {
  const problems: ContentProblem[] = [];
  const rows = validateRows(parseCsv(text, file, HORMUZ_COLUMNS), hormuzRow, file, problems);
  checkSources(rows, (r: HormuzRow) => r.source, known, file, 'source', problems);
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    if (prev && r.year <= prev.year) problems.push({ file, line: r.line, row: r.row, field: 'year', found: r.year, expected: `a year after the previous row's ${prev.year} (rows are oldest first, one per year)` });
    if ([r.oil_mb_d, r.oil_share_pct, r.lng_bcf_d, r.lng_share_pct].every((v) => v === undefined) && r.note.length < 10) {
      problems.push({ file, line: r.line, row: r.row, field: 'note', found: r.note, expected: 'a note saying why a year with no figures is listed' });
    }
  });
  if (problems.length) throw new ContentValidationError(problems);
  return rows;
}

export function parseTransits(text: string, file: string, known: ReadonlySet<string>): TransitRow[] {
  const problems: ContentProblem[] = [];
  const rows = validateRows(parseCsv(text, file, TRANSIT_COLUMNS), transitRow, file, problems).map((r) => ({ ...r, start: parseDay(r.period_start), end: parseDay(r.period_end) }));
  checkSources(rows, (r: TransitRow) => r.source, known, file, 'source', problems);
  rows.forEach((r, i) => {
    const at = { file, line: r.line, row: r.row };
    if (r.end < r.start) problems.push({ ...at, field: 'period_end', found: r.period_end, expected: `a date on or after period_start, ${r.period_start}` });
    if ((r.transits === undefined) === (r.daily_average === undefined)) {
      problems.push({ ...at, field: 'transits', found: r.transits ?? '', expected: 'either a number of transits or a daily_average, not both and not neither' });
    }
    const prev = rows[i - 1];
    if (prev && r.start < prev.start) problems.push({ ...at, field: 'period_start', found: r.period_start, expected: `a date on or after the previous row's ${prev.period_start} (rows are oldest first)` });
  });
  if (problems.length) throw new ContentValidationError(problems);
  return rows;
}

export function parseMapFeatures(text: string, file: string, known: ReadonlySet<string>): MapFeature[] {
  const problems: ContentProblem[] = [];
  const rows = validateRows(parseCsv(text, file, MAP_COLUMNS), mapRow, file, problems);
  checkSources(rows, (r: MapFeature) => r.source, known, file, 'source', problems);
  const ids = new Map<string, number>();
  for (const r of rows) {
    const at = { file, line: r.line, row: r.row };
    if (ids.has(r.id)) problems.push({ ...at, field: 'id', found: r.id, expected: `an id not already used (row ${ids.get(r.id)})` });
    ids.set(r.id, r.row);
    const isLine = r.kind === 'pipeline' || r.kind === 'lanes';
    if (isLine && r.coordinates.length < 2) problems.push({ ...at, field: 'coordinates', found: r.coordinates.length, expected: `at least two positions for a ${r.kind} (its route)` });
    if (!isLine && r.coordinates.length !== 1) problems.push({ ...at, field: 'coordinates', found: r.coordinates.length, expected: `exactly one position for a ${r.kind}` });
    if (r.capacity_mb_d !== undefined && r.kind !== 'pipeline') problems.push({ ...at, field: 'capacity_mb_d', found: r.capacity_mb_d, expected: 'an empty cell: only pipelines have a capacity' });
    if (r.kind === 'pipeline' && r.capacity_mb_d === undefined) problems.push({ ...at, field: 'capacity_mb_d', found: '', expected: 'the pipeline\'s capacity in million barrels a day' });
  }
  if (problems.length) throw new ContentValidationError(problems);
  return rows;
}

export const DATA_FILES = {
  stockpile: 'data/stockpile.csv',
  events: 'data/events.csv',
  hormuz: 'data/hormuz-flows.csv',
  transits: 'data/hormuz-transits.csv',
  map: 'data/hormuz-map.csv',
} as const;

export function readDataFile<T>(root: string, relative: string, parse: (text: string, file: string, known: ReadonlySet<string>) => T, known: ReadonlySet<string>): T {
  const full = path.join(root, relative);
  return parse(readFileSync(full, 'utf8'), displayPath(full), known);
}
