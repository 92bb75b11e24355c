/** The facts registry (src/lib/facts.ts): its schema, the data it reads, how facts read, and the lint. */
import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  checkFactUsage,
  checkFacts,
  currentFacts,
  factHistory,
  factLintPatterns,
  factProse,
  factSources,
  factSummary,
  formatNumber,
  latestOf,
  parseFactRefs,
  readFacts,
  readableProse,
  recordEnds,
  scanFactTags,
  whereThingsStand,
  type FactRegistry,
} from '../../src/lib/facts.ts';
import { parseStockpile } from '../../src/lib/data/schemas.ts';
import { formatProblem } from '../../src/lib/content-errors.ts';
import { splitFrontmatter } from '../../src/lib/yaml-file.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/${name}`, 'utf8');
const sourceKeys = new Set(['src-a', 'src-b']);
const stockpile = parseStockpile(fixture('data/stockpile-good.csv'), 'stockpile.csv', sourceKeys);
const context = { sourceKeys, data: { stockpile, stockpileReference: { kg: 202.8, sources: ['src-a'] } } };

function good(): FactRegistry {
  const { registry, problems } = readFacts(fixture('facts/facts-good.yaml'), 'facts.yaml', context);
  expect(problems.map(formatProblem)).toEqual([]);
  return registry;
}

describe('reading the registry', () => {
  test('a value with `from` is read from the data, with its date and the row\'s sources', () => {
    const f = good().facts.get('stock-60')!;
    expect(f).toMatchObject({ value: 440.9, asOf: '2025-06-13', sources: ['src-a', 'src-b'] });
    expect(f.derivedFrom).toEqual({ dataset: 'stockpile', where: 'content/data/stockpile.csv line 4 (u_up_to_60_kg, 2025-06-13)' });
    expect(good().facts.get('stock-60-2021')).toMatchObject({ value: 2.4, asOf: '2021-05-22' });
  });
  test('a status read from the data gives the fact its date, the last report, and no value: its statement says it', () => {
    expect(good().facts.get('verification')).toMatchObject({ asOf: '2026-02-27', value: undefined });
  });
  test('history runs through supersedes; the old entry knows what replaced it', () => {
    const r = good();
    expect(r.facts.get('stock-60-2021')!.supersededBy).toBe('stock-60');
    expect(factHistory(r, 'stock-60').map((f) => f.id)).toEqual(['stock-60-2021']);
    expect(latestOf(r, 'stock-60-2021')!.id).toBe('stock-60');
    expect(currentFacts(r).map((f) => f.id)).not.toContain('stock-60-2021');
  });
  test('"Where things stand" gives its rows in order; compact keeps the first fact of each', () => {
    const rows = whereThingsStand(good());
    expect(rows.map((r) => [r.label, r.facts.map((f) => f.id)])).toEqual([
      ['The stockpile', ['stock-60', 'verification']],
      ['The talks', ['talks']],
    ]);
    expect(whereThingsStand(good(), true)[0]!.facts).toHaveLength(1);
  });
  test('factSources gives each fact its own and its versions\' source keys, once', () => {
    const map = factSources(good());
    expect(map.get('share')).toEqual(['src-a', 'src-b']);
    expect(map.get('cap')).toEqual(['src-a']);
  });
});

