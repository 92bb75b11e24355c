/**
 * What the build produced: every HTML page, as a path relative to the site's base. Redirect pages
 * (moved addresses) are left out: they send the reader on at once, and the permalink test covers them.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function builtPages(distDir = path.resolve('dist')): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name === '_astro' || name === 'pagefind') continue;
        walk(full);
      } else if (name.endsWith('.html') && !/http-equiv="refresh"/i.test(readFileSync(full, 'utf8').slice(0, 600))) {
        const rel = path.relative(distDir, full).split(path.sep).join('/');
        pages.push(rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(distDir);
  return pages.sort();
}
