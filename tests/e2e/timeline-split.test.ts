/**
 * A timeline long enough to be split into year pages (lib/timeline-pages.ts), built from synthetic
 * content just over the threshold (the real site has far fewer events, so its /timeline/ stays one
 * page and timeline.test.ts covers it): every old /timeline/#event-id still opens its event, now
 * on the year page, with the mark a pointer hits; without JavaScript the years are plain links;
 * /timeline/ stays small. The 10,000-event figure is measured by `npm run bench:scale`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { astroBuild } from './support/build.ts';
import { serveDist, type StaticSite } from './support/server.ts';
import { launchChromium } from './support/browser.ts';
import { closePage, openPage } from './support/page-checks.ts';
import { siteVocabulary, writeSyntheticContent } from '../../src/cli/synthetic-site.ts';
import { parseEvents } from '../../src/lib/data/schemas.ts';
import { LATEST_STRETCH_EVENTS, planTimeline, TIMELINE_SPLIT_THRESHOLD } from '../../src/lib/timeline-pages.ts';
import { brokenLinks, readBuiltSite, resolveUrl } from '../../src/lib/site-index.ts';

// Over the threshold, and enough events that every source is cited by one (synthetic events cite
// the sources in turn; the content check refuses a source nothing cites).
const EVENTS = Math.max(TIMELINE_SPLIT_THRESHOLD + 60, siteVocabulary().sourceKeys.length);
let work: string;
let dist: string;
let site: StaticSite;
let browser: Browser;
let events: ReturnType<typeof parseEvents>;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'explainer-split-'));
  const content = path.join(work, 'content');
  writeSyntheticContent(content, 1, EVENTS);
  events = parseEvents(readFileSync(path.join(content, 'data', 'events.csv'), 'utf8'), 'events.csv', new Set(siteVocabulary().sourceKeys));
  const r = astroBuild(content, work);
  if (r.status !== 0) throw new Error(`build failed:\n${r.output}`);
  dist = r.outDir;
  site = await serveDist(dist);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const html = (rel: string) => readFileSync(path.join(dist, rel, 'index.html'));

describe('a timeline split into year pages', () => {
  test('one page per year, /timeline/ with the years and only the latest stretch', () => {
    const plan = planTimeline(events);
    expect(plan.split).toBe(true);
    for (const y of plan.years) expect(html(`timeline/${y.year}`).toString()).toContain(`id="${events.find((e) => e.when.getUTCFullYear() === y.year)!.id}"`);
    const index = html('timeline').toString();
    expect((index.match(/data-event-row=/g) ?? []).length).toBe(plan.onIndex.length);
    expect(plan.onIndex.length).toBeLessThan(LATEST_STRETCH_EVENTS + 5);
    // One drawing per chart width, of the latest stretch only: no mark of an older event on /timeline/.
    expect(index).not.toContain(`data-event="${events[0]!.id}"`);
    expect(gzipSync(html('timeline')).length).toBeLessThan(100 * 1024);
  });

  test('every /timeline/#event-id resolves (the checks follow the forwarding), and every link into the timeline resolves', () => {
    const built = readBuiltSite(dist);
    expect(events.filter((e) => !resolveUrl(built, `/timeline/#${e.id}`, dist).ok).map((e) => e.id)).toEqual([]);
    // Links into the timeline from any page (the synthetic site has no prose pages, so the header's
    // links to them are broken there and are not this test's business).
    expect(brokenLinks(built, '/', dist).filter((b) => /→ \S*timeline\//.test(b))).toEqual([]);
  });

  test('an old /timeline/#event-id opens the event on its year page, selected, its mark under the pointer', async () => {
    const event = events[Math.floor(events.length / 3)]!;
    const year = event.when.getUTCFullYear();
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
      let page: Page | undefined;
      try {
        page = await openPage(browser, site.url(`timeline/#${event.id}`), { viewport, reducedMotion: 'reduce' });
        await page.waitForURL(new RegExp(`/timeline/${year}/#${event.id}$`));
        await page.waitForSelector('[data-timeline][data-ready]');
        await expect.poll(() => page!.locator('.timeline-detail .detail-title').textContent()).toBe(event.title);
        const hit = await page.evaluate((id) => {
          const svg = [...document.querySelectorAll<SVGSVGElement>('svg.timeline-svg')].find((s) => s.checkVisibility())!;
          svg.scrollIntoView({ block: 'center' });
          const dot = svg.querySelector(`a.mark[data-event="${CSS.escape(id)}"] .mark-dot`);
          if (!dot) return null;
          const b = dot.getBoundingClientRect();
          return (document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)?.closest('a.mark') as SVGElement | null)?.dataset.event ?? null;
        }, event.id);
        expect(hit).toBe(event.id);
      } finally {
        if (page) await closePage(page);
      }
    }
  });

  test('a year heading address goes to its page; an unknown id on a year page stays put', async () => {
    const year = events[0]!.when.getUTCFullYear();
    const page = await openPage(browser, site.url(`timeline/#year-${year}`));
    try {
      await page.waitForURL(new RegExp(`/timeline/${year}/#year-${year}$`));
      await page.goto(site.url(`timeline/${year}/#${year}-06-01-no-such-event`));
      await page.waitForSelector('[data-timeline][data-ready]');
      expect(new URL(page.url()).pathname).toBe(`/timeline/${year}/`);
    } finally {
      await closePage(page);
    }
  });

  test('without JavaScript, /timeline/ links every year page', async () => {
    const page = await openPage(browser, site.url('timeline/'), { javaScriptEnabled: false });
    try {
      const hrefs = await page.locator('.timeline-years-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(planTimeline(events).years.map((y) => `/timeline/${y.year}/`));
      await expect.poll(() => page.locator('.timeline-years-list a').first().isVisible()).toBe(true);
    } finally {
      await closePage(page);
    }
  });
});
