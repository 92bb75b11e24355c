/**
 * Geometry of the timeline: events in lanes by category along a time axis. The build draws the SVG
 * with it, and the browser calls the same functions with another date range to zoom and pan, so
 * the two can never disagree. No DOM code here, and only d3-time: this module ships to the browser.
 *
 * Layout rule: no two marks may take each other's pointer. Every mark owns a circle of one "pitch"
 * in diameter (its hit area); marks closer than that in a lane are stacked in rows above and below
 * the lane's line, and where a lane has no row left, the events that collide are drawn as one
 * labelled group that opens when the reader zooms in (as clusters on a map do).
 */
import { utcDay, utcMonday, utcMonth, utcYear, type TimeInterval } from 'd3-time';
import { MONTHS } from '../dates.ts';
import { TOPIC_LABELS, type Topic } from '../topics.ts';
import { r1, type Margin, type Size } from './common.ts';

/** What the timeline needs to know about an event. The data file's rows carry more. */
export interface TimelinePoint {
  id: string;
  when: Date;
  category: Topic;
  title: string;
  precision: 'day' | 'month';
}

export type TimelineVariant = 'narrow' | 'wide';

/** The drawing's measures for one variant, in SVG units (about CSS pixels at 390 and 1280 px). */
export interface TimelineStyle {
  margin: Margin;
  /** Diameter of a mark's hit area, and the distance between rows. */
  pitch: number;
  dotRadius: number;
  /** Rows a lane may stack before colliding marks are grouped. */
  maxRows: number;
  /** Space between lanes, and (narrow only) the band above a lane that holds its label. */
  laneGap: number;
  labelBand: number;
  fontSize: number;
  maxTicks: number;
}

const FONT_SIZE = 12;
/** Wide lanes have their labels on the left: room for the longest topic, in bold. */
const WIDE_LABEL_ROOM = Math.ceil(Math.max(...Object.values(TOPIC_LABELS).map((l) => l.length * FONT_SIZE * 0.62))) + 16;

export const TIMELINE_STYLES: Record<TimelineVariant, TimelineStyle> = {
  narrow: { margin: { top: 0, right: 6, bottom: 26, left: 6 }, pitch: 20, dotRadius: 6.5, maxRows: 3, laneGap: 4, labelBand: 17, fontSize: FONT_SIZE, maxTicks: 5 },
  wide: { margin: { top: 0, right: 14, bottom: 26, left: WIDE_LABEL_ROOM }, pitch: 18, dotRadius: 6.5, maxRows: 5, laneGap: 10, labelBand: 0, fontSize: FONT_SIZE, maxTicks: 10 },
};

export function timelineVariant(width: number): TimelineVariant {
  return width < 500 ? 'narrow' : 'wide';
}

export const MS_PER_DAY = 86_400_000;
/** The closest zoom: two weeks across the whole width. */
export const MIN_SPAN_MS = 14 * MS_PER_DAY;

export interface TimelineLane {
  category: Topic;
  label: string;
  /** The band the lane owns, its line (row 0) and where its label sits. */
  top: number;
  height: number;
  y: number;
  labelX: number;
  labelY: number;
  rows: number;
}

export interface EventMark {
  kind: 'event';
  key: string;
  id: string;
  category: Topic;
  x: number;
  y: number;
}

export interface ClusterMark {
  kind: 'cluster';
  key: string;
  category: Topic;
  /** The pill's left and right edges and its centre line. */
  x0: number;
  x1: number;
  y: number;
  ids: string[];
  first: Date;
  last: Date;
}

export type TimelineItem = EventMark | ClusterMark;

export interface TimelineTick {
  x: number;
  /** Empty when the label would not fit before the right edge (the tick line is still drawn). */
  label: string;
  when: Date;
}

