/** Chart geometry computed from fixture rows matches what the rows imply. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHormuz, parseStockpile } from '../../src/lib/data/schemas.ts';
import { stockpileGeometry, describeReport } from '../../src/lib/charts/stockpile.ts';
import { hormuzGeometry } from '../../src/lib/charts/hormuz.ts';
import { stockpileFinding } from '../../src/lib/charts/findings.ts';

const known = new Set(['src-a', 'src-b']);
const rows = parseStockpile(readFileSync('tests/fixtures/data/stockpile-good.csv', 'utf8'), 'stockpile.csv', known);
const size = { width: 720, height: 380 };

describe('stockpile geometry', () => {
  const g = stockpileGeometry(rows, { size, reference: { label: 'cap', kg: 202.8 } });
  test('the y axis starts at zero and reaches the largest amount', () => {
    expect(g.yTicks[0]!.label).toBe('0');
    const top = Math.max(...g.yTicks.map((t) => Number(t.label.replace(/,/g, ''))));
    expect(top).toBeGreaterThanOrEqual(3206.3);
  });
  test('x runs from the first report to the last, left to right', () => {
    const xs = g.reports.map((r) => r.x);
    expect(xs[0]).toBe(g.margin.left);
    expect(xs.at(-1)).toBe(size.width - g.margin.right);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });
  test('each level has a point only where the data has a figure; estimates are marked', () => {
    const u60 = g.series.find((s) => s.level === 'u60')!;
    expect(u60.points).toHaveLength(2);
    expect(u60.points.every((p) => p.estimate)).toBe(true);
    const total = g.series.find((s) => s.level === 'total')!;
    expect(total.points).toHaveLength(2);
    expect(total.path.match(/M/g)).toHaveLength(1);
  });
  test('a higher amount is drawn higher', () => {
    const total = g.series.find((s) => s.level === 'total')!;
    expect(total.points[1]!.y).toBeLessThan(total.points[0]!.y);
  });
  test('not-verified reports are one gap from the last report with figures, not zeros', () => {
    expect(g.gaps).toEqual([expect.objectContaining({ from: '2025-06-13', to: '2026-02-27' })]);
    expect(g.series.flatMap((s) => s.points).length).toBe(2 + 2 + 1 + 2);
  });
  test('the JCPOA cap is drawn at its value on the same scale', () => {
    const zero = g.yTicks.find((t) => t.label === '0')!.y;
    const total = g.series.find((s) => s.level === 'total')!;
    const ratio = (zero - g.reference!.y) / (zero - total.points[0]!.y);
    expect(ratio).toBeCloseTo(202.8 / 372.3, 2);
  });
  test('each report has a description for tooltips and screen readers', () => {
    expect(describeReport(rows[3]!)).toContain('could not verify');
    expect(g.reports[1]!.text).toContain('total 3,206.3 kg');
  });
  test('the title states the finding from the data', () => {
    expect(stockpileFinding(rows, ['total'], 202.8).title).toContain(`about ${Math.round(3206.3 / 202.8)} times`);
  });
});

describe('Hormuz geometry', () => {
  const hormuz = parseHormuz('year,oil_mb_d,oil_share_pct,lng_bcf_d,lng_share_pct,source,note\n2022,10,,,,src-a,x\n2023,20,20,5,,src-a,x\n2024,,,,,src-a,no figure yet\n', 'h.csv', known);
  const g = hormuzGeometry(hormuz, { size: { width: 720, height: 320 } });
  const oil = g.panels.find((p) => p.key === 'oil')!;
  const lng = g.panels.find((p) => p.key === 'lng')!;
  test('bar heights are proportional to the values', () => {
    expect(oil.bars[1]!.height / oil.bars[0]!.height).toBeCloseTo(2, 2);
  });
  test('a year with no figure has no bar: nothing above the baseline, labelled as missing', () => {
    expect(oil.bars[2]).toMatchObject({ value: undefined, height: 0, y: oil.baseline });
    expect(oil.bars[2]!.label).toEqual(['no', 'figure', 'yet']);
    expect(lng.bars[0]).toMatchObject({ value: undefined, height: 0, label: ['n/a'] });
  });
  test('LNG is charted where a volume exists, in its own panel below oil', () => {
    expect(lng.bars[1]!.value).toBe(5);
    expect(lng.bars[1]!.height).toBeGreaterThan(0);
    expect(lng.top).toBeGreaterThan(oil.baseline);
  });
  test('the phone drawing of nine years marks a missing year "n/a" where "no figure yet" would not fit', () => {
    const csv = ['year,oil_mb_d,oil_share_pct,lng_bcf_d,lng_share_pct,source,note', ...[2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => `${y},20,,,,src-a,x`), '2026,,,,,src-a,no figure yet'].join('\n');
    const narrow = hormuzGeometry(parseHormuz(csv, 'h.csv', known), { size: { width: 360, height: 340 } });
    expect(narrow.panels[0]!.bars.at(-1)!.label).toEqual(['n/a']);
    expect(narrow.panels[0]!.bars.at(-1)!.height).toBe(0);
  });
});

describe('charts drawn once per build (drawnOnce)', () => {
  test('the same data and options give the drawing already made; other options or data draw again', () => {
    const narrow = { width: 360, height: 300 };
    const first = stockpileGeometry(rows, { size: narrow, levels: ['total'], reference: { label: 'cap', kg: 202.8 } });
    // Equal options in a new object: the same drawing, not a second one.
    expect(stockpileGeometry(rows, { size: { ...narrow }, levels: ['total'], reference: { label: 'cap', kg: 202.8 } })).toBe(first);
    expect(stockpileGeometry(rows, { size: narrow, levels: ['total'], reference: { label: 'cap', kg: 300 } })).not.toBe(first);
    // A new array (an edited data file read again) is drawn afresh, and draws the same.
    const again = stockpileGeometry([...rows], { size: narrow, levels: ['total'], reference: { label: 'cap', kg: 202.8 } });
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
