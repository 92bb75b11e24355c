import { describe, expect, test } from 'vitest';
import { encodePng } from '../../src/lib/png.ts';
import { decodePng } from './support/png-reader.ts';

describe('encodePng', () => {
  test('writes RGBA pixels a PNG reader gets back exactly', async () => {
    const width = 3;
    const height = 2;
    const rgba = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37) % 256);
    const decoded = decodePng(await encodePng(rgba, width, height));
    expect([decoded.width, decoded.height, decoded.colourType]).toEqual([3, 2, 6]);
    expect([...decoded.pixels]).toEqual([...rgba]);
  });
  test('refuses a buffer of the wrong size', async () => {
    await expect(encodePng(new Uint8Array(10), 2, 2)).rejects.toThrow('10 bytes for 2×2 RGBA pixels; expected 16');
  });
});
