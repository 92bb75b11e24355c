/**
 * The one popover for citation markers and glossary terms (src/scripts/popover.ts), and the rule
 * that every page showing a marker, a term or a Cite button loads what makes it work.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { closePage, openPage, useSiteAndBrowser } from './support/page-checks.ts';
import { builtPages } from './support/site.ts';

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

const html = (page: string) => readFileSync(path.resolve('dist', page.endsWith('.html') ? page : `${page}index.html`), 'utf8');
const pages = builtPages();
const withMarkers = pages.filter((p) => html(p).includes('class="cite-link"'));
const withTerms = pages.filter((p) => html(p).includes('class="term-link"'));
/** Pages with a heading control (src/lib/markdown/headings.ts); those that say what they are can be cited by section. */
const withControls = pages.filter((p) => /class="section-link" href="#[^"]+" data-section=/.test(html(p)));
const withCite = withControls.filter((p) => html(p).includes('data-essay-title='));
const essay = withMarkers.find((p) => p.startsWith('essays/'))!;

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** What the References list says of a marker's source. */
async function expectedPreview(page: Page, marker: string): Promise<{ title: string; origin: string; typeLabel: string; date: string; url: string; archive: { href: string } }> {
  return page.evaluate((sel) => {
    const a = document.querySelector<HTMLAnchorElement>(sel)!;
    const entry = document.getElementById(a.hash.slice(1))!;
    const text = (s: string) => entry.querySelector(s)!.textContent!.trim();
    const link = entry.querySelector('cite a')!;
    return { title: link.firstChild!.textContent!, origin: text('.ref-origin'), typeLabel: text('.ref-type'), date: text('.ref-date'), url: link.getAttribute('href')!, archive: { href: entry.querySelector('a.ref-archive')!.getAttribute('href')! } };
  }, marker);
}

/** The first marker in running text, scrolled to the middle of the screen; its selector and box. */
async function firstProseMarker(page: Page) {
  const id = await page.evaluate(() => {
    const a = document.querySelector<HTMLAnchorElement>('.prose p a.cite-link')!;
    a.scrollIntoView({ block: 'center', behavior: 'instant' });
    return a.id;
  });
  const selector = `[id="${id}"]`;
  const box = (await page.locator(selector).boundingBox())!;
  return { selector, box };
}

