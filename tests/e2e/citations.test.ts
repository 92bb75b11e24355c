/**
 * Facts are cited: every paragraph or list item of a built essay that states a quantity, a
 * percentage or a full date carries at least one citation marker.
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { builtPages } from './support/site.ts';
import { openPage, closePage, useSiteAndBrowser } from './support/page-checks.ts';

export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
export const NEEDS_CITATION = new RegExp(
  [
    `\\b\\d{1,2} (${MONTHS}) \\d{4}\\b`, // 28 February 2026
    `\\b(${MONTHS}) \\d{1,2}, \\d{4}\\b`, // February 28, 2026
    `\\d(\\.\\d+)?\\s?(%|per ?cent)`, // 20 %, 3.67 per cent
    `[$€£]\\s?\\d`, // $6bn
    `\\b\\d[\\d,]*(\\.\\d+)?\\s?(kg|kilograms?|tonnes?|barrels?|bcf|mb/d|million|billion|trillion|km|kilomet(re|er)s?|miles?|nautical|centrifuges|missiles|drones|ships|vessels|tankers|troops|people|deaths|dead|killed)\\b`,
  ].join('|'),
  'i',
);

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

const essays = builtPages().filter((p) => /^essays\/[^/]+\/$/.test(p));
const pages = [...essays, ...builtPages().filter((p) => p === 'start/')];

describe('every figure carries a citation', () => {
  test('the rule catches what it should', () => {
    expect(NEEDS_CITATION.test('The strike came on 8 January 2020.')).toBe(true);
    expect(NEEDS_CITATION.test('about 20 % of world consumption')).toBe(true);
    expect(NEEDS_CITATION.test('408.6 kg of uranium')).toBe(true);
    expect(NEEDS_CITATION.test('$6bn moved to Qatar')).toBe(true);
    expect(NEEDS_CITATION.test('The deal of 2015 set limits.')).toBe(false);
  });

  test.each(pages)('/%s: no uncited quantity, percentage or full date', async (path) => {
    const page = await openPage(browser, site.url(path), { javaScriptEnabled: false });
    const blocks = await page.evaluate(() =>
      [...document.querySelectorAll('.prose p, .prose li')]
        // Site furniture (how to cite, the updates list) is not a claim about the world.
        .filter((el) => !el.closest('.chart, ol.references, .updates, .how-to-cite'))
        .map((el) => ({ text: (el as HTMLElement).innerText.trim(), cited: !!el.querySelector('sup.cite') })),
    );
    expect(blocks.length).toBeGreaterThan(10);
    const uncited = blocks.filter((b) => !b.cited && NEEDS_CITATION.test(b.text)).map((b) => b.text.slice(0, 160));
    expect(uncited).toEqual([]);
    await closePage(page);
  });
});
