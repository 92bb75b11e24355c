/** What a reader and an educator do on an essay: copy a section link, switch theme, land on #section, read without JS. */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { useSiteAndBrowser } from './support/page-checks.ts';
import { builtPages } from './support/site.ts';

let site: StaticSite;
let browser: Browser;
const essays = builtPages().filter((p) => /^essays\/[^/]+\/$/.test(p));
const essay = essays[0]!;

useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

/** The page's canonical address, as the page itself declares it: what every shared link is built on. */
const canonicalOf = (page: Page) => page.locator('link[rel="canonical"]').getAttribute('href') as Promise<string>;

/**
 * Opens the menu of the n-th heading control with the real pointer (a tap with `touch`), after
 * checking that the pointer's point lands on the control and not on something covering it.
 */
async function openSectionMenu(page: Page, n = 0, touch = false) {
  const control = page.locator('.heading-wrap a.section-link[data-section]').nth(n);
  await control.scrollIntoViewIfNeeded();
  if (!touch) await control.locator('xpath=ancestor::div[contains(@class,"heading-wrap")]').hover();
  const box = (await control.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  expect(await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest('a.section-link')?.getAttribute('data-section') ?? null, [x, y])).toBe(await control.getAttribute('data-section'));
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  const menu = page.locator('.section-menu');
  await expect.poll(() => menu.isVisible()).toBe(true);
  expect(await control.getAttribute('aria-expanded')).toBe('true');
  return { control, menu, section: (await control.getAttribute('data-section'))! };
}

/** Clicks (or taps) a menu item where the pointer really lands on it. */
async function pressMenuItem(page: Page, name: string, touch = false) {
  const item = page.locator('.section-menu .section-menu-item', { hasText: name });
  const box = (await item.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  expect(await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.textContent ?? null, [x, y])).toBe(name);
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

describe('section links', () => {
  test('the heading control\'s "Copy link" copies the canonical address with the anchor, never the host or a query string', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await context.newPage();
    // Arriving from search adds ?highlight=…: it must not travel with the link.
    await page.goto(`${site.url(essay)}?highlight=iran`);
    const canonical = await canonicalOf(page);
    expect(canonical.startsWith(site.origin)).toBe(false);
    const { section } = await openSectionMenu(page, 1);
    await pressMenuItem(page, 'Copy link');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${canonical}#${section}`);
    expect(copied).not.toContain('?');
    await expect.poll(() => page.locator('[role="status"]').textContent()).toContain('Link copied');
    await context.close();
  });

  test('the control is quiet: hidden until the heading is hovered or focused on a desktop, always shown (muted) on a phone, and never on a line of its own', async () => {
    for (const options of [{ viewport: { width: 1280, height: 800 } }, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }]) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await page.goto(site.url(essay));
      const touch = !!options.hasTouch;
      const layout = await page.evaluate(() => [...document.querySelectorAll('.heading-wrap')].map((wrap) => {
        const heading = wrap.querySelector('h2, h3')!;
        const control = wrap.querySelector('a.section-link')!;
        const lastLine = [...heading.getClientRects()].at(-1)!;
        const box = [...control.getClientRects()];
        return { id: heading.id, controlLines: box.length, sameLine: Math.abs(box[0]!.top + box[0]!.height / 2 - (lastLine.top + lastLine.height / 2)) < lastLine.height / 2, gap: box[0]!.left - lastLine.right, opacity: Number(getComputedStyle(control).opacity) };
      }));
      expect(layout.length).toBeGreaterThan(5);
      for (const h of layout) {
        expect(h, h.id).toMatchObject({ controlLines: 1, sameLine: true });
        expect(h.gap, h.id).toBeLessThan(8);
        expect(h.opacity, h.id).toBe(touch ? 0.7 : 0);
      }
      if (!touch) {
        const wrap = page.locator('.heading-wrap').nth(1);
        await wrap.hover();
        await expect.poll(() => wrap.locator('a.section-link').evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
      }
      await context.close();
    }
  });

  test('the menu works from the keyboard: Enter or Space opens it, arrows and Tab move, Escape closes it and returns focus', async () => {
    const page = await browser.newPage();
    await page.goto(site.url(essay));
    // The menu's own behaviour, once the page's scripts run (an early click is tested in script-start.test.ts).
    await page.waitForFunction(() => document.documentElement.dataset.scripts === 'ready');
    const control = page.locator('.heading-wrap a.section-link[data-section]').first();
    expect(await control.getAttribute('role')).toBe('button');
    await control.focus();
    // Shown on focus (after its short fade).
    await expect.poll(() => control.evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Copy link');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Cite this section');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Copy link');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Cite this section');
    await page.keyboard.press('Escape');
    expect(await page.locator('.section-menu').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('section-link'))).toBe(true);
    expect(await control.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press(' ');
    await expect.poll(focused).toBe('Copy link');
    await page.keyboard.press('Escape');
    expect(page.url()).toBe(site.url(essay));
    await page.close();
  });

  test('landing on #section puts the heading below the sticky header, highlighted', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    await page.goto(site.url(essay));
    const ids = await page.locator('.prose h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
    const target = ids[Math.min(2, ids.length - 1)]!;
    await page.goto(`${site.url(essay)}#${target}`);
    await page.waitForTimeout(300);
    const geometry = await page.evaluate((id) => {
      const h = document.getElementById(id)!.getBoundingClientRect();
      const header = document.querySelector('.site-header')!.getBoundingClientRect();
      const heading = document.getElementById(id)!;
      return { headingTop: h.top, headerBottom: header.bottom, background: getComputedStyle(heading).backgroundColor, focused: document.activeElement === heading, outline: getComputedStyle(heading).outlineStyle };
    }, target);
    expect(geometry.headingTop).toBeGreaterThanOrEqual(geometry.headerBottom);
    // Just below it (html's scroll-padding), not twice as far down by a second offset added on.
    expect(geometry.headingTop - geometry.headerBottom).toBeLessThan(32);
    expect(geometry.background).not.toBe('rgba(0, 0, 0, 0)');
    // The browser focuses it (so Tab goes on from there); the highlight marks it, not a lasting focus ring.
    expect(geometry).toMatchObject({ focused: true, outline: 'none' });
    await page.close();
  });

  test('without JavaScript every heading has its own visible link to its own id, and following it lands there', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url(essay));
    const headings = await page.evaluate(() => [...document.querySelectorAll('.prose h2, .prose h3')].map((h) => {
      const link = h.closest('.heading-wrap')?.querySelector<HTMLAnchorElement>('a.section-link');
      const href = link?.getAttribute('href') ?? '';
      const box = link?.getBoundingClientRect();
      return { id: h.id, href, targetIsHeading: href.startsWith('#') && document.getElementById(decodeURIComponent(href.slice(1))) === h, visible: !!box && box.width > 0 && getComputedStyle(link!).visibility !== 'hidden' };
    }));
    expect(headings.length).toBeGreaterThan(5);
    for (const h of headings) expect(h, h.id || '(a heading without an id)').toMatchObject({ href: `#${h.id}`, targetIsHeading: true, visible: true });
    expect(new Set(headings.map((h) => h.id)).size).toBe(headings.length);
    const last = headings.at(-1)!;
    await page.locator(`.heading-wrap a.section-link[href="#${last.id}"]`).click();
    expect(new URL(page.url()).hash).toBe(`#${last.id}`);
    expect((await page.locator('.prose').innerText()).split(/\s+/).length).toBeGreaterThan(100);
    await context.close();
  });
});

