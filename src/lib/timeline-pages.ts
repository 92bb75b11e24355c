/**
 * Which pages the timeline's events are listed on. Up to TIMELINE_SPLIT_THRESHOLD events the
 * timeline is one page, /timeline/, listing every event (the real site: a few dozen). Above it,
 * listing every event as text on one page makes the page grow without bound (2 MB gzip at 10,000
 * events), so the list is split into one page per year (/timeline/2025/ …) and /timeline/ keeps an
 * overview of the years, the latest stretch of events and links to every year.
 *
 * Every event id starts with its date (content check, lib/data/schemas.ts), so the id itself says
 * which year page holds it: /timeline/#2025-03-04-talks goes to /timeline/2025/#2025-03-04-talks
 * with no id→page table to ship. Plain TypeScript, also bundled into the timeline script.
 */

/** Above this many events the list is split into one page per year (a few hundred stays one page). */
export const TIMELINE_SPLIT_THRESHOLD = 300;
/** How many of the latest events /timeline/ lists (and charts) when the list is split by year. */
export const LATEST_STRETCH_EVENTS = 30;

export interface PlannedEvent {
  id: string;
  when: Date;
  category: string;
}

export interface TimelineYear {
  year: number;
  /** Events that year, in total and by category. */
  count: number;
  byCategory: Record<string, number>;
}

export interface TimelinePlan<E extends PlannedEvent> {
  /** True when the events are listed one page per year. */
  split: boolean;
  /** Every year with at least one event, oldest first. */
  years: TimelineYear[];
  /** The events /timeline/ lists: all of them, or (split) the latest LATEST_STRETCH_EVENTS and any others on the first one's day. */
  onIndex: E[];
}

/** The year an event id belongs to: its leading four digits (every id starts with its date). */
export function eventIdYear(id: string): number | undefined {
  const m = /^(\d{4})-/.exec(id);
  return m ? Number(m[1]) : undefined;
}

/** Whether a timeline of this many events is listed one page per year. */
export function timelineIsSplit(eventCount: number, threshold = TIMELINE_SPLIT_THRESHOLD): boolean {
  return eventCount > threshold;
}

export function planTimeline<E extends PlannedEvent>(events: readonly E[], threshold = TIMELINE_SPLIT_THRESHOLD, latest = LATEST_STRETCH_EVENTS): TimelinePlan<E> {
  const sorted = [...events].sort((a, b) => a.when.getTime() - b.when.getTime());
  const byYear = new Map<number, TimelineYear>();
  for (const e of sorted) {
    const year = e.when.getUTCFullYear();
    const entry = byYear.get(year) ?? { year, count: 0, byCategory: {} };
    entry.count++;
    entry.byCategory[e.category] = (entry.byCategory[e.category] ?? 0) + 1;
    byYear.set(year, entry);
  }
  const split = timelineIsSplit(sorted.length, threshold);
  // The stretch starts on the day of the latest-th event from the end and takes that whole day, so
  // the list and its chart (which starts on that day) hold the same events.
  const start = sorted.at(-latest)?.when.getTime() ?? -Infinity;
  return { split, years: [...byYear.values()], onIndex: split ? sorted.filter((e) => e.when.getTime() >= start) : sorted };
}

/** The events a year page lists, oldest first. */
export function eventsOfYear<E extends PlannedEvent>(events: readonly E[], year: number): E[] {
  return events.filter((e) => e.when.getUTCFullYear() === year).sort((a, b) => a.when.getTime() - b.when.getTime());
}

/** The page that lists an event, relative to /timeline/: "" (the timeline itself) or "2025/". */
export function yearPageOf(id: string, split: boolean): string {
  const year = eventIdYear(id);
  return split && year !== undefined ? `${year}/` : '';
}

/** The page (relative to the site's base) that lists an event: "timeline/" or "timeline/2025/". */
export function timelinePageOf(id: string, split: boolean): string {
  return `timeline/${yearPageOf(id, split)}`;
}

/** An event's address relative to the site's base: "timeline/#id" or "timeline/2025/#id". */
export function eventAddress(id: string, split: boolean): string {
  return `${timelinePageOf(id, split)}#${id}`;
}

/**
 * Where a `#fragment` that names nothing on the current page should go, for the timeline script:
 * an event id or a `year-YYYY` heading of a year that has its own page, other than the page's
 * own year. Returns the year page's path relative to /timeline/ ("2025/") with the fragment kept,
 * or undefined to stay.
 */
export function forwardFragment(fragment: string, years: readonly number[], currentYear?: number): string | undefined {
  const year = /^year-(\d{4})$/.exec(fragment) ? Number(fragment.slice(5)) : eventIdYear(fragment);
  if (year === undefined || year === currentYear || !years.includes(year)) return undefined;
  return `${year}/#${fragment}`;
}