describe('citation previews', () => {
  test('the pages that cite are found', () => {
    expect(withMarkers.filter((p) => p.startsWith('essays/')).length).toBeGreaterThan(2);
    expect(withMarkers).toContain('start/');
  });

  test.each(withMarkers)('/%s at 390 px: each marker is a 24×24 target a finger hits; a tap opens its source, a tap outside closes it', async (p) => {
    const page = await openPage(browser, site.url(p), PHONE);
    // Each number's target is the 24×24 box its ::before draws around it; the number itself stays small.
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('a.cite-link')].filter((a) => a.getClientRects().length).map((a) => {
        const target = getComputedStyle(a, '::before');
        return [parseFloat(target.width), parseFloat(target.height)];
      }),
    );
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.filter(([w, h]) => !(w! >= 24 && h! >= 24))).toEqual([]);
    const { selector, box } = await firstProseMarker(page);
    // What a finger landing 11 px above, below, left and right of the number's centre, and on it,
    // actually hits: this number, or on either side the number next to it in the same marker.
    const hits = await page.evaluate(
      ({ sel, box: b }) => {
        const link = document.querySelector(sel)!;
        const cx = b.x + b.width / 2;
        const cy = b.y + b.height / 2;
        const neighbours = [link.previousElementSibling, link.nextElementSibling].filter((n) => n?.matches('a.cite-link'));
        return [[cx, cy], [cx, cy - 11], [cx, cy + 11], [cx - 11, cy], [cx + 11, cy]].map(([x, y], i) => {
          const hit = document.elementFromPoint(x!, y!);
          return hit === link || (i >= 3 && neighbours.includes(hit)) || `${hit?.tagName}.${hit?.className}: ${hit?.textContent?.slice(0, 30)}`;
        });
      },
      { sel: selector, box },
    );
    expect(hits).toEqual([true, true, true, true, true]);
    // Set tight: the marker "[1]" or "[1, 2]" is hardly wider than its characters.
    const tight = await page.locator(selector).evaluate((a) => {
      const sup = a.closest('sup.cite')!;
      const probe = document.createElement('sup');
      probe.className = 'cite';
      probe.style.visibility = 'hidden';
      probe.textContent = sup.textContent;
      sup.after(probe);
      const widths = [sup.getBoundingClientRect().width, probe.getBoundingClientRect().width];
      probe.remove();
      return widths;
    });
    expect(tight[0]! - tight[1]!, `marker ${tight[0]} px wide, its text alone ${tight[1]} px`).toBeLessThan(3);
    const before = page.url();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    const popover = page.locator('#popover');
    await expect.poll(() => popover.isVisible()).toBe(true);
    const preview = await expectedPreview(page, selector);
    expect(await popover.locator('.popover-title a').getAttribute('href')).toBe(preview.url);
    expect(await popover.locator('.popover-title').innerText()).toContain(preview.title);
    expect(await popover.locator('.popover-kicker').innerText()).toContain(preview.typeLabel);
    expect(await popover.locator('.popover-meta').first().innerText()).toBe(`${preview.origin} · ${preview.date}`);
    expect(await popover.locator(`a[href="${preview.archive.href}"]`).count()).toBe(1);
    // The popover fits on the phone's screen.
    const pop = (await popover.boundingBox())!;
    expect(pop.x).toBeGreaterThanOrEqual(0);
    expect(pop.x + pop.width).toBeLessThanOrEqual(390);
    // The tap stayed in the text.
    expect(page.url()).toBe(before);
    await page.touchscreen.tap(5, 5);
    await expect.poll(() => popover.isVisible()).toBe(false);
    await closePage(page);
  });

  test('hovering a marker shows its source, and moving away hides it', async () => {
    const page = await openPage(browser, site.url(essay), { viewport: { width: 1280, height: 900 } });
    const { selector } = await firstProseMarker(page);
    await page.locator(selector).hover();
    const popover = page.locator('#popover');
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await popover.locator('.popover-title').innerText()).toContain((await expectedPreview(page, selector)).title);
    // The pointer can travel into the popover to use its links.
    await popover.locator('.popover-title a').hover();
    await page.waitForTimeout(400);
    expect(await popover.isVisible()).toBe(true);
    await page.mouse.move(5, 890);
    await expect.poll(() => popover.isVisible()).toBe(false);
    await closePage(page);
  });

  test('keyboard focus shows the source, Tab reaches its links, Escape closes it and returns focus', async () => {
    const page = await openPage(browser, site.url(essay), { viewport: { width: 1280, height: 900 } });
    const { selector } = await firstProseMarker(page);
    await page.locator(selector).focus();
    const popover = page.locator('#popover');
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await page.locator(selector).getAttribute('aria-describedby')).toBe('popover');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#popover'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(selector.slice(5, -2));
    await closePage(page);
  });

  test("coming back by a reference's back-link lands on the marker, focused, with no popover over the text; the marker still opens", async () => {
    for (const how of ['pointer', 'keyboard'] as const) {
      const page = await openPage(browser, site.url(essay), { viewport: { width: 1280, height: 900 } });
      const back = page.locator('ol.references a.ref-back').first();
      await back.scrollIntoViewIfNeeded();
      const marker = decodeURIComponent((await back.getAttribute('href'))!.slice(1));
      if (how === 'keyboard') {
        await back.focus();
        await page.keyboard.press('Enter');
      } else {
        const box = (await back.boundingBox())!;
        const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
        expect(await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest('a.ref-back')?.getAttribute('href'), [x, y])).toBe(`#${marker}`);
        await page.mouse.click(x, y);
      }
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(marker);
      // Where it lands, once the scroll has settled: the two lines of text before the marker's are
      // on screen, below the sticky header, so the sentence it ends can be read.
      const landing = () => page.evaluate((id) => {
        const a = document.getElementById(id)!;
        const lineHeight = parseFloat(getComputedStyle(a.closest('p, li')!).lineHeight);
        return Math.round(a.getBoundingClientRect().top - Math.max(0, document.querySelector('.site-header')!.getBoundingClientRect().bottom) - 2 * lineHeight);
      }, marker);
      await expect.poll(async () => { const a = await landing(); await page.waitForTimeout(150); return a === (await landing()) ? a : NaN; }, { timeout: 5000 }).toBeGreaterThanOrEqual(0);
      const popover = page.locator('#popover');
      await page.waitForTimeout(300);
      expect(await popover.isVisible(), `${how}: the popover opened over the text`).toBe(false);
      // Away and back with the keyboard, the marker shows its source as any marker does.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(marker);
      await expect.poll(() => popover.isVisible()).toBe(true);
      await closePage(page);
    }
  });

  test('without JavaScript a marker is a link to its entry in the References list', async () => {
    const page = await openPage(browser, site.url(essay), { javaScriptEnabled: false });
    const targets = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('a.cite-link')].map((a) => !!document.getElementById(a.hash.slice(1))?.closest('ol.references')));
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.every(Boolean)).toBe(true);
    await closePage(page);
  });
});

