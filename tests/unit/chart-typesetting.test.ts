/**
 * Chart words typeset like the prose (issue 13): every title, takeaway, description and note a
 * chart prints, built from the real data, holds "%" and units to their numbers with the site's own
 * helper (src/lib/typesetting.ts), so none wraps onto a line alone.
 */
import { describe, expect, test } from 'vitest';
import { loadDatasets, loadEvents, loadHormuz, loadMapFeatures, loadStockpile, loadTransits } from '../../src/lib/content-store.ts';
import { hormuzFinding, stockpileFinding } from '../../src/lib/charts/findings.ts';
import { mapFinding } from '../../src/lib/charts/map.ts';
import { stockpileGeometry, stockpileNotes, STOCKPILE_LEVELS, type StockpileLevel } from '../../src/lib/charts/stockpile.ts';
import { transitsFinding, transitsGeometry, transitsNotes } from '../../src/lib/charts/transits.ts';
import { resolveTimeline } from '../../src/lib/charts/timeline-chart.ts';
import { CHART_SIZES, typesetChartText } from '../../src/lib/charts/common.ts';
import { NBSP } from '../../src/lib/typesetting.ts';

/** A space a line may break at between a number and "%" or a unit the prose style glues. */
const BREAKABLE = /\d[ \t](%|kg|million|billion|miles?|barrels?|days?|ships)(?![\p{L}])/u;

function chartStrings(): Record<string, string> {
  const stockpile = loadDatasets().stockpile;
  const transits = loadDatasets().transits;
  const hormuz = loadHormuz();
  const latest = [...hormuz].reverse().find((r) => r.oil_mb_d !== undefined);
  const strings: Record<string, string> = {};
  const add = (chart: string, text: Record<string, unknown> | string[]) =>
    Object.entries(text).forEach(([field, value]) => typeof value === 'string' && (strings[`${chart} ${field}`] = value));
  const levelSets: (readonly StockpileLevel[])[] = [STOCKPILE_LEVELS, ['total'], ['u20', 'u60'], ['u60']];
  for (const levels of levelSets) {
    const rows = loadStockpile();
    add(`stockpile ${levels.join('+')}`, stockpileFinding(rows, levels, stockpile.reference.kg));
    const g = stockpileGeometry(rows, { size: CHART_SIZES.wide, levels, reference: { label: stockpile.reference.label, kg: stockpile.reference.kg }, annotations: stockpile.annotations });
    add(`stockpile ${levels.join('+')} note`, stockpileNotes(g, rows, { levels, why: stockpile.series_notes, referenceNote: stockpile.reference.label }));
  }
  add('hormuz', hormuzFinding(hormuz));
  add('map', mapFinding(loadMapFeatures(), latest ? { year: latest.year, mb_d: latest.oil_mb_d! } : undefined));
  add('transits', transitsFinding(loadTransits(), transits.baseline_before));
  const g = transitsGeometry(loadTransits(), { size: { width: CHART_SIZES.wide.width, height: 340 }, baselineBefore: transits.baseline_before, annotations: transits.annotations });
  add('transits note', transitsNotes(g));
  const timeline = resolveTimeline(loadEvents());
  add('timeline', { title: timeline.title, takeaway: timeline.takeaway, description: timeline.description });
  return strings;
}

describe('chart text typesetting', () => {
  const strings = chartStrings();

  test('the charts give titles, takeaways and notes to check, some with a percentage', () => {
    expect(Object.keys(strings).length).toBeGreaterThan(20);
    expect(Object.values(strings).filter((s) => s.includes('%')).length).toBeGreaterThan(3);
  });

  test.each(Object.entries(strings))('%s: no "%" or unit can wrap away from its number', (_, text) => {
    expect(text).not.toMatch(BREAKABLE);
    for (const m of text.matchAll(/\d(\s?)%/g)) expect(m[1]).toBe(NBSP);
  });

  test('typesetChartText typesets every string field and leaves the rest alone', () => {
    const rows = [1, 2];
    expect(typesetChartText({ title: 'About 20% of oil', note: '440.9 kg', rows })).toEqual({ title: `About 20${NBSP}% of oil`, note: `440.9${NBSP}kg`, rows });
  });
});