describe('citing and correcting', () => {
  test('"Cite this section" opens a panel with the canonical link and APA, Chicago and BibTeX citations retrieved today', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await context.newPage();
    await page.goto(`${site.url(essay)}?highlight=iran`);
    const essayTitle = (await page.locator('h1').textContent())!.trim();
    const updated = (await page.locator('article').getAttribute('data-updated'))!;
    const [y, m, d] = updated.split('-').map(Number) as [number, number, number];
    const updatedDay = new Date(Date.UTC(y, m - 1, d));
    const month = updatedDay.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    const macro = updatedDay.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' }).toLowerCase();
    // Today in the reader's browser.
    const today = await page.evaluate(() => {
      const now = new Date();
      const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
      return { words: now.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' }), iso };
    });
    const { control, section } = await openSectionMenu(page, 1);
    const sectionTitle = (await page.locator(`[id="${section}"]`).textContent())!.trim();
    await pressMenuItem(page, 'Cite this section');
    const panel = page.locator('.cite-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await page.locator('.section-menu').isVisible()).toBe(false);
    const url = `${await canonicalOf(page)}#${section}`;
    expect(url.startsWith(site.origin)).toBe(false);
    const copied = async (format: string) => {
      await panel.locator(`button[data-format="${format}"]`).click();
      return page.evaluate(() => navigator.clipboard.readText());
    };
    expect(await copied('Link')).toBe(url);
    expect(await copied('APA')).toBe(`US–Iran Talks Explained. (${y}, ${month} ${d}). ${essayTitle}: ${sectionTitle}. Retrieved ${today.words}, from ${url}`);
    expect(await copied('Chicago')).toBe(`US–Iran Talks Explained. “${essayTitle}: ${sectionTitle}.” Last modified ${month} ${d}, ${y}. Accessed ${today.words}. ${url}.`);
    const bib = await copied('BibTeX');
    expect(bib).toMatch(/^@misc\{usiran-[a-z0-9-]+,\n/);
    expect(bib).toContain(`url = {${url}}`);
    expect(bib).toContain(`month = ${macro},`);
    expect(bib).toContain(`urldate = {${today.iso}}`);
    await expect.poll(() => page.locator('[role="status"]').textContent()).toBe('BibTeX citation copied');
    expect(await panel.locator('a[href*="/issues/new?"]').getAttribute('href')).toContain(encodeURIComponent(sectionTitle).replace(/%20/g, '+'));
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-section'))).toBe(await control.getAttribute('data-section'));
    await context.close();
  });

  test('without JavaScript the essay still says how to cite it and where to report an error', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url(essay));
    const block = page.locator('.how-to-cite');
    expect(await block.locator('dt').allTextContents()).toEqual(['APA', 'Chicago', 'BibTeX']);
    expect(await block.textContent()).toContain(site.url(essay).replace(site.origin, ''));
    expect(await block.textContent()).toContain('the day this page was built');
    expect(await page.locator('#updates-and-corrections').count()).toBe(1);
    expect(await page.locator('a', { hasText: 'Report an error' }).getAttribute('href')).toMatch(/\/issues\/new\?title=/);
    await context.close();
  });
});

