/**
 * Writes dist/_headers when the build is done: every page refuses to be framed by other sites
 * except /embed/* (lib/embeds.ts says why each page is listed). A <meta> CSP cannot set
 * frame-ancestors, so only a host that reads _headers (Netlify, Cloudflare Pages) enforces it;
 * README says what other hosts allow.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/embeds.ts';
import { htmlFiles } from '../lib/built-pages.ts';

export function frameHeaders(options: { base: string }): AstroIntegration {
  return {
    name: 'explainer:frame-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const dist = fileURLToPath(dir);
        const pages = htmlFiles(dist)
          .map((f) => path.relative(dist, path.dirname(f)).split(path.sep).join('/'))
          .filter((p) => !p.startsWith('pagefind'))
          .map((p) => (p ? `${p}/` : ''))
          .sort();
        writeFileSync(path.join(dist, '_headers'), headersFile(pages, options.base));
      },
    },
  };
}
