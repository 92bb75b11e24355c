/**
 * The timeline's drawing as plain data (tag, attributes, children), built once from the geometry.
 * The build serialises it into the page; the browser turns the same nodes into elements when the
 * view changes. So there is one description of what a mark looks like, not one per renderer.
 */
import { formatDate, isoDay, MONTHS } from '../dates.ts';
import { TOPIC_LABELS } from '../topics.ts';
import { clusterCount, TICK_LABEL_DX, type ClusterMark, type TimelineGeometry, type TimelineItem, type TimelinePoint } from './timeline.ts';

export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  children?: SvgNode[];
  text?: string;
}

/** "12 March to 23 May 2025", "March 2013 to 19 June 2026", "4 May 2025" (one day). */
export function formatDateRange(first: Pick<TimelinePoint, 'when' | 'precision'>, last: Pick<TimelinePoint, 'when' | 'precision'>): string {
  const a = formatDate(first.when, first.precision);
  const b = formatDate(last.when, last.precision);
  if (a === b) return a;
  if (first.when.getUTCFullYear() !== last.when.getUTCFullYear()) return `${a} to ${b}`;
  const month = MONTHS[first.when.getUTCMonth()]!;
  const short = first.precision === 'month' ? month : `${first.when.getUTCDate()} ${month}`;
  return `${short} to ${b}`;
}

/** What a screen reader says for a mark, and what the hover tip shows. */
export function eventLabel(p: TimelinePoint): string {
  return `${formatDate(p.when, p.precision)}, ${TOPIC_LABELS[p.category]}: ${p.title}`;
}

export function clusterLabel(c: Pick<ClusterMark, 'ids' | 'category'>, byId: ReadonlyMap<string, TimelinePoint>): string {
  const first = byId.get(c.ids[0]!)!;
  const last = byId.get(c.ids.at(-1)!)!;
  return `${c.ids.length} ${TOPIC_LABELS[c.category]} events, ${formatDateRange(first, last)}, grouped at this zoom: open to see them`;
}

export interface MarkContext {
  byId: ReadonlyMap<string, TimelinePoint>;
  /** Where a mark leads without JavaScript: the event's entry in the list. */
  href: (id: string) => string;
}

export function itemNode(item: TimelineItem, g: TimelineGeometry, ctx: MarkContext, tabStop: boolean): SvgNode {
  const { pitch, dotRadius, fontSize } = g.style;
  const common = { tabindex: tabStop ? 0 : -1, 'data-key': item.key };
  if (item.kind === 'event') {
    const p = ctx.byId.get(item.id)!;
    return {
      tag: 'a',
      attrs: { class: `mark cat-${item.category}`, href: ctx.href(item.id), 'data-event': item.id, 'aria-label': eventLabel(p), ...common },
      children: [
        { tag: 'circle', attrs: { class: 'mark-hit', cx: item.x, cy: item.y, r: pitch / 2 } },
        { tag: 'circle', attrs: { class: 'mark-dot', cx: item.x, cy: item.y, r: dotRadius } },
      ],
    };
  }
  const height = pitch - 2;
  return {
    tag: 'a',
    // A group holds the lane's events from data-first to data-last (groups never interleave), so
    // the markup stays small however many events a group holds.
    attrs: { class: `cluster cat-${item.category}`, href: ctx.href(item.ids[0]!), 'data-first': isoDay(item.first), 'data-last': isoDay(item.last), 'data-count': item.ids.length, 'aria-label': clusterLabel(item, ctx.byId), ...common },
    children: [
      { tag: 'rect', attrs: { class: 'cluster-body', x: item.x0, y: item.y - height / 2, width: Math.round((item.x1 - item.x0) * 10) / 10, height, rx: height / 2 } },
      { tag: 'text', attrs: { class: 'cluster-count', x: Math.round(((item.x0 + item.x1) / 2) * 10) / 10, y: item.y + fontSize * 0.35, 'text-anchor': 'middle' }, text: clusterCount(item.ids.length) },
    ],
  };
}

/** Each lane's band, drawn under the tick lines so lanes read as rows. */
export function bandNodes(g: TimelineGeometry): SvgNode[] {
  return g.lanes.map((lane) => ({ tag: 'rect', attrs: { class: 'lane-band', x: 0, y: lane.top, width: g.size.width, height: lane.height } }));
}

/** Each lane's line and label, drawn over the tick lines. */
export function laneNodes(g: TimelineGeometry): SvgNode[] {
  return g.lanes.map((lane) => ({
    tag: 'g',
    attrs: { class: `lane cat-${lane.category}` },
    children: [
      { tag: 'line', attrs: { class: 'lane-line', x1: g.plot.left, x2: g.plot.right, y1: lane.y, y2: lane.y } },
      { tag: 'text', attrs: { class: 'lane-label', x: lane.labelX, y: lane.labelY, 'text-anchor': g.variant === 'wide' ? 'end' : 'start' }, text: lane.label },
    ],
  }));
}

export function tickNodes(g: TimelineGeometry): SvgNode[] {
  const labelY = g.plot.bottom + g.style.fontSize + 6;
  return g.ticks.map((t) => ({
    tag: 'g',
    attrs: { class: 'tick' },
    children: [
      { tag: 'line', attrs: { x1: t.x, x2: t.x, y1: g.plot.top, y2: g.plot.bottom + 6 } },
      ...(t.label ? [{ tag: 'text', attrs: { x: t.x + TICK_LABEL_DX, y: labelY }, text: t.label }] : []),
    ],
  }));
}

/** The item that takes the chart's one tab stop: the selected event's, else the first drawn. */
export function tabStopKey(items: readonly TimelineItem[], selected?: string): string | undefined {
  const own = selected ? items.find((it) => (it.kind === 'event' ? it.id === selected : it.ids.includes(selected))) : undefined;
  return (own ?? items[0])?.key;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** Serialises nodes as SVG markup, for the build. */
export function toMarkup(nodes: readonly SvgNode[]): string {
  return nodes
    .map((n) => {
      const attrs = Object.entries(n.attrs).map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`).join('');
      const inner = n.text !== undefined ? escapeText(n.text) : toMarkup(n.children ?? []);
      return `<${n.tag}${attrs}>${inner}</${n.tag}>`;
    })
    .join('');
}
