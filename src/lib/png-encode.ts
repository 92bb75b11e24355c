/**
 * A PNG encoder for opaque images, fast rather than small: the pixels stored as 8-bit RGB, rows
 * unfiltered, compressed by zlib at level 3. resvg's own asPng() filters every row and compresses
 * harder: on a share card it took 20–28 ms CPU, where copying resvg's pixels out (2–10 ms) and
 * this (about 6 ms) take about half that, for the same pixels in a file of about the same size
 * (a card 21–36 KB, chart images about 10 % smaller than asPng()'s).
 *
 * svg-to-png.ts runs this function's source text in its worker threads (the bundled build has no
 * worker file to import from), so it must stay self-contained: no imports or module-level names
 * inside, node:zlib is passed in.
 */
import type * as Zlib from 'node:zlib';

/** Part of the share cards' and chart images' cache key: change it whenever the bytes written change. */
export const PNG_ENCODER_VERSION = 'png-encode 1 (RGB, no filter, zlib level 3)';

/**
 * The PNG of `width`×`height` RGBA pixels (4 bytes each, rows top to bottom), or undefined when a
 * pixel is not fully opaque: the caller then needs an encoder that keeps the alpha channel (and,
 * for resvg's premultiplied pixels, undoes the premultiplication).
 *
 * `scratch` keeps the buffer of uncompressed rows from one call to the next: fresh memory of that
 * size (2.3 MB for a share card) costs more in page faults than filling it.
 */
export function encodeOpaquePng(rgba: Uint8Array, width: number, height: number, zlib: Pick<typeof Zlib, 'deflateSync' | 'crc32'>, scratch: { rows?: Buffer } = {}): Uint8Array | undefined {
  if (rgba.length !== width * height * 4) throw new Error(`encodeOpaquePng: ${rgba.length} bytes are not ${width}×${height} RGBA pixels`);
  // Each row: filter type 0 (none), then R, G, B for each pixel.
  const size = (width * 3 + 1) * height;
  if (!scratch.rows || scratch.rows.length < size) scratch.rows = Buffer.allocUnsafe(size);
  const raw = scratch.rows.subarray(0, size);
  let o = 0;
  let s = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0;
    for (let x = 0; x < width; x++, s += 4) {
      if (rgba[s + 3] !== 255) return undefined;
      raw[o++] = rgba[s]!;
      raw[o++] = rgba[s + 1]!;
      raw[o++] = rgba[s + 2]!;
    }
  }
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    out.set(data, 8);
    // The CRC covers the chunk's type and data.
    out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // colour type: truecolour (RGB); compression, filter method and interlace stay 0
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw, { level: 3 })), chunk('IEND', new Uint8Array(0))]);
}
