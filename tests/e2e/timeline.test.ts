/**
 * The timeline as readers use it, in Chromium on the built site: every event can be pointed at,
 * tapped and clicked at phone and desktop widths (what is under the pointer is checked with
 * document.elementFromPoint, not assumed); the keyboard reaches every event from one tab stop;
 * zoom keeps the selection or the point under the pointer in place; drags pan; the filter filters
 * the list too; axis labels never repeat or run out of the chart; essay timelines show only what
 * they have; and without JavaScript the drawing and the deep links still work.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { openPage as openAnyPage, closePage, useSiteAndBrowser } from './support/page-checks.ts';
import { loadEvents } from '../../src/lib/content-store.ts';
import { TOPIC_LABELS } from '../../src/lib/topics.ts';

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

const events = loadEvents();
const CHART = '#chart-timeline';
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, reducedMotion: 'reduce' as const };
const desktop = { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' as const };

/**
 * What a click, tap, key, wheel or drag changes is read again until it holds, for up to 10 s: on a
 * busy shared machine the page can lag behind the test. Tests wait on conditions, never fixed sleeps.
 */
const until = <T>(read: () => Promise<T>, message?: string) => expect.poll(read, { timeout: 10_000, interval: 50, ...(message === undefined ? {} : { message }) });

/** Opens a page and, with JavaScript on, waits until its timelines are set up. */
async function openPage(b: Browser, url: string, options: Parameters<typeof openAnyPage>[2] = {}): Promise<Page> {
  const page = await openAnyPage(b, url, options);
  if (options.javaScriptEnabled !== false) {
    const charts = await page.locator('[data-timeline]').count();
    await page.waitForFunction((n) => document.querySelectorAll('[data-timeline][data-ready]').length === n, charts);
  }
  return page;
}

/** Essays that place a timeline, read from the MDX so a new one is tested without editing this file. */
const essaysWithTimeline = readdirSync('content/essays')
  .filter((f) => f.endsWith('.mdx') && /<TimelineChart\b/.test(readFileSync(`content/essays/${f}`, 'utf8')))
  .map((f) => `essays/${f.replace(/\.mdx$/, '')}/`);

/**
 * The centre of an event's own mark, or of the group that holds it (a group holds its lane's
 * events from data-first to data-last), in the drawing on screen, scrolled into view so that
 * document.elementFromPoint can see it; null when not drawn so.
 */
function centreOf(page: Page, id: string, kind: 'mark' | 'cluster', chart = CHART): Promise<{ x: number; y: number } | null> {
  const e = events.find((x) => x.id === id)!;
  return page.evaluate(
    ({ id, kind, chart, category, date }) => {
      const svg = [...document.querySelectorAll<SVGSVGElement>(`${chart} svg.timeline-svg`)].find((s) => s.checkVisibility())!;
      svg.scrollIntoView({ block: 'center' });
      const el =
        kind === 'mark'
          ? svg.querySelector(`a.mark[data-event="${CSS.escape(id)}"] .mark-dot`)
          : [...svg.querySelectorAll<SVGElement>(`a.cluster.cat-${category}`)].find((c) => c.dataset.first! <= date && date <= c.dataset.last!);
      if (!el) return null;
      const b = el.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    },
    { id, kind, chart, category: e.category, date: e.when.toISOString().slice(0, 10) },
  );
}
const markCentre = (page: Page, id: string, chart = CHART) => centreOf(page, id, 'mark', chart);
const clusterCentre = (page: Page, id: string, chart = CHART) => centreOf(page, id, 'cluster', chart);
/** What a pointer at (x, y) would hit: an event id, or "group:" and the group's key. */
const hitAt = (page: Page, p: { x: number; y: number }) =>
  page.evaluate(({ x, y }) => {
    const el = document.elementFromPoint(x, y)?.closest('a.mark, a.cluster') as SVGElement | null;
    return el?.dataset.event ?? (el ? `group:${el.dataset.key}` : null);
  }, p);
const rangeText = (page: Page, chart = CHART) => page.locator(`${chart} .timeline-range`).textContent();
const locationHash = (page: Page) => page.evaluate(() => location.hash);

