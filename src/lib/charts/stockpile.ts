/**
 * Geometry of the stockpile chart: one line per enrichment level over time, the JCPOA cap as a
 * reference line, and the periods when the IAEA could not verify drawn as gaps (not as zero).
 * Used at build time to draw the SVG; holds no DOM code.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { max } from 'd3-array';
import type { StockpileRow } from '../data/schemas.ts';
import { formatDate, isoDay } from '../dates.ts';
import { formatNumber, r1, wrapLabel, type Margin, type Size } from './common.ts';

export const STOCKPILE_LEVELS = ['total', 'u5', 'u20', 'u60'] as const;
export type StockpileLevel = (typeof STOCKPILE_LEVELS)[number];
export const LEVEL_LABELS: Record<StockpileLevel, string> = {
  total: 'Total enriched uranium',
  u5: 'Enriched up to 5 %',
  u20: 'Enriched up to 20 %',
  u60: 'Enriched up to 60 %',
};
const COLUMN: Record<StockpileLevel, 'total_kg' | 'u_up_to_5_kg' | 'u_up_to_20_kg' | 'u_up_to_60_kg'> = {
  total: 'total_kg',
  u5: 'u_up_to_5_kg',
  u20: 'u_up_to_20_kg',
  u60: 'u_up_to_60_kg',
};

export function amountAt(row: StockpileRow, level: StockpileLevel): number | undefined {
  return row[COLUMN[level]];
}

export interface StockpileReference {
  label: string;
  kg: number;
}
export interface StockpileAnnotation {
  date: Date;
  label: string;
}

export interface StockpileGeometry {
  size: Size;
  margin: Margin;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  series: { level: StockpileLevel; label: string; path: string; points: { x: number; y: number; estimate: boolean }[] }[];
  gaps: { x0: number; x1: number; from: string; to: string }[];
  reference?: { y: number; label: string } | undefined;
  annotations: { x: number; label: string; lines: string[] }[];
  /** One hit area per report, for tooltips: its x extent and what it says. */
  reports: { x: number; x0: number; x1: number; date: string; text: string }[];
}

export interface StockpileOptions {
  size: Size;
  levels?: readonly StockpileLevel[];
  from?: Date | undefined;
  to?: Date | undefined;
  reference?: StockpileReference | undefined;
  annotations?: StockpileAnnotation[];
}

export function describeReport(row: StockpileRow): string {
  const head = row.report_id ? `${formatDate(row.date)} (${row.report_id})` : formatDate(row.date);
  if (row.status === 'not-verified') return `${head}: the IAEA could not verify the stockpile and gave no figure.`;
  const parts = STOCKPILE_LEVELS.filter((l) => l !== 'total')
    .map((l) => (amountAt(row, l) === undefined ? undefined : `${LEVEL_LABELS[l].replace('Enriched ', '')}: ${formatNumber(amountAt(row, l)!)} kg`))
    .filter(Boolean);
  const total = row.total_kg === undefined ? '' : `total ${formatNumber(row.total_kg)} kg`;
  return `${head}${row.status === 'estimate' ? ', IAEA estimate' : ''}: ${[total, ...parts].filter(Boolean).join('; ')}.`;
}

export function stockpileGeometry(allRows: StockpileRow[], options: StockpileOptions): StockpileGeometry {
  const { size } = options;
  const levels = options.levels ?? STOCKPILE_LEVELS;
  const narrow = size.width < 500;
  const margin: Margin = { top: 20, right: narrow ? 12 : 20, bottom: 28, left: narrow ? 46 : 56 };
  const rows = allRows.filter((r) => (!options.from || r.date >= options.from) && (!options.to || r.date <= options.to));
  const first = rows[0]?.date ?? new Date();
  const last = rows.at(-1)?.date ?? new Date();
  const x = scaleUtc().domain([options.from ?? first, options.to ?? last]).range([margin.left, size.width - margin.right]);
  const highest = max(rows, (r) => max(levels, (l) => amountAt(r, l) ?? 0)) ?? 0;
  const showReference = options.reference && (levels.includes('total') || levels.includes('u5'));
  const top = Math.max(highest, showReference ? options.reference!.kg : 0);
  const y = scaleLinear().domain([0, top]).nice(5).range([size.height - margin.bottom, margin.top]);

  const series = levels.map((level) => {
    const defined = (r: StockpileRow) => amountAt(r, level) !== undefined;
    const path = line<StockpileRow>()
      .defined(defined)
      .x((r) => r1(x(r.date)))
      .y((r) => r1(y(amountAt(r, level)!)))(rows) ?? '';
    const points = rows.filter(defined).map((r) => ({ x: r1(x(r.date)), y: r1(y(amountAt(r, level)!)), estimate: r.status === 'estimate' }));
    return { level, label: LEVEL_LABELS[level], path, points };
  });

  // A run of not-verified reports is a gap from the last report with figures to the last report without.
  const gaps: StockpileGeometry['gaps'] = [];
  rows.forEach((r, i) => {
    if (r.status !== 'not-verified') return;
    const prev = rows[i - 1];
    const open = gaps.at(-1);
    if (open && prev?.status === 'not-verified') {
      open.x1 = r1(x(r.date));
      open.to = isoDay(r.date);
    } else {
      const start = prev ? prev.date : r.date;
      gaps.push({ x0: r1(x(start)), x1: r1(x(r.date)), from: isoDay(start), to: isoDay(r.date) });
    }
  });

  const xTicks = x.ticks(narrow ? 4 : 8).map((d) => ({ x: r1(x(d)), label: String(d.getUTCFullYear()) }));
  const yTicks = y.ticks(5).map((v) => ({ y: r1(y(v)), label: formatNumber(v, 0) }));
  const annotations = (options.annotations ?? [])
    .filter((a) => a.date >= x.domain()[0]! && a.date <= x.domain()[1]!)
    .map((a) => ({ x: r1(x(a.date)), label: a.label, lines: wrapLabel(a.label, narrow ? 12 : 16) }));
  const reports = rows.map((r, i) => {
    const cx = x(r.date);
    const prev = i > 0 ? x(rows[i - 1]!.date) : margin.left;
    const next = i < rows.length - 1 ? x(rows[i + 1]!.date) : size.width - margin.right;
    return { x: r1(cx), x0: r1(i > 0 ? (prev + cx) / 2 : cx - 6), x1: r1(i < rows.length - 1 ? (cx + next) / 2 : cx + 6), date: isoDay(r.date), text: describeReport(r) };
  });
  return {
    size,
    margin,
    xTicks,
    yTicks,
    series,
    gaps,
    reference: showReference ? { y: r1(y(options.reference!.kg)), label: options.reference!.label } : undefined,
    annotations,
    reports,
  };
}