export interface TimelineGeometry {
  variant: TimelineVariant;
  style: TimelineStyle;
  size: Size;
  plot: { left: number; right: number; top: number; bottom: number };
  lanes: TimelineLane[];
  items: TimelineItem[];
  ticks: TimelineTick[];
  domain: [Date, Date];
  bounds: [Date, Date];
}

export interface TimelineOptions {
  width: number;
  /** The part of the time axis shown. */
  domain: [Date, Date];
  /** The whole chart's range: lane heights are measured at it, so zooming never changes the height. */
  bounds: [Date, Date];
  /** Lanes, top to bottom. */
  categories: readonly Topic[];
}

/** The x position of a time, for a plot from `left` to `right` (marks are inset by half a pitch). */
export function scaleX(domain: readonly [Date, Date], left: number, right: number, inset: number): (t: number) => number {
  const [d0, d1] = [domain[0].getTime(), domain[1].getTime()];
  const k = (right - left - 2 * inset) / Math.max(1, d1 - d0);
  return (t) => left + inset + (t - d0) * k;
}

/** The time at an x position: the inverse of scaleX, for pointer positions. */
export function timeAtX(g: Pick<TimelineGeometry, 'domain' | 'plot' | 'style'>, x: number): number {
  const [d0, d1] = [g.domain[0].getTime(), g.domain[1].getTime()];
  const inset = g.style.pitch / 2;
  return d0 + ((x - g.plot.left - inset) / (g.plot.right - g.plot.left - 2 * inset)) * (d1 - d0);
}

/** Milliseconds per SVG unit along the axis, for turning a drag into a pan. */
export function msPerUnit(g: Pick<TimelineGeometry, 'domain' | 'plot' | 'style'>): number {
  return (g.domain[1].getTime() - g.domain[0].getTime()) / (g.plot.right - g.plot.left - g.style.pitch);
}

/** Row order from the lane's line outwards: 0, above, below, two above, two below… */
function rowOffset(row: number): number {
  return row === 0 ? 0 : row % 2 === 1 ? -(row + 1) / 2 : row / 2;
}

/**
 * Assigns each position (sorted ascending) the first row, in rowOffset order, whose last mark is
 * at least `pitch` to its left. Greedy by position is optimal for intervals: the number of rows
 * used is the most marks that fall within one pitch of each other.
 */
export function stackRows(xs: readonly number[], pitch: number): number[] {
  const lastInRow: number[] = [];
  return xs.map((x) => {
    let row = lastInRow.findIndex((last) => x - last >= pitch - 1e-6);
    if (row === -1) row = lastInRow.length;
    lastInRow[row] = x;
    return row;
  });
}

/** Marks within one pitch of their neighbour form a group that must be laid out together. */
function splitWhereApart(xs: readonly number[], pitch: number): [number, number][] {
  const groups: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= xs.length; i++) {
    if (i === xs.length || xs[i]! - xs[i - 1]! >= pitch - 1e-6) {
      groups.push([start, i]);
      start = i;
    }
  }
  return groups;
}

/** How many rows each lane gets: what its busiest moment needs over the whole range, capped. */
export function laneRows(points: readonly TimelinePoint[], options: Omit<TimelineOptions, 'domain'>): Map<Topic, number> {
  const style = TIMELINE_STYLES[timelineVariant(options.width)];
  const plot = plotBox(options.width, style);
  const x = scaleX(options.bounds, plot.left, plot.right, style.pitch / 2);
  const rows = new Map<Topic, number>();
  for (const category of options.categories) {
    const xs = inDomain(points, category, options.bounds).map((p) => x(p.when.getTime()));
    const used = Math.max(1, ...stackRows(xs, style.pitch).map((r) => r + 1));
    rows.set(category, Math.min(style.maxRows, used));
  }
  return rows;
}

function plotBox(width: number, style: TimelineStyle): { left: number; right: number } {
  return { left: style.margin.left, right: width - style.margin.right };
}

