/**
 * Every built page, in Debian's Chromium: it loads with no console error and no failed request,
 * asks no host but its own, passes axe (WCAG 2.2 A/AA) in the light and the dark theme, and every
 * internal link and #anchor on it resolves.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { serveDist, type StaticSite } from './support/server.ts';
import { launchChromium } from './support/browser.ts';
import { builtPages } from './support/site.ts';
import { axeViolations } from './support/axe.ts';

const pages = builtPages();
let site: StaticSite;
let browser: Browser;
let light: BrowserContext;
let dark: BrowserContext;

beforeAll(async () => {
  site = await serveDist();
  browser = await launchChromium();
  light = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
  dark = await browser.newContext({ colorScheme: 'dark', viewport: { width: 390, height: 844 } });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('every built page', () => {
  test('the build produced the pages the site is made of', () => {
    for (const required of ['', 'about/', 'essays/', '404.html']) expect(pages).toContain(required);
    expect(pages.filter((p) => p.startsWith('essays/') && p !== 'essays/').length).toBeGreaterThan(0);
  });

  test.each(pages)('/%s loads cleanly, stays on its own host and passes axe in light and dark', async (pagePath) => {
    for (const context of [light, dark]) {
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      const failed: string[] = [];
      const foreign: string[] = [];
      page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
      page.on('pageerror', (e) => consoleErrors.push(String(e)));
      page.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== site.origin) foreign.push(r.url());
      });
      page.on('response', (r) => {
        const isThePage = r.url() === site.url(pagePath);
        if (r.status() >= 400 && !(isThePage && pagePath === '404.html')) failed.push(`${r.url()} (HTTP ${r.status()})`);
      });
      await page.goto(site.url(pagePath), { waitUntil: 'networkidle' });
      expect(consoleErrors, 'console errors').toEqual([]);
      expect(failed, 'failed requests').toEqual([]);
      expect(foreign, 'requests to other hosts').toEqual([]);
      expect(await axeViolations(page), 'axe violations').toEqual([]);
      await page.close();
    }
  });

  test('every internal link and #anchor resolves to an existing page and element', async () => {
    const page = await light.newPage();
    const idsByPage = new Map<string, Set<string>>();
    const links: { from: string; href: string }[] = [];
    for (const pagePath of pages) {
      await page.goto(site.url(pagePath));
      const found = await page.evaluate(() => ({
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
        // getAttribute, not .href: SVG links (timeline marks) have no string .href.
        hrefs: [...document.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href')!, document.baseURI).href),
      }));
      idsByPage.set(new URL(site.url(pagePath)).pathname, new Set(found.ids));
      for (const href of found.hrefs) links.push({ from: pagePath, href });
    }
    const broken: string[] = [];
    for (const { from, href } of links) {
      const url = new URL(href);
      if (url.origin !== site.origin) continue;
      let pathname = url.pathname;
      if (!idsByPage.has(pathname)) {
        // Not an HTML page we visited: a feed, a data file, the sitemap. It must exist.
        const res = await fetch(url.href.split('#')[0]!);
        if (!res.ok) broken.push(`/${from} → ${href} (HTTP ${res.status})`);
        continue;
      }
      const hash = decodeURIComponent(url.hash.slice(1));
      if (hash && !idsByPage.get(pathname)!.has(hash)) broken.push(`/${from} → ${href} (no element with id "${hash}")`);
    }
    expect(links.length).toBeGreaterThan(pages.length);
    expect(broken).toEqual([]);
    await page.close();
  });
});
