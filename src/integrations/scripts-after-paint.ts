/**
 * After the build, defers each page's module scripts until after its first paint
 * (src/lib/after-paint.ts says how and why; Base.astro holds the loader that starts them).
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deferModuleScriptBytes } from '../lib/after-paint.ts';
import { builtHtmlFiles } from '../lib/built-pages.ts';

export function scriptsAfterPaint(): AstroIntegration {
  return {
    name: 'explainer:scripts-after-paint',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        let pages = 0;
        const dist = fileURLToPath(dir);
        for (const file of builtHtmlFiles(dist)) {
          // Read and rewritten as bytes: decoding every page to search it was a cost per page.
          const deferred = deferModuleScriptBytes(readFileSync(file));
          if (!deferred) continue;
          writeFileSync(file, deferred);
          pages++;
        }
        logger.info(`scripts start after first paint on ${pages} page(s)`);
      },
    },
  };
}
