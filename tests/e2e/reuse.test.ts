/**
 * Reuse on the built site: each chart's image downloads exist and are what the menu says (PNG
 * 1200 px and 2×, non-blank, with the credit band drawn; SVG with its text as outlines and nothing
 * fetched from elsewhere); the menu works without JavaScript; every essay, chart page and /data/
 * carries the licence and the credit line; the JSON data match the CSVs.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { closePage, openPage, useSiteAndBrowser } from './support/page-checks.ts';
import { builtPages } from './support/site.ts';
import { EXPORT_WIDTH } from '../../src/lib/chart-export.ts';

const dist = path.resolve('dist');
const base = process.env.SITE_BASE ?? '/';
const htmlOf = (page: string) => readFileSync(path.join(dist, page, 'index.html'), 'utf8');
const pages = builtPages().filter((p) => p === '' || p.endsWith('/'));
/** A site address from a page's HTML → its file in dist/. */
const fileOf = (href: string) => path.join(dist, decodeURI(href).slice(base.length));

let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

/** Each chart on each page, with the three image links of its "Download image" menu. */
const charts = pages.flatMap((page) =>
  [...htmlOf(page).matchAll(/<figure class="chart" id="([^"]+)"[\s\S]*?<\/figure>/g)].map((m) => ({
    page,
    id: m[1]!,
    links: [...m[0].matchAll(/<details class="chart-download">([\s\S]*?)<\/details>/g)].flatMap((d) => [...d[1]!.matchAll(/href="([^"]+)"/g)].map((h) => h[1]!)),
  })),
);

