/**
 * Finding one's way: the header on a phone (one row, a Menu that opens the nav with and without
 * JavaScript) and on a desktop.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { useSiteAndBrowser } from './support/page-checks.ts';
import { builtPages } from './support/site.ts';
import { groupSources, parseSources, sourceKindPath } from '../../src/lib/sources.ts';

let site: StaticSite;
let browser: Browser;
const essay = builtPages().find((p) => /^essays\/[^/]+\/$/.test(p))!;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** The target: a phone header no taller than this (it was 145 px, in three rows). */
const PHONE_HEADER_MAX = 64;

useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

async function open(pagePath: string, options: { viewport: { width: number; height: number }; javaScriptEnabled?: boolean }): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(site.url(pagePath), { waitUntil: 'networkidle' });
  return page;
}

/** The element a real pointer would hit at the centre of the locator's box. */
async function hitAt(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && (hit === el || el.contains(hit));
  }, selector);
}

/**
 * The Menu button's expanded state as the browser reports it to screen readers. The popover
 * supplies it (no aria-expanded attribute is written), so it is read from the accessibility tree.
 */
async function menuExpanded(page: Page): Promise<boolean | undefined> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string }; properties?: { name: string; value: { value?: unknown } }[] }[] };
  const button = nodes.find((n) => n.role?.value === 'button' && n.name?.value === 'Menu');
  return button?.properties?.find((p) => p.name === 'expanded')?.value.value as boolean | undefined;
}

describe('header on a phone (390 px)', () => {
  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';
    test(`is one row, at most ${PHONE_HEADER_MAX} px tall, with the site's name on one line (${mode})`, async () => {
      for (const pagePath of ['', essay, 'glossary/']) {
        const page = await open(pagePath, { viewport: PHONE, javaScriptEnabled });
        const m = await page.evaluate(() => {
          const header = document.querySelector('.site-header')!.getBoundingClientRect();
          const title = document.querySelector<HTMLElement>('.site-title')!;
          const lineHeight = parseFloat(getComputedStyle(title).lineHeight) || parseFloat(getComputedStyle(title).fontSize) * 1.6;
          const menu = document.querySelector('.menu-button')!.getBoundingClientRect();
          const search = document.querySelector('.search-open')!.getBoundingClientRect();
          return { height: header.height, titleText: title.innerText.trim(), titleHeight: title.getBoundingClientRect().height, lineHeight, menuRight: menu.right, menuTop: menu.top, searchTop: search.top };
        });
        expect(m.height, `${pagePath || 'home'}: header height`).toBeLessThanOrEqual(PHONE_HEADER_MAX);
        expect(m.titleText).toMatch(/US–Iran Talks/);
        expect(m.titleHeight, 'the name wraps').toBeLessThan(m.lineHeight * 1.5);
        expect(m.menuRight).toBeLessThanOrEqual(PHONE.width);
        expect(Math.abs(m.menuTop - m.searchTop), 'search and Menu share the row').toBeLessThan(8);
        await page.context().close();
      }
    });

    test(`the Menu button opens the nav, and a tapped link goes there (${mode})`, async () => {
      const page = await open(essay, { viewport: PHONE, javaScriptEnabled });
      const nav = page.locator('#site-nav');
      expect(await nav.isVisible()).toBe(false);
      expect(await menuExpanded(page)).toBe(false);
      expect(await hitAt(page, '.menu-button')).toBe(true);
      await page.locator('.menu-button').click();
      await expect.poll(() => nav.isVisible()).toBe(true);
      expect(await menuExpanded(page), 'screen readers hear "Menu, expanded"').toBe(true);
      const links = await nav.locator('a').evaluateAll((as) => as.map((a) => a.textContent!.trim()));
      expect(links).toEqual(['Start here', 'Essays', 'Timeline', 'Data', 'Glossary', 'About']);
      expect(await nav.locator('a[aria-current="page"]').textContent()).toBe('Essays');
      // Every link lies inside the screen and is what a finger hits.
      for (let i = 0; i < links.length; i++) {
        expect(await hitAt(page, `#site-nav li:nth-child(${i + 1}) a`), links[i]).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect.poll(() => nav.isVisible()).toBe(false);
      await page.locator('.menu-button').click();
      await page.locator('#site-nav a', { hasText: 'Glossary' }).click();
      await page.waitForURL(/\/glossary\/$/);
      await page.context().close();
    });
  }
});