function inDomain(points: readonly TimelinePoint[], category: Topic, domain: readonly [Date, Date]): TimelinePoint[] {
  const [d0, d1] = [domain[0].getTime(), domain[1].getTime()];
  return points.filter((p) => p.category === category && p.when.getTime() >= d0 && p.when.getTime() <= d1).sort((a, b) => a.when.getTime() - b.when.getTime());
}

/** A group's count as its pill shows it: "12", "1.7k" (the exact number is in its label). */
export function clusterCount(count: number): string {
  return count < 1000 ? String(count) : `${(count / 1000).toFixed(1).replace(/\.0$/, '')}k`;
}

/** The width of a group's count label, for sizing its pill: "12" needs more room than "6". */
export function clusterLabelWidth(count: number, fontSize: number): number {
  return clusterCount(count).length * fontSize * 0.62 + 10;
}

/** A long run of crowded events is shown as several pills at most this many pitches wide. */
const MAX_PILL_PITCHES = 5;

/** Lanes, then marks and groups for the events in view, then axis ticks. */
export function timelineGeometry(points: readonly TimelinePoint[], options: TimelineOptions): TimelineGeometry {
  const variant = timelineVariant(options.width);
  const style = TIMELINE_STYLES[variant];
  const { pitch } = style;
  const rowsByLane = laneRows(points, options);

  let top = style.margin.top;
  const lanes: TimelineLane[] = options.categories.map((category) => {
    const rows = rowsByLane.get(category)!;
    const above = Math.floor(rows / 2);
    const bandTop = top;
    // The gap is split above and below the rows, so each lane's band holds its marks in the middle.
    const y = bandTop + style.laneGap / 2 + style.labelBand + above * pitch + pitch / 2;
    const height = style.labelBand + rows * pitch + style.laneGap;
    top += height;
    const labelX = variant === 'wide' ? style.margin.left - 10 : style.margin.left;
    const labelY = variant === 'wide' ? y + style.fontSize * 0.35 : bandTop + style.laneGap / 2 + style.fontSize;
    return { category, label: TOPIC_LABELS[category], top: bandTop, height, y, labelX, labelY, rows };
  });
  const plotBottom = top;
  const size = { width: options.width, height: r1(plotBottom + style.margin.bottom) };
  const plot = { ...plotBox(options.width, style), top: style.margin.top, bottom: plotBottom };
  const x = scaleX(options.domain, plot.left, plot.right, pitch / 2);

  const items: TimelineItem[] = [];
  for (const lane of lanes) items.push(...laneItems(inDomain(points, lane.category, options.domain), lane, x, plot, style));

  return { variant, style, size, plot, lanes, items, ticks: axisTicks(options.domain, x, options.width, style), domain: options.domain, bounds: options.bounds };
}

interface Group {
  points: TimelinePoint[];
  xs: number[];
  clustered: boolean;
  /** Pill edges fixed by splitting a long run (otherwise they follow the events and the count). */
  edges?: [number, number];
}

/**
 * Splits a long crowded run into pills of at most MAX_PILL_PITCHES, cut halfway between events,
 * so that at thousands of events a lane still shows where events are densest and a tap on one
 * part zooms into that part.
 */
function splitLongRun(g: Group, pitch: number): Group[] {
  const max = MAX_PILL_PITCHES * pitch;
  if (!g.clustered || g.xs.at(-1)! - g.xs[0]! + pitch <= max) return [g];
  const pieces: Group[] = [];
  let start = 0;
  for (let i = 1; i <= g.xs.length; i++) {
    if (i === g.xs.length || g.xs[i]! - g.xs[start]! + pitch > max) {
      pieces.push({ points: g.points.slice(start, i), xs: g.xs.slice(start, i), clustered: true });
      start = i;
    }
  }
  pieces.forEach((p, k) => {
    const before = pieces[k - 1];
    const after = pieces[k + 1];
    p.edges = [before ? (before.xs.at(-1)! + p.xs[0]!) / 2 + 1 : p.xs[0]! - pitch / 2, after ? (p.xs.at(-1)! + after.xs[0]!) / 2 - 1 : p.xs.at(-1)! + pitch / 2];
  });
  return pieces;
}