/** Presses a toolbar button (zoom-in, pan-later, …) and waits until the range shown has changed. */
async function useButton(page: Page, action: string, chart = CHART): Promise<void> {
  const before = await rangeText(page, chart);
  await page.locator(`${chart} button[data-action="${action}"]`).click();
  await until(() => rangeText(page, chart), `${chart}: the range after "${action}"`).not.toBe(before);
}

async function resetView(page: Page, chart = CHART): Promise<void> {
  const reset = page.locator(`${chart} button[data-action="reset"]`);
  if ((await reset.getAttribute('aria-disabled')) !== 'true') await reset.click();
  await until(() => reset.getAttribute('aria-disabled'), 'the whole timeline is shown again').toBe('true');
}

/** Opens groups around an event (as a reader would, by tapping them) until it has its own mark. */
async function pointAtEvent(page: Page, id: string, tap: boolean): Promise<{ x: number; y: number }> {
  for (let i = 0; i < 8; i++) {
    const mark = await markCentre(page, id);
    if (mark) return mark;
    const group = await clusterCentre(page, id);
    expect(group, `${id} is drawn either as a mark or inside a group`).not.toBeNull();
    const key = await hitAt(page, group!);
    expect(key).toMatch(/^group:/);
    // Opening a group zooms to it: wait for the new range before looking again.
    const range = await rangeText(page);
    if (tap) await page.touchscreen.tap(group!.x, group!.y);
    else await page.mouse.click(group!.x, group!.y);
    await until(() => rangeText(page), `${key} opens when selected`).not.toBe(range);
  }
  throw new Error(`${id}: its group never opened`);
}

describe('every event can be pointed at, tapped and clicked', () => {
  test.each([
    ['phone (390 px, touch)', phone, true],
    ['desktop (1280 px, mouse)', desktop, false],
  ] as const)('%s', async (_name, options, tap) => {
    const page = await openPage(browser, site.url('timeline/'), options);
    for (const e of events) {
      await resetView(page);
      const p = await pointAtEvent(page, e.id, tap);
      expect(await hitAt(page, p), `the element at the centre of ${e.id}'s mark`).toBe(e.id);
      if (tap) await page.touchscreen.tap(p.x, p.y);
      else {
        await page.mouse.move(p.x, p.y);
        await until(() => page.locator(`${CHART} .timeline-tip`).textContent(), `tip over ${e.id}`).toContain(e.title);
        await page.mouse.click(p.x, p.y);
      }
      await until(() => locationHash(page), `address after selecting ${e.id}`).toBe(`#${e.id}`);
      await until(() => page.locator(`${CHART} svg.timeline-svg:visible a.is-selected`).evaluateAll((els) => els.map((el) => (el as SVGElement).dataset.event))).toEqual([e.id]);
      await until(() => page.locator(`${CHART} .detail-title`).textContent()).toBe(e.title);
    }
    await closePage(page);
  }, 240_000);

  test('no two marks overlap: every mark\'s hit area is clear of every other', async () => {
    for (const options of [phone, desktop]) {
      const page = await openPage(browser, site.url('timeline/'), options);
      for (const zoomIns of [0, 1, 2, 3]) {
        const boxes = await page.locator(`${CHART} svg.timeline-svg:visible`).evaluate((svg) =>
          [...svg.querySelectorAll('a.mark .mark-hit, a.cluster .cluster-body')].map((el) => {
            const b = el.getBoundingClientRect();
            return { key: (el.parentNode as SVGElement).dataset.key, l: b.left, r: b.right, t: b.top, b: b.bottom, round: el.classList.contains('mark-hit') };
          }),
        );
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) {
            const overlapX = Math.min(a.r, b.r) - Math.max(a.l, b.l);
            const overlapY = Math.min(a.b, b.b) - Math.max(a.t, b.t);
            if (a.round && b.round) {
              // Circles: centres at least one diameter apart.
              const d = Math.hypot((a.l + a.r) / 2 - (b.l + b.r) / 2, (a.t + a.b) / 2 - (b.t + b.b) / 2);
              expect(d, `${a.key} and ${b.key} after ${zoomIns} zoom-ins`).toBeGreaterThanOrEqual(a.r - a.l - 0.6);
            } else expect(overlapX <= 0.6 || overlapY <= 0.6, `${a.key} and ${b.key} after ${zoomIns} zoom-ins`).toBe(true);
          }
        }
        await useButton(page, 'zoom-in');
      }
      await closePage(page);
    }
  });
});

