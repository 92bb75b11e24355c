/** Shared pieces of chart geometry: sizes, margins, number formats. Pure functions, no DOM. */
import { typesetNumbers } from '../typesetting.ts';

export interface Size {
  width: number;
  height: number;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Charts are drawn twice at build time, narrow and wide, and CSS shows the one that fits. */
export const CHART_SIZES = {
  narrow: { width: 360, height: 300 },
  wide: { width: 720, height: 380 },
} as const satisfies Record<string, Size>;
export type ChartSizeName = keyof typeof CHART_SIZES;

/**
 * Chart text size in SVG units, per drawn size. The narrow drawing is about as wide in CSS pixels
 * as a phone's column, so 13 units render at 12 CSS px or more at 390 px (a browser test measures it).
 */
export const CHART_FONT = { narrow: 13, wide: 13 } as const;
/** Line height for wrapped chart labels, in SVG units. */
export const LINE_HEIGHT = 15;

/**
 * A chart's geometry drawn once per build for the same data and options: a chart is drawn on its
 * chart page, its embed page and each essay that shows it, and in two sizes each. `data` is the
 * loader's cached array (the dev server reads an edited file into a new array, which draws
 * afresh); the other arguments are compared by value, as JSON. Callers only read the geometry.
 */
export function drawnOnce<D extends object, A extends unknown[], G>(draw: (data: D, ...args: A) => G): (data: D, ...args: A) => G {
  const drawn = new WeakMap<D, Map<string, G>>();
  return (data, ...args) => {
    let byArguments = drawn.get(data);
    if (!byArguments) drawn.set(data, (byArguments = new Map()));
    const key = JSON.stringify(args);
    let geometry = byArguments.get(key);
    if (geometry === undefined) byArguments.set(key, (geometry = draw(data, ...args)));
    return geometry;
  };
}

// One Intl.NumberFormat per precision, built once: constructing one per call was a measurable
// share of the build (issue 16).
const numberFormats = new Map<number, Intl.NumberFormat>();

/** 9247.6 → "9,247.6"; 440.9 → "440.9"; 3 → "3". */
export function formatNumber(value: number, maxDecimals = 1): string {
  let format = numberFormats.get(maxDecimals);
  if (!format) numberFormats.set(maxDecimals, (format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: maxDecimals })));
  return format.format(value);
}

/** "Nov 2020": a short month and year for notes and axis labels. */
export function formatMonth(date: Date): string {
  return `${SHORT_MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An axis-aligned box in SVG units. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A generous estimate of a label's width: the site's sans-serif averages about 0.55 em a
 * character, and 0.6 leaves room for wide letters, so boxes never under-reserve space.
 */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

/** The box a one- or multi-line label covers when its first baseline is at (x, y). */
export function labelBox(lines: string[], x: number, y: number, fontSize: number, anchor: 'start' | 'middle' | 'end' = 'start'): Box {
  const width = Math.max(...lines.map((l) => textWidth(l, fontSize)));
  const left = anchor === 'start' ? x : anchor === 'middle' ? x - width / 2 : x - width;
  return { x: left, y: y - fontSize, width, height: fontSize * 0.3 + fontSize + (lines.length - 1) * LINE_HEIGHT };
}

export function boxesOverlap(a: Box, b: Box, pad = 2): boolean {
  return a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad && b.y < a.y + a.height + pad;
}

export function boxInside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** True when the segment from p to q passes through the box (Liang–Barsky clipping). */
export function segmentHitsBox(p: { x: number; y: number }, q: { x: number; y: number }, b: Box, pad = 2): boolean {
  const [x0, y0, x1, y1] = [b.x - pad, b.y - pad, b.x + b.width + pad, b.y + b.height + pad];
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  for (const [pp, qq] of [[-dx, p.x - x0], [dx, x1 - p.x], [-dy, p.y - y0], [dy, y1 - p.y]] as const) {
    if (pp === 0) {
      if (qq < 0) return false;
      continue;
    }
    const t = qq / pp;
    if (pp < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** True when any segment of the polyline (consecutive points) passes through the box. */
export function polylineHitsBox(points: { x: number; y: number }[], b: Box, pad = 2): boolean {
  if (points.length === 1) return segmentHitsBox(points[0]!, points[0]!, b, pad);
  for (let i = 1; i < points.length; i++) if (segmentHitsBox(points[i - 1]!, points[i]!, b, pad)) return true;
  return false;
}

/** What a label must keep clear of: other labels' boxes and the drawn lines and marks. */
export interface Obstacles {
  boxes: Box[];
  lines: { x: number; y: number }[][];
}

/** The first candidate box that stays inside `area` and clear of every obstacle, or undefined. */
export function firstClear<T extends { box: Box }>(candidates: T[], area: Box, obstacles: Obstacles): T | undefined {
  return candidates.find((c) => boxInside(c.box, area) && !obstacles.boxes.some((b) => boxesOverlap(b, c.box)) && !obstacles.lines.some((l) => polylineHitsBox(l, c.box)));
}

/** Rounds SVG coordinates so the markup stays small and deterministic. */
export function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Splits a label into lines of at most `width` characters, for SVG text that cannot wrap. */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && (current + ' ' + word).length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * A chart's words for the page (title, takeaway, description: every string field) in the prose's
 * number style (src/lib/typesetting.ts), so a "%" or a unit never wraps onto a line alone.
 */
export function typesetChartText<T extends object>(text: T): T {
  return Object.fromEntries(Object.entries(text).map(([key, value]) => [key, typeof value === 'string' ? typesetNumbers(value) : value])) as T;
}
