/**
 * Serves the built site (dist/) as its host serves it: under the site's base path, directories as
 * their index.html, a 404 page, and text files gzip-compressed when the browser accepts it.
 * GitHub Pages, where the site is published, compresses HTML, CSS, JavaScript, JSON, SVG and XML
 * with gzip on the fly; serving them uncompressed locally made the HTML alone take about 0.8 s
 * under Lighthouse's simulated slow 4G, a cost no reader pays. Each file is compressed once and
 * kept in memory (until it changes on disk), so repeated loads in tests and benchmarks cost no CPU.
 * Pagefind's index, fragments and WebAssembly are gzip files already and are sent as they are.
 * Used by `npm start` (src/cli/serve.ts), `npm run bench`, the screenshots and the browser tests.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Files worth compressing: text. Images and Pagefind's files are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.csv', '.txt', '.md']);

/** Below this size gzip's own header outweighs what it saves (GitHub Pages' threshold is similar). */
const MIN_COMPRESS_BYTES = 256;

export interface StaticSite {
  origin: string;
  base: string;
  url(pathFromBase?: string): string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Loopback port; 0 (the default) picks a free one. */
  port?: number;
  /** Send text gzip-compressed to browsers that accept it (default true, as the host does). */
  compress?: boolean;
}

function acceptsGzip(req: IncomingMessage): boolean {
  const accept = String(req.headers['accept-encoding'] ?? '');
  // "gzip;q=0" refuses it; any other mention of gzip (or *) accepts it.
  return accept.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** gzip bodies by file, reused while the file's size and modification time are unchanged. */
function gzipCache() {
  const cache = new Map<string, { key: string; body: Buffer }>();
  return (file: string, size: number, mtimeMs: number, raw: Buffer): Buffer => {
    const key = `${size}:${mtimeMs}`;
    const hit = cache.get(file);
    if (hit?.key === key) return hit.body;
    const body = gzipSync(raw, { level: 6 });
    cache.set(file, { key, body });
    return body;
  };
}

export async function serveDist(distDir = path.resolve('dist'), base = process.env.SITE_BASE ?? '/', options: ServeOptions = {}): Promise<StaticSite> {
  const { port = 0, compress = true } = options;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const gzipped = gzipCache();

  const send = async (req: IncomingMessage, res: import('node:http').ServerResponse, status: number, file: string) => {
    const s = await stat(file);
    const raw = await readFile(file);
    const ext = path.extname(file);
    const headers: Record<string, string | number> = { 'content-type': TYPES[ext] ?? 'application/octet-stream' };
    let body: Buffer = raw;
    if (COMPRESSIBLE.has(ext)) {
      headers.vary = 'Accept-Encoding';
      if (compress && raw.length >= MIN_COMPRESS_BYTES && acceptsGzip(req)) {
        body = gzipped(file, s.size, s.mtimeMs, raw);
        headers['content-encoding'] = 'gzip';
      }
    }
    headers['content-length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server: Server = createServer(async (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!urlPath.startsWith(prefix)) {
      res.writeHead(404).end('outside the site base');
      return;
    }
    let file = path.join(distDir, urlPath.slice(prefix.length));
    if (!file.startsWith(distDir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      await send(req, res, 200, file);
    } catch {
      try {
        await send(req, res, 404, path.join(distDir, '404.html'));
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    origin,
    base: prefix,
    url: (p = '') => `${origin}${prefix}${p.replace(/^\//, '')}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