describe('keyboard', () => {
  test('the chart is one tab stop; arrows move along a lane, Up/Down change lanes, Home/End go to the ends', async () => {
    const page = await openPage(browser, site.url('timeline/'), desktop);
    const focused = () => page.evaluate(() => (document.activeElement as SVGElement | null)?.dataset.event);
    const focusedCategory = async () => {
      const id = await focused();
      return events.find((e) => e.id === id)?.category;
    };
    await page.locator(`${CHART} button[data-action="reset"]`).focus();
    await page.keyboard.press('Tab');
    await until(focused, 'Tab from the toolbar lands on an event mark').toBeTruthy();
    const first = (await focused())!;
    // One more Tab leaves the chart: every other mark is out of the tab order.
    await page.keyboard.press('Tab');
    await until(() => page.evaluate(() => !!document.activeElement?.closest('svg'))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    await until(focused).toBe(first);

    const own = events.filter((e) => e.category === events.find((x) => x.id === first)!.category);
    const second = own[own.findIndex((e) => e.id === first) + 1]!.id;
    await page.keyboard.press('ArrowRight');
    await until(focused).toBe(second);
    await until(() => locationHash(page)).toBe(`#${second}`);
    await page.keyboard.press('End');
    await until(focused).toBe(own.at(-1)!.id);
    await page.keyboard.press('Home');
    await until(focused).toBe(own[0]!.id);
    const lanes = Object.keys(TOPIC_LABELS);
    await page.keyboard.press('ArrowDown');
    await until(focusedCategory, 'ArrowDown moves to the next lane').toBe(lanes[lanes.indexOf(own[0]!.category) + 1]);
    await page.keyboard.press('ArrowUp');
    await until(focusedCategory, 'ArrowUp moves back').toBe(own[0]!.category);
    await closePage(page);
  });

  test('every event is reached by the arrow keys, and the focused mark has a ring as strong as the site\'s focus outline', async () => {
    const page = await openPage(browser, site.url('timeline/'), phone);
    const focused = () => page.evaluate(() => (document.activeElement as SVGElement | null)?.dataset.event);
    const seen = new Set<string>();
    await page.locator(`${CHART} button[data-action="reset"]`).focus();
    await page.keyboard.press('Tab');
    // Lane by lane (Down), first to last (Home, then Right): each lane's events in date order.
    for (const category of Object.keys(TOPIC_LABELS)) {
      await page.keyboard.press('Home');
      const lane = events.filter((e) => e.category === category);
      for (const [i, e] of lane.entries()) {
        await until(focused, `${category} event ${i + 1} of ${lane.length}`).toBe(e.id);
        seen.add((await focused())!);
        // The focused event is drawn as its own mark, on screen, whatever group it was in.
        await until(() => markCentre(page, e.id), `${e.id} has its own mark once focused`).not.toBeNull();
        expect(await hitAt(page, (await markCentre(page, e.id))!)).toBe(e.id);
        if (i < lane.length - 1) await page.keyboard.press('ArrowRight');
      }
      await page.keyboard.press('ArrowDown');
    }
    expect([...seen].sort()).toEqual(events.map((e) => e.id).sort());
    const ring = await page.evaluate(() => {
      const hit = getComputedStyle(document.activeElement!.querySelector('.mark-hit')!);
      const mark = { stroke: hit.stroke, width: parseFloat(hit.strokeWidth) };
      // A button focused from the keyboard shows the site's own focus outline.
      const probe = document.createElement('button');
      document.body.append(probe);
      probe.focus();
      const site = getComputedStyle(probe);
      const result = { ...mark, siteColour: site.outlineColor, siteWidth: parseFloat(site.outlineWidth) };
      probe.remove();
      return result;
    });
    // Measured after the loop left focus on a mark; the probe button shows the site's own ring.
    expect(ring.stroke).toBe(ring.siteColour);
    expect(ring.width).toBeGreaterThanOrEqual(ring.siteWidth);
    await closePage(page);
  }, 120_000);
});

describe('zoom and pan', () => {
  test('zooming with the buttons keeps the selected event where it is, and ticks follow the zoom', async () => {
    const page = await openPage(browser, site.url('timeline/'), desktop);
    const target = events.find((e) => e.id === '2020-01-03-soleimani-killed') ?? events[20]!;
    await page.locator(`${CHART} svg.timeline-svg:visible a.mark[data-event="${target.id}"]`).click();
    await until(() => locationHash(page)).toBe(`#${target.id}`);
    const before = (await markCentre(page, target.id))!;
    const labels: string[][] = [];
    for (let i = 0; i < 7; i++) {
      await useButton(page, 'zoom-in');
      const after = await markCentre(page, target.id);
      expect(after, `still drawn after ${i + 1} zoom-ins`).not.toBeNull();
      expect(Math.abs(after!.x - before.x), `moved after ${i + 1} zoom-ins`).toBeLessThan(1.5);
      labels.push(await page.locator(`${CHART} svg.timeline-svg:visible .tick text`).allTextContents());
    }
    // Years, then months, then days.
    expect(labels[0]!.every((l) => /^\d{4}$/.test(l))).toBe(true);
    expect(labels.some((ls) => ls.some((l) => /^[A-Z][a-z]{2}( \d{4})?$/.test(l)))).toBe(true);
    expect(labels.at(-1)!.some((l) => /^\d{1,2} [A-Z][a-z]{2}/.test(l))).toBe(true);
    await closePage(page);
  });

  test('Ctrl + wheel zooms about the point under the pointer; a drag pans and does not select', async () => {
    const page = await openPage(browser, site.url('timeline/'), desktop);
    const target = events.find((e) => e.id === '2019-06-20-drone-shot-down') ?? events[14]!;
    const p = (await markCentre(page, target.id))!;
    const whole = await rangeText(page);
    await page.mouse.move(p.x, p.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await until(() => rangeText(page), 'Ctrl + wheel zooms in').not.toBe(whole);
    const after = (await markCentre(page, target.id))!;
    expect(Math.abs(after.x - p.x)).toBeLessThan(2);

    // A plain wheel scrolls the page, as over an embedded map, and says how to zoom. The hint
    // hides itself after a moment, so the page notes that it was shown, however late we look.
    const range = await rangeText(page);
    const hint = page.locator(`${CHART} .timeline-wheel-hint`);
    await hint.evaluate((el) => {
      const seen = new MutationObserver(() => {
        if (!el.checkVisibility()) return;
        el.setAttribute('data-test-seen', '');
        seen.disconnect();
      });
      seen.observe(el, { attributeFilter: ['hidden'] });
    });
    await page.mouse.wheel(0, 100);
    await until(() => hint.getAttribute('data-test-seen'), 'the wheel hint was shown').toBe('');
    expect(await rangeText(page)).toBe(range);

    const svgBox = (await page.locator(`${CHART} svg.timeline-svg:visible`).boundingBox())!;
    const start = (await markCentre(page, target.id))!;
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 120, start.y, { steps: 6 });
    await page.mouse.up();
    await until(async () => ((await markCentre(page, target.id))?.x ?? start.x) - start.x, 'the drag moved the mark').toBeGreaterThan(100);
    expect((await markCentre(page, target.id))!.x).toBeLessThan(svgBox.x + svgBox.width);
    expect(await locationHash(page), 'a drag that starts on a mark does not select it').toBe('');
    await closePage(page);
  });

  test('a two-finger pinch zooms about its midpoint; a one-finger swipe pans', async () => {
    const page = await openPage(browser, site.url('timeline/'), phone);
    const target = events.find((e) => e.id === '2020-01-03-soleimani-killed') ?? events[18]!;
    const p = (await markCentre(page, target.id))!;
    const whole = await rangeText(page);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((q, id) => ({ ...q, id })) });
    await touch('touchStart', [{ x: p.x - 20, y: p.y }, { x: p.x + 20, y: p.y }]);
    for (let k = 1; k <= 5; k++) await touch('touchMove', [{ x: p.x - 20 - k * 12, y: p.y }, { x: p.x + 20 + k * 12, y: p.y }]);
    await touch('touchEnd', []);
    await until(() => rangeText(page), 'the pinch zoomed in').not.toBe(whole);
    const after = (await markCentre(page, target.id))!;
    expect(Math.abs(after.x - p.x)).toBeLessThan(4);
    const range = await rangeText(page);
    await touch('touchStart', [{ x: p.x, y: p.y }]);
    for (let k = 1; k <= 5; k++) await touch('touchMove', [{ x: p.x - k * 20, y: p.y }]);
    await touch('touchEnd', []);
    await until(() => rangeText(page), 'the swipe panned').not.toBe(range);
    await closePage(page);
  });

  test('the panel says when the selected event is out of view, and brings it back', async () => {
    const page = await openPage(browser, site.url('timeline/'), desktop);
    const target = events.find((e) => e.id === '2015-07-14-jcpoa-agreed') ?? events[4]!;
    await page.locator(`${CHART} svg.timeline-svg:visible a.mark[data-event="${target.id}"]`).click();
    await until(() => page.locator(`${CHART} .detail-title`).textContent()).toBe(target.title);
    const note = page.locator(`${CHART} .detail-note`);
    expect(await note.isVisible()).toBe(false);
    await useButton(page, 'zoom-in');
    await useButton(page, 'zoom-in');
    for (let i = 0; i < 4; i++) await useButton(page, 'pan-later');
    expect(await markCentre(page, target.id)).toBeNull();
    await until(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('Outside the part of the timeline shown');
    await note.getByRole('button', { name: 'Show it on the chart' }).click();
    await until(() => markCentre(page, target.id)).not.toBeNull();
    await until(() => note.isVisible()).toBe(false);
    await closePage(page);
  });

  test('zoom animates unless the reader asks for reduced motion', async () => {
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const page = await openPage(browser, site.url('timeline/'), { ...desktop, reducedMotion });
      const before = await rangeText(page);
      const immediately = await page.evaluate(() => {
        document.querySelector<HTMLButtonElement>('#chart-timeline button[data-action="zoom-in"]')!.click();
        return document.querySelector('#chart-timeline .timeline-range')!.textContent;
      });
      expect(immediately !== before, `changed at once with ${reducedMotion}`).toBe(reducedMotion === 'reduce');
      await until(() => rangeText(page)).not.toBe(before);
      await closePage(page);
    }
  });
});

