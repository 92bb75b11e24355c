/**
 * Geometry of the Hormuz flows chart: two panels sharing one row of years, oil through the strait
 * (million barrels a day) above and LNG (billion cubic feet a day) below. A year with no published
 * figure gets no bar: a short dashed mark on the baseline labelled "n/a", or "no figure yet" for
 * the latest year, never an outline that could be read as a tall bar.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import type { HormuzRow } from '../data/schemas.ts';
import { CHART_FONT, drawnOnce, formatNumber, r1, type Margin, type Size } from './common.ts';

export interface HormuzBar {
  year: number;
  x: number;
  width: number;
  y: number;
  height: number;
  /** undefined when the source gives no figure for the year */
  value: number | undefined;
  /** The value, or "n/a" / "no figure yet", as drawn; empty when the drawing has no room for it. */
  label: string[];
  text: string;
}

export interface HormuzPanel {
  key: 'oil' | 'lng';
  title: string;
  top: number;
  baseline: number;
  bars: HormuzBar[];
  yTicks: { y: number; label: string }[];
}

export interface HormuzGeometry {
  size: Size;
  margin: Margin;
  fontSize: number;
  panels: HormuzPanel[];
  xLabels: { x: number; label: string }[];
}

export function describeHormuzYear(r: HormuzRow): string {
  const oil = r.oil_mb_d === undefined ? 'no oil figure' : `oil ${formatNumber(r.oil_mb_d)} million barrels a day${r.oil_share_pct === undefined ? '' : ` (about ${formatNumber(r.oil_share_pct)} % of world consumption)`}`;
  const lng = r.lng_bcf_d === undefined ? '; no LNG volume' : `; LNG ${formatNumber(r.lng_bcf_d)} billion cubic feet a day${r.lng_share_pct === undefined ? '' : ` (about ${formatNumber(r.lng_share_pct)} % of world LNG trade)`}`;
  return `${r.year}: ${oil}${lng}.`;
}

/** "n/a" for a year with no published figure; "no figure yet" (a word a line) for the latest year when its bar has room. */
export function missingLabel(isLatest: boolean, bandwidth: number, fontSize: number): string[] {
  if (isLatest && bandwidth >= 'figure'.length * fontSize * 0.6) return ['no', 'figure', 'yet'];
  return ['n/a'];
}

function drawHormuz(rows: HormuzRow[], options: { size: Size; from?: number | undefined; to?: number | undefined }): HormuzGeometry {
  const { size } = options;
  const narrow = size.width < 500;
  const fontSize = narrow ? CHART_FONT.narrow : CHART_FONT.wide;
  const margin: Margin = { top: 22, right: 8, bottom: 28, left: narrow ? 38 : 44 };
  const shown = rows.filter((r) => (options.from === undefined || r.year >= options.from) && (options.to === undefined || r.year <= options.to));
  const x = scaleBand<number>().domain(shown.map((r) => r.year)).range([margin.left, size.width - margin.right]).padding(0.25);
  const latestYear = shown.at(-1)?.year;
  const gapBetweenPanels = 2 * fontSize + 12;
  const plotHeight = size.height - margin.top - margin.bottom - gapBetweenPanels;
  // Oil gets about two thirds of the height; LNG, with few published volumes, the rest.
  const oilHeight = Math.round(plotHeight * 0.62);
  const panelSpecs = [
    { key: 'oil' as const, title: 'Oil, million barrels a day', top: margin.top, height: oilHeight, value: (r: HormuzRow) => r.oil_mb_d },
    { key: 'lng' as const, title: 'LNG, billion cubic feet a day', top: margin.top + oilHeight + gapBetweenPanels, height: plotHeight - oilHeight, value: (r: HormuzRow) => r.lng_bcf_d },
  ];
  const panels = panelSpecs.map((spec) => {
    const y = scaleLinear().domain([0, max(shown, spec.value) ?? 1]).nice(spec.key === 'oil' ? 4 : 2).range([spec.top + spec.height, spec.top + fontSize]);
    const baseline = r1(y(0));
    const bars = shown.map((r) => {
      const value = spec.value(r);
      const top = value === undefined ? baseline : r1(y(value));
      const label = value === undefined ? missingLabel(r.year === latestYear, x.bandwidth(), fontSize) : formatNumber(value).length * fontSize * 0.6 <= x.bandwidth() + 6 ? [formatNumber(value)] : [];
      return { year: r.year, x: r1(x(r.year)!), width: r1(x.bandwidth()), y: top, height: r1(baseline - top), value, label, text: describeHormuzYear(r) };
    });
    return { key: spec.key, title: spec.title, top: spec.top, baseline, bars, yTicks: y.ticks(spec.key === 'oil' ? 4 : 2).map((v) => ({ y: r1(y(v)), label: formatNumber(v, 0) })) };
  });
  const every = narrow && shown.length > 6 ? 2 : 1;
  return {
    size,
    margin,
    fontSize,
    panels,
    xLabels: shown.filter((_, i) => i % every === 0 || i === shown.length - 1).map((r) => ({ x: r1(x(r.year)! + x.bandwidth() / 2), label: narrow ? `’${String(r.year).slice(2)}` : String(r.year) })),
  };
}

/** Drawn once per build for each size and range (see drawnOnce). */
export const hormuzGeometry: (rows: HormuzRow[], options: { size: Size; from?: number | undefined; to?: number | undefined }) => HormuzGeometry = drawnOnce(drawHormuz);
