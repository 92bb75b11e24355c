/** What the build produced: every HTML page, as a path relative to the site's base. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function builtPages(distDir = path.resolve('dist')): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name === '_astro' || name === 'pagefind') continue;
        walk(full);
      } else if (name.endsWith('.html')) {
        const rel = path.relative(distDir, full).split(path.sep).join('/');
        pages.push(rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(distDir);
  return pages.sort();
}