describe('category filter', () => {
  test('filters the chart and the list below, and says how many events are shown', async () => {
    const page = await openPage(browser, site.url('timeline/'), desktop);
    const military = events.filter((e) => e.category === 'military');
    await page.locator(`${CHART} .timeline-filter input[value="military"]`).uncheck();
    const count = page.locator(`${CHART} .timeline-count`);
    await until(() => count.textContent()).toBe(`${events.length - military.length} of ${events.length} events shown (Diplomacy, Nuclear, Sanctions, Hormuz and shipping, Mediation)`);
    // Said to screen readers through the page's one live region.
    await until(() => page.locator('[role="status"]').textContent()).toBe(await count.textContent());
    expect(await page.locator(`${CHART} svg.timeline-svg:visible .lane.cat-military`).count()).toBe(0);
    expect(await page.locator(`${CHART} svg.timeline-svg:visible .cat-military`).count(), 'no military mark, group or lane').toBe(0);
    const listed = await page.locator('[data-event-list] li[data-event-row]:visible').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.eventRow));
    expect(listed).toEqual(events.filter((e) => e.category !== 'military').map((e) => e.id));
    expect(await page.locator('[data-event-list] .event-list-note').textContent()).toContain(`${events.length - military.length} of ${events.length} events shown`);
    // A year whose events are all hidden disappears from the list and its index.
    const yearsLeft = [...new Set(events.filter((e) => e.category !== 'military').map((e) => e.when.getUTCFullYear()))];
    expect(await page.locator('[data-event-list] section[data-year]:visible').count()).toBe(yearsLeft.length);
    expect(await page.locator('.year-index a:visible').count()).toBe(yearsLeft.length);
    await page.locator('[data-event-list] .event-list-note button').click();
    await until(() => count.textContent()).toBe(`All ${events.length} events shown`);
    await until(() => page.locator('[data-event-list] li[data-event-row]:visible').count()).toBe(events.length);
    await closePage(page);
  });

  test('on an essay, the filter filters the chart\'s table', async () => {
    const essay = essaysWithTimeline.find((p) => p.includes('oman')) ?? essaysWithTimeline[0]!;
    const page = await openPage(browser, site.url(essay), desktop);
    const chart = 'figure.chart:has(.timeline)';
    const boxes = page.locator(`${chart} .timeline-filter input`);
    const category = (await boxes.first().getAttribute('value'))!;
    const rows = page.locator(`${chart} tr[data-event-row]`);
    const total = await rows.count();
    const left = total - (await page.locator(`${chart} tr[data-category="${category}"]`).count());
    await boxes.first().uncheck();
    await until(() => page.locator(`${chart} .timeline-count`).textContent()).toMatch(new RegExp(`^${left} of ${total} events shown`));
    expect(await page.locator(`${chart} tr[data-event-row]:not([hidden])`).count()).toBe(left);
    await closePage(page);
  });
});

