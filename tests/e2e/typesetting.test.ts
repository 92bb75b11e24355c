/**
 * The number style in the built prose (src/lib/typesetting.ts through the Markdown pipeline): no
 * "%" or unit can wrap onto a line alone, and no citation marker can wrap away from its word.
 * Charts draw their own text (src/lib/charts) and are left out here.
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { closePage, openPage, useSiteAndBrowser } from './support/page-checks.ts';
import { builtPages } from './support/site.ts';

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

const prosePages = builtPages().filter((p) => /^essays\/[^/]+\/$/.test(p) || p === 'start/' || p === 'about/');

describe('typesetting', () => {
  test.each(prosePages)('/%s: every "%" and unit is held to its number, every marker to its word', async (p) => {
    const page = await openPage(browser, site.url(p), { javaScriptEnabled: false });
    const found = await page.evaluate(() => {
      const texts: string[] = [];
      // No filter callback: with JavaScript off in the page, the walker could not call one.
      const walker = document.createTreeWalker(document.querySelector('.prose')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.parentElement?.closest('.chart, figure, svg, code, pre, .where-things-stand')) texts.push(n.textContent ?? '');
      }
      const text = texts.join('');
      const markers = [...document.querySelectorAll('.prose sup.cite')].filter((s) => !s.closest('.chart, figure'));
      return {
        // A space a line may break at; "60%" (a quoted headline) and "60 %" with a no-break space cannot.
        breakable: [...text.matchAll(/.{0,30}\d[ \t\n]%/g)].map((m) => m[0]),
        loose: markers.filter((s) => /\s$/.test(s.previousSibling?.textContent ?? '')).map((s) => `${(s.previousSibling?.textContent ?? '').slice(-30)}[…]`),
      };
    });
    expect(found.breakable).toEqual([]);
    expect(found.loose).toEqual([]);
    await closePage(page);
  });
});