describe('every rule, proved against a bad fixture', () => {
  const { problems } = readFacts(fixture('facts/facts-bad.yaml'), 'facts.yaml', context);
  const messages = problems.map(formatProblem);
  test.each([
    ['a missing status', 'facts.yaml:8 field "no-status.status": found nothing; expected one of "confirmed", "reported", "disputed"'],
    ['an impossible date', 'facts.yaml:18 field "bad-date.as_of": found "2026-02-30"; expected a real date written YYYY-MM-DD, or YYYY-MM when only the month is known'],
    ['an unknown source', 'facts.yaml:27 field "unknown-source.sources": found "no-such-source"; expected a source key defined in content/sources.yaml'],
    ['a disputed fact without versions', 'facts.yaml:32 field "disputed-alone.versions": found nothing; expected at least two versions, each with by, says and sources, on a disputed fact'],
    ['versions on a fact that is not disputed', 'facts.yaml:39 field "versions-undisputed.versions": found "reported"; expected status "disputed" on a fact that gives versions (or remove the versions)'],
    ['a typed value that disagrees with the data', 'facts.yaml:47 field "typed-twice.value": found 440.8; expected 440.9, the figure in content/data/stockpile.csv line 4 (u_up_to_60_kg, 2025-06-13) (remove "value" to read it from the data, or correct one of the two)'],
    ['a statement whose data status changed', 'facts.yaml:54 field "stale-status.from.equals": found "verified"; expected "not-verified", the value now in content/data/stockpile.csv line 6 (status, 2026-02-27) (the statement assumes "verified": update the statement and this field together)'],
    ['an unknown data column', 'facts.yaml:60 field "wrong-column.from.column": found "u_up_to_90_kg"; expected a column of data/stockpile.csv: one of "u_up_to_5_kg", "u_up_to_20_kg", "u_up_to_60_kg", "total_kg", "status", "report_id"'],
    ['a row with no figure', 'facts.yaml:66 field "no-such-row.from.row": found "2019-11-03"; expected "latest" or the report_date of a row of data/stockpile.csv with a figure in u_up_to_60_kg'],
    ['a fact replaced twice', 'facts.yaml:91 field "also-newer.supersedes": found "old"; expected the id of a fact no other fact replaces (newer already supersedes it)'],
    ['a supersedes that points nowhere', 'facts.yaml:99 field "orphan.supersedes": found "never-was"; expected the id of an earlier fact in this file'],
    ['a typed fact without a date', 'facts.yaml:100 field "no-date.as_of": found nothing; expected the date the fact holds for, written YYYY-MM-DD or YYYY-MM (this field is required unless the value is read from stockpile.csv)'],
    ['an id used twice', 'facts.yaml:106 field "id": found "no-date"; expected an id not already used (line 100)'],
    ['a statement longer than one line', 'facts.yaml:115 field "too-long.statement": found "A statement is one line, so one that runs on and on past the limit of two hun..."; expected a statement of at most 220 characters: one line (put caveats in "note")'],
    ['an unknown fact in "Where things stand"', 'facts.yaml:6 field "where_things_stand.facts": found "no-such-fact"; expected the id of a fact defined in this file'],
    ['a superseded fact in "Where things stand"', 'facts.yaml:6 field "where_things_stand.facts": found "old"; expected the id of a current fact (old is superseded by newer)'],
  ])('%s', (_what, message) => {
    expect(messages.some((m) => m.startsWith(message)), `${message}\n\nnot among:\n${messages.join('\n')}`).toBe(true);
  });
  test('one mistake, one message: nothing else is reported', () => {
    expect(messages).toHaveLength(16);
  });
  test('a file without a list of facts says what it expected', () => {
    const r = readFacts('record: { stops: "x" }\n', 'facts.yaml', context);
    expect(r.problems.map(formatProblem)).toContain('facts.yaml:1 field "facts": found nothing; expected a list of facts, each starting with "- id:" (this field is required)');
  });
});

describe('how a fact reads', () => {
  test('numbers keep their decimals and gain thousands separators', () => {
    expect([formatNumber(9874.9), formatNumber(3.67), formatNumber(202.8), formatNumber(100), formatNumber(12345)]).toEqual(['9,874.9', '3.67', '202.8', '100', '12,345']);
  });
  test('a figure reads with its unit and its date', () => {
    expect(factProse(good().facts.get('stock-60')!)).toMatchObject({ value: '440.9\u00a0kg', asOf: 'IAEA estimate as of 13 June 2025', asOfIso: '2025-06-13' });
    expect(factProse(good().facts.get('money')!)).toMatchObject({ value: '$6\u00a0billion', asOf: 'as of 18 September 2023' });
    expect(factProse(good().facts.get('round')!).value).toBe('about 20\u00a0%');
    expect(factProse(good().facts.get('talks')!)).toMatchObject({ value: good().facts.get('talks')!.statement, asOf: 'as of July 2026' });
  });
  test('a limit dated by its own sentence shows no date; a date value is not dated twice', () => {
    expect(factProse(good().facts.get('cap')!)).toMatchObject({ value: '3.67\u00a0%', asOf: undefined });
    expect(factProse(good().facts.get('signed')!)).toMatchObject({ value: '18 June 2026', asOf: "according to the prime minister's office" });
  });
  test('a disputed fact gives each version with who gives it', () => {
    expect(factProse(good().facts.get('share')!)).toMatchObject({
      value: undefined,
      versions: ['77 % in 2024 according to data reported by outlet A', 'more than 90 % according to data quoted by outlet B'],
    });
    expect(factSummary(good().facts.get('share')!).versions).toEqual(['77 % in 2024, according to data reported by outlet A', 'More than 90 %, according to data quoted by outlet B']);
  });
  test('a line of "Where things stand" is the label and value, or the statement', () => {
    expect(factSummary(good().facts.get('stock-60')!)).toMatchObject({ text: 'Uranium enriched up to 60 %: 440.9\u00a0kg (IAEA estimate)', date: { iso: '2025-06-13', text: '13 June 2025' } });
    expect(factSummary(good().facts.get('signed')!).date).toBeUndefined();
  });
});

describe('where the record stops', () => {
  const events = [
    { id: '2026-06-19-talks-postponed', date: '2026-06-19' },
    { id: '2026-07-doha-talks', date: '2026-07' },
  ];
  test('the latest event or fact sets it', () => {
    expect(recordEnds(events)).toEqual({ iso: '2026-07', text: 'July 2026', by: { kind: 'event', id: '2026-07-doha-talks' } });
    expect(recordEnds(events, [{ id: 'later', asOf: '2026-08-02' }])).toEqual({ iso: '2026-08-02', text: '2 August 2026', by: { kind: 'fact', id: 'later' } });
  });
  test('on the same start, a day is more precise than its month', () => {
    expect(recordEnds([{ id: 'm', date: '2026-07' }, { id: 'd', date: '2026-07-01' }])!.by.id).toBe('d');
    expect(recordEnds([])).toBeUndefined();
  });
});