describe('axis labels', () => {
  test.each([320, 390, 1280])('never repeat, overlap or leave the chart at %i px, at every zoom, on every page with a timeline', async (width) => {
    for (const path of ['timeline/', ...essaysWithTimeline]) {
      const page = await openPage(browser, site.url(path), { viewport: { width, height: 900 }, reducedMotion: 'reduce' });
      const charts = await page.locator('figure.chart:has(.timeline)').evaluateAll((fs) => fs.map((f) => `#${f.id}`));
      for (const chart of charts) {
        for (let zoom = 0; zoom < 9; zoom++) {
          const ticks = await page.locator(`${chart} svg.timeline-svg:visible`).evaluate((svg) => {
            const box = svg.getBoundingClientRect();
            return { box: { l: box.left, r: box.right }, labels: [...svg.querySelectorAll('.tick text')].map((t) => ({ text: t.textContent!, ...(({ left, right }) => ({ l: left, r: right }))(t.getBoundingClientRect()) })) };
          });
          const where = `${path} ${chart} at ${width} px after ${zoom} zoom-ins`;
          expect(ticks.labels.length, where).toBeGreaterThan(0);
          const texts = ticks.labels.map((l) => l.text);
          expect(new Set(texts).size, `${where}: ${texts.join(' | ')}`).toBe(texts.length);
          for (const [i, l] of ticks.labels.entries()) {
            expect(l.l, `${where}: "${l.text}" starts inside the chart`).toBeGreaterThanOrEqual(ticks.box.l - 0.5);
            expect(l.r, `${where}: "${l.text}" ends inside the chart`).toBeLessThanOrEqual(ticks.box.r + 0.5);
            if (i > 0) expect(l.l, `${where}: "${l.text}" clear of the one before`).toBeGreaterThan(ticks.labels[i - 1]!.r);
          }
          if ((await page.locator(`${chart} button[data-action="zoom-in"]`).getAttribute('aria-disabled')) === 'true') break;
          await useButton(page, 'zoom-in', chart);
        }
      }
      await closePage(page);
    }
  });
});

