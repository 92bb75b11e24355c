/**
 * The components a maintainer may place in an essay or page, with the props each accepts.
 * One registry for two readers: the pages' `components={…}` mapping (src/components/mdx.ts picks
 * the Astro component for each name listed here) and the content checker (src/lib/mdx-check.ts),
 * which refuses an unknown name, a prop the schema does not know, a value outside it, and a chart
 * that the data would leave empty.
 *
 * To add a component: an entry here (where it may be used, its props as a zod schema, optional
 * checks against the data and the id it renders), and one line in src/components/mdx.ts.
 */
import { z } from 'zod';
import { isCalendarDay, isCalendarMonth, parseDay } from './dates.ts';
import { ID_PATTERN } from './slug.ts';
import { TOPICS, TOPIC_LABELS, type Topic } from './topics.ts';
import { STOCKPILE_LEVELS, LEVEL_LABELS, amountAt, type StockpileLevel } from './charts/stockpile.ts';
import type { HormuzRow, StockpileRow, TimelineEvent } from './data/schemas.ts';

export type MdxCollection = 'essays' | 'pages';

/**
 * The data a component's props are checked against. Each getter returns undefined when its file
 * could not be read, so a broken data file stops these checks instead of multiplying errors.
 * A new kind of data (facts) is one more getter here and in content-check.ts.
 */
export interface MdxDataContext {
  stockpile(): readonly StockpileRow[] | undefined;
  events(): readonly TimelineEvent[] | undefined;
  hormuz(): readonly HormuzRow[] | undefined;
}

/** A prop whose value does not fit the data: the prop, the value found and what was expected. */
export interface PropProblem {
  prop: string;
  found: unknown;
  expected: string;
}

export interface MdxComponentSpec<P extends z.ZodType = z.ZodType> {
  /** The collections whose pages map this component. */
  in: readonly MdxCollection[];
  /** 'block': on a line of its own; 'inline': inside a sentence; 'any'. */
  placement: 'block' | 'inline' | 'any';
  /** Whether Markdown goes between an opening and a closing tag. */
  children: 'required' | 'none';
  /** Props as written in MDX: strings ("2021-01-01") or literals in braces ({['u20']}, {2018}). */
  props: P;
  /** Checks that need the data: a range outside it, a chart that would draw nothing. */
  checkData?: (props: z.output<P>, data: MdxDataContext) => PropProblem[];
  /** The id the component renders on its element, when that id is a published permalink. */
  anchor?: (props: z.output<P>) => string;
  /** A short line for messages and CONTRIBUTING: how it is written. */
  usage: string;
}

const datePropError = 'a date written YYYY-MM-DD (or YYYY-MM), such as "2021-01-01"';
const dateProp = z.string({ error: datePropError }).refine((s) => isCalendarDay(s) || isCalendarMonth(s), { message: datePropError });
const idProp = z.string().regex(ID_PATTERN, { message: 'an id of lowercase letters, digits and single hyphens' });
const uniqueList = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item, { error: `a list in braces, such as {['${what}']}` })
    .min(1, { message: `at least one ${what} in the list` })
    .refine((list) => new Set(list).size === list.length, { message: `each ${what} once` });

/** "from"/"to" as the chart components read them: a day, or the first day of a month. */
const dayOf = (s: string | undefined) => (s === undefined ? undefined : parseDay(s));
const inRange = (d: Date, from: Date | undefined, to: Date | undefined) => (!from || d >= from) && (!to || d <= to);
const describeRange = (from?: string, to?: string) => (from && to ? `between ${from} and ${to}` : from ? `from ${from}` : to ? `up to ${to}` : 'in the data');

/** Checks from/to against each other and the data's first and last dates. */
function rangeProblems(from: string | undefined, to: string | undefined, first: Date, last: Date, firstText: string, lastText: string, what: string): PropProblem[] {
  const f = dayOf(from);
  const t = dayOf(to);
  if (f && t && f > t) return [{ prop: 'to', found: to, expected: `a date after "from" (${from})` }];
  if (f && f > last) return [{ prop: 'from', found: from, expected: `a date on or before the last ${what}, ${lastText}` }];
  if (t && t < first) return [{ prop: 'to', found: to, expected: `a date on or after the first ${what}, ${firstText}` }];
  return [];
}

