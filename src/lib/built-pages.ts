/**
 * The pages a build wrote, for the steps that run over them after `astro build`
 * (src/integrations: chart downloads, frame headers, scripts after paint, page styles).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every index.html under `dir`. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? htmlFiles(full) : name === 'index.html' ? [full] : [];
  });
}

/** Every built page the site's layout writes: each index.html, and the 404 page. */
export function builtHtmlFiles(dist: string): string[] {
  const notFound = path.join(dist, '404.html');
  return [...htmlFiles(dist), ...(existsSync(notFound) ? [notFound] : [])];
}
