/**
 * The IAEA report behind each row of stockpile.csv, and the copies of it that were read.
 *
 * A row names its report through its sources: every entry in content/sources.yaml that is the
 * report, or reports on it, carries `document: { id, url }`, where `id` is the report's GOV
 * number when a page read gives it (otherwise "IAEA report of <date>") and `url` the IAEA's own
 * address for it (or the IAEA's page that lists its Iran reports). The checker holds every row to
 * that, so a reader can always open the report and every copy read; /data/ shows the result.
 */
import type { ContentProblem } from '../content-errors.ts';
import type { SourceEntry } from '../schemas.ts';
import type { StockpileRow } from './schemas.ts';

type Row = Pick<StockpileRow, 'report_id' | 'source' | 'line' | 'row'>;
type Source = Pick<SourceEntry, 'document'>;

export interface RowReport {
  /** The GOV number, or the report named by its date when no page read gives the number. */
  label: string;
  /** The IAEA's address for the report, or its page listing the Iran reports. */
  url?: string | undefined;
}

function documentsOf<S extends Source>(row: Row, sources: ReadonlyMap<string, S>) {
  return row.source.flatMap((key) => {
    const document = sources.get(key)?.document;
    return document ? [document] : [];
  });
}

const GOV_NUMBER = /^GOV\//;

/** Shown for a row whose sources name only other reports by number (the row's own report is not named). */
export const UNNAMED_REPORT = 'IAEA report not named in the sources read';

/**
 * The report a row comes from: the cited document with the row's GOV number; for a row without
 * one, the first cited document that names a report by its date. A GOV number cited by a row
 * without `report_id` belongs to another report (a later one that repeats this row's figure).
 */
export function reportOfRow(row: Row, sources: ReadonlyMap<string, Source>): RowReport | undefined {
  const documents = documentsOf(row, sources);
  if (!documents.length) return undefined;
  if (row.report_id) return { label: row.report_id, url: documents.find((d) => d.id === row.report_id)?.url };
  const dated = documents.find((d) => !GOV_NUMBER.test(d.id));
  return dated ? { label: dated.id, url: dated.url } : { label: UNNAMED_REPORT, url: documents[0]!.url };
}

/**
 * Every row must cite a source that names its IAEA report, and a GOV number in `report_id` must be
 * one that a cited source names: the number goes in only when a page read states it.
 */
export function stockpileReportProblems(rows: readonly Row[], sources: ReadonlyMap<string, Source>, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const row of rows) {
    const at = { file, line: row.line, row: row.row };
    const documents = documentsOf(row, sources);
    if (!documents.length) {
      problems.push({
        ...at,
        field: 'source',
        found: row.source.join(';'),
        expected: 'at least one source whose entry in content/sources.yaml names the IAEA report this row comes from (document.id: its GOV number, or "IAEA report of <date>" when no page read gives the number; document.url: the IAEA\'s address for it)',
      });
    } else if (row.report_id && !documents.some((d) => d.id === row.report_id)) {
      problems.push({
        ...at,
        field: 'report_id',
        found: row.report_id,
        expected: `a GOV number that a source of this row names (its document.id in content/sources.yaml; this row's sources name ${[...new Set(documents.map((d) => `"${d.id}"`))].join(', ')}), or an empty cell when no page read gives the number`,
      });
    }
  }
  return problems;
}

export interface RowProvenance<S> {
  report: RowReport | undefined;
  /** The sources the row cites, in the row's order: the copies read. */
  copies: S[];
}

/** For each row, its report and the copies read, for the /data/ page. */
export function stockpileProvenance<S extends Source>(rows: readonly Row[], sources: ReadonlyMap<string, S>): RowProvenance<S>[] {
  return rows.map((row) => ({
    report: reportOfRow(row, sources),
    copies: row.source.flatMap((key) => {
      const s = sources.get(key);
      return s ? [s] : [];
    }),
  }));
}