describe('every page that shows a control loads what makes it work', () => {
  test('the pages are found', () => {
    expect(withTerms).toContain('start/');
    expect(withCite).toEqual(expect.arrayContaining(['start/', 'about/']));
  });

  test.each(withTerms)('/%s: a tapped glossary term shows its definition and stays on the page', async (p) => {
    const page = await openPage(browser, site.url(p), PHONE);
    const term = page.locator('.prose a.term-link').first();
    await term.scrollIntoViewIfNeeded();
    const definition = (await term.getAttribute('data-definition'))!;
    const box = (await term.boundingBox())!;
    await page.touchscreen.tap(box.x + Math.min(box.width / 2, 10), box.y + box.height / 2);
    const popover = page.locator('#popover');
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await popover.locator('.popover-text').textContent()).toBe(definition);
    expect(page.url()).toBe(site.url(p));
    await closePage(page);
  });

  test('the pages with heading controls are found, and the essays, /start/ and /about/ can be cited by section', () => {
    expect(withCite).toEqual(expect.arrayContaining(['start/', 'about/', ...pages.filter((p) => /^essays\/[^/]+\/$/.test(p))]));
  });

  test.each(withControls.flatMap((p) => [[p, 'desktop'], [p, 'phone']] as const))('/%s on a %s: a heading control opens its menu under the real pointer, and its items work', async (p, device) => {
    const touch = device === 'phone';
    const context = await browser.newContext(touch ? PHONE : { viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await context.newPage();
    await page.goto(site.url(p), { waitUntil: 'networkidle' });
    const control = page.locator('.heading-wrap a.section-link[data-section]').last();
    await control.scrollIntoViewIfNeeded();
    if (!touch) await control.locator('xpath=..').hover();
    const pointAt = async (selector: string, n: 'first' | 'last' = 'first') => {
      const box = (await page.locator(selector)[n]().boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      const hit = await page.evaluate(([px, py, sel]) => !!document.elementFromPoint(px as number, py as number)?.closest(sel as string), [x, y, selector] as const);
      return { x, y, hit };
    };
    const press = async ({ x, y }: { x: number; y: number }) => (touch ? page.touchscreen.tap(x, y) : page.mouse.click(x, y));
    const at = await pointAt('.heading-wrap a.section-link[data-section]', 'last');
    expect(at.hit).toBe(true);
    await press(at);
    const menu = page.locator('.section-menu');
    await expect.poll(() => menu.isVisible()).toBe(true);
    const section = (await control.getAttribute('data-section'))!;
    const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
    const copy = await pointAt('.section-menu-item[data-action="copy"]');
    expect(copy.hit).toBe(true);
    await press(copy);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${canonical}#${section}`);
    if (withCite.includes(p)) {
      const cite = await pointAt('.section-menu-item[data-action="cite"]');
      expect(cite.hit).toBe(true);
      await press(cite);
      await expect.poll(() => page.locator('.cite-panel').isVisible()).toBe(true);
      expect(await page.locator('.cite-panel .cite-text').first().textContent()).toBe(`${canonical}#${section}`);
    } else {
      expect(await menu.locator('.section-menu-item').count()).toBe(1);
    }
    expect(page.url()).toBe(site.url(p));
    await context.close();
  });
});
