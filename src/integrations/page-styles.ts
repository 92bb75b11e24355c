/**
 * After the build, each page keeps only the inlined screen styles it can use
 * (src/lib/page-styles.ts says how and why).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stylesCache, withPageStyles } from '../lib/page-styles.ts';
import { basePath } from '../lib/urls.ts';
import { builtHtmlFiles } from '../lib/built-pages.ts';

export function pageStyles({ base }: { base: string }): AstroIntegration {
  return {
    name: 'explainer:page-styles',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const prefix = basePath(base);
        const readScript = (address: string) => {
          if (!address.startsWith(prefix)) return undefined;
          const file = path.join(dist, address.slice(prefix.length));
          return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
        };
        const cache = stylesCache();
        let before = 0;
        let after = 0;
        for (const file of builtHtmlFiles(dist)) {
          const html = readFileSync(file, 'utf8');
          const trimmed = withPageStyles(html, readScript, cache);
          if (trimmed === html) continue;
          writeFileSync(file, trimmed);
          before += html.length;
          after += trimmed.length;
        }
        logger.info(`inlined styles trimmed to what each page uses: ${Math.round((before - after) / 1024)} KB less HTML in all`);
      },
    },
  };
}