function laneItems(lanePoints: TimelinePoint[], lane: TimelineLane, x: (t: number) => number, plot: { left: number; right: number }, style: TimelineStyle): TimelineItem[] {
  const { pitch } = style;
  const xs = lanePoints.map((p) => x(p.when.getTime()));
  const groups: Group[] = splitWhereApart(xs, pitch).flatMap(([a, b]) => {
    const gx = xs.slice(a, b);
    return splitLongRun({ points: lanePoints.slice(a, b), xs: gx, clustered: Math.max(...stackRows(gx, pitch)) + 1 > lane.rows }, pitch);
  });
  // A group's pill is at least as wide as its count; a widened pill that reaches a neighbour
  // swallows it, until nothing overlaps.
  const pill = (g: Group): [number, number] => {
    if (g.edges) return [Math.max(plot.left, g.edges[0]), Math.min(plot.right, g.edges[1])];
    const mid = (g.xs[0]! + g.xs.at(-1)!) / 2;
    const half = Math.max(g.xs.at(-1)! - g.xs[0]! + pitch, clusterLabelWidth(g.points.length, style.fontSize)) / 2;
    return [Math.max(plot.left, mid - half), Math.min(plot.right, mid + half)];
  };
  const extent = (g: Group): [number, number] => (g.clustered ? pill(g) : [g.xs[0]! - pitch / 2, g.xs.at(-1)! + pitch / 2]);
  for (let i = 0; i + 1 < groups.length; ) {
    const [a, b] = [groups[i]!, groups[i + 1]!];
    if ((a.clustered || b.clustered) && extent(a)[1] > extent(b)[0] + 1e-6) {
      const merged: Group = { points: [...a.points, ...b.points], xs: [...a.xs, ...b.xs], clustered: true };
      if (a.edges || b.edges) merged.edges = [extent(a)[0], extent(b)[1]];
      groups.splice(i, 2, merged);
      i = Math.max(0, i - 1);
    } else i++;
  }
  const items: TimelineItem[] = [];
  for (const g of groups) {
    if (g.clustered) {
      const [x0, x1] = pill(g);
      items.push({ kind: 'cluster', key: `${lane.category}:${g.points[0]!.id}`, category: lane.category, x0: r1(x0), x1: r1(x1), y: r1(lane.y), ids: g.points.map((p) => p.id), first: g.points[0]!.when, last: g.points.at(-1)!.when });
    } else {
      const rows = stackRows(g.xs, pitch);
      g.points.forEach((p, i) => items.push({ kind: 'event', key: p.id, id: p.id, category: lane.category, x: r1(g.xs[i]!), y: r1(lane.y + rowOffset(rows[i]!) * pitch) }));
    }
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Axis ticks: years, then months, then days as the view narrows. Labels never repeat (a month
// name is shown alone only when the view is shorter than a year) and never run past the edge.

type TickUnit = 'year' | 'month' | 'day';
const TICK_STEPS: { interval: TimeInterval; unit: TickUnit }[] = [
  { interval: utcDay, unit: 'day' },
  { interval: utcDay.every(2)!, unit: 'day' },
  { interval: utcMonday, unit: 'day' },
  { interval: utcMonth, unit: 'month' },
  { interval: utcMonth.every(2)!, unit: 'month' },
  { interval: utcMonth.every(3)!, unit: 'month' },
  { interval: utcMonth.every(6)!, unit: 'month' },
  { interval: utcYear, unit: 'year' },
  { interval: utcYear.every(2)!, unit: 'year' },
  { interval: utcYear.every(5)!, unit: 'year' },
  { interval: utcYear.every(10)!, unit: 'year' },
];
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));
/** Tick labels start just right of their tick line: the label names the period that begins there. */
export const TICK_LABEL_DX = 3;

/** Tick labels for one interval; `withYear` shows the year on every label. */
function tickLabels(dates: readonly Date[], unit: TickUnit, withYear: boolean): string[] {
  return dates.map((d, i) => {
    const year = d.getUTCFullYear();
    const month = SHORT_MONTHS[d.getUTCMonth()]!;
    const yearHere = withYear || i === 0 || year !== dates[i - 1]!.getUTCFullYear();
    if (unit === 'year') return String(year);
    if (unit === 'month') return yearHere ? `${month} ${year}` : month;
    return yearHere ? `${d.getUTCDate()} ${month} ${year}` : `${d.getUTCDate()} ${month}`;
  });
}

/**
 * A label's width in SVG units, a little generously, from the charts' face (DejaVu Sans): digits
 * are 0.64 em ("2023" is 30.5 px at 12 px), a space 0.32 em, capitals up to about 0.72 em and
 * lower-case letters about 0.62 em at most in month names.
 */
export function labelWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /\d/.test(ch) ? 0.64 : ch === ' ' ? 0.32 : /[A-Z]/.test(ch) ? 0.72 : 0.62;
  return em * fontSize;
}

