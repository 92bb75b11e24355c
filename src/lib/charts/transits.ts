/**
 * Geometry of the Hormuz transits chart: published counts of ships crossing the strait, each drawn
 * at its daily rate across the days it covers (a bar for a run of days, a dot for one day), against
 * the pre-war level as a reference line, with the war, the ceasefire and the blockade marked.
 * Counts over a week and over a day share one axis because both are turned into ships a day.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { utcMonth } from 'd3-time';
import { max, mean } from 'd3-array';
import type { TransitRow } from '../data/schemas.ts';
import { formatDate, MONTHS } from '../dates.ts';
import { CHART_FONT, drawnOnce, LINE_HEIGHT, firstClear, formatNumber, labelBox, r1, typesetChartText, wrapLabel, type Box, type Margin, type Obstacles, type Size } from './common.ts';
import { typesetNumbers } from '../typesetting.ts';
import type { PlacedLabel } from './stockpile.ts';

const DAY_MS = 86_400_000;

/** Days a row covers, counting both ends (a 24-hour count is one day). */
export function daysCovered(r: Pick<TransitRow, 'start' | 'end'>): number {
  return Math.round((r.end.getTime() - r.start.getTime()) / DAY_MS) + 1;
}

/** Ships a day: the source's own average, or its count spread over the days it covers. */
export function dailyRate(r: Pick<TransitRow, 'start' | 'end' | 'transits' | 'daily_average'>): number {
  return r.daily_average ?? r.transits! / daysCovered(r);
}

/** "1–11 March 2026", "4 March 2026", "28 February – 3 March 2026". */
export function formatPeriod(start: Date, end: Date): string {
  if (start.getTime() === end.getTime()) return formatDate(start);
  const sameYear = start.getUTCFullYear() === end.getUTCFullYear();
  if (sameYear && start.getUTCMonth() === end.getUTCMonth()) return `${start.getUTCDate()}–${formatDate(end)}`;
  return `${sameYear ? `${start.getUTCDate()} ${MONTHS[start.getUTCMonth()]}` : formatDate(start)} – ${formatDate(end)}`;
}

export function describeTransitRow(r: TransitRow): string {
  const rate = dailyRate(r);
  const count = r.transits === undefined ? `an average of ${formatNumber(r.daily_average!)} ships a day` : `${formatNumber(r.transits, 0)} ${r.transits === 1 ? 'ship' : 'ships'}`;
  const perDay = r.transits !== undefined && daysCovered(r) > 1 ? `, about ${formatNumber(rate, rate < 10 ? 1 : 0)} a day` : '';
  return `${formatPeriod(r.start, r.end)}: ${count}${perDay} (counted by ${r.counted_by}).`;
}

export interface TransitMark {
  x0: number;
  x1: number;
  y: number;
  /** A count for one day is a dot; a count over several days, a bar across them. */
  single: boolean;
  rate: number;
  text: string;
  label?: PlacedLabel | undefined;
}

export interface TransitsGeometry {
  size: Size;
  margin: Margin;
  fontSize: number;
  plot: Box;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  baseline?: { y: number; rate: number; text: string; label?: PlacedLabel | undefined } | undefined;
  marks: TransitMark[];
  annotations: { x: number; date: Date; label: string; text?: PlacedLabel | undefined }[];
  /** The longest stretch with no count at all, when it is long enough to need saying. */
  gap?: { x0: number; x1: number; from: Date; to: Date; label?: PlacedLabel | undefined } | undefined;
}

export interface TransitsOptions {
  size: Size;
  /** Rows that end before this date are the pre-war comparison. */
  baselineBefore: Date;
  annotations?: { date: Date; label: string }[];
}

export function splitTransitRows(rows: TransitRow[], baselineBefore: Date) {
  return { baselineRows: rows.filter((r) => r.end < baselineBefore), periodRows: rows.filter((r) => r.end >= baselineBefore) };
}

/** A stretch without counts shorter than this is not called out. */
const GAP_WORTH_NAMING_DAYS = 21;

