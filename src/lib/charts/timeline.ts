/**
 * Geometry of the timeline: events in lanes by category along a time axis. The build draws the
 * SVG with it, and the browser calls the same function with a narrower date range to zoom and pan.
 * No DOM code here, and only d3-time: this module ships to the browser, so it stays small.
 */
import { utcMonth, utcYear } from 'd3-time';
import { TOPICS, TOPIC_LABELS, type Topic } from '../topics.ts';
import { r1, type Margin, type Size } from './common.ts';

export interface TimelinePoint {
  id: string;
  when: Date;
  category: Topic;
}

export interface TimelineGeometry {
  size: Size;
  margin: Margin;
  lanes: { category: Topic; label: string; y: number; top: number; height: number }[];
  marks: { id: string; x: number; y: number; visible: boolean }[];
  ticks: { x: number; label: string }[];
  domain: [Date, Date];
}

export const LANE_HEIGHT = 34;
const MS_PER_DAY = 86_400_000;

export interface TimelineOptions {
  width: number;
  domain: [Date, Date];
  categories?: readonly Topic[];
}

export function timelineHeight(laneCount: number, margin: Margin): number {
  return margin.top + laneCount * LANE_HEIGHT + margin.bottom;
}

/** Tick labels: years when the range is long, months when zoomed in. */
function tickLabel(date: Date, spanDays: number): string {
  if (spanDays > 3 * 365) return String(date.getUTCFullYear());
  const month = date.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return date.getUTCMonth() === 0 || spanDays > 400 ? `${month} ${date.getUTCFullYear()}` : month;
}

/** Tick dates for a range: whole years (every 1, 2 or 5) or months (every 1, 3 or 6), about `count` of them. */
export function timeTicks(start: Date, end: Date, count: number): Date[] {
  const spanDays = (end.getTime() - start.getTime()) / MS_PER_DAY;
  const years = spanDays / 365.25;
  if (years >= count * 0.8) {
    const step = [1, 2, 5, 10].find((k) => years / k <= count * 1.3) ?? 10;
    return utcYear.every(step)!.range(start, new Date(end.getTime() + 1));
  }
  const months = spanDays / 30.4;
  const step = [1, 3, 6, 12].find((k) => months / k <= count * 1.3) ?? 12;
  return utcMonth.every(step)!.range(start, new Date(end.getTime() + 1));
}

export function timelineGeometry(events: TimelinePoint[], options: TimelineOptions): TimelineGeometry {
  const categories = options.categories ?? TOPICS;
  const narrow = options.width < 500;
  const margin: Margin = { top: 8, right: 12, bottom: 26, left: narrow ? 12 : 150 };
  const size = { width: options.width, height: timelineHeight(categories.length, margin) };
  const [d0, d1] = options.domain.map((d) => d.getTime()) as [number, number];
  const x = (d: Date) => margin.left + ((d.getTime() - d0) / (d1 - d0)) * (size.width - margin.left - margin.right);
  const lanes = categories.map((category, i) => {
    const top = margin.top + i * LANE_HEIGHT;
    return { category, label: TOPIC_LABELS[category], y: top + LANE_HEIGHT / 2 + (narrow ? 5 : 0), top, height: LANE_HEIGHT };
  });
  const laneOf = new Map(lanes.map((l) => [l.category, l]));
  const [start, end] = options.domain;
  const marks = events
    .filter((e) => laneOf.has(e.category))
    .map((e) => ({ id: e.id, x: r1(x(e.when)), y: laneOf.get(e.category)!.y, visible: e.when >= start && e.when <= end }));
  const spanDays = (end.getTime() - start.getTime()) / MS_PER_DAY;
  const ticks = timeTicks(start, end, narrow ? 4 : 9).map((d) => ({ x: r1(x(d)), label: tickLabel(d, spanDays) }));
  return { size, margin, lanes, marks, ticks, domain: options.domain };
}

/** Zooms a date range about a centre date by a factor (0.5 halves the span), within bounds. */
export function zoomDomain(domain: [Date, Date], factor: number, bounds: [Date, Date], centre?: Date): [Date, Date] {
  const [a, b] = domain.map((d) => d.getTime()) as [number, number];
  const [lo, hi] = bounds.map((d) => d.getTime()) as [number, number];
  const mid = centre ? centre.getTime() : (a + b) / 2;
  const span = Math.min(hi - lo, Math.max(60 * MS_PER_DAY, (b - a) * factor));
  let start = mid - span / 2;
  start = Math.max(lo, Math.min(start, hi - span));
  return [new Date(start), new Date(start + span)];
}

/** Moves a date range by a fraction of its span (negative: earlier), within bounds. */
export function panDomain(domain: [Date, Date], fraction: number, bounds: [Date, Date]): [Date, Date] {
  const [a, b] = domain.map((d) => d.getTime()) as [number, number];
  const [lo, hi] = bounds.map((d) => d.getTime()) as [number, number];
  const span = b - a;
  const start = Math.max(lo, Math.min(a + span * fraction, hi - span));
  return [new Date(start), new Date(start + span)];
}