test('from 320 px to 1280 px the header is one row and every control is on screen', async () => {
  for (const width of [320, 360, 480, 600, 800, 1056, 1280]) {
    const page = await open('', { viewport: { width, height: 600 } });
    const m = await page.evaluate(() => ({
      height: document.querySelector('.site-header')!.getBoundingClientRect().height,
      right: Math.max(...[...document.querySelectorAll<HTMLElement>('.header-tools > *')].filter((e) => e.offsetParent).map((e) => e.getBoundingClientRect().right)),
    }));
    expect(m.height, `${width} px: header height`).toBeLessThanOrEqual(PHONE_HEADER_MAX);
    expect(m.right, `${width} px: rightmost control`).toBeLessThanOrEqual(width);
    await page.context().close();
  }
});

describe('header on a desktop (1280 px)', () => {
  test('shows the nav links in the row, with no Menu button', async () => {
    const page = await open('', { viewport: DESKTOP });
    expect(await page.locator('.menu-button').isVisible()).toBe(false);
    expect(await page.locator('#site-nav a').count()).toBe(6);
    for (let i = 1; i <= 6; i++) expect(await hitAt(page, `#site-nav li:nth-child(${i}) a`)).toBe(true);
    const height = await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(PHONE_HEADER_MAX);
    await page.context().close();
  });
});

