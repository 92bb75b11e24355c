/**
 * Each page inlines only the styles it can use (src/lib/page-styles.ts). Checked here the way a
 * browser sees it, independently of how the build decides: the whole site stylesheet is parsed by
 * Chromium, and every selector of it that matches an element on the page, with the search dialog
 * open on results and a citation's popover and a heading's menu open, must be one of the page's
 * own rules. A rule trimmed by mistake would leave something on screen unstyled.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { useSiteAndBrowser } from './support/page-checks.ts';

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

const SITE_CSS = ['src/styles/global.css', 'src/styles/timeline-years.css'].map((f) => readFileSync(f, 'utf8')).join('\n');

/** Selectors of the whole stylesheet that match something on the page but have no rule of the page's own. */
function unstyledSelectors(page: Page): Promise<string[]> {
  return page.evaluate((css) => {
    /** A selector list split at its top-level commas. */
    const split = (list: string) => {
      const parts: string[] = [];
      let depth = 0;
      let start = 0;
      for (let i = 0; i < list.length; i++) {
        const ch = list[i];
        if (ch === '(' || ch === '[') depth++;
        else if (ch === ')' || ch === ']') depth--;
        else if (ch === ',' && depth === 0) {
          parts.push(list.slice(start, i).trim());
          start = i + 1;
        }
      }
      parts.push(list.slice(start).trim());
      return parts;
    };
    const selectorsOf = (rules: CSSRuleList, into: string[] = []): string[] => {
      for (const rule of rules) {
        if (rule instanceof CSSStyleRule) into.push(...split(rule.selectorText));
        else if ('cssRules' in rule) selectorsOf((rule as CSSGroupingRule).cssRules, into);
      }
      return into;
    };
    const own = new Set<string>();
    for (const sheet of document.styleSheets) for (const s of selectorsOf(sheet.cssRules)) own.add(s);
    const whole = new CSSStyleSheet();
    whole.replaceSync(css);
    // A selector matches an element when it would, states and pseudo-elements aside.
    const asMatcher = (s: string) => s.replace(/::?(before|after|backdrop|marker|details-content|-webkit-details-marker|placeholder)\b/g, '').replace(/:(hover|focus-visible|focus-within|focus|active|visited|popover-open)\b/g, '');
    const missing = new Set<string>();
    for (const s of selectorsOf(whole.cssRules)) {
      let matches = false;
      try {
        matches = !!document.querySelector(asMatcher(s) || '*');
      } catch {
        matches = false;
      }
      if (matches && !own.has(s)) missing.add(s);
    }
    return [...missing];
  }, SITE_CSS);
}

async function openEverything(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.scripts === 'ready', undefined, { timeout: 15_000 });
  const cite = page.locator('a.cite-link, a.term-link').first();
  if (await cite.count()) {
    await cite.focus();
    await page.waitForSelector('.popover:not([hidden])', { timeout: 5_000 });
  }
  const heading = page.locator('a.section-link[data-section]').first();
  if (await heading.count()) {
    await heading.scrollIntoViewIfNeeded();
    await heading.click();
    await page.waitForSelector('.section-menu:not([hidden])', { timeout: 5_000 });
  }
}

const PAGES = ['', 'essays/nuclear-file/', 'start/', 'timeline/', 'glossary/', 'sources/', 'sources/wire-agencies/', 'charts/stockpile/', 'data/', 'facts/', 'changes/', 'embed/chart-stockpile/'];

describe('each page keeps the styles of everything it shows', () => {
  test.each(PAGES)('/%s, with its popover, heading menu and search results open', async (p) => {
    // One width: the trimming does not depend on it, and the page's elements are the same at every width.
    for (const width of [390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(site.url(p), { waitUntil: 'load' });
      if (!p.startsWith('embed/')) {
        await openEverything(page);
        expect(await unstyledSelectors(page), `${p} at ${width} px, popover and menu open`).toEqual([]);
        await page.keyboard.press('Escape');
        await page.keyboard.press('/');
        await page.keyboard.type('hormuz');
        await page.waitForSelector('.search-results [role=option]', { timeout: 15_000 });
      }
      expect(await unstyledSelectors(page), `${p} at ${width} px`).toEqual([]);
      await context.close();
    }
  });

  test('the check can fail: a page given only part of its stylesheet is caught', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url('essays/nuclear-file/'), { waitUntil: 'load' });
    await page.evaluate(() => {
      const style = document.querySelector('style')!;
      style.textContent = style.textContent!.replace(/\.toc a\{[^}]*\}/, '');
    });
    expect(await unstyledSelectors(page)).toContain('.toc a');
    await context.close();
  });
});
