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
import { CHART_FONT, drawnOnce, LINE_HEIGHT, firstClear, formatMonth, formatNumber, labelBox, r1, textWidth, wrapLabel, type Box, type Margin, type Obstacles, type Size } from './common.ts';
import { typesetNumbers } from '../typesetting.ts';

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

/** A placed label: its lines, first baseline, anchor and the box it covers. */
export interface PlacedLabel {
  x: number;
  y: number;
  lines: string[];
  anchor: 'start' | 'middle' | 'end';
  box: Box;
}

export interface StockpileGeometry {
  size: Size;
  margin: Margin;
  fontSize: number;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  /** Drawn in this order: the total last, so it stays visible where it coincides with a level. */
  series: { level: StockpileLevel; label: string; path: string; points: { x: number; y: number; estimate: boolean }[]; end?: PlacedLabel | undefined }[];
  gaps: { x0: number; x1: number; from: string; to: string; label?: PlacedLabel | undefined }[];
  reference?: { y: number; label: string; text?: PlacedLabel | undefined; leader?: { x: number; y1: number; y2: number } | undefined } | undefined;
  annotations: { x: number; date: Date; label: string; text?: PlacedLabel | undefined }[];
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

/** Short names for labels on the chart itself. */
export const LEVEL_SHORT: Record<StockpileLevel, string> = { total: 'Total', u5: 'Up to 5 %', u20: 'Up to 20 %', u60: 'Up to 60 %' };

export function stockpileRowsIn(allRows: StockpileRow[], from?: Date, to?: Date): StockpileRow[] {
  return allRows.filter((r) => (!from || r.date >= from) && (!to || r.date <= to));
}

function drawStockpile(allRows: StockpileRow[], options: StockpileOptions): StockpileGeometry {
  const { size } = options;
  const levels = options.levels ?? STOCKPILE_LEVELS;
  const narrow = size.width < 500;
  const fontSize = narrow ? CHART_FONT.narrow : CHART_FONT.wide;
  const rows = stockpileRowsIn(allRows, options.from, options.to);
  const highest = max(rows, (r) => max(levels, (l) => amountAt(r, l) ?? 0)) ?? 0;
  const showReference = options.reference && (levels.includes('total') || levels.includes('u5'));
  const top = Math.max(highest, showReference ? options.reference!.kg : 0);
  const yDomain = scaleLinear().domain([0, top]).nice(5);
  // The left margin fits the longest value label, so "10,000" is never cut at the edge.
  const widestTick = Math.max(...yDomain.ticks(5).map((v) => textWidth(formatNumber(v, 0), fontSize)));
  const margin: Margin = { top: 26, right: narrow ? 12 : 20, bottom: 30, left: Math.ceil(widestTick + 10) };
  const first = rows[0]?.date ?? new Date();
  const last = rows.at(-1)?.date ?? new Date();
  const x = scaleUtc().domain([options.from ?? first, options.to ?? last]).range([margin.left, size.width - margin.right]);
  const y = yDomain.copy().range([size.height - margin.bottom, margin.top]);
  const plot: Box = { x: margin.left, y: margin.top, width: size.width - margin.left - margin.right, height: size.height - margin.top - margin.bottom };

  // The total goes last so it is drawn over a level it coincides with (before 2021 all of it was up to 5 %).
  const drawOrder = [...levels.filter((l) => l !== 'total'), ...levels.filter((l) => l === 'total')];
  const series: StockpileGeometry['series'] = drawOrder.map((level) => {
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
  const annotations: StockpileGeometry['annotations'] = (options.annotations ?? [])
    .filter((a) => a.date >= x.domain()[0]! && a.date <= x.domain()[1]!)
    .map((a) => ({ x: r1(x(a.date)), date: a.date, label: a.label }));
  const reference: StockpileGeometry['reference'] = showReference ? { y: r1(y(options.reference!.kg)), label: options.reference!.label } : undefined;

  // Labels are placed one by one, each clear of the data, of the lines already drawn and of the
  // labels placed before it; a label that fits nowhere is left out (the notes under the chart say
  // what every line is, so nothing is lost).
  const obstacles: Obstacles = { boxes: [], lines: series.map((s) => s.points) };
  const lineOf = (pts: { x: number; y: number }[]) => obstacles.lines.push(pts);
  const accept = <T extends { box: Box }>(c: T | undefined) => {
    if (c) obstacles.boxes.push(c.box);
    return c;
  };
  const make = (lines: string[], lx: number, ly: number, anchor: PlacedLabel['anchor']): PlacedLabel => ({ x: r1(lx), y: r1(ly), lines, anchor, box: labelBox(lines, lx, ly, fontSize, anchor) });

  if (reference) {
    const ry = reference.y;
    // The chart carries a short label; the notes under it carry the full description.
    const kg = `${formatNumber(options.reference!.kg)} kg`;
    // On the line where there is room; otherwise a row or two above it, tied to it by a short leader;
    // a two-line form for narrow charts.
    const spots = Array.from({ length: 16 }, (_, i) => plot.x + 4 + (i / 16) * plot.width);
    const candidates = [[`2015 deal's cap: ${kg}`], ['2015 cap:', kg]].flatMap((lines) =>
      [0, 1, 2, 3].flatMap((k) => spots.flatMap((lx) => [make(lines, lx, ry - 5 - k * LINE_HEIGHT - (lines.length - 1) * LINE_HEIGHT, 'start'), ...(k ? [] : [make(lines, lx, ry + fontSize + 3, 'start')])])),
    );
    reference.text = accept(firstClear(candidates, plot, obstacles));
    if (reference.text && reference.text.y < ry - 5) reference.leader = { x: r1(reference.text.x + 2), y1: r1(reference.text.box.y + reference.text.box.height), y2: ry };
    lineOf([{ x: plot.x, y: ry }, { x: plot.x + plot.width, y: ry }]);
  }
  for (const a of annotations) lineOf([{ x: a.x, y: plot.y }, { x: a.x, y: plot.y + plot.height }]);
  for (const a of annotations) {
    const candidates: PlacedLabel[] = [];
    // Narrower wraps are tried too, so a label can fit a narrow band (such as the unverified period).
    for (const width of narrow ? [11, 8] : [16, 11, 8]) {
      const lines = wrapLabel(a.label, width);
      for (let row = 0; row < 8; row++) {
        const ly = plot.y + fontSize + row * LINE_HEIGHT;
        candidates.push(make(lines, a.x + 4, ly, 'start'), make(lines, a.x - 4, ly, 'end'));
      }
    }
    a.text = accept(firstClear(candidates, plot, obstacles));
  }
  // Gap labels run upright inside their band when it is wide enough, so they never spill onto data.
  for (const gap of gaps) {
    const text = 'Not verified';
    if (gap.x1 - gap.x0 < fontSize + 6) continue;
    const cx = (gap.x0 + gap.x1) / 2;
    const length = textWidth(text, fontSize);
    const spots = [0.5, 0.62, 0.75, 0.38].map((f) => plot.y + f * plot.height);
    gap.label = accept(
      firstClear(
        spots.map((cy) => ({ x: r1(cx + fontSize * 0.35), y: r1(cy), lines: [text], anchor: 'middle' as const, box: { x: cx - fontSize / 2, y: cy - length / 2, width: fontSize, height: length } })),
        plot,
        obstacles,
      ),
    );
  }
  for (const s of series) {
    const end = s.points.at(-1);
    if (!end) continue;
    const value = amountAt(rows.filter((r) => amountAt(r, s.level) !== undefined).at(-1)!, s.level)!;
    const lines = [`${LEVEL_SHORT[s.level]}: ${formatNumber(value, 0)} kg`];
    const candidates = [make(lines, end.x - 6, end.y - 8, 'end'), make(lines, end.x - 6, end.y + fontSize + 6, 'end'), make(lines, end.x + 6, end.y + 4, 'start'), make(lines, end.x - 10, end.y + 4, 'end')];
    s.end = accept(firstClear(candidates, plot, obstacles));
  }

  const reports = rows.map((r, i) => {
    const cx = x(r.date);
    const prev = i > 0 ? x(rows[i - 1]!.date) : margin.left;
    const next = i < rows.length - 1 ? x(rows[i + 1]!.date) : size.width - margin.right;
    return { x: r1(cx), x0: r1(i > 0 ? (prev + cx) / 2 : cx - 6), x1: r1(i < rows.length - 1 ? (cx + next) / 2 : cx + 6), date: isoDay(r.date), text: describeReport(r) };
  });
  return { size, margin, fontSize, xTicks, yTicks, series, gaps, reference, annotations, reports };
}

/**
 * The notes under a stockpile chart, built from what that chart draws: each series' first and
 * last figure and the reports where its line breaks, with the reason from datasets.yaml; the cap
 * line, the shaded gaps, the dots and the dotted event lines only when they are drawn.
 */
export function stockpileNotes(g: StockpileGeometry, allRows: StockpileRow[], options: { levels: readonly StockpileLevel[]; from?: Date | undefined; to?: Date | undefined; why: Partial<Record<StockpileLevel, string>>; referenceNote?: string | undefined }): string[] {
  const rows = stockpileRowsIn(allRows, options.from, options.to);
  const notes: string[] = [];
  for (const level of options.levels) {
    const withFigure = rows.filter((r) => amountAt(r, level) !== undefined);
    if (!withFigure.length) {
      notes.push(`${LEVEL_LABELS[level]}: no figure in this period.${options.why[level] ? ` ${options.why[level]}` : ''}`);
      continue;
    }
    const firstR = withFigure[0]!;
    const lastR = withFigure.at(-1)!;
    const missing = rows.filter((r) => r.date > firstR.date && r.date < lastR.date && r.status !== 'not-verified' && amountAt(r, level) === undefined);
    const breaks = missing.length ? ` The line breaks at ${missing.length === 1 ? 'one report' : `${missing.length} reports`} whose figure for this level was not found in the sources read (${missing.map((r) => formatMonth(r.date)).join(', ')}).` : '';
    notes.push(`${LEVEL_LABELS[level]}: ${withFigure.length} figures, ${formatMonth(firstR.date)} to ${formatMonth(lastR.date)}.${breaks}${options.why[level] ? ` ${options.why[level]}` : ''}`);
  }
  if (options.levels.includes('total') && options.levels.includes('u5')) {
    const same = rows.filter((r) => r.total_kg !== undefined && r.u_up_to_5_kg !== undefined && Math.abs(r.total_kg - r.u_up_to_5_kg) < 0.05);
    if (same.length) notes.push(`Until ${formatMonth(same.at(-1)!.date)} all of the stockpile was enriched to 5 % or less, so the total and the up-to-5 % lines coincide; the total is drawn on top.`);
  }
  if (g.reference) notes.push(`Dashed line: ${options.referenceNote ?? g.reference.label}.`);
  for (const gap of g.gaps) notes.push(`Shaded, ${formatMonth(new Date(gap.from))} to ${formatMonth(new Date(gap.to))}: the IAEA reported that it could not verify the stockpile, so nothing is drawn there.`);
  const points = g.series.flatMap((s) => s.points);
  if (points.some((p) => !p.estimate)) notes.push('Filled dots: figures the IAEA verified.');
  if (points.some((p) => p.estimate)) notes.push('Open dots: IAEA estimates made without full access.');
  if (g.annotations.length) notes.push(`Dotted lines: ${g.annotations.map((a) => `${a.label} (${formatDate(a.date)})`).join('; ')}.`);
  return notes.map(typesetNumbers);
}

/** Every essay that shows the stockpile, the chart page and its embed page draw the same chart: once. */
export const stockpileGeometry: (allRows: StockpileRow[], options: StockpileOptions) => StockpileGeometry = drawnOnce(drawStockpile);