describe('the home page', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`on a 390×844 phone, the first screen shows the dated "where things stand" line and an essay (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const page = await open('', { viewport: PHONE, javaScriptEnabled });
      const m = await page.evaluate(() => {
        const box = (sel: string) => document.querySelector(sel)?.getBoundingClientRect();
        return {
          teaser: box('.wts-teaser'),
          teaserDate: document.querySelector('.wts-teaser time')?.getAttribute('datetime'),
          firstCardTitle: box('.card-title'),
          h1: document.querySelector('h1')!.textContent!.trim(),
          siteName: document.querySelector('meta[property="og:site_name"]')!.getAttribute('content'),
        };
      });
      expect(m.teaser, 'the "where things stand" line').toBeTruthy();
      expect(m.teaser!.height).toBeGreaterThan(0);
      expect(m.teaser!.bottom).toBeLessThanOrEqual(PHONE.height);
      expect(m.teaserDate, 'the line carries its date').toMatch(/^\d{4}-\d{2}/);
      expect(m.firstCardTitle!.bottom, 'the first essay title').toBeLessThanOrEqual(PHONE.height);
      expect(m.h1, 'the h1 says what the page is for, not the site name again').not.toContain(m.siteName!);
      // The short line points to the full block, which is on the page.
      const target = await page.locator('.wts-teaser a').getAttribute('href');
      expect(await page.locator(target!).count()).toBe(1);
      await page.context().close();
    });
  }

  test('on a desktop, the full block stands beside the essays in the first screen, without the short line', async () => {
    const page = await open('', { viewport: DESKTOP });
    expect(await page.locator('.wts-teaser').isVisible()).toBe(false);
    const m = await page.evaluate(() => ({
      block: document.querySelector('.where-things-stand')!.getBoundingClientRect().toJSON() as DOMRect,
      card: document.querySelector('.card-title')!.getBoundingClientRect().toJSON() as DOMRect,
    }));
    expect(m.block.top).toBeLessThan(DESKTOP.height / 2);
    expect(m.card.bottom).toBeLessThanOrEqual(DESKTOP.height);
    expect(m.block.left, 'beside, not above').toBeGreaterThan(m.card.right);
    await page.context().close();
  });
});

describe('scrollspy in the contents list (1280 px)', () => {
  const marked = (page: Page) =>
    page.locator('nav.toc a[aria-current="location"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

  test('marks the section being read, one at a time, as the reader scrolls either way, without moving the list', async () => {
    const page = await open(essay, { viewport: DESKTOP });
    const hrefs = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(3);
    const layout = () => page.locator('nav.toc a').evaluateAll((as) => as.map((a) => { const r = a.getBoundingClientRect(); return [r.left, r.width, r.height]; }));
    const before = await layout();
    expect(await marked(page), 'nothing marked above the first heading').toEqual([]);
    for (const i of [1, 3, 2]) {
      await page.evaluate((id) => {
        const h = document.getElementById(id)!;
        window.scrollTo({ top: h.getBoundingClientRect().top + window.scrollY - 100, behavior: 'instant' });
      }, decodeURIComponent(hrefs[i]!.slice(1)));
      await expect.poll(() => marked(page), { message: `after scrolling to ${hrefs[i]}` }).toEqual([hrefs[i]]);
    }
    const link = page.locator(`nav.toc a[href="${hrefs[2]}"]`);
    const style = await link.evaluate((a) => getComputedStyle(a).borderLeftColor);
    const other = await page.locator(`nav.toc a[href="${hrefs[0]}"]`).evaluate((a) => getComputedStyle(a).borderLeftColor);
    expect(style, 'the current link is marked visibly').not.toBe(other);
    expect(await layout(), 'marking shifts nothing').toEqual(before);
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await expect.poll(() => marked(page)).toEqual([]);
    await page.context().close();
  });

  test('is loaded only by pages with a contents list', async () => {
    const page = await open('glossary/', { viewport: DESKTOP });
    expect(await page.locator('nav.toc').count()).toBe(0);
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src || s.textContent || '').join('\n'));
    expect(scripts).not.toMatch(/aria-current.{0,20}location|location.{0,20}aria-current/);
    await page.context().close();
  });
});

describe('jump lists', () => {
  /** Every in-page link of a jump list, with whether exactly one element has its id. */
  const jumpTargets = (page: Page, selector: string) =>
    page.locator(`${selector} a`).evaluateAll((as) =>
      as.map((a) => {
        const id = decodeURIComponent((a as HTMLAnchorElement).hash.slice(1));
        return { text: a.textContent!.trim(), id, found: document.querySelectorAll(`[id="${CSS.escape(id)}"]`).length };
      }),
    );

  test('/glossary/ lists A to Z; a letter with terms links to the first of them, the others are not links', async () => {
    const page = await open('glossary/', { viewport: PHONE });
    const links = await jumpTargets(page, '.jump-letters');
    expect(links.length).toBeGreaterThan(5);
    for (const l of links) expect(l.found, `#${l.id} (${l.text})`).toBe(1);
    // Each link leads to the first term filed under its letter, and the terms run A to Z.
    const terms = await page.locator('.term-name').evaluateAll((hs) => hs.map((h) => ({ id: h.id, letter: h.textContent!.trim().replace(/^the\s+/i, '').charAt(0).toUpperCase() })));
    for (const l of links) expect(terms.find((t) => t.letter === l.text)?.id, l.text).toBe(l.id);
    const letters = await page.locator('.jump-letters li').evaluateAll((lis) => lis.map((li) => ({ text: li.textContent!.trim().charAt(0), link: !!li.querySelector('a') })));
    expect(letters.map((l) => l.text).join('')).toMatch(/ABCDEFGHIJKLMNOPQRSTUVWXYZ$/);
    for (const l of letters) expect(l.link, l.text).toBe(terms.some((t) => t.letter === l.text));
    expect(terms.map((t) => t.letter).join('')).toBe([...terms.map((t) => t.letter)].sort().join(''));
    // A tapped letter brings its term to the top of the screen.
    const last = links.at(-1)!;
    await page.locator('.jump-letters a', { hasText: last.text }).click();
    await expect.poll(() => page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, last.id)).toBeLessThan(200);
    await page.context().close();
  });

  test('each kind of source\'s page lists its publishers, each linking to its heading', async () => {
    const groups = groupSources(parseSources(readFileSync('content/sources.yaml', 'utf8'), 'content/sources.yaml').values());
    for (const g of groups.filter((g) => g.publishers.length > 1)) {
      const page = await open(sourceKindPath(g.type), { viewport: DESKTOP });
      const links = await jumpTargets(page, '.publisher-jump');
      expect(links.map((l) => l.text), g.type).toEqual(g.publishers.map((p) => p.publisher));
      for (const l of links) expect(l.found, `#${l.id} (${l.text})`).toBe(1);
      for (const l of links.slice(0, 3)) {
        const heading = await page.locator(`[id="${l.id}"] > .source-publisher-name`).textContent();
        expect(heading).toContain(l.text);
      }
      await page.context().close();
    }
  });
});

