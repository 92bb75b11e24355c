/**
 * A timeline chart as an essay asks for it (`<TimelineChart categories={['military']} from="2019-01-01" />`):
 * which events and lanes it shows, over which range, and a title and takeaway computed from that,
 * so a chart never promises lanes, years or events it does not draw. Build-time only.
 */
import { formatDate, isCalendarDay, isCalendarMonth, parseDay } from '../dates.ts';
import { TOPICS, TOPIC_LABELS, type Topic } from '../topics.ts';
import { formatDateRange } from './timeline-svg.ts';
import type { TimelinePoint } from './timeline.ts';
import { typesetChartText } from './common.ts';

export interface TimelineChartProps {
  categories?: readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface TimelineChartProblem {
  field: string;
  found: string;
  expected: string;
}

export interface ResolvedTimeline<P extends TimelinePoint> {
  events: P[];
  /** Only categories with at least one event in range, in the site's topic order. */
  lanes: Topic[];
  /** The chart's whole range: from `from` (or 1 January of the first event's year) to the last event shown. */
  bounds: [Date, Date];
  title: string;
  takeaway: string;
  description: string;
  /** The reset button's label: what "the whole chart" is. */
  wholeRangeLabel: string;
}

/** How topics read inside a title: "12 military and Hormuz shipping events". */
/** …and inside a count: "6 mediation, 3 Hormuz and shipping and 1 military event". */
const COUNT_NOUNS: Record<Topic, string> = {
  diplomacy: 'diplomacy',
  nuclear: 'nuclear',
  sanctions: 'sanctions',
  military: 'military',
  hormuz: 'Hormuz and shipping',
  mediation: 'mediation',
};

const TITLE_NOUNS: Record<Topic, string> = {
  diplomacy: 'diplomatic',
  nuclear: 'nuclear',
  sanctions: 'sanctions',
  military: 'military',
  hormuz: 'Hormuz shipping',
  mediation: 'mediation',
};

const isDate = (s: string) => isCalendarDay(s) || isCalendarMonth(s);

/** The end of a `to` date: the whole day (or the whole month for YYYY-MM). */
function endOf(text: string): Date {
  const d = parseDay(text);
  return isCalendarMonth(text) ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1) : new Date(d.getTime() + 86_400_000 - 1);
}

function selected<P extends TimelinePoint>(all: readonly P[], props: TimelineChartProps): P[] {
  const categories = new Set(props.categories ?? TOPICS);
  const start = props.from && isDate(props.from) ? parseDay(props.from).getTime() : -Infinity;
  const end = props.to && isDate(props.to) ? endOf(props.to).getTime() : Infinity;
  return all.filter((e) => categories.has(e.category) && e.when.getTime() >= start && e.when.getTime() <= end);
}

/** What is wrong with a chart's props, against the data: for the build and for content checks. */
export function timelineChartProblems(all: readonly TimelinePoint[], props: TimelineChartProps): TimelineChartProblem[] {
  const problems: TimelineChartProblem[] = [];
  const topics = TOPICS.map((t) => `"${t}"`).join(', ');
  if (props.categories !== undefined) {
    if (!props.categories.length) problems.push({ field: 'categories', found: '[]', expected: `one or more of ${topics}` });
    props.categories.forEach((c, i) => {
      if (!(TOPICS as readonly string[]).includes(c)) problems.push({ field: `categories.${i}`, found: `"${c}"`, expected: `one of ${topics}` });
      else if (props.categories!.indexOf(c) !== i) problems.push({ field: `categories.${i}`, found: `"${c}" twice`, expected: 'each category once' });
    });
  }
  for (const field of ['from', 'to'] as const) {
    const v = props[field];
    if (v !== undefined && !isDate(v)) problems.push({ field, found: `"${v}"`, expected: 'a real date written YYYY-MM-DD or YYYY-MM, such as 2025-01-01' });
  }
  if (props.from && props.to && isDate(props.from) && isDate(props.to) && parseDay(props.from) > endOf(props.to)) {
    problems.push({ field: 'to', found: `"${props.to}"`, expected: `a date on or after from ("${props.from}")` });
  }
  if (!problems.length && !selected(all, props).length) {
    const first = all[0];
    const last = all.at(-1);
    problems.push({
      field: props.from || props.to ? 'from' : 'categories',
      found: 'no events to show',
      expected: `a range and categories with at least one event in content/data/events.csv${first && last ? ` (events run from ${formatDate(first.when, first.precision)} to ${formatDate(last.when, last.precision)})` : ''}`,
    });
  }
  return problems;
}