const stockpileProps = z
  .object({
    levels: uniqueList(z.enum(STOCKPILE_LEVELS), 'level').optional(),
    from: dateProp.optional(),
    to: dateProp.optional(),
    id: idProp.optional(),
  })
  .strict();

const hormuzProps = z
  .object({
    from: z.number({ error: 'a year in braces, such as {2018}' }).int({ message: 'a whole year, such as {2018}' }).optional(),
    to: z.number({ error: 'a year in braces, such as {2024}' }).int({ message: 'a whole year, such as {2024}' }).optional(),
    id: idProp.optional(),
  })
  .strict();

const timelineProps = z
  .object({
    categories: uniqueList(z.enum(TOPICS), 'category').optional(),
    from: dateProp.optional(),
    to: dateProp.optional(),
    id: idProp.optional(),
  })
  .strict();

function spec<P extends z.ZodType>(s: MdxComponentSpec<P>): MdxComponentSpec<P> {
  return s;
}

/** A chart drawn from its whole data file: no props but the id it is published under. */
function fixedChart(usage: string, defaultId: string) {
  return spec({
    in: ['essays'],
    placement: 'block',
    children: 'none',
    props: z.object({ id: idProp.optional() }).strict(),
    usage,
    anchor: (p) => p.id ?? defaultId,
  });
}