describe('controls', () => {
  test.each([320, 390])('at %i px the controls are never taller than the chart they control', async (width) => {
    for (const path of ['timeline/', ...essaysWithTimeline]) {
      const page = await openPage(browser, site.url(path), { viewport: { width, height: 900 } });
      for (const chart of await page.locator('figure.chart:has(.timeline)').all()) {
        const controls = (await chart.locator('.timeline-controls').boundingBox())!;
        const drawing = (await chart.locator('svg.timeline-svg:visible').boundingBox())!;
        expect(controls.height, `${path} at ${width} px`).toBeLessThanOrEqual(drawing.height);
      }
      await closePage(page);
    }
  });
});

describe('timelines placed in essays', () => {
  test('there are essays with a timeline to check', () => {
    expect(essaysWithTimeline.length).toBeGreaterThan(0);
  });

  test.each(essaysWithTimeline)('/%s: title, lanes and reset button follow what the chart shows, at 320 px', async (path) => {
    const page = await openPage(browser, site.url(path), { viewport: { width: 320, height: 800 } });
    for (const chart of await page.locator('figure.chart:has(.timeline)').all()) {
      const title = (await chart.locator('.chart-title').textContent())!;
      expect(title).not.toMatch(/(\d{4})–\1/);
      const rows = await chart.locator('tr[data-event-row]').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.category!));
      expect(title).toMatch(new RegExp(`^${rows.length} `));
      // Lanes: exactly the categories that have events, none empty.
      const lanes = await chart.locator('svg.timeline-svg:visible .lane').evaluateAll((gs) => gs.map((g) => [...g.classList].find((c) => c.startsWith('cat-'))!.slice(4)));
      expect(new Set(lanes)).toEqual(new Set(rows));
      for (const lane of lanes) expect(await chart.locator(`svg.timeline-svg:visible a.cat-${lane}`).count(), `lane ${lane} has marks`).toBeGreaterThan(0);
      expect(await chart.locator('.chart-takeaway').textContent()).not.toMatch(/\b0 /);
      const reset = (await chart.locator('button[data-action="reset"]').textContent())!;
      expect(reset).not.toBe('All years');
      const years = [...new Set(rows.length ? await chart.locator('tr[data-event-row] time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!.slice(0, 4))) : [])];
      if (years.length === 1) expect(reset).toBe(`All of ${years[0]}`);
      // The lane labels, like the ticks, stay inside the drawing.
      const inside = await chart.locator('svg.timeline-svg:visible').evaluate((svg) => {
        const b = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')].every((t) => {
          const r = t.getBoundingClientRect();
          return r.left >= b.left - 0.5 && r.right <= b.right + 0.5;
        });
      });
      expect(inside).toBe(true);
    }
    await closePage(page);
  });
});

