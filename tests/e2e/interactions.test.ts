/** What a reader and an educator do on an essay: copy a section link, switch theme, land on #section, read without JS. */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
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

describe('section links', () => {
  test('the copy-link button puts the section URL on the clipboard and says so', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await context.newPage();
    await page.goto(site.url(essay));
    const button = page.locator('button.copy-link').first();
    await expect.poll(() => button.isVisible()).toBe(true);
    const section = await button.getAttribute('data-section');
    await button.click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${site.url(essay)}#${section}`);
    await expect.poll(() => page.locator('[role="status"]').textContent()).toContain('Link copied');
    await context.close();
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
      return { headingTop: h.top, headerBottom: header.bottom, background: getComputedStyle(document.getElementById(id)!).backgroundColor };
    }, target);
    expect(geometry.headingTop).toBeGreaterThanOrEqual(geometry.headerBottom);
    expect(geometry.headingTop).toBeLessThan(400);
    expect(geometry.background).not.toBe('rgba(0, 0, 0, 0)');
    await page.close();
  });

  test('without JavaScript the text, headings and section links are all there', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url(essay));
    const headings = await page.locator('.prose h2[id]').count();
    expect(headings).toBeGreaterThan(1);
    expect(await page.locator('.prose .section-link').count()).toBeGreaterThanOrEqual(headings);
    const first = page.locator('.prose .section-link').first();
    expect(await first.isVisible()).toBe(true);
    expect(await first.getAttribute('href')).toMatch(/^#[a-z0-9-]+$/);
    expect((await page.locator('.prose').innerText()).split(/\s+/).length).toBeGreaterThan(100);
    // The copy button needs JavaScript, so it stays hidden rather than doing nothing.
    expect(await page.locator('button.copy-link').first().isVisible()).toBe(false);
    await context.close();
  });
});

describe('citing and correcting', () => {
  test('the Cite panel copies the section\'s link and its APA, Chicago and BibTeX citations', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await context.newPage();
    await page.goto(site.url(essay));
    const essayTitle = (await page.locator('h1').textContent())!.trim();
    const updated = (await page.locator('article').getAttribute('data-updated'))!;
    const [y, m, d] = updated.split('-').map(Number) as [number, number, number];
    const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    const button = page.locator('button.cite-button').first();
    const section = (await button.getAttribute('data-section'))!;
    const sectionTitle = (await page.locator(`[id="${section}"]`).textContent())!.trim();
    await button.click();
    const panel = page.locator('.cite-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const url = `${site.url(essay)}#${section}`;
    const copied = async (format: string) => {
      await panel.locator(`button[data-format="${format}"]`).click();
      return page.evaluate(() => navigator.clipboard.readText());
    };
    expect(await copied('Link')).toBe(url);
    expect(await copied('APA')).toBe(`US–Iran Talks Explained. (${y}, ${month} ${d}). ${essayTitle}: ${sectionTitle}. ${url}`);
    expect(await copied('Chicago')).toBe(`US–Iran Talks Explained. “${essayTitle}: ${sectionTitle}.” Last modified ${month} ${d}, ${y}. ${url}.`);
    const bib = await copied('BibTeX');
    expect(bib).toMatch(/^@misc\{usiran-[a-z0-9-]+,\n/);
    expect(bib).toContain(`url = {${url}}`);
    await expect.poll(() => page.locator('[role="status"]').textContent()).toBe('BibTeX citation copied');
    expect(await panel.locator('a[href*="/issues/new?"]').getAttribute('href')).toContain(encodeURIComponent(sectionTitle).replace(/%20/g, '+'));
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cite-button'))).toBe(true);
    await context.close();
  });

  test('without JavaScript the essay still says how to cite it and where to report an error', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url(essay));
    const block = page.locator('.how-to-cite');
    expect(await block.locator('dt').allTextContents()).toEqual(['APA', 'Chicago', 'BibTeX']);
    expect(await block.textContent()).toContain(site.url(essay).replace(site.origin, ''));
    expect(await page.locator('#updates-and-corrections').count()).toBe(1);
    expect(await page.locator('a', { hasText: 'Report an error' }).getAttribute('href')).toMatch(/\/issues\/new\?title=/);
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
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
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
