import { describe, expect, test } from 'vitest';
import { ogImageSvg, OG_SIZE } from '../../src/lib/og-image.ts';

describe('share card', () => {
  test('is 1200×630, escapes the title and wraps it onto several lines', () => {
    const svg = ogImageSvg({ title: 'Sanctions & the economy: pressure, workarounds and relief', kicker: 'Sanctions', site: 'Site' });
    expect(svg).toContain(`width="${OG_SIZE.width}" height="${OG_SIZE.height}"`);
    expect(svg).toContain('Sanctions &amp; the');
    expect((svg.match(/font-size="64"/g) ?? []).length).toBeGreaterThan(1);
  });
});