export function axisTicks(domain: readonly [Date, Date], x: (t: number) => number, width: number, style: TimelineStyle): TimelineTick[] {
  const [d0, d1] = domain;
  const spanDays = (d1.getTime() - d0.getTime()) / MS_PER_DAY;
  for (const step of TICK_STEPS) {
    const dates = step.interval.range(d0, new Date(d1.getTime() + 1));
    if (dates.length > style.maxTicks) continue;
    // Month and day names repeat from one year to the next: within a year they are unique.
    const labels = tickLabels(dates, step.unit, step.unit === 'month' && spanDays >= 360);
    const xs = dates.map((d) => x(d.getTime()));
    const room = Math.min(Infinity, ...xs.slice(1).map((v, i) => v - xs[i]!));
    if (room < Math.max(...labels.map((l) => labelWidth(l, style.fontSize))) + 12) continue;
    return dates.map((when, i) => {
      const label = xs[i]! + TICK_LABEL_DX + labelWidth(labels[i]!, style.fontSize) <= width ? labels[i]! : '';
      return { x: r1(xs[i]!), label, when };
    });
  }
  return [];
}


// ---------------------------------------------------------------------------------------------
// Zoom and pan: pure functions from one date range to the next, always inside the chart's bounds.

export type Domain = [Date, Date];

/** The range of `span` ms that puts time `anchor` at `fraction` (0 left, 1 right) of the axis. */
export function domainWithTimeAt(anchor: number, fraction: number, span: number, bounds: readonly [Date, Date]): Domain {
  const [lo, hi] = [bounds[0].getTime(), bounds[1].getTime()];
  const s = Math.min(hi - lo, Math.max(Math.min(MIN_SPAN_MS, hi - lo), span));
  const start = Math.max(lo, Math.min(anchor - fraction * s, hi - s));
  return [new Date(start), new Date(start + s)];
}

/** Zooms by `factor` (0.5 halves the span) keeping time `anchor` where it is on screen. */
export function zoomAround(domain: readonly [Date, Date], factor: number, anchor: number, bounds: readonly [Date, Date]): Domain {
  const [a, b] = [domain[0].getTime(), domain[1].getTime()];
  const fraction = Math.min(1, Math.max(0, (anchor - a) / (b - a)));
  return domainWithTimeAt(anchor, fraction, (b - a) * factor, bounds);
}

/** Moves the range by `ms` (negative: earlier), stopping at the ends. */
export function panBy(domain: readonly [Date, Date], ms: number, bounds: readonly [Date, Date]): Domain {
  const [a, b] = [domain[0].getTime(), domain[1].getTime()];
  return domainWithTimeAt(a + ms, 0, b - a, bounds);
}