/** Where a chart sits, when known: the essay's file and the line of its <TimelineChart>. */
export interface ChartPlace {
  file: string;
  text: string;
}

/**
 * The line of the <TimelineChart …/> in an MDX file that has these props (the first, if the same
 * props appear twice), so a bad prop is reported at its line like every other content error.
 */
export function chartLine(text: string, props: TimelineChartProps): number | undefined {
  const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) => (a ?? []).join() === (b ?? []).join();
  const lines = text.split('\n');
  const index = lines.findIndex((line) => {
    const tag = /<TimelineChart\b([^>]*)>/.exec(line)?.[1];
    if (tag === undefined) return false;
    const categories = /categories=\{\[([^\]]*)\]\}/.exec(tag)?.[1]?.split(',').map((c) => c.trim().replace(/^['"]|['"]$/g, ''));
    return same(categories, props.categories) && /from="([^"]*)"/.exec(tag)?.[1] === props.from && /to="([^"]*)"/.exec(tag)?.[1] === props.to;
  });
  return index === -1 ? undefined : index + 1;
}

/** One line per problem, in the form every content error takes: file:line, field, found, expected. */
export function describeProblems(props: TimelineChartProps, problems: readonly TimelineChartProblem[], place?: ChartPlace): string {
  const line = place ? chartLine(place.text, props) : undefined;
  const where = place ? `${place.file}${line ? `:${line}` : ''} ` : '';
  return problems.map((p) => `${where}<TimelineChart> field "${p.field}": found ${p.found}; expected ${p.expected}`).join('\n');
}

function joinWords(words: readonly string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function yearsOf(first: Date, last: Date): string {
  const [a, b] = [first.getUTCFullYear(), last.getUTCFullYear()];
  return a === b ? `in ${a}` : `${a}–${b}`;
}

/** Events, lanes, range, title and takeaway for a chart; throws with every problem if the props are wrong. */
export function resolveTimeline<P extends TimelinePoint>(all: readonly P[], props: TimelineChartProps = {}, place?: ChartPlace): ResolvedTimeline<P> {
  const problems = timelineChartProblems(all, props);
  if (problems.length) throw new Error(describeProblems(props, problems, place));
  const events = selected(all, props).sort((a, b) => a.when.getTime() - b.when.getTime());
  const lanes = TOPICS.filter((t) => events.some((e) => e.category === t));
  const first = events[0]!;
  const last = events.at(-1)!;
  const start = props.from ? parseDay(props.from) : new Date(Date.UTC(first.when.getUTCFullYear(), 0, 1));
  const bounds: [Date, Date] = [start, last.when.getTime() > start.getTime() ? last.when : new Date(start.getTime() + 86_400_000)];

  const restricted = props.categories !== undefined && TOPICS.some((t) => !props.categories!.includes(t));
  const years = yearsOf(first.when, last.when);
  const what = restricted ? `${joinWords(lanes.map((l) => TITLE_NOUNS[l]))} events` : 'turning points in the US–Iran standoff';
  const title = `${events.length} ${what}${years.startsWith('in') ? ' ' : ', '}${years}`;

  const counts = lanes
    .map((l) => ({ l, n: events.filter((e) => e.category === l).length }))
    .sort((a, b) => b.n - a.n)
    .map(({ l, n }) => `${n} ${COUNT_NOUNS[l]}`);
  const span = formatDateRange(first, last);
  const takeaway = `${events.length > 1 ? `From ${span}` : span}${lanes.length > 1 ? `: ${joinWords(counts)} event${events.length === 1 ? '' : 's'}` : ''}. Each dot is one event; select it for its summary and sources.`;
  const description = `Timeline of ${events.length} events in ${lanes.length === 1 ? 'one lane' : `${lanes.length} lanes`} (${joinWords(lanes.map((l) => TOPIC_LABELS[l]))}), ${span}. Events too close together to point at are grouped and open when zoomed. Every event is also listed as text.`;
  const wholeRangeLabel = first.when.getUTCFullYear() === last.when.getUTCFullYear() && start.getUTCFullYear() === last.when.getUTCFullYear() ? `All of ${last.when.getUTCFullYear()}` : `All ${start.getUTCFullYear()}–${last.when.getUTCFullYear()}`;
  return { events, lanes, bounds, wholeRangeLabel, ...typesetChartText({ title, takeaway, description }) };
}