function drawTransits(rows: TransitRow[], options: TransitsOptions): TransitsGeometry {
  const { size } = options;
  const narrow = size.width < 500;
  const fontSize = narrow ? CHART_FONT.narrow : CHART_FONT.wide;
  const margin: Margin = { top: 22, right: narrow ? 10 : 16, bottom: 30, left: narrow ? 38 : 44 };
  const plot: Box = { x: margin.left, y: margin.top, width: size.width - margin.left - margin.right, height: size.height - margin.top - margin.bottom };
  const { baselineRows, periodRows } = splitTransitRows(rows, options.baselineBefore);
  const baselineRate = baselineRows.length ? mean(baselineRows, dailyRate)! : undefined;
  const firstDay = new Date(Math.min(options.baselineBefore.getTime() - 10 * DAY_MS, ...periodRows.map((r) => r.start.getTime())));
  const lastDay = new Date(Math.max(...periodRows.map((r) => r.end.getTime() + 10 * DAY_MS), ...(options.annotations ?? []).map((a) => a.date.getTime() + 10 * DAY_MS)));
  const x = scaleUtc().domain([firstDay, lastDay]).range([plot.x, plot.x + plot.width]);
  const top = Math.max(baselineRate ?? 0, max(periodRows, dailyRate) ?? 0, 1);
  const y = scaleLinear().domain([0, top]).nice(4).range([plot.y + plot.height, plot.y + fontSize + 4]);

  const months = utcMonth.range(utcMonth.ceil(firstDay), lastDay);
  const xTicks = months.map((m, i) => ({ x: r1(x(m)), label: i === 0 || m.getUTCMonth() === 0 ? `${MONTHS[m.getUTCMonth()]!.slice(0, 3)} ${m.getUTCFullYear()}` : MONTHS[m.getUTCMonth()]!.slice(0, 3) }));
  const yTicks = y.ticks(4).map((v) => ({ y: r1(y(v)), label: formatNumber(v, 0) }));

  const marks: TransitMark[] = periodRows.map((r) => {
    const rate = dailyRate(r);
    const single = daysCovered(r) === 1;
    const x0 = x(r.start);
    const x1 = x(new Date(r.end.getTime() + DAY_MS));
    return { x0: r1(single ? (x0 + x1) / 2 : x0), x1: r1(single ? (x0 + x1) / 2 : x1), y: r1(y(rate)), single, rate, text: describeTransitRow(r) };
  });
  const annotations: TransitsGeometry['annotations'] = (options.annotations ?? []).map((a) => ({ x: r1(x(a.date)), date: a.date, label: a.label }));

  let gap: TransitsGeometry['gap'];
  const sorted = [...periodRows].sort((a, b) => a.start.getTime() - b.start.getTime());
  let coveredTo = sorted[0]?.end;
  for (const r of sorted.slice(1)) {
    const days = (r.start.getTime() - coveredTo!.getTime()) / DAY_MS;
    if (days > GAP_WORTH_NAMING_DAYS && (!gap || days > (gap.to.getTime() - gap.from.getTime()) / DAY_MS)) {
      gap = { x0: r1(x(new Date(coveredTo!.getTime() + DAY_MS))), x1: r1(x(r.start)), from: new Date(coveredTo!.getTime() + DAY_MS), to: new Date(r.start.getTime() - DAY_MS) };
    }
    if (r.end > coveredTo!) coveredTo = r.end;
  }

  // Labels, placed one at a time clear of the marks, the lines and each other.
  const obstacles: Obstacles = {
    boxes: marks.map((m) => ({ x: m.x0 - 5, y: m.y - 5, width: m.x1 - m.x0 + 10, height: 10 })),
    lines: annotations.map((a) => [{ x: a.x, y: plot.y }, { x: a.x, y: plot.y + plot.height }]),
  };
  const make = (lines: string[], lx: number, ly: number, anchor: PlacedLabel['anchor']): PlacedLabel => ({ x: r1(lx), y: r1(ly), lines, anchor, box: labelBox(lines, lx, ly, fontSize, anchor) });
  // Value labels may cross the thin event lines (they carry a halo); other labels keep clear of them.
  const place = (candidates: PlacedLabel[], crossEventLines = false) => {
    const found = firstClear(candidates, plot, crossEventLines ? { boxes: obstacles.boxes, lines: [] } : obstacles);
    if (found) obstacles.boxes.push(found.box);
    return found;
  };

  let baseline: TransitsGeometry['baseline'];
  if (baselineRate !== undefined) {
    const by = r1(y(baselineRate));
    const periods = baselineRows.map((r) => formatPeriod(r.start, r.end)).join('; ');
    baseline = { y: by, rate: baselineRate, text: `Before the war: about ${formatNumber(baselineRate, 0)} ships a day (${periods}).` };
    const level = formatNumber(baselineRate, 0);
    const forms = [[`Before the war: about ${level} ships a day`], [`Before the war: about ${level} a day`], ['Before the war:', `about ${level} a day`]];
    const spots = Array.from({ length: 16 }, (_, i) => plot.x + 4 + (i / 16) * plot.width);
    baseline.label = place(forms.flatMap((lines) => spots.flatMap((lx) => [make(lines, lx, by - 6 - (lines.length - 1) * LINE_HEIGHT, 'start'), make(lines, lx, by + fontSize + 4, 'start')])));
    obstacles.lines.push([{ x: plot.x, y: by }, { x: plot.x + plot.width, y: by }]);
  }
  for (const a of annotations) {
    const lines = wrapLabel(a.label, narrow ? 10 : 18);
    const candidates: PlacedLabel[] = [];
    for (let row = 0; row < 5; row++) {
      const ly = plot.y + fontSize + row * LINE_HEIGHT;
      candidates.push(make(lines, a.x + 4, ly, 'start'), make(lines, a.x - 4, ly, 'end'));
    }
    a.text = place(candidates);
  }
  // The first count after the war began tells the story, then the latest, then the rest.
  const order = [...marks.keys()].sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : a === marks.length - 1 ? -1 : b === marks.length - 1 ? 1 : a - b));
  for (const i of order) {
    const m = marks[i]!;
    const value = formatNumber(m.rate, m.rate < 10 && !m.single ? 1 : 0);
    const lines = [m.single ? `${value} on the day` : `${value} a day`];
    const cx = (m.x0 + m.x1) / 2;
    m.label = place([
      make(lines, cx, m.y - 9, 'middle'),
      make(lines, m.x1 + 7, m.y + fontSize / 3, 'start'),
      make(lines, m.x1 + 7, m.y - 6, 'start'),
      make(lines, m.x1 + 7, m.y - 6 - LINE_HEIGHT, 'start'),
      make(lines, cx, m.y + fontSize + 8, 'middle'),
      make(lines, m.x0 - 7, m.y + fontSize / 3, 'end'),
      make(lines, cx, m.y - 9 - LINE_HEIGHT, 'middle'),
      make(lines, cx, m.y + fontSize + 8 + LINE_HEIGHT, 'middle'),
    ], true);
  }
  if (gap) {
    const width = gap.x1 - gap.x0;
    const lines = wrapLabel('No count from a source we could check', Math.max(8, Math.min(20, Math.floor(width / (fontSize * 0.6)) - 1)));
    const candidates: PlacedLabel[] = [];
    for (let f = 0.35; f <= 0.85; f += 0.1) {
      for (let g = 0.5; g <= 0.9; g += 0.1) candidates.push(make(lines, gap.x0 + g * width, plot.y + f * plot.height, 'middle'));
    }
    gap.label = place(candidates);
  }
  return { size, margin, fontSize, plot, xTicks, yTicks, baseline, marks, annotations, gap };
}