describe('the About page\'s example citation', () => {
  test('cites a real essay: its title, last update and canonical address, as that essay\'s own block does', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url('about/'));
    const example = page.locator('.citation-example');
    const apaText = (await example.locator('dd').first().textContent())!.trim();
    const address = /from (\S+)$/.exec(apaText)?.[1] ?? '';
    const canonicalBase = (await page.locator('link[rel="canonical"]').getAttribute('href'))!.replace(/about\/$/, '');
    expect(address.startsWith(canonicalBase)).toBe(true);
    await page.goto(site.url(address.slice(canonicalBase.length)));
    const title = (await page.locator('h1').textContent())!.trim();
    const essayApa = (await page.locator('.how-to-cite dd').first().textContent())!.trim();
    expect(apaText).toBe(essayApa);
    expect(apaText).toContain(`. ${title}. Retrieved `);
    await context.close();
  });
});

describe('glossary terms', () => {
  test('a term link shows its definition on keyboard focus, and Escape dismisses it', async () => {
    const page = await browser.newPage();
    await page.goto(site.url(essay));
    const link = page.locator('.prose a.term-link[data-definition]').first();
    const definition = (await link.getAttribute('data-definition'))!;
    await link.focus();
    const popover = page.locator('#popover');
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await popover.locator('.popover-text').textContent()).toBe(definition);
    expect(await popover.locator('a').first().getAttribute('href')).toBe(await link.getAttribute('href'));
    expect(await link.getAttribute('aria-describedby')).toBe('popover');
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.isVisible()).toBe(false);
    expect(await link.getAttribute('href')).toMatch(/\/glossary\/#[a-z0-9-]+$/);
    await page.close();
  });
});

/** How the theme switch looks (track colour, knob position) and whether a pointer hits the button. */
async function switchLooks(page: import('playwright-core').Page): Promise<{ track: string; knobLeft: number; hit: boolean }> {
  return page.evaluate(() => {
    const button = document.querySelector('button.theme-toggle')!;
    const track = button.querySelector('.theme-switch')!;
    const box = button.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      track: getComputedStyle(track).backgroundColor,
      knobLeft: parseFloat(getComputedStyle(track, '::after').left),
      hit: !!hit && button.contains(hit),
    };
  });
}

describe('theme', () => {
  for (const [scheme, pressed] of [['light', 'false'], ['dark', 'true']] as const) {
    test(`in a ${scheme} system theme the toggle starts ${pressed === 'true' ? 'on' : 'off'}, at 390 px and 1280 px`, async () => {
      for (const width of [390, 1280]) {
        const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 800 } });
        const page = await context.newPage();
        await page.goto(site.url(essay));
        const toggle = page.locator('button.theme-toggle');
        await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe(pressed);
        expect(await toggle.getAttribute('aria-label'), 'one name in both states; the state is aria-pressed').toBeNull();
        expect((await toggle.innerText()).trim() || (await toggle.textContent())!.trim()).toBe('Dark theme');
        expect((await switchLooks(page)).hit).toBe(true);
        await context.close();
      }
    });
  }

  test('the toggle switches the theme and the choice survives a reload', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(site.url(''));
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const before = await background();
    const toggle = page.locator('button.theme-toggle');
    await expect.poll(() => toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const off = await switchLooks(page);
    expect(off.hit, 'the pointer lands on the toggle').toBe(true);
    await toggle.click();
    // A click that comes before the page scripts are ready is replayed once they are (after-paint.ts).
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // The pressed state is visible, not only announced: the switch fills and its knob moves over.
    await page.waitForTimeout(250);
    const on = await switchLooks(page);
    expect(on.track).not.toBe(off.track);
    expect(on.knobLeft - off.knobLeft).toBeGreaterThan(5);
    const after = await background();
    expect(after).not.toBe(before);
    await page.goto(site.url(essay));
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe(after);
    await context.close();
  });
});
