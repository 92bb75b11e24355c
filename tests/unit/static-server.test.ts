/** The local server sends what the host sends: text gzip-compressed when asked for, the rest as it is. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { serveDist, type StaticSite } from '../../src/cli/static-server.ts';

const page = `<!doctype html><title>t</title>${'<p>Compressible prose. '.repeat(200)}`;
// Random bytes: gzip cannot shrink them, so the fragment stays well above the server's size threshold.
const alreadyGzipped = gzipSync(randomBytes(4096));
let dir: string;
let site: StaticSite;

/** GET with the given Accept-Encoding, without the automatic decompression fetch() does. */
function get(url: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'static-server-'));
  mkdirSync(path.join(dir, 'essay'));
  mkdirSync(path.join(dir, 'pagefind'));
  writeFileSync(path.join(dir, 'essay', 'index.html'), page);
  writeFileSync(path.join(dir, '404.html'), `<!doctype html><title>Not found</title>${'<p>Missing. '.repeat(40)}`);
  writeFileSync(path.join(dir, 'pagefind', 'en_1.pf_fragment'), alreadyGzipped);
  site = await serveDist(dir, '/');
});
afterAll(() => site.close());

describe('static server', () => {
  test('sends HTML gzip-compressed to a browser that accepts gzip, and it decompresses to the file', async () => {
    const r = await get(site.url('essay/'), 'gzip, deflate, br');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(r.body.length).toBeLessThan(page.length / 5);
    expect(gunzipSync(r.body).toString()).toBe(page);
  });

  test('sends the file as it is to a client that does not ask for gzip or refuses it', async () => {
    for (const accept of [undefined, 'identity', 'gzip;q=0']) {
      const r = await get(site.url('essay/'), accept);
      expect(r.headers['content-encoding'], `Accept-Encoding: ${accept}`).toBeUndefined();
      expect(r.body.toString()).toBe(page);
    }
  });

  test('never compresses Pagefind files twice', async () => {
    const r = await get(site.url('pagefind/en_1.pf_fragment'), 'gzip');
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.equals(alreadyGzipped)).toBe(true);
  });

  test('answers a missing page with the 404 page, compressed too', async () => {
    const r = await get(site.url('nowhere/'), 'gzip');
    expect(r.status).toBe(404);
    expect(gunzipSync(r.body).toString()).toContain('Not found');
  });

  test('can serve raw, for a before-and-after measurement', async () => {
    const raw = await serveDist(dir, '/', { compress: false });
    try {
      expect((await get(raw.url('essay/'), 'gzip')).headers['content-encoding']).toBeUndefined();
    } finally {
      await raw.close();
    }
  });
});
