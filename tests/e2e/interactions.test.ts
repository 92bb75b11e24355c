/** What a reader and an educator do on an essay: copy a section link, switch theme, land on #section, read without JS. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveDist, type StaticSite } from './support/server.ts';
import { launchChromium } from './support/browser.ts';
import { builtPages } from './support/site.ts';

let site: StaticSite;
let browser: Browser;
const essays = builtPages().filter((p) => /^essays\/[^/]+\/$/.test(p));
const essay = essays[0]!;

beforeAll(async () => {
  site = await serveDist();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
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

describe('theme', () => {
  test('the toggle switches the theme and the choice survives a reload', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(site.url(''));
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const before = await background();
    const toggle = page.locator('button.theme-toggle');
    await expect.poll(() => toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const after = await background();
    expect(after).not.toBe(before);
    await page.goto(site.url(essay));
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe(after);
    await context.close();
  });
});
