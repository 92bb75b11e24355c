/**
 * content/data/datasets.yaml describes each data file for readers (the /data/ page) and holds the
 * chart settings that are data rather than code: the JCPOA reference line and the annotations.
 * Its column list must match the CSV header exactly, so the description cannot drift from the file.
 */
import { z } from 'zod';
import { ContentValidationError, validateWith, type ContentProblem } from '../content-errors.ts';
import { calendarDay } from '../schemas.ts';
import { parseYamlWithLines } from '../yaml-file.ts';
import { EVENT_COLUMNS, HORMUZ_COLUMNS, MAP_COLUMNS, STOCKPILE_COLUMNS, TRANSIT_COLUMNS } from './schemas.ts';

const column = z.object({ name: z.string(), unit: z.string(), description: z.string().min(5) }).strict();
const dataset = z
  .object({
    file: z.string().regex(/^[a-z0-9-]+\.csv$/),
    title: z.string().min(5),
    description: z.string().min(20),
    updated: calendarDay,
    sources: z.array(z.string()).min(1),
    columns: z.array(column).min(1),
  })
  .strict();

export const datasetsFile = z
  .object({
    stockpile: dataset.extend({
      reference: z.object({ label: z.string(), kg: z.number().positive(), sources: z.array(z.string()).min(1) }).strict(),
      annotations: z.array(z.object({ date: calendarDay, label: z.string().max(40), event: z.string().optional() }).strict()),
      /** Why each series starts and stops where it does, shown in the notes under the charts. */
      series_notes: z.object({ total: z.string().min(10), u5: z.string().min(10), u20: z.string().min(10), u60: z.string().min(10) }).strict(),
    }),
    events: dataset,
    hormuz: dataset,
    transits: dataset.extend({
      /** Rows that end before this date are the pre-war comparison, drawn as a reference line. */
      baseline_before: calendarDay,
      annotations: z.array(z.object({ date: calendarDay, label: z.string().max(30), event: z.string().optional() }).strict()),
    }),
    map: dataset,
  })
  .strict();
export type Datasets = z.output<typeof datasetsFile>;

const HEADERS = { stockpile: STOCKPILE_COLUMNS, events: EVENT_COLUMNS, hormuz: HORMUZ_COLUMNS, transits: TRANSIT_COLUMNS, map: MAP_COLUMNS } as const;

export function parseDatasets(text: string, file: string, knownSources: ReadonlySet<string>, knownEvents?: ReadonlySet<string>): Datasets {
  const { data, lineOf } = parseYamlWithLines(text, file);
  const result = validateWith(datasetsFile, data, { file, lineOf });
  if (!result.ok) throw new ContentValidationError(result.problems);
  const problems: ContentProblem[] = [];
  const d = result.value;
  for (const name of ['stockpile', 'events', 'hormuz', 'transits', 'map'] as const) {
    const names = d[name].columns.map((c) => c.name);
    const header = HEADERS[name];
    if (names.join(',') !== header.join(',')) {
      problems.push({ file, line: lineOf([name, 'columns']), field: `${name}.columns`, found: names.join(','), expected: `one entry per column of ${d[name].file}, in order: ${header.join(',')}` });
    }
    d[name].sources.forEach((k, i) => {
      if (!knownSources.has(k)) problems.push({ file, line: lineOf([name, 'sources', i]), field: `${name}.sources`, found: k, expected: 'a source key defined in content/sources.yaml' });
    });
  }
  d.stockpile.reference.sources.forEach((k, i) => {
    if (!knownSources.has(k)) problems.push({ file, line: lineOf(['stockpile', 'reference', 'sources', i]), field: 'stockpile.reference.sources', found: k, expected: 'a source key defined in content/sources.yaml' });
  });
  for (const name of ['stockpile', 'transits'] as const) {
    d[name].annotations.forEach((a, i) => {
      if (a.event && knownEvents && !knownEvents.has(a.event)) {
        problems.push({ file, line: lineOf([name, 'annotations', i, 'event']), field: `${name}.annotations.event`, found: a.event, expected: 'the id of an event in content/data/events.csv' });
      }
    });
  }
  if (problems.length) throw new ContentValidationError(problems);
  return d;
}
