/**
 * Geometry of the Hormuz chart: oil through the strait by year as bars (million barrels a day),
 * with the share of world consumption where the source gives one, and LNG where known.
 * Years with no figure are drawn as "no data", never as zero.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { max } from 'd3-array';
import type { HormuzRow } from '../data/schemas.ts';
import { formatNumber, r1, type Margin, type Size } from './common.ts';

export interface HormuzBar {
  year: number;
  x: number;
  width: number;
  y: number;
  height: number;
  /** undefined when the source gives no figure for the year */
  value: number | undefined;
  label: string;
  text: string;
}

export interface HormuzGeometry {
  size: Size;
  margin: Margin;
  baseline: number;
  bars: HormuzBar[];
  yTicks: { y: number; label: string }[];
  xLabels: { x: number; label: string }[];
}

export function describeHormuzYear(r: HormuzRow): string {
  const oil = r.oil_mb_d === undefined ? 'no oil figure' : `oil ${formatNumber(r.oil_mb_d)} million barrels a day${r.oil_share_pct === undefined ? '' : ` (about ${formatNumber(r.oil_share_pct)} % of world consumption)`}`;
  const lng = r.lng_bcf_d === undefined ? '' : `; LNG ${formatNumber(r.lng_bcf_d)} billion cubic feet a day${r.lng_share_pct === undefined ? '' : ` (about ${formatNumber(r.lng_share_pct)} % of world LNG trade)`}`;
  return `${r.year}: ${oil}${lng}.`;
}

export function hormuzGeometry(rows: HormuzRow[], options: { size: Size; from?: number | undefined; to?: number | undefined }): HormuzGeometry {
  const { size } = options;
  const narrow = size.width < 500;
  const margin: Margin = { top: 24, right: 8, bottom: 28, left: narrow ? 34 : 40 };
  const shown = rows.filter((r) => (options.from === undefined || r.year >= options.from) && (options.to === undefined || r.year <= options.to));
  const x = scaleBand<number>().domain(shown.map((r) => r.year)).range([margin.left, size.width - margin.right]).padding(0.25);
  const y = scaleLinear().domain([0, max(shown, (r) => r.oil_mb_d) ?? 1]).nice(4).range([size.height - margin.bottom, margin.top]);
  const baseline = r1(y(0));
  const bars = shown.map((r) => {
    const value = r.oil_mb_d;
    const top = value === undefined ? baseline : r1(y(value));
    return {
      year: r.year,
      x: r1(x(r.year)!),
      width: r1(x.bandwidth()),
      y: top,
      height: r1(baseline - top),
      value,
      label: value === undefined ? 'n/a' : formatNumber(value),
      text: describeHormuzYear(r),
    };
  });
  const every = narrow && shown.length > 6 ? 2 : 1;
  return {
    size,
    margin,
    baseline,
    bars,
    yTicks: y.ticks(4).map((v) => ({ y: r1(y(v)), label: formatNumber(v, 0) })),
    xLabels: shown.filter((_, i) => i % every === 0 || i === shown.length - 1).map((r) => ({ x: r1(x(r.year)! + x.bandwidth() / 2), label: narrow ? `’${String(r.year).slice(2)}` : String(r.year) })),
  };
}
