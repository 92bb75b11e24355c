import { describe, expect, test } from 'vitest';
import { svgToPng } from '../../src/lib/svg-to-png.ts';

const square = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#1f4e5f"/></svg>';
const size = (png: Uint8Array) => [Buffer.from(png).readUInt32BE(16), Buffer.from(png).readUInt32BE(20)];

describe('svgToPng (worker threads)', () => {
  test('draws with the options given, several images at once, each answer to its own request', async () => {
    const [small, large, plain] = await Promise.all([
      svgToPng(square, { fitTo: { mode: 'width', value: 40 } }),
      svgToPng(square, { fitTo: { mode: 'width', value: 200 } }),
      svgToPng(square, {}),
    ]);
    expect(Buffer.from(plain!).subarray(1, 4).toString()).toBe('PNG');
    expect([size(small!), size(large!), size(plain!)]).toEqual([[40, 20], [200, 100], [20, 10]]);
  }, 60_000);
  test('an opaque image is stored as RGB (png-encode.ts), one with transparent pixels keeps its alpha (resvg)', async () => {
    const halfClear = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="10" height="10" fill="#1f4e5f" fill-opacity="0.5"/></svg>';
    const [opaque, clear] = await Promise.all([svgToPng(square, {}), svgToPng(halfClear, {})]);
    // IHDR's colour type: 2 is RGB, 6 is RGBA.
    expect([opaque[25], clear[25]]).toEqual([2, 6]);
    expect(size(clear)).toEqual([20, 10]);
  }, 60_000);
  test('an SVG resvg cannot read is an error naming the cause, and later images still draw', async () => {
    await expect(svgToPng('<svg', {})).rejects.toThrow('resvg could not draw an image');
    expect(size(await svgToPng(square, {}))).toEqual([20, 10]);
  }, 60_000);
});
