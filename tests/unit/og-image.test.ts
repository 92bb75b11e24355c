import { describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { ogImageSvg, OG_SIZE, shareCardPng, SHARE_CARD_RENDER_OPTIONS } from '../../src/lib/og-image.ts';
import { decodePng } from './support/png-reader.ts';

describe('share card', () => {
  test('is 1200×630, escapes the title and wraps it onto several lines', () => {
    const svg = ogImageSvg({ title: 'Sanctions & the economy: pressure, workarounds and relief', kicker: 'Sanctions', site: 'Site' });
    expect(svg).toContain(`width="${OG_SIZE.width}" height="${OG_SIZE.height}"`);
    expect(svg).toContain('Sanctions &amp; the');
    expect((svg.match(/font-size="64"/g) ?? []).length).toBeGreaterThan(1);
  });
  test('the PNG holds exactly the pixels resvg draws, and a second build reads it from the cache', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'og-cache-'));
    const previous = process.env.SITE_CACHE_DIR;
    process.env.SITE_CACHE_DIR = cache;
    try {
      const input = { title: 'The Strait of Hormuz', kicker: 'Hormuz · Military', site: 'Site' };
      const png = await shareCardPng(input);
      const decoded = decodePng(png);
      expect([decoded.width, decoded.height]).toEqual([OG_SIZE.width, OG_SIZE.height]);
      const drawn = new Resvg(ogImageSvg(input), SHARE_CARD_RENDER_OPTIONS).render();
      expect(decoded.pixels.equals(drawn.pixels)).toBe(true);
      const files = readdirSync(path.join(cache, 'explainer', 'share-cards'));
      expect(files).toHaveLength(1);
      expect(Buffer.from(await shareCardPng(input)).equals(Buffer.from(png))).toBe(true);
      // Anything drawn on the card is part of its key: a new title or a new topic line redraws it.
      await shareCardPng({ ...input, title: 'Another title' });
      await shareCardPng({ ...input, kicker: 'Diplomacy' });
      expect(readdirSync(path.join(cache, 'explainer', 'share-cards'))).toHaveLength(3);
    } finally {
      if (previous === undefined) delete process.env.SITE_CACHE_DIR;
      else process.env.SITE_CACHE_DIR = previous;
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
