import { describe, expect, test, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { ogImageSvg, OG_SIZE, prepareShareCards, shareCardPng, SHARE_CARD_RENDER_OPTIONS } from '../../src/lib/og-image.ts';

describe('share card', () => {
  test('is 1200×630, escapes the title and wraps it onto several lines', () => {
    const svg = ogImageSvg({ title: 'Sanctions & the economy: pressure, workarounds and relief', kicker: 'Sanctions', site: 'Site' });
    expect(svg).toContain(`width="${OG_SIZE.width}" height="${OG_SIZE.height}"`);
    expect(svg).toContain('Sanctions &amp; the');
    expect((svg.match(/font-size="64"/g) ?? []).length).toBeGreaterThan(1);
  });
  test('is drawn by resvg (on a worker), and a second build reads it from the cache', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'og-cache-'));
    const previous = process.env.SITE_CACHE_DIR;
    process.env.SITE_CACHE_DIR = cache;
    const folder = path.join(cache, 'explainer', 'share-cards');
    try {
      const card = { title: 'The Strait of Hormuz', kicker: 'Hormuz · Military', site: 'Site' };
      const png = Buffer.from(await shareCardPng(card));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([OG_SIZE.width, OG_SIZE.height]);
      // The pixels resvg draws, encoded by png-encode.ts (RGB: colour type 2), not by resvg's asPng().
      expect(png[25]).toBe(2);
      expect(PNG.sync.read(png).data.equals(PNG.sync.read(new Resvg(ogImageSvg(card), SHARE_CARD_RENDER_OPTIONS).render().asPng()).data)).toBe(true);
      expect(readdirSync(folder)).toHaveLength(1);
      // Started early, several cards are drawn at once; each is stored once.
      const others = [{ ...card, title: 'Another title' }, { ...card, kicker: 'Diplomacy' }];
      prepareShareCards(others);
      await Promise.all(others.map(shareCardPng));
      expect(readdirSync(folder)).toHaveLength(3);
      // A later build finds the file: nothing is drawn again, even if the cached file is all it has.
      const stored = path.join(folder, readdirSync(folder).find((f) => png.equals(readFileSync(path.join(folder, f))))!);
      writeFileSync(stored, 'cached bytes');
      vi.resetModules();
      const { shareCardPng: freshProcess } = await import('../../src/lib/og-image.ts');
      expect(Buffer.from(await freshProcess(card)).toString()).toBe('cached bytes');
    } finally {
      if (previous === undefined) delete process.env.SITE_CACHE_DIR;
      else process.env.SITE_CACHE_DIR = previous;
      rmSync(cache, { recursive: true, force: true });
    }
  }, 60_000);
});
