import { describe, expect, test } from 'vitest';
import zlib from 'node:zlib';
import { PNG } from 'pngjs';
import { Resvg } from '@resvg/resvg-js';
import { encodeOpaquePng } from '../../src/lib/png-encode.ts';
import { ogImageSvg, OG_SIZE, SHARE_CARD_RENDER_OPTIONS } from '../../src/lib/og-image.ts';

/** The PNG's chunks, in order, each with its type, data and whether its CRC is right. */
function chunks(png: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  const out = [];
  for (let o = 8; o < png.length; ) {
    const length = png.readUInt32BE(o);
    const type = png.toString('latin1', o + 4, o + 8);
    out.push({ type, data: png.subarray(o + 8, o + 8 + length), crcOk: png.readUInt32BE(o + 8 + length) === zlib.crc32(png.subarray(o + 4, o + 8 + length)) });
    o += 12 + length;
  }
  return out;
}

/** Opaque RGBA test pixels: every channel value appears, so a swapped or dropped byte shows. */
function opaquePixels(width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([i % 256, (i * 7) % 256, (i * 13 + 5) % 256, 255], i * 4);
  return rgba;
}

describe('encodeOpaquePng', () => {
  test('writes a valid RGB PNG whose rows inflate back to the input pixels', () => {
    const [width, height] = [37, 11];
    const rgba = opaquePixels(width, height);
    const png = Buffer.from(encodeOpaquePng(rgba, width, height, zlib)!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const parts = chunks(png);
    expect(parts.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(parts.every((c) => c.crcOk)).toBe(true);
    const ihdr = parts[0]!.data;
    // width, height, 8 bits, colour type 2 (RGB), compression 0, filter method 0, no interlace
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ...ihdr.subarray(8)]).toEqual([width, height, 8, 2, 0, 0, 0]);
    const raw = zlib.inflateSync(parts[1]!.data);
    expect(raw.length).toBe((width * 3 + 1) * height);
    for (let y = 0; y < height; y++) {
      const row = raw.subarray(y * (width * 3 + 1), (y + 1) * (width * 3 + 1));
      expect(row[0]).toBe(0);
      const expected = [...rgba.subarray(y * width * 4, (y + 1) * width * 4)].filter((_, i) => i % 4 !== 3);
      expect([...row.subarray(1)]).toEqual(expected);
    }
    // A PNG decoder reads the same pixels.
    const decoded = PNG.sync.read(png);
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect(decoded.data.equals(Buffer.from(rgba))).toBe(true);
  });

  test('declines an image with a pixel that is not fully opaque, and pixels of the wrong size', () => {
    const rgba = opaquePixels(4, 3);
    rgba[(2 * 4 + 3) * 4 + 3] = 254;
    expect(encodeOpaquePng(rgba, 4, 3, zlib)).toBeUndefined();
    expect(() => encodeOpaquePng(opaquePixels(4, 3), 4, 4, zlib)).toThrow('not 4×4 RGBA pixels');
  });

  test('a share card: the same pixels as resvg’s own PNG, and still a small file', () => {
    const image = new Resvg(ogImageSvg({ title: 'The Strait of Hormuz: shipping, mines and the navies', kicker: 'Hormuz · Military', site: 'Site' }), SHARE_CARD_RENDER_OPTIONS).render();
    const ours = Buffer.from(encodeOpaquePng(image.pixels, image.width, image.height, zlib)!);
    const theirs = PNG.sync.read(image.asPng());
    const decoded = PNG.sync.read(ours);
    expect([decoded.width, decoded.height]).toEqual([OG_SIZE.width, OG_SIZE.height]);
    expect(decoded.data.equals(theirs.data)).toBe(true);
    expect(ours.length).toBeLessThan(150_000);
  });

  test('runs from its source text alone, as the worker threads of svg-to-png.ts run it', () => {
    const fromSource = new Function(`return (${encodeOpaquePng.toString()});`)() as typeof encodeOpaquePng;
    const rgba = opaquePixels(5, 2);
    expect(Buffer.from(fromSource(rgba, 5, 2, zlib)!).equals(Buffer.from(encodeOpaquePng(rgba, 5, 2, zlib)!))).toBe(true);
  });
});