describe('<Fact> tags and figures typed by hand', () => {
  const text = fixture('facts/essay-typed-figures.mdx');
  const parts = splitFrontmatter(text)!;
  const bodyStartLine = text.slice(0, text.length - parts.body.length).split('\n').length;
  const messages = checkFactUsage(parts.body, bodyStartLine, 'essays/x.mdx', good()).map(formatProblem);

  test.each([
    ['a distinctive figure in a sentence', 'essays/x.mdx:11 field "fact": found "440.9"; expected <Fact id="stock-60" /> instead of a registry figure typed by hand (content/facts.yaml line 10: 440.9\u00a0kg, IAEA estimate as of 13 June 2025)'],
    ['a figure with decimals, with its unit', 'essays/x.mdx:11 field "fact": found "3.67"; expected <Fact id="cap" />'],
    ['a round figure with its unit, when the fact asks', 'essays/x.mdx:15 field "fact": found "300 kg"; expected <Fact id="uf6" />'],
    ['a sum with its currency and unit', 'essays/x.mdx:17 field "fact": found "$6 billion"; expected <Fact id="money" />'],
    ['a figure in a table cell', 'essays/x.mdx:23 field "fact": found "440.9"; expected <Fact id="stock-60" />'],
    ['a listed phrase', 'essays/x.mdx:27 field "fact": found "one fifth of the oil"; expected <Fact id="round" />'],
    ['a tag without an id', 'essays/x.mdx:29 field "fact": found "<Fact />"; expected a Fact tag with an id, such as <Fact id="iaea-stockpile-60" />'],
    ['a tag with an unknown id', 'essays/x.mdx:29 field "fact": found "no-such-fact"; expected a fact id defined in content/facts.yaml'],
  ])('%s is refused', (_what, message) => {
    expect(messages.some((m) => m.startsWith(message)), `${message}\n\nnot among:\n${messages.join('\n')}`).toBe(true);
  });
  test('nothing else is: tags, citations, link targets, comments, attributes, longer numbers, other units', () => {
    expect(messages).toHaveLength(8);
  });
  test('prose keeps its line numbers when code is blanked out', () => {
    const prose = readableProse('a <Fact id="x" />\n[@k-440.9] b\n{/* c\n440.9 */} d');
    expect(prose.split('\n')).toHaveLength(4);
    expect(prose).not.toMatch(/440\.9|Fact|@k/);
  });
  test('the patterns match the forms prose uses for a number', () => {
    const [p] = factLintPatterns({ id: 'x', value: 9874.9, unit: 'kg' });
    for (const s of ['9,874.9 kg', '9874.9', 'of 9\u00a0874.9 kg']) expect(s.match(p!.re), s).toBeTruthy();
    for (const s of ['19,874.9', '9,874.95', '9,874.9.1']) expect(s.match(new RegExp(p!.re.source, 'gi')), s).toBeNull();
  });
  test('scanFactTags reads ids written with either quote or an expression', () => {
    expect(scanFactTags(`<Fact id="a" /> <Fact id='b'/> <Fact id={"c"} />`).map((t) => t.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('refs from the citation plugin', () => {
  test('a JSON list becomes markers; absent refs mean none', () => {
    expect(parseFactRefs('[{"key":"src-a","n":3,"occurrence":2}]', 'x')).toEqual([{ key: 'src-a', n: 3, occurrence: 2 }]);
    expect(parseFactRefs(undefined, 'x')).toBeUndefined();
  });
  test('a malformed list is a plugin bug and says so', () => {
    expect(() => parseFactRefs('[{"key":1}]', 'x')).toThrow('<Fact id="x">: refs must be a list of {"key","n","occurrence"}');
    expect(() => parseFactRefs('{', 'x')).toThrow('refs is not valid JSON');
  });
});

describe('checkFacts, as npm run check calls it', () => {
  test('the site\'s own content has no problem, and every fact cites a source', () => {
    const sources = new Set([...readFileSync('content/sources.yaml', 'utf8').matchAll(/^([a-z0-9][a-z0-9.-]*):/gm)].map((m) => m[1]!));
    const report = checkFacts(path.resolve('content'), sources);
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.count).toBeGreaterThan(15);
    expect(report.cited.length).toBeGreaterThan(10);
  });
  test('a registry figure typed into an essay is named by file and line', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'facts-check-'));
    try {
      cpSync('content', work, { recursive: true });
      writeFileSync(path.join(work, 'essays', 'typed.mdx'), '---\ntitle: "T"\n---\n\nThe stock was 440.9 kg at the last count.\n');
      const sources = new Set([...readFileSync('content/sources.yaml', 'utf8').matchAll(/^([a-z0-9][a-z0-9.-]*):/gm)].map((m) => m[1]!));
      const messages = checkFacts(work, sources).problems.map(formatProblem);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/essays\/typed\.mdx:5 field "fact": found "440\.9"; expected <Fact id="iaea-stockpile-60" \/>/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
