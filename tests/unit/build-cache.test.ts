import { describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCacheDir, cacheKey, cachedFile, pruneCache } from '../../src/lib/build-cache.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('build cache', () => {
  test('makes a file once, then serves it from the cache for the same inputs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cache-test-'));
    let made = 0;
    const make = () => { made++; return bytes(`card ${made}`); };
    expect(new TextDecoder().decode(await cachedFile('cards.png', ['title A', 'v1'], make, dir))).toBe('card 1');
    expect(new TextDecoder().decode(await cachedFile('cards.png', ['title A', 'v1'], make, dir))).toBe('card 1');
    expect(made).toBe(1);
    // Any change in what the file is made from (text, renderer version…) makes it again.
    await cachedFile('cards.png', ['title A', 'v2'], make, dir);
    expect(made).toBe(2);
    expect(readdirSync(path.join(dir, 'cards')).filter((f) => f.endsWith('.png'))).toHaveLength(2);
    rmSync(dir, { recursive: true });
  });
  test('keys differ when the inputs differ, even by where a string breaks', () => {
    expect(cacheKey(['ab', 'c'])).not.toBe(cacheKey(['a', 'bc']));
    expect(cacheKey(['ab', 'c'])).toBe(cacheKey(['ab', 'c']));
  });
  test('pruning removes what no build used since it started, and keeps the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cache-test-'));
    await cachedFile('cards.png', ['old'], () => bytes('old'), dir);
    const old = path.join(dir, 'cards', `${cacheKey(['old'])}.png`);
    utimesSync(old, new Date('2020-01-01'), new Date('2020-01-01'));
    const buildStart = new Date(Date.now() - 1000);
    await cachedFile('cards.png', ['new'], () => bytes('new'), dir);
    expect(pruneCache(buildStart, dir)).toBe(1);
    expect(readdirSync(path.join(dir, 'cards'))).toEqual([`${cacheKey(['new'])}.png`]);
    // A cache hit counts as use: the entry survives the next prune.
    utimesSync(path.join(dir, 'cards', `${cacheKey(['new'])}.png`), new Date('2020-01-01'), new Date('2020-01-01'));
    const nextStart = new Date(Date.now() - 1000);
    await cachedFile('cards.png', ['new'], () => bytes('remade'), dir);
    expect(pruneCache(nextStart, dir)).toBe(0);
    expect(pruneCache(new Date(), path.join(dir, 'missing'))).toBe(0);
    rmSync(dir, { recursive: true });
  });
  test('lives in node_modules/.cache/explainer, or beside the cache of a build of other content', () => {
    expect(buildCacheDir({})).toBe(path.resolve('node_modules/.cache/explainer'));
    expect(buildCacheDir({ SITE_CACHE_DIR: '/tmp/x' })).toBe('/tmp/x/explainer');
  });
});