describe('addresses and no JavaScript', () => {
  test('/timeline/#event opens with that event selected, in view, and its details shown', async () => {
    const event = events.find((e) => e.id === '2025-04-12-muscat-round-one') ?? events.at(-10)!;
    for (const options of [phone, desktop]) {
      const page = await openPage(browser, `${site.url('timeline/')}#${event.id}`, options);
      await until(() => page.locator(`${CHART} svg.timeline-svg:visible a.mark.is-selected[data-event="${event.id}"]`).count()).toBe(1);
      await until(() => page.locator(`${CHART} .detail-title`).textContent()).toBe(event.title);
      expect(await page.locator(`${CHART} .detail-note`).isVisible()).toBe(false);
      await closePage(page);
    }
  });

  test('without JavaScript: the chart, one tab stop, groups that lead to the list, and deep links', async () => {
    const event = events.find((e) => e.id === '2025-04-12-muscat-round-one') ?? events.at(-10)!;
    const page = await openPage(browser, `${site.url('timeline/')}#${event.id}`, { ...phone, javaScriptEnabled: false });
    expect(await page.locator(`[id="${event.id}"]:target`).count()).toBe(1);
    expect(await page.locator(`${CHART} .timeline-controls`).isVisible()).toBe(false);
    const svg = page.locator(`${CHART} svg.timeline-svg:visible`);
    expect(await svg.locator('a[tabindex="0"]').count()).toBe(1);
    // Every event is drawn once: as its own mark or counted in the one group that spans its date.
    const marks = await svg.locator('a.mark').evaluateAll((as) => as.map((a) => (a as SVGElement).dataset.event!));
    const groups = await svg.locator('a.cluster').evaluateAll((as) =>
      as.map((a) => {
        const d = (a as SVGElement).dataset;
        return { key: d.key!, first: d.first!, last: d.last!, count: Number(d.count), category: [...a.classList].find((c) => c.startsWith('cat-'))!.slice(4) };
      }),
    );
    const inGroups = groups.flatMap((g) => {
      const held = events.filter((e) => !marks.includes(e.id) && e.category === g.category && e.when.toISOString().slice(0, 10) >= g.first && e.when.toISOString().slice(0, 10) <= g.last);
      expect(held.length, `group ${g.key}`).toBe(g.count);
      return held.map((e) => e.id);
    });
    expect([...marks, ...inGroups].sort()).toEqual(events.map((e) => e.id).sort());
    for (const href of await svg.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      expect(await page.locator(`[id="${href.slice(1)}"]`).count(), href).toBe(1);
    }
    await closePage(page);
  });
});