export const MDX_COMPONENTS = {
  KeyPoints: spec({
    in: ['essays', 'pages'],
    placement: 'block',
    children: 'required',
    props: z.object({}).strict(),
    usage: '<KeyPoints> with a list of three to five bullets, then </KeyPoints>',
  }),

  StockpileChart: spec({
    in: ['essays'],
    placement: 'block',
    children: 'none',
    props: stockpileProps,
    usage: `<StockpileChart levels={['u20', 'u60']} from="2021-01-01" /> (levels: ${STOCKPILE_LEVELS.join(', ')})`,
    anchor: (p) => p.id ?? `chart-stockpile${p.levels && p.levels.length < STOCKPILE_LEVELS.length ? `-${p.levels.join('-')}` : ''}`,
    checkData(p, data) {
      const rows = data.stockpile();
      if (!rows?.length) return [];
      const range = rangeProblems(p.from, p.to, rows[0]!.date, rows.at(-1)!.date, rows[0]!.report_date, rows.at(-1)!.report_date, 'report');
      if (range.length) return range;
      const shown = rows.filter((r) => inRange(r.date, dayOf(p.from), dayOf(p.to)));
      const levels: readonly StockpileLevel[] = p.levels ?? STOCKPILE_LEVELS;
      const empty = levels.filter((l) => !shown.some((r) => amountAt(r, l) !== undefined));
      if (!empty.length) return [];
      return [
        {
          prop: p.levels ? 'levels' : 'from',
          found: p.levels ? empty[0] : p.from,
          expected: `a chart with figures to draw: no report ${describeRange(p.from, p.to)} gives a figure for ${empty.map((l) => LEVEL_LABELS[l].toLowerCase()).join(' or ')}`,
        },
      ];
    },
  }),

  HormuzChart: spec({
    in: ['essays'],
    placement: 'block',
    children: 'none',
    props: hormuzProps,
    usage: '<HormuzChart from={2018} to={2024} />',
    anchor: (p) => p.id ?? 'chart-hormuz',
    checkData(p, data) {
      const rows = data.hormuz();
      if (!rows?.length) return [];
      const first = rows[0]!.year;
      const last = rows.at(-1)!.year;
      if (p.from !== undefined && p.to !== undefined && p.from > p.to) return [{ prop: 'to', found: p.to, expected: `a year on or after "from" (${p.from})` }];
      if (p.from !== undefined && p.from > last) return [{ prop: 'from', found: p.from, expected: `a year on or before the last year in the data, ${last}` }];
      if (p.to !== undefined && p.to < first) return [{ prop: 'to', found: p.to, expected: `a year on or after the first year in the data, ${first}` }];
      const shown = rows.filter((r) => (p.from === undefined || r.year >= p.from) && (p.to === undefined || r.year <= p.to));
      if (shown.some((r) => r.oil_mb_d !== undefined)) return [];
      return [{ prop: p.from !== undefined ? 'from' : 'to', found: p.from ?? p.to, expected: `a range with at least one year of oil figures (${first}–${last} in the data)` }];
    },
  }),

  Fact: spec({
    in: ['essays', 'pages'],
    placement: 'any',
    children: 'none',
    // The id is checked against content/facts.yaml by the facts check (src/lib/facts.ts), which
    // also refuses a registry figure typed by hand; `refs` is set by the citation step, never by hand.
    props: z.object({ id: idProp }).strict(),
    usage: '<Fact id="iaea-stockpile-60" /> (ids are listed in content/facts.yaml and on /facts/)',
  }),

  HormuzTransitsChart: fixedChart('<HormuzTransitsChart />', 'chart-hormuz-transits'),

  HormuzMap: fixedChart('<HormuzMap />', 'chart-hormuz-map'),

  CitationExample: spec({
    in: ['pages'],
    placement: 'block',
    children: 'none',
    props: z.object({}).strict(),
    usage: '<CitationExample /> (the first essay cited in APA, Chicago and BibTeX, made by src/lib/cite.ts)',
  }),

  SourceShares: spec({
    in: ['pages'],
    placement: 'block',
    children: 'none',
    props: z.object({}).strict(),
    usage: '<SourceShares /> (the share of each kind of source, read from content/sources.yaml)',
  }),

  TimelineChart: spec({
    in: ['essays'],
    placement: 'block',
    children: 'none',
    props: timelineProps,
    usage: `<TimelineChart categories={['military', 'hormuz']} from="2019-01-01" to="2026-12-31" /> (categories: ${TOPICS.join(', ')})`,
    anchor: (p) => p.id ?? `chart-timeline${p.categories && p.categories.length < TOPICS.length ? `-${p.categories.join('-')}` : ''}${p.from ? `-${p.from}` : ''}`,
    checkData(p, data) {
      const events = data.events();
      if (!events?.length) return [];
      const range = rangeProblems(p.from, p.to, events[0]!.when, events.at(-1)!.when, events[0]!.date, events.at(-1)!.date, 'event');
      if (range.length) return range;
      const shown = events.filter((e) => inRange(e.when, dayOf(p.from), dayOf(p.to)));
      const categories: readonly Topic[] = p.categories ?? TOPICS;
      const empty = categories.filter((c) => !shown.some((e) => e.category === c));
      if (!empty.length) return [];
      if (!p.categories && empty.length < TOPICS.length) return [];
      return [
        {
          prop: p.categories ? 'categories' : 'from',
          found: p.categories ? empty[0] : p.from,
          expected: `categories with events to draw: no ${empty.map((c) => TOPIC_LABELS[c].toLowerCase()).join(' or ')} event falls ${describeRange(p.from, p.to)}`,
        },
      ];
    },
  }),
} satisfies Record<string, MdxComponentSpec>;

export type MdxComponentName = keyof typeof MDX_COMPONENTS;

/** The component names a collection's pages map, in registry order. */
export function componentNamesFor(collection: MdxCollection): MdxComponentName[] {
  return (Object.keys(MDX_COMPONENTS) as MdxComponentName[]).filter((name) => (MDX_COMPONENTS[name] as MdxComponentSpec).in.includes(collection));
}

export function componentSpec(name: string): MdxComponentSpec | undefined {
  return Object.hasOwn(MDX_COMPONENTS, name) ? (MDX_COMPONENTS[name as MdxComponentName] as MdxComponentSpec) : undefined;
}
