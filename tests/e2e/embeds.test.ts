/**
 * Embeds as another site shows them: each /embed/<chart>/ page inside an <iframe> on a page from a
 * second loopback origin, sized by the snippet's own listener from the height the embed posts;
 * readable without JavaScript; axe-clean; the _headers file lets only /embed/* be framed; the
 * chart pages link each chart's oEmbed document.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { StaticSite } from './support/server.ts';
import { closePage, openPage, useSiteAndBrowser } from './support/page-checks.ts';
import { axeViolations } from './support/axe.ts';
import { builtPages } from './support/site.ts';
import { EMBED_CHARTS } from '../../src/lib/embed-charts.ts';
import { EMBED_FALLBACK_HEIGHT, iframeSnippet, resizeListenerSnippet } from '../../src/lib/embeds.ts';

const dist = path.resolve('dist');
const base = process.env.SITE_BASE ?? '/';
let site: StaticSite;
let browser: Browser;
useSiteAndBrowser((s, b) => {
  site = s;
  browser = b;
});

/** A page on another origin (localhost rather than 127.0.0.1, on its own port) that embeds a chart with the snippet readers copy. */
let host: Server;
let hostOrigin = '';
beforeAll(async () => {
  host = createServer((req, res) => {
    const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id') ?? '';
    const snippet = iframeSnippet(site.url(`embed/${id}/`), id);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><title>Lesson</title><body><h1>A lesson</h1>${snippet}${resizeListenerSnippet(site.origin)}</body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

describe('embeds', () => {
  test.each(EMBED_CHARTS.map((c) => c.id))('%s: shown on another origin, it sets its own height', async (id) => {
    expect(new URL(hostOrigin).origin).not.toBe(site.origin);
    const page = await openPage(browser, `${hostOrigin}/?id=${id}`, { viewport: { width: 800, height: 900 } });
    const frame = page.locator('iframe');
    // The fallback height first, then the height the embed posts (polled: the frame loads lazily).
    let height = 0;
    for (let i = 0; i < 100 && (height === 0 || height === EMBED_FALLBACK_HEIGHT); i++) {
      height = Number(await frame.getAttribute('height'));
      if (height === EMBED_FALLBACK_HEIGHT) await page.waitForTimeout(100);
    }
    expect(height).not.toBe(EMBED_FALLBACK_HEIGHT);
    const inner = page.frames().find((f) => f.url().includes(`/embed/${id}/`))!;
    const contentHeight = await inner.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    expect(Math.abs(height - contentHeight)).toBeLessThanOrEqual(2);
    // What a pointer hits inside the frame is the chart, not something over it.
    const svgBox = (await inner.locator('svg.chart-svg:visible').first().boundingBox())!;
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName, [svgBox.x + svgBox.width / 2, svgBox.y + svgBox.height / 2]);
    expect(hit).toBe('IFRAME');
    expect(await inner.locator('.embed-back a').getAttribute('href')).toMatch(new RegExp(`#${id}$`));
    await closePage(page);
  });

  test.each(EMBED_CHARTS.map((c) => c.id))('%s: readable without JavaScript, no site chrome, and axe finds nothing', async (id) => {
    const page = await openPage(browser, site.url(`embed/${id}/`), { javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
    expect(await page.locator('svg.chart-svg:visible').count()).toBeGreaterThan(0);
    expect(await page.locator('header, footer, nav').count()).toBe(0);
    expect((await page.locator('.chart-source').textContent())!.trim().length).toBeGreaterThan(20);
    await closePage(page);
    for (const colorScheme of ['light', 'dark'] as const) {
      const withJs = await openPage(browser, site.url(`embed/${id}/`), { colorScheme });
      expect(await axeViolations(withJs), `axe, ${colorScheme}`).toEqual([]);
      await closePage(withJs);
    }
  });

  test('_headers lets only /embed/* be framed, and refuses every other page', () => {
    const text = readFileSync(path.join(dist, '_headers'), 'utf8');
    const blocks = new Map<string, string[]>();
    let current = '';
    for (const line of text.split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      if (!/^\s/.test(line)) blocks.set((current = line.trim()), []);
      else blocks.get(current)!.push(line.trim());
    }
    expect(blocks.get(`${base}embed/*`)).toEqual(['Content-Security-Policy: frame-ancestors *']);
    const pages = builtPages().filter((p) => p === '' || p.endsWith('/'));
    for (const p of pages) {
      if (p.startsWith('embed/')) {
        expect(blocks.has(`${base}${p}`), p).toBe(false);
        continue;
      }
      expect(blocks.get(`${base}${p}`), p).toEqual(["Content-Security-Policy: frame-ancestors 'none'", 'X-Frame-Options: DENY']);
    }
  });

  test('each chart page links the oEmbed document of each of its charts, and it gives the snippet', () => {
    for (const c of EMBED_CHARTS) {
      const html = readFileSync(path.join(dist, c.page, 'index.html'), 'utf8');
      const href = new RegExp(`<link rel="alternate" type="application/json\\+oembed" href="([^"]*/embed/${c.id}/oembed\\.json)"`).exec(html)?.[1];
      expect(href, c.id).toBeTruthy();
      const oembed = JSON.parse(readFileSync(path.join(dist, new URL(href!).pathname.slice(base.length)), 'utf8')) as { type: string; version: string; html: string };
      expect(oembed).toMatchObject({ version: '1.0', type: 'rich' });
      expect(oembed.html).toContain(`/embed/${c.id}/`);
      expect(html).toContain(`id="${c.id}-embed-code"`);
    }
  });
});
