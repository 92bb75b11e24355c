/** Every page says what it is to search engines and link previews: canonical URL, Open Graph and Twitter meta, a share image that exists. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtPages } from './support/site.ts';
import { SITE } from '../../src/site.config.ts';

// Embeds (/embed/…) are shown inside other sites' pages, not shared: their canonical is the chart's page.
const pages = builtPages().filter((p) => p !== '404.html' && !p.startsWith('embed/'));
const meta = (html: string, attr: 'property' | 'name', key: string) => new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`).exec(html)?.[1];

describe('page metadata', () => {
  test.each(pages)('/%s has a canonical URL, Open Graph and Twitter meta, and a 1200×630 share image', (p) => {
    const html = readFileSync(path.join('dist', `${p}index.html`), 'utf8');
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
    expect(canonical).toBe(new URL(`${SITE.base}${p}`, SITE.url).href);
    expect(meta(html, 'property', 'og:url')).toBe(canonical);
    for (const key of ['og:title', 'og:description', 'og:type', 'og:site_name']) expect(meta(html, 'property', key), key).toBeTruthy();
    expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image');
    const image = new URL(meta(html, 'property', 'og:image')!);
    const png = readFileSync(path.join('dist', image.pathname.slice(SITE.base.length)));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    if (p.startsWith('essays/') && p !== 'essays/') expect(image.pathname).toBe(`${SITE.base}og/${p.split('/')[1]}.png`);
  });
});