describe('chart image downloads', () => {
  test('there are charts, and every chart offers a PNG, a 2× PNG and an SVG', () => {
    expect(charts.length).toBeGreaterThan(8);
    for (const c of charts) expect(c.links.map((l) => path.extname(l)), `${c.page}#${c.id}`).toEqual(['.png', '.png', '.svg']);
  });

  const images = [...new Map(charts.map((c) => [c.id, c])).values()];
  test.each(images.map((c) => [c.id, c] as const))('%s: each file exists and is what the menu says', (_id, c) => {
    const [png1, png2, svg] = c.links.map(fileOf) as [string, string, string];
    for (const f of [png1, png2, svg]) expect(existsSync(f), f).toBe(true);
    const one = PNG.sync.read(readFileSync(png1));
    const two = PNG.sync.read(readFileSync(png2));
    expect(one.width).toBe(EXPORT_WIDTH);
    expect(two.width).toBe(EXPORT_WIDTH * 2);
    expect(Math.abs(two.height - 2 * one.height)).toBeLessThanOrEqual(1);
    expect(one.height).toBeGreaterThan(400);
    // Non-blank: a good share of the pixels differ from the background (the top-left pixel), and
    // the bottom band, where the credit line is drawn, has dark text in it.
    const bg = one.data.readUInt32BE(0);
    let inked = 0;
    for (let i = 0; i < one.data.length; i += 4) if (one.data.readUInt32BE(i) !== bg) inked++;
    expect(inked / (one.width * one.height)).toBeGreaterThan(0.03);
    let darkInCredit = 0;
    for (let y = one.height - 90; y < one.height; y++) for (let x = 0; x < one.width; x++) if (one.data[(y * one.width + x) * 4]! < 80) darkInCredit++;
    expect(darkInCredit).toBeGreaterThan(500);
    const svgText = readFileSync(svg, 'utf8');
    expect(svgText).toMatch(new RegExp(`^<svg[^>]*width="${EXPORT_WIDTH}"`));
    expect(svgText).not.toMatch(/<text\b/);
    expect(svgText).not.toMatch(/(?:href|src)="https?:/);
  });

  test('the menu opens without JavaScript and its links are what a pointer hits', async () => {
    const page = await openPage(browser, site.url('charts/stockpile/'), { javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
    const menu = page.locator('#chart-stockpile .chart-download');
    await menu.locator('summary').click();
    const link = menu.locator('a').first();
    await link.scrollIntoViewIfNeeded();
    const box = (await link.boundingBox())!;
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('a')?.getAttribute('href'), [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit).toBe(`${base}charts/images/chart-stockpile.png`);
    const response = await page.request.get(site.url('charts/images/chart-stockpile.png'));
    expect(response.headers()['content-type']).toMatch(/image\/png/);
    await closePage(page);
  });
});

describe('licence and credit', () => {
  const reusePages = pages.filter((p) => /^essays\/[^/]+\/$/.test(p) || p.startsWith('charts/') || p === 'data/' || p === 'about/');
  test.each(reusePages)('/%s says the licence and gives the credit line with its own address', (p) => {
    const html = htmlOf(p);
    expect(html).toMatch(/<section class="reuse"/);
    expect(html).toContain('href="https://creativecommons.org/licenses/by/4.0/" rel="license"');
    const credit = /<p class="cite-text reuse-credit">([^<]+)<\/p>/.exec(html)?.[1];
    // /about/ gives the site's own credit, whose address is the home page.
    const address = p === 'about/' ? '' : p;
    expect(credit).toMatch(new RegExp(`US–Iran Talks Explained, https?://[^,]+/${address.replace(/\//g, '\\/')}, CC BY 4\\.0$`));
  });

  test('both feeds carry the licence', () => {
    for (const feed of ['rss.xml', 'changes/rss.xml']) expect(readFileSync(path.join(dist, feed), 'utf8')).toMatch(/<copyright>[^<]*CC BY 4\.0[^<]*<\/copyright>/);
  });

  test('/data/ gives the licence of each data set and links its JSON beside its CSV', () => {
    const html = htmlOf('data/');
    const pkg = JSON.parse(readFileSync(path.join(dist, 'data/datapackage.json'), 'utf8')) as { resources: { path: string; json: string }[] };
    for (const r of pkg.resources) {
      expect(html).toContain(`href="${base}data/${r.path}"`);
      expect(html).toContain(`href="${base}data/${r.json}"`);
      const rows = JSON.parse(readFileSync(path.join(dist, 'data', r.json), 'utf8')) as unknown[];
      const csvLines = readFileSync(path.join(dist, 'data', r.path), 'utf8').trim().split('\n').length;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThan(csvLines);
    }
    expect(html.match(/Licence <a href="https:\/\/creativecommons.org\/licenses\/by\/4.0\/" rel="license">CC BY 4.0<\/a>/g)?.length).toBe(pkg.resources.length);
  });
});

describe('essays as Markdown, and /llms.txt', () => {
  const essays = pages.filter((p) => /^essays\/[^/]+\/$/.test(p));
  test.each(essays)('/%s links its Markdown version, which has footnotes with addresses and nothing left of MDX', (p) => {
    const slug = p.split('/')[1]!;
    expect(htmlOf(p)).toContain(`href="${base}essays/${slug}.md"`);
    const md = readFileSync(path.join(dist, 'essays', `${slug}.md`), 'utf8');
    expect(md).not.toMatch(/<[A-Z]\w*|\[@|glossary:|import /);
    const notes = md.split('\n').filter((l) => /^\[\^\d+\]: /.test(l));
    expect(notes.length).toBeGreaterThan(5);
    for (const n of notes) expect(n).toMatch(/<https?:\/\/[^>]+>$/);
    // Every marker in the text has its footnote.
    const markers = new Set([...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => m[1]));
    expect(markers.size).toBe(notes.length);
  });

  test('/llms.txt lists every essay and every data file', () => {
    const text = readFileSync(path.join(dist, 'llms.txt'), 'utf8');
    for (const p of essays) expect(text).toContain(`/${p})`);
    for (const f of ['stockpile.csv', 'events.csv', 'hormuz-flows.csv', 'hormuz-transits.csv', 'hormuz-map.csv', 'datapackage.json', 'facts.json']) expect(text).toContain(`/data/${f})`);
  });
});
