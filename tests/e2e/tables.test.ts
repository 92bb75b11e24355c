/**
 * Wide tables (issue 13): every content table sits in a scroll frame (src/lib/table-frame.ts) that
 * a keyboard can scroll, that a screen reader names, and that shows a shadow on the edge with more
 * to see; on paper the whole table prints without the frame.
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { closePage, openPage, useSiteAndBrowser } from './support/page-checks.ts';
import { waitForPrintStyles } from './support/print.ts';
import { builtPages } from './support/site.ts';
import { PNG } from 'pngjs';
import type { Locator } from 'playwright-core';

/** Mean brightness (0–255) of the frame's outermost pixels on its right edge, where the shadow is drawn, in the header row's height. */
async function rightEdgeBrightness(frame: Locator): Promise<number> {
  const box = (await frame.boundingBox())!;
  const png = PNG.sync.read(await frame.page().screenshot({ clip: { x: box.x + box.width - 4, y: box.y + 2, width: 3, height: 10 } }));
  let sum = 0;
  for (let i = 0; i < png.data.length; i += 4) sum += (png.data[i]! + png.data[i + 1]! + png.data[i + 2]!) / 3;
  return sum / (png.data.length / 4);
}

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

const pagesWithTables = ['essays/strait-of-hormuz/', 'essays/nuclear-file/', 'data/'];

describe('table frames', () => {
  test.each(builtPages().filter((p) => /^(essays\/[^/]+|data|start|about)\/$/.test(p)))('/%s: every table is in a named, focusable frame', async (p) => {
    const page = await openPage(browser, site.url(p), { javaScriptEnabled: false });
    const unframed = await page.evaluate(() =>
      [...document.querySelectorAll('main table')]
        .filter((t) => {
          const frame = t.parentElement!;
          return !(frame.classList.contains('table-scroll') && frame.getAttribute('role') === 'region' && frame.tabIndex === 0 && (frame.getAttribute('aria-label') ?? '').length > 3);
        })
        .map((t) => t.outerHTML.slice(0, 80)),
    );
    await closePage(page);
    expect(unframed).toEqual([]);
  });

  test('at 390 px a wide table scrolls inside its frame, by keyboard too, with a shadow on the side that has more', async () => {
    const page = await openPage(browser, site.url('essays/strait-of-hormuz/'), { viewport: { width: 390, height: 800 } });
    const frame = page.locator('.prose > .table-scroll').first();
    await frame.scrollIntoViewIfNeeded();
    const before = await frame.evaluate((f) => {
      const style = getComputedStyle(f);
      const box = f.getBoundingClientRect();
      return {
        overflows: f.scrollWidth > f.clientWidth + 20,
        pageOverflows: document.documentElement.scrollWidth > window.innerWidth,
        withinScreen: box.left >= 0 && box.right <= window.innerWidth,
        // Two covers that scroll with the table and two shadows that stay with the frame.
        attachments: style.backgroundAttachment,
        images: (style.backgroundImage.match(/gradient\(/g) ?? []).length,
        label: f.getAttribute('aria-label'),
      };
    });
    expect(before).toMatchObject({ overflows: true, pageOverflows: false, withinScreen: true, attachments: 'local, local, scroll, scroll', images: 4 });
    expect(before.label).toMatch(/^Table: Source and date/);
    // The cue is drawn: the right edge is darker while there is more to the right, and back to the
    // page colour once the table is scrolled to its end.
    await frame.evaluate((f) => (f.scrollLeft = 0));
    const shaded = await rightEdgeBrightness(frame);
    await frame.evaluate((f) => (f.scrollLeft = f.scrollWidth));
    const plain = await rightEdgeBrightness(frame);
    expect(plain - shaded, `right edge brightness: ${shaded.toFixed(0)} with more to see, ${plain.toFixed(0)} at the end`).toBeGreaterThan(12);
    await frame.evaluate((f) => (f.scrollLeft = 0));
    // Keyboard: focus the frame and press the right arrow; it scrolls.
    await frame.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frame.evaluate((f) => f.scrollLeft)).toBeGreaterThan(0);
    // The first column stays in view while the rest scrolls.
    await frame.evaluate((f) => (f.scrollLeft = f.scrollWidth));
    const sticky = await frame.evaluate((f) => {
      const first = f.querySelector('tbody tr > :first-child')!.getBoundingClientRect();
      const frameBox = f.getBoundingClientRect();
      const hit = document.elementFromPoint(first.left + 5, first.top + first.height / 2);
      return { atLeftEdge: Math.abs(first.left - frameBox.left) < 2, hitsFirstColumn: !!hit && f.querySelector('tbody tr > :first-child')!.contains(hit) };
    });
    expect(sticky).toEqual({ atLeftEdge: true, hitsFirstColumn: true });
    await closePage(page);
  });

  test.each(pagesWithTables)('/%s: in print every framed table shows whole, without the frame', async (p) => {
    // About the width of an A4 page's text, as Chromium lays out a print.
    const page = await openPage(browser, site.url(p), { viewport: { width: 700, height: 1000 } });
    await waitForPrintStyles(page);
    await page.emulateMedia({ media: 'print' });
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.table-scroll')]
        .filter((f) => f.offsetParent !== null)
        .filter((f) => f.scrollWidth > f.clientWidth + 1 || getComputedStyle(f).backgroundImage !== 'none')
        .map((f) => f.getAttribute('aria-label')),
    );
    await closePage(page);
    expect(clipped).toEqual([]);
  });
});