/** Title and takeaway, computed from the rows so they follow the data. */
export function transitsFinding(rows: TransitRow[], baselineBefore: Date) {
  const { baselineRows, periodRows } = splitTransitRows(rows, baselineBefore);
  const before = baselineRows.length ? mean(baselineRows, dailyRate)! : undefined;
  const firstCount = [...periodRows].sort((a, b) => a.start.getTime() - b.start.getTime() || daysCovered(b) - daysCovered(a))[0];
  const latest = [...periodRows].sort((a, b) => a.end.getTime() - b.end.getTime()).at(-1);
  const round = (v: number) => formatNumber(v, 0);
  const title =
    before !== undefined && firstCount
      ? `Ships through the Strait of Hormuz fell from about ${round(before)} a day to about ${round(dailyRate(firstCount))} once the war began`
      : 'Ships through the Strait of Hormuz, as counted by trackers and navies';
  const takeaway = [
    before !== undefined ? `Before the war: about ${round(before)} ships a day (${baselineRows.map((r) => `${formatPeriod(r.start, r.end)}, ${r.counted_by}`).join('; ')}).` : '',
    firstCount ? `${formatPeriod(firstCount.start, firstCount.end)}: ${describeTransitRow(firstCount).split(': ').slice(1).join(': ')}` : '',
    latest && latest !== firstCount ? `Latest count: ${describeTransitRow(latest)}` : '',
    'Counters differ in what they count, so compare rows with care.',
  ]
    .filter(Boolean)
    .join(' ');
  return typesetChartText({ title, takeaway, description: `Chart of ships crossing the Strait of Hormuz a day, from published counts, around the war that began in ${formatDate(baselineBefore, 'month')}. ${takeaway}` });
}

/** The notes under the chart, built from what it draws. */
export function transitsNotes(g: TransitsGeometry): string[] {
  const notes: string[] = [];
  if (g.baseline) notes.push(`Dashed line: ${g.baseline.text.replace(/^Before the war: /, 'the level before the war, ')}`);
  if (g.marks.some((m) => !m.single)) notes.push('Bars: a count over several days, drawn across those days at its daily average.');
  if (g.marks.some((m) => m.single)) notes.push('Dots: a count for a single day.');
  if (g.gap) notes.push(`${formatDate(g.gap.from)} to ${formatDate(g.gap.to)}: we found no count from a source we could check, so nothing is drawn.`);
  if (g.marks.some((m) => !m.label)) notes.push('Counts the chart has no room to label are in the table below and in the tooltips.');
  if (g.annotations.length) notes.push(`Dotted lines: ${g.annotations.map((a) => `${a.label} (${formatDate(a.date)})`).join('; ')}.`);
  return notes.map(typesetNumbers);
}

/** Drawn once per build for each size and range (see drawnOnce). */
export const transitsGeometry: (rows: TransitRow[], options: TransitsOptions) => TransitsGeometry = drawnOnce(drawTransits);
