/** Every stockpile row names its IAEA report through its sources; /data/ shows the report and the copies read. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseStockpile } from '../../src/lib/data/schemas.ts';
import { parseSources } from '../../src/lib/sources.ts';
import { reportOfRow, stockpileProvenance, stockpileReportProblems, UNNAMED_REPORT } from '../../src/lib/data/stockpile-reports.ts';
import { formatProblem } from '../../src/lib/content-errors.ts';

const FOCUS = 'https://www.iaea.org/newscenter/focus/iran';
const PDF = 'https://www.iaea.org/sites/default/files/25/06/gov2025-24.pdf';
const entry = (url: string, document?: { id: string; url?: string }) =>
  `  title: "A page"\n  type: wire\n  publisher: "Associated Press"\n  date: 2025-05-31\n  url: "${url}"\n` +
  (document ? `  document:\n    id: ${document.id}\n${document.url ? `    url: "${document.url}"\n` : ''}` : '') +
  '  accessed: 2026-11-21\n';
const sources = parseSources(
  [
    `wire-numbered:\n${entry('https://example.org/a', { id: 'GOV/2025/24', url: PDF })}`,
    `statement-dated:\n${entry('https://example.org/b', { id: 'IAEA report of 24 February 2017', url: FOCUS })}`,
    `later-report:\n${entry('https://example.org/c', { id: 'GOV/2020/41', url: FOCUS })}`,
    `no-document:\n${entry('https://example.org/d')}`,
  ].join(''),
  'sources.yaml',
);
const header = 'report_date,report_id,report_issued,status,u_up_to_5_kg,u_up_to_20_kg,u_up_to_60_kg,total_kg,source,note\n';
const rowsOf = (lines: string[]) => parseStockpile(header + lines.join('\n') + '\n', 'stockpile.csv', new Set(sources.keys()));

describe('every row names its IAEA report', () => {
  const good = rowsOf([
    '2017-02-18,,2017-02-24,verified,101.7,,,101.7,no-document;statement-dated,',
    '2020-05-20,,,verified,1571.6,,,1571.6,later-report,',
    '2025-05-17,GOV/2025/24,2025-05-31,estimate,,,408.6,9247.6,wire-numbered;no-document,',
  ]);
  test('rows that cite a source naming their report pass', () => {
    expect(stockpileReportProblems(good, sources, 'stockpile.csv')).toEqual([]);
  });

  test('a row whose sources name no report is refused, with file, line, row and field', () => {
    const rows = rowsOf(['2017-02-18,,,verified,101.7,,,101.7,no-document,']);
    const [problem, ...rest] = stockpileReportProblems(rows, sources, 'stockpile.csv');
    expect(rest).toEqual([]);
    expect(formatProblem(problem!)).toMatch(/^stockpile\.csv:2 row 1 field "source": found "no-document"; expected at least one source whose entry in content\/sources\.yaml names the IAEA report/);
  });

  test('a GOV number that no cited source names is refused, and the message says which reports the sources do name', () => {
    const rows = rowsOf(['2020-08-25,GOV/2020/99,,verified,2105.4,,,2105.4,later-report;statement-dated,']);
    const [problem] = stockpileReportProblems(rows, sources, 'stockpile.csv');
    expect(formatProblem(problem!)).toBe(
      'stockpile.csv:2 row 1 field "report_id": found "GOV/2020/99"; expected a GOV number that a source of this row names (its document.id in content/sources.yaml; this row\'s sources name "GOV/2020/41", "IAEA report of 24 February 2017"), or an empty cell when no page read gives the number',
    );
  });

  test('the real stockpile.csv keeps the rule', () => {
    const real = parseSources(readFileSync('content/sources.yaml', 'utf8'), 'content/sources.yaml');
    const rows = parseStockpile(readFileSync('content/data/stockpile.csv', 'utf8'), 'content/data/stockpile.csv', new Set(real.keys()));
    expect(stockpileReportProblems(rows, real, 'content/data/stockpile.csv').map(formatProblem)).toEqual([]);
  });
});

describe('the report shown for a row', () => {
  const [dated, unnamed, numbered] = rowsOf([
    '2017-02-18,,2017-02-24,verified,101.7,,,101.7,later-report;statement-dated,',
    '2020-05-20,,,verified,1571.6,,,1571.6,later-report,',
    '2025-05-17,GOV/2025/24,2025-05-31,estimate,,,408.6,9247.6,no-document;wire-numbered,',
  ]);
  test('a numbered row shows its number, linked to the address its source gives', () => {
    expect(reportOfRow(numbered!, sources)).toEqual({ label: 'GOV/2025/24', url: PDF });
  });
  test('a row without a number shows the report named by its date, not another report cited for an earlier figure', () => {
    expect(reportOfRow(dated!, sources)).toEqual({ label: 'IAEA report of 24 February 2017', url: FOCUS });
  });
  test('a row whose sources only name other reports says its own report is not named', () => {
    expect(reportOfRow(unnamed!, sources)).toEqual({ label: UNNAMED_REPORT, url: FOCUS });
  });
  test('the copies read are every cited source, in the row\'s order', () => {
    const [first] = stockpileProvenance([numbered!], sources);
    expect(first!.copies.map((s) => s.url)).toEqual(['https://example.org/d', 'https://example.org/a']);
  });
});
