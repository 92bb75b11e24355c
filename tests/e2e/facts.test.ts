/**
 * The facts registry on the built site, in Chromium: "Where things stand" shows the date each fact
 * holds for and links, under a real pointer, to the fact's history on /facts/; <Fact> prints a
 * figure with its date; /facts/ has an anchor for every fact, current or earlier. Expected values
 * are read from content/facts.yaml through src/lib, never typed here.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { closePage, openPage, useSiteAndBrowser } from './support/page-checks.ts';
import { loadEvents, loadFacts } from '../../src/lib/content-store.ts';
import { currentFacts, factProse, factSummary, recordEnds, whereThingsStand } from '../../src/lib/facts.ts';

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

const registry = loadFacts();
const end = recordEnds(loadEvents(), currentFacts(registry))!;

/** What the block shows, line by line: fact id, the dates shown, the history link's address. */
async function readBlock(page: Page) {
  return page.locator('.where-things-stand').evaluate((block) => ({
    record: block.querySelector('.wts-record time')?.getAttribute('datetime'),
    lines: [...block.querySelectorAll('dd[data-fact]')].map((dd) => ({
      id: dd.getAttribute('data-fact')!,
      dates: [...dd.querySelectorAll('.wts-meta time')].map((t) => ({ iso: t.getAttribute('datetime'), text: t.textContent })),
      history: [...dd.querySelectorAll('a')].find((a) => a.textContent === 'History')?.getAttribute('href'),
    })),
  }));
}

function expectedLines(compact: boolean) {
  return whereThingsStand(registry, compact).flatMap((row) =>
    row.facts.map((f) => {
      const s = factSummary(f);
      return { id: f.id, dates: s.date ? [{ iso: s.date.iso, text: s.date.text }] : [], history: `${site.base}facts/#${f.id}` };
    }),
  );
}

describe('"Where things stand"', () => {
  test.each([
    ['the home page, 1280 px', '', 1280, true],
    ['an essay on a 390 px phone', 'essays/nuclear-file/', 390, true],
    ['/facts/, every fact of every row', 'facts/', 1280, false],
  ] as const)('%s: every line shows its date and links to the fact\'s history', async (_what, path, width, compact) => {
    const page = await openPage(browser, site.url(path), { viewport: { width, height: 900 } });
    const block = await readBlock(page);
    expect(block.record).toBe(end.iso);
    expect(block.lines).toEqual(expectedLines(compact));
    expect(block.lines.length).toBeGreaterThanOrEqual(4);
    await closePage(page);
  });

  test('the same block is there without JavaScript', async () => {
    const page = await openPage(browser, site.url('essays/leverage/'), { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    expect((await readBlock(page)).lines).toEqual(expectedLines(true));
    await closePage(page);
  });

  test('a real pointer on a History link lands on that fact on /facts/', async () => {
    const page = await openPage(browser, site.url(''), { viewport: { width: 390, height: 844 } });
    const id = whereThingsStand(registry)[0]!.facts[0]!.id;
    const link = page.locator(`.where-things-stand dd[data-fact="${id}"] a`, { hasText: 'History' });
    await link.scrollIntoViewIfNeeded();
    const box = (await link.boundingBox())!;
    const hit = await page.evaluate(({ x, y }) => {
      const el = document.elementFromPoint(x, y);
      return el?.closest('a')?.getAttribute('href') ?? null;
    }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(hit).toBe(`${site.base}facts/#${id}`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(`**/facts/#${id}`, { waitUntil: 'load' });
    const landed = () =>
      page.evaluate((target) => {
        const el = document.getElementById(target);
        if (!el) return 'no such element';
        const r = el.getBoundingClientRect();
        if (!el.matches(':target')) return 'not the target';
        return r.top >= 0 && r.bottom <= window.innerHeight ? 'in view' : `off screen (top ${Math.round(r.top)})`;
      }, id);
    await expect.poll(landed).toBe('in view');
    await closePage(page);
  });
});

describe('<Fact> in an essay', () => {
  test('prints the registry value with its date and links to its entry', async () => {
    const page = await openPage(browser, site.url('essays/nuclear-file/'), { javaScriptEnabled: false });
    const fact = registry.facts.get('iaea-stockpile-60')!;
    const prose = factProse(fact);
    const first = page.locator('.prose [data-fact="iaea-stockpile-60"]').first();
    const text = (await first.textContent())!.replace(/\u00a0/g, ' ');
    expect(text).toContain(`${prose.value!.replace(/\u00a0/g, ' ')} (${prose.asOf})`);
    const hrefs = await first.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    // Until the citation plugin numbers a fact's sources, the fact links to its registry entry.
    expect(hrefs.some((h) => h === `${site.base}facts/#iaea-stockpile-60` || h?.startsWith('#ref-'))).toBe(true);
    await closePage(page);
  });
});

describe('/facts/', () => {
  test('every fact, current or earlier, has its own anchor; earlier values sit under their successor', async () => {
    const page = await openPage(browser, site.url('facts/'), { javaScriptEnabled: false });
    const found = await page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
      const el = document.getElementById(id);
      return [id, el ? (el.closest('section.fact-entry')?.querySelector('h3')?.id ?? null) : 'missing'];
    })), [...registry.facts.keys()]);
    for (const f of registry.facts.values()) {
      let current = f;
      while (current.supersededBy) current = registry.facts.get(current.supersededBy)!;
      expect(found[f.id], f.id).toBe(current.id);
    }
    expect(await page.locator('.facts-record time').first().getAttribute('datetime')).toBe(end.iso);
    await closePage(page);
  });
});
