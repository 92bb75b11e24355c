/** Which page lists each timeline event: one page up to the threshold, one page per year above it. */
import { describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brokenLinks, readBuiltSite, resolveUrl } from '../../src/lib/site-index.ts';
import { loadEvents } from '../../src/lib/content-store.ts';
import { parseEvents } from '../../src/lib/data/schemas.ts';
import { siteVocabulary, syntheticEvents } from '../../src/cli/synthetic-site.ts';
import {
  eventAddress,
  eventIdYear,
  eventsOfYear,
  forwardFragment,
  LATEST_STRETCH_EVENTS,
  planTimeline,
  TIMELINE_SPLIT_THRESHOLD,
  timelineIsSplit,
} from '../../src/lib/timeline-pages.ts';
import { TOPICS } from '../../src/lib/topics.ts';

const event = (id: string, category = 'military') => ({ id, when: new Date(`${id.slice(0, 10)}T00:00:00Z`), category });

describe('the split decision', () => {
  test('the real timeline is one page listing every event', () => {
    const real = loadEvents();
    expect(real.length).toBeLessThanOrEqual(TIMELINE_SPLIT_THRESHOLD);
    const plan = planTimeline(real);
    expect(plan.split).toBe(false);
    expect(plan.onIndex.map((e) => e.id)).toEqual(real.map((e) => e.id));
    expect(eventAddress(real[0]!.id, plan.split)).toBe(`timeline/#${real[0]!.id}`);
  });

  test('one page at the threshold, split by year one event above it', () => {
    expect(timelineIsSplit(TIMELINE_SPLIT_THRESHOLD)).toBe(false);
    expect(timelineIsSplit(TIMELINE_SPLIT_THRESHOLD + 1)).toBe(true);
  });

  test('10,000 synthetic events: a page per year, the latest stretch on /timeline/, counts that add up', () => {
    const vocabulary = siteVocabulary();
    const events = parseEvents(syntheticEvents(10_000, vocabulary), 'events.csv', new Set(vocabulary.sourceKeys));
    const plan = planTimeline(events);
    expect(plan.split).toBe(true);
    expect(plan.years.map((y) => y.year)).toEqual([...new Set(events.map((e) => e.when.getUTCFullYear()))]);
    expect(plan.years.reduce((n, y) => n + y.count, 0)).toBe(events.length);
    for (const y of plan.years) {
      expect(Object.values(y.byCategory).reduce((a, b) => a + b, 0)).toBe(y.count);
      expect(eventsOfYear(events, y.year)).toHaveLength(y.count);
      expect(Object.keys(y.byCategory).every((c) => (TOPICS as readonly string[]).includes(c))).toBe(true);
    }
    // The latest stretch: at least the latest LATEST_STRETCH_EVENTS, and whole days only (the chart above it starts on a day).
    const start = plan.onIndex[0]!.when.getTime();
    expect(plan.onIndex.length).toBeGreaterThanOrEqual(LATEST_STRETCH_EVENTS);
    expect(plan.onIndex).toEqual(events.filter((e) => e.when.getTime() >= start));
    expect(start).toBe(events.at(-LATEST_STRETCH_EVENTS)!.when.getTime());
    // Every event's year page is the year of its date, read from its id alone.
    expect(events.filter((e) => eventAddress(e.id, true) !== `timeline/${e.when.getUTCFullYear()}/#${e.id}`)).toEqual([]);
  }, 60_000);
});

describe('forwarding an address to its year page', () => {
  const years = [2019, 2020, 2025];
  test('an event id or a year heading goes to its year page, with the fragment kept', () => {
    expect(forwardFragment('2020-01-03-soleimani-killed', years)).toBe('2020/#2020-01-03-soleimani-killed');
    expect(forwardFragment('2026-06-islamabad-memorandum', [2026])).toBe('2026/#2026-06-islamabad-memorandum');
    expect(forwardFragment('year-2019', years)).toBe('2019/#year-2019');
  });
  test('never to the page it is on, a year without a page, or for a fragment that is not an event', () => {
    expect(forwardFragment('2020-01-03-soleimani-killed', years, 2020)).toBeUndefined();
    expect(forwardFragment('2013-03-oman-secret-talks', years)).toBeUndefined();
    expect(forwardFragment('year-2013', years)).toBeUndefined();
    expect(forwardFragment('all-events', years)).toBeUndefined();
    expect(forwardFragment('chart-timeline', years)).toBeUndefined();
  });
  test('the year of an id is its leading four digits', () => {
    expect(eventIdYear('2025-04-12-muscat-round-one')).toBe(2025);
    expect(eventIdYear('chart-timeline')).toBeUndefined();
    expect(planTimeline([event('2025-01-02-a'), event('2024-05-06-b', 'nuclear')], 1).years).toEqual([
      { year: 2024, count: 1, byCategory: { nuclear: 1 } },
      { year: 2025, count: 1, byCategory: { military: 1 } },
    ]);
  });
});

describe('the link and permalink checks follow the forwarding', () => {
  test('an old /timeline/#id resolves on its year page; an id no year page has is reported there', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'timeline-split-'));
    try {
      const page = (rel: string, body: string) => {
        mkdirSync(path.join(dist, rel), { recursive: true });
        writeFileSync(path.join(dist, rel, 'index.html'), `<!doctype html><html><body>${body}</body></html>`);
      };
      page('timeline', '<section class="event-list" data-event-list data-year-pages="2024 2025" data-timeline-root="/timeline/"><h4 id="2025-12-30-latest">Latest</h4></section><a href="/timeline/#2024-02-03-old">old address</a>');
      page('timeline/2024', '<section data-event-list data-year-pages="2024 2025" data-page-year="2024" data-timeline-root="/timeline/"><h3 id="year-2024">2024</h3><h4 id="2024-02-03-old">Old</h4></section>');
      page('timeline/2025', '<section data-event-list data-year-pages="2024 2025" data-page-year="2025" data-timeline-root="/timeline/"><h4 id="2025-12-30-latest">Latest</h4></section>');
      const site = readBuiltSite(dist);
      expect(resolveUrl(site, '/timeline/#2024-02-03-old', dist)).toEqual({ ok: true });
      expect(resolveUrl(site, '/timeline/#year-2024', dist)).toEqual({ ok: true });
      expect(resolveUrl(site, '/timeline/#2025-12-30-latest', dist)).toEqual({ ok: true });
      expect(resolveUrl(site, '/timeline/#2024-05-05-never', dist)).toEqual({ ok: false, reason: 'no element with id "2024-05-05-never" on /timeline/2024/' });
      expect(resolveUrl(site, '/timeline/#2013-05-05-no-year-page', dist)).toEqual({ ok: false, reason: 'no element with id "2013-05-05-no-year-page" on /timeline/' });
      // A year page does not forward its own year's missing ids back and forth.
      expect(resolveUrl(site, '/timeline/2025/#2025-01-01-missing', dist).ok).toBe(false);
      expect(brokenLinks(site, '/', dist)).toEqual([]);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