export function sameDomain(a: readonly [Date, Date], b: readonly [Date, Date]): boolean {
  return a[0].getTime() === b[0].getTime() && a[1].getTime() === b[1].getTime();
}

export function isZoomedIn(domain: readonly [Date, Date], bounds: readonly [Date, Date]): boolean {
  return domain[1].getTime() - domain[0].getTime() < bounds[1].getTime() - bounds[0].getTime() - 1;
}

export function canZoomIn(domain: readonly [Date, Date]): boolean {
  return domain[1].getTime() - domain[0].getTime() > MIN_SPAN_MS + 1;
}

/** Opening a group: zoom to its events (with room around them), or at least to a third of the view. */
export function clusterDomain(cluster: Pick<ClusterMark, 'first' | 'last'>, domain: readonly [Date, Date], bounds: readonly [Date, Date]): Domain {
  const [f, l] = [cluster.first.getTime(), cluster.last.getTime()];
  const span = domain[1].getTime() - domain[0].getTime();
  const target = Math.min(span / 3, Math.max(MIN_SPAN_MS, (l - f) * 1.5));
  return domainWithTimeAt((f + l) / 2, 0.5, target, bounds);
}

/** Where an event is drawn in a geometry: its own mark, inside a group, or not in view. */
export function itemFor(g: Pick<TimelineGeometry, 'items'>, id: string): TimelineItem | undefined {
  return g.items.find((it) => (it.kind === 'event' ? it.id === id : it.ids.includes(id)));
}

/**
 * The range to show so that an event has its own mark: the current one if it already does;
 * otherwise panned to put the event in the middle, then zoomed in around it until its group opens.
 */
export function revealDomain(points: readonly TimelinePoint[], id: string, options: TimelineOptions): Domain {
  const point = points.find((p) => p.id === id);
  let domain: Domain = [options.domain[0], options.domain[1]];
  if (!point) return domain;
  const t = point.when.getTime();
  const [a, b] = [domain[0].getTime(), domain[1].getTime()];
  const margin = (b - a) * 0.04;
  if (t < a + margin || t > b - margin) domain = domainWithTimeAt(t, 0.5, b - a, options.bounds);
  for (let i = 0; i < 24; i++) {
    const g = timelineGeometry(points, { ...options, domain });
    if (itemFor(g, id)?.kind === 'event' || !canZoomIn(domain)) break;
    domain = zoomAround(domain, 0.5, t, options.bounds);
  }
  return domain;
}

// ---------------------------------------------------------------------------------------------
// Keyboard: ← → along a lane, ↑ ↓ to the nearest event in the next lane, Home/End to its ends.

export type TimelineKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

export function neighbourEvent(points: readonly TimelinePoint[], lanes: readonly Topic[], currentId: string, key: TimelineKey): string | undefined {
  const current = points.find((p) => p.id === currentId);
  if (!current) return undefined;
  const lane = (c: Topic) => points.filter((p) => p.category === c).sort((a, b) => a.when.getTime() - b.when.getTime());
  const own = lane(current.category);
  const i = own.findIndex((p) => p.id === currentId);
  if (key === 'ArrowLeft') return own[i - 1]?.id;
  if (key === 'ArrowRight') return own[i + 1]?.id;
  if (key === 'Home') return own[0]?.id;
  if (key === 'End') return own.at(-1)?.id;
  const step = key === 'ArrowUp' ? -1 : 1;
  for (let l = lanes.indexOf(current.category) + step; l >= 0 && l < lanes.length; l += step) {
    const other = lane(lanes[l]!);
    if (!other.length) continue;
    const t = current.when.getTime();
    return other.reduce((best, p) => (Math.abs(p.when.getTime() - t) < Math.abs(best.when.getTime() - t) ? p : best)).id;
  }
  return undefined;
}
