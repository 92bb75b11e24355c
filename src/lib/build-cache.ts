/**
 * A cache of files the build derives from content (share-card PNGs…), kept between builds and
 * keyed by a hash of everything the file is made from: a rebuild redraws only what changed.
 *
 * It lives in node_modules/.cache/explainer/ (with SITE_CACHE_DIR set, in <that>/explainer/, so
 * builds of other content folders never mix), which CI keeps between runs. Deleting it is always
 * safe: the next build remakes what it needs. Entries a build did not use are pruned when it ends.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function buildCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.SITE_CACHE_DIR ? path.join(env.SITE_CACHE_DIR, 'explainer') : path.join('node_modules', '.cache', 'explainer'));
}

/** A stable hash of the inputs a derived file is made from. */
export function cacheKey(inputs: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 32);
}

/**
 * The file made from `inputs`: read from the cache when an earlier build made it, otherwise made
 * by `make` and stored. `kind` names the cache's subfolder and the file extension, e.g. 'share-cards.png'.
 */
export async function cachedFile(kind: string, inputs: readonly unknown[], make: () => Promise<Uint8Array> | Uint8Array, dir = buildCacheDir()): Promise<Uint8Array> {
  const [folder, extension] = kind.split('.') as [string, string | undefined];
  const file = path.join(dir, folder, `${cacheKey(inputs)}${extension ? `.${extension}` : ''}`);
  let hit: Uint8Array | undefined;
  try {
    hit = readFileSync(file);
  } catch {
    hit = undefined;
  }
  if (hit) {
    // Marks the entry as used by this build, so pruning keeps it.
    const now = new Date();
    utimesSync(file, now, now);
    return hit;
  }
  const made = await make();
  mkdirSync(path.dirname(file), { recursive: true });
  // Written under a temporary name first, so a build that stops half-way never leaves a torn file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, made);
  renameSync(partial, file);
  return made;
}

/** Removes cache entries no build has used since `since` (the start of the build that just ended). */
export function pruneCache(since: Date, dir = buildCacheDir()): number {
  let removed = 0;
  let folders: string[];
  try {
    folders = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const folder of folders) {
    const full = path.join(dir, folder);
    if (!statSync(full).isDirectory()) continue;
    for (const name of readdirSync(full)) {
      const entry = path.join(full, name);
      if (statSync(entry).mtime < since) {
        rmSync(entry, { force: true });
        removed++;
      }
    }
  }
  return removed;
}
