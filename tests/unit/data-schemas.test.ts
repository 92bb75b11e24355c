/** Every validation rule on the data files, proved against a bad fixture. */
import { describe, expect, test } from 'vitest';
import { parseEvents, parseHormuz, parseStockpile } from '../../src/lib/data/schemas.ts';
import { parseCsv } from '../../src/lib/data/csv.ts';
import { fixture, problems } from '../support/content-problems.ts';

const known = new Set(['src-a', 'src-b']);

describe('CSV reader', () => {
  test('keeps quoted commas, quotes and line breaks, and the line each record starts on', () => {
    const rows = parseCsv('a,b\n1,"x, ""y""\nz"\n2,w\n', 'f.csv', ['a', 'b']);
    expect(rows[0]!.values.b).toBe('x, "y"\nz');
    expect(rows[1]).toMatchObject({ row: 2, line: 4 });
  });
  test('a wrong header or a short row is named', () => {
    expect(problems(() => parseCsv('a,c\n1,2\n', 'f.csv', ['a', 'b']))[0]).toContain('f.csv:1 field "header": found "a,c"; expected the header a,b');
    expect(problems(() => parseCsv('a,b\n1\n', 'f.csv', ['a', 'b']))[0]).toContain('f.csv:2 row 1: found "1 fields"; expected 2 fields');
  });
});

describe('stockpile.csv rules', () => {
  test('a good file parses; empty cells are gaps, not zeros', () => {
    const rows = parseStockpile(fixture('stockpile-good.csv'), 'stockpile.csv', known);
    expect(rows).toHaveLength(5);
    expect(rows[3]!.total_kg).toBeUndefined();
    expect(rows[1]!.source).toEqual(['src-a', 'src-b']);
    expect(rows[1]!.report_issued).toBe('2021-05-31');
  });
  const bad = problems(() => parseStockpile(fixture('stockpile-bad.csv'), 'stockpile.csv', known));
  test.each([
    ['an impossible date', 'stockpile.csv:2 row 1 field "report_date": found "2020-02-30"; expected a real date written YYYY-MM-DD'],
    ['a negative quantity', 'stockpile.csv:3 row 2 field "u_up_to_5_kg": found "-5"; expected a quantity of zero or more kg'],
    ['a total that is not the sum of its parts', 'stockpile.csv:4 row 3 field "total_kg": found 200; expected the sum of the levels, 111 kg'],
    ['rows out of order', 'stockpile.csv:5 row 4 field "report_date": found "2020-06-01"; expected a date after the previous row\'s 2020-08-25'],
    ['a duplicate report id', 'stockpile.csv:6 row 5 field "report_id": found "GOV/2020/3"; expected a report id not already used (row 3)'],
    ['an unknown source key', 'stockpile.csv:7 row 6 field "source": found "no-such-source"; expected a source key defined in content/sources.yaml'],
    ['a figure on a not-verified row', 'stockpile.csv:8 row 7 field "status": found "not-verified"; expected empty amounts on a not-verified row'],
    ['an unknown status', 'stockpile.csv:9 row 8 field "status": found "confirmed"; expected one of "verified", "estimate", "not-verified"'],
    ['text where a number belongs', 'stockpile.csv:10 row 9 field "u_up_to_5_kg": found "ten"; expected a number in kg'],
    ['a report issued before its as-of date', 'stockpile.csv:11 row 10 field "report_issued": found "2021-01-15"; expected a day on or after the report\'s as-of date, 2021-02-01'],
  ])('%s is refused with file, line, row, field, value and expectation', (_name, message) => {
    expect(bad.some((p) => p.startsWith(message))).toBe(true);
  });
});

describe('events.csv rules', () => {
  const bad = problems(() => parseEvents(fixture('events-bad.csv'), 'events.csv', known));
  test.each([
    ['a duplicate id', 'events.csv:3 row 2 field "id": found "2015-07-14-jcpoa-agreed"; expected an id not already used (row 1)'],
    ['an id that does not start with the date', 'events.csv:4 row 3 field "id": found "2015-08-01-wrong-prefix"; expected an id starting with the event\'s date, 2015-08-02-'],
    ['an id without a slug', 'events.csv:5 row 4 field "id": found "2015-09"; expected an id made of the date and a slug'],
    ['an unknown category', 'events.csv:6 row 5 field "category": found "economy"; expected one of "diplomacy"'],
    ['a precision that does not fit the date', 'events.csv:7 row 6 field "precision": found "month"; expected "day" for a date written YYYY-MM-DD'],
    ['events out of order', 'events.csv:8 row 7 field "date": found "2014-01-01"; expected a date on or after the previous row\'s 2015-11-01'],
    ['a row with no source', 'events.csv:9 row 8 field "sources": found an empty value; expected at least one source key'],
  ])('%s is refused', (_name, message) => {
    expect(bad.some((p) => p.startsWith(message))).toBe(true);
  });
});

describe('hormuz-flows.csv rules', () => {
  const bad = problems(() => parseHormuz(fixture('hormuz-bad.csv'), 'hormuz-flows.csv', known));
  test.each([
    ['a repeated year', 'hormuz-flows.csv:3 row 2 field "year": found 2020; expected a year after the previous row\'s 2020'],
    ['a share above 100 %', 'hormuz-flows.csv:4 row 3 field "oil_share_pct": found "120"; expected at most 100 per cent'],
    ['a year with no figures and no note', 'hormuz-flows.csv:5 row 4 field "note": found an empty value; expected a note saying why'],
  ])('%s is refused', (_name, message) => {
    expect(bad.some((p) => p.startsWith(message))).toBe(true);
  });
});