describe('arriving at a section', () => {
  // Smooth scrolling is for a reader's own click; a link into a section (a citation, a shared
  // /essays/x/#references) must land there at once, not scroll down the whole page on arrival.
  const motion = { viewport: PHONE, reducedMotion: 'no-preference' as const };
  /** The last section in the contents list (the references, at the foot of a long page). */
  const lastSection = async (page: Page) => (await page.locator('nav.toc a[href^="#"]').last().getAttribute('href'))!.slice(1);

  test('a link to a section far down the page opens there at once, with motion allowed', async () => {
    const probe = await open(essay, motion);
    const id = await lastSection(probe);
    await probe.context().close();
    const context = await browser.newContext(motion);
    const page = await context.newPage();
    await page.goto(site.url(`${essay}#${id}`), { waitUntil: 'load' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const top = await page.evaluate((target) => document.getElementById(target)!.getBoundingClientRect().top, id);
    expect(top, `#${id} is ${Math.round(top)} px from the top of the screen just after load`).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(40);
    await context.close();
  });

  test("a reader's click on a link within the page still scrolls smoothly there", async () => {
    const page = await open(essay, { ...motion, viewport: DESKTOP });
    // A section in the middle, so the page can scroll it to the top.
    const links = page.locator('nav.toc a[href^="#"]');
    const link = links.nth(Math.floor((await links.count()) / 2));
    const id = (await link.getAttribute('href'))!.slice(1);
    await link.click();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
    // It ends just below the sticky header (1rem under it), having scrolled there.
    await page.waitForFunction(
      (target) => Math.abs(document.getElementById(target)!.getBoundingClientRect().top - (document.querySelector('.site-header')!.getBoundingClientRect().bottom + 16)) < 30 && document.documentElement.scrollTop > 0,
      id,
      { timeout: 5000 },
    );
    await page.context().close();
  });
});

describe('small things readers notice', () => {
  test('every "·" separator has a space on both sides, on every page ("Download stockpile.csv ·See the chart")', () => {
    const glued: string[] = [];
    for (const p of builtPages()) {
      const html = readFileSync(path.resolve('dist', p.endsWith('/') || p === '' ? `${p}index.html` : p), 'utf8');
      const text = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, '');
      for (const m of text.matchAll(/.{0,20}(?:\S·|·\S).{0,20}/g)) glued.push(`/${p}: "${m[0].trim()}"`);
    }
    expect(glued).toEqual([]);
  });

  test('/essays/ numbers the cards its text says to read in order; each card says when it was published', async () => {
    const page = await open('essays/', { viewport: DESKTOP });
    expect(await page.locator('.lede').textContent()).toMatch(/in this order/);
    const numbers = await page.locator('ol.cards-numbered > li .card-number').allTextContents();
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
    const metas = await page.locator('.card-meta').allTextContents();
    for (const m of metas) expect(m).toMatch(/Published \d{1,2} \w+ \d{4}/);
    await page.context().close();
  });
});
