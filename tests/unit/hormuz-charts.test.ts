/** The Hormuz transits dataset and chart, the map data and geometry, and label placement on every chart the site draws. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseMapFeatures, parseTransits, type TransitRow } from '../../src/lib/data/schemas.ts';
import { fixture, problems } from '../support/content-problems.ts';
import { dailyRate, daysCovered, formatPeriod, transitsFinding, transitsGeometry, transitsNotes } from '../../src/lib/charts/transits.ts';
import { mapGeometry, offsetLine, simplifyLine, MAP_VIEWS } from '../../src/lib/charts/map.ts';
import type { Land } from '../../src/lib/charts/coastline.ts';
import { boxInside, boxesOverlap, formatNumber, type Box } from '../../src/lib/charts/common.ts';
import { parseDay } from '../../src/lib/dates.ts';

const known = new Set(['src-a', 'src-b']);

const TRANSITS = `period_start,period_end,transits,daily_average,counted_by,source,note
2025-03-01,2025-03-11,1229,,Lloyd's List Intelligence,src-a,The same days a year before the war.
2026-03-01,2026-03-11,77,,Lloyd's List Intelligence,src-a,The first eleven days of the war.
2026-03-04,2026-03-04,1,,JMIC,src-a,One ship in twenty-four hours.
2026-06-20,2026-06-20,,55,US Central Command,src-b,A daily figure given as an average.
`;
const rows: TransitRow[] = parseTransits(TRANSITS, 'hormuz-transits.csv', known);
const warBegan = parseDay('2026-02-28');

describe('hormuz-transits.csv rules', () => {
  const bad = problems(() => parseTransits(fixture('transits-bad.csv'), 'hormuz-transits.csv', known));
  test.each([
    ['a period that ends before it starts', 'hormuz-transits.csv:3 row 2 field "period_end": found "2026-03-02"; expected a date on or after period_start, 2026-03-05'],
    ['both a count and an average', 'hormuz-transits.csv:4 row 3 field "transits": found 2; expected either a number of transits or a daily_average, not both and not neither'],
    ['a negative count', 'hormuz-transits.csv:5 row 4 field "transits": found "-1"; expected a whole number of ships, zero or more'],
    ['an impossible date', 'hormuz-transits.csv:6 row 5 field "period_start": found "2026-02-30"; expected a real date written YYYY-MM-DD'],
    ['an unknown source', 'hormuz-transits.csv:7 row 6 field "source": found "no-such-source"; expected a source key defined in content/sources.yaml'],
    ['rows out of order', 'hormuz-transits.csv:7 row 6 field "period_start": found "2026-03-01"; expected a date on or after the previous row\'s 2026-03-06'],
    ['neither a count nor an average', 'hormuz-transits.csv:8 row 7 field "transits": found an empty value; expected either a number of transits or a daily_average'],
  ])('%s is refused with file, line, row, field, value and expectation', (_name, message) => {
    expect(bad.some((p) => p.startsWith(message)), bad.join('\n')).toBe(true);
  });
  test('the good rows of the real file parse', () => {
    expect(parseTransits(readFileSync('content/data/hormuz-transits.csv', 'utf8'), 'f.csv', new Set(['afp-2026-03-13-hormuz-77-ships', 'lbcgroup-2026-03-06-nine-ships', 'gcaptain-2026-03-04-jmic-near-halt', 'mee-2026-06-20-centcom-55-vessels'])).length).toBeGreaterThan(3);
  });
});

describe('transits chart', () => {
  test('a count over several days becomes ships a day; a 24-hour count is one day', () => {
    expect(daysCovered(rows[1]!)).toBe(11);
    expect(dailyRate(rows[1]!)).toBeCloseTo(7, 5);
    expect(daysCovered(rows[2]!)).toBe(1);
    expect(dailyRate(rows[3]!)).toBe(55);
  });
  test('periods read as people write them', () => {
    expect(formatPeriod(parseDay('2026-03-01'), parseDay('2026-03-11'))).toBe('1–11 March 2026');
    expect(formatPeriod(parseDay('2026-03-04'), parseDay('2026-03-04'))).toBe('4 March 2026');
    expect(formatPeriod(parseDay('2026-02-28'), parseDay('2026-03-03'))).toBe('28 February – 3 March 2026');
  });
  const g = transitsGeometry(rows, { size: { width: 720, height: 340 }, baselineBefore: warBegan, annotations: [{ date: warBegan, label: 'War begins' }] });
  test('rows before the war are the reference line, not marks on the time axis', () => {
    expect(g.marks).toHaveLength(3);
    expect(g.baseline!.rate).toBeCloseTo(1229 / 11, 5);
  });
  test('the collapse is drawn to scale: the first war count sits far below the pre-war line', () => {
    const zero = g.yTicks.find((t) => t.label === '0')!.y;
    const ratio = (zero - g.marks[0]!.y) / (zero - g.baseline!.y);
    expect(ratio).toBeCloseTo(7 / (1229 / 11), 2);
  });
  test('a count over days is a bar across those days; a one-day count is a dot', () => {
    expect(g.marks[0]!.single).toBe(false);
    expect(g.marks[0]!.x1).toBeGreaterThan(g.marks[0]!.x0);
    expect(g.marks[1]!.single).toBe(true);
  });
  test('a long stretch without counts is named, and the notes say so', () => {
    expect(g.gap?.from.toISOString().slice(0, 10)).toBe('2026-03-12');
    expect(g.gap?.to.toISOString().slice(0, 10)).toBe('2026-06-19');
    expect(transitsNotes(g).join(' ')).toContain('12 March 2026 to 19 June 2026');
  });
  test('the title states the finding from the data', () => {
    expect(transitsFinding(rows, warBegan).title).toBe('Ships through the Strait of Hormuz fell from about 112 a day to about 7 once the war began');
  });
});

describe('hormuz-map.csv rules', () => {
  const bad = problems(() => parseMapFeatures(fixture('map-bad.csv'), 'hormuz-map.csv', known));
  test.each([
    ['a repeated id', 'hormuz-map.csv:3 row 2 field "id": found "abu-musa"; expected an id not already used (row 1)'],
    ['a swapped position', 'hormuz-map.csv:4 row 3 field "coordinates": found "25.13 56.36"; expected positions written "longitude latitude"'],
    ['a pipeline with one position', 'hormuz-map.csv:5 row 4 field "coordinates": found 1; expected at least two positions for a pipeline'],
    ['a pipeline without capacity', 'hormuz-map.csv:6 row 5 field "capacity_mb_d": found an empty value; expected the pipeline\'s capacity'],
    ['a capacity on a port', 'hormuz-map.csv:7 row 6 field "capacity_mb_d": found 3; expected an empty cell: only pipelines have a capacity'],
    ['an unknown kind', 'hormuz-map.csv:8 row 7 field "kind": found "volcano"; expected one of "port", "island", "pipeline", "lanes"'],
  ])('%s is refused', (_name, message) => {
    expect(bad.some((p) => p.startsWith(message)), bad.join('\n')).toBe(true);
  });
});

describe('map geometry', () => {
  test('a line offset sideways keeps its distance from the original', () => {
    const moved = offsetLine([[0, 0], [10, 0], [20, 0]], 3);
    expect(moved.map((p) => p[1])).toEqual([3, 3, 3]);
  });
  // A square island standing in for the coastline: enough to test cropping, projection and labels.
  const land: Land[] = [
    { type: 'Feature', properties: { A3: 'OMN' }, geometry: { type: 'Polygon', coordinates: [[[56.0, 25.5], [56.0, 26.3], [56.5, 26.3], [56.5, 25.5], [56.0, 25.5]]] } },
    { type: 'Feature', properties: { A3: 'BRA' }, geometry: { type: 'Polygon', coordinates: [[[-50, -10], [-50, -9], [-49, -9], [-49, -10], [-50, -10]]] } },
  ];
  const features = parseMapFeatures(
    `id,kind,name,coordinates,capacity_mb_d,source,note
abu-musa,island,Abu Musa,55.03 25.87,,src-a,An island the map must mark and label.
khasab,port,Khasab,56.25 26.18,,src-a,A port on the square island.
lanes,lanes,Shipping lanes,56.70 25.95;56.66 26.45;56.00 26.58,,src-a,Lanes drawn as two bands either side of a buffer.
`,
    'm.csv',
    known,
  );
  const g = mapGeometry(land, features, 'strait', MAP_VIEWS.strait.sizes.wide);
  test('only the land in view is drawn', () => {
    expect(g.land.map((l) => l.code)).toEqual(['OMN']);
  });
  test('the lanes are two bands with a buffer between them', () => {
    expect(g.lanes!.bands).toHaveLength(2);
    expect(g.lanes!.buffer).toMatch(/^M.*Z$/);
  });
  test('places are placed inside the map and labelled', () => {
    for (const p of g.places) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(g.size.width);
      expect(p.label).toBeDefined();
    }
  });
});

describe('number formats', () => {
  test('one formatter per precision, reused', () => {
    expect(formatNumber(9247.6)).toBe('9,247.6');
    expect(formatNumber(9247.6, 0)).toBe('9,248');
    expect(formatNumber(3)).toBe('3');
  });
});

export function assertLabelsClear(name: string, boxes: Box[], size: { width: number; height: number }) {
  const frame = { x: 0, y: 0, width: size.width, height: size.height };
  boxes.forEach((b, i) => {
    expect(boxInside(b, frame), `${name}: label ${i} leaves the drawing`).toBe(true);
    boxes.slice(i + 1).forEach((c, j) => expect(boxesOverlap(b, c, 0), `${name}: labels ${i} and ${i + j + 1} overlap`).toBe(false));
  });
}

describe('coastline simplification', () => {
  test('the staircase that rounding leaves along a straight coast collapses to its two ends', () => {
    const staircase: [number, number][] = [[0, 0], [1, 0], [2, 1], [3, 1], [4, 2], [5, 2], [6, 3]];
    expect(simplifyLine(staircase, 0.8)).toEqual([[0, 0], [6, 3]]);
  });
  test('a real corner is kept, and every kept point is within epsilon of the original line', () => {
    const corner: [number, number][] = [[0, 0], [5, 0.3], [10, 0], [10, 5], [10.4, 10]];
    expect(simplifyLine(corner, 0.8)).toEqual([[0, 0], [10, 0], [10.4, 10]]);
  });
});
