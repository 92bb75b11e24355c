// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { SITE } from './src/site.config.ts';
import { remarkExplainer, withBase } from './src/lib/markdown/remark-explainer.ts';
import { rehypeExplainer } from './src/lib/markdown/rehype-explainer.ts';
import { contentDir, displayPath, loadGlossary, loadRedirects, loadSources } from './src/lib/content-store.ts';
import { isLivePage } from './src/lib/site-addresses.ts';
import { ContentValidationError } from './src/lib/content-errors.ts';
import { contentCheck } from './src/integrations/content-check.ts';

/**
 * The redirects, or none while redirects.yaml has an error, and never one over a live page: the
 * content check reports those (the build stops; the dev server starts and shows the error), so
 * the config itself never fails to load and a bad redirect never hides an essay.
 */
function redirectsOrNone() {
  try {
    return loadRedirects().filter((r) => !isLivePage(r.from, contentDir()));
  } catch (e) {
    if (e instanceof ContentValidationError) return [];
    throw e;
  }
}

/**
 * Astro's content-asset plugin marks each MDX entry with a "use astro:head-inject" directive that
 * nothing reads (withastro/astro#18087), and Rolldown warns once per essay that bundling drops it.
 * Only that warning is dropped; every other log passes through.
 * @returns {import('vite').Plugin}
 */
function quietHeadInjectDirective() {
  return {
    name: 'explainer:quiet-head-inject-directive',
    onLog(_level, log) {
      return !(log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"'));
    },
  };
}

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  // Builds of other content folders (tests, bench:scale) keep their own cache, so they never mix.
  cacheDir: process.env.SITE_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  markdown: {
    // No code blocks on this site; Shiki's inline styles would also break the CSP.
    syntaxHighlight: false,
    processor: unified({
      remarkPlugins: [
        [
          remarkExplainer,
          {
            sources: loadSources,
            glossaryIds: () => new Set(loadGlossary().map((t) => t.id)),
            definitions: () => new Map(loadGlossary().map((t) => [t.id, t.definition])),
            base: SITE.base,
            displayPath,
          },
        ],
      ],
      rehypePlugins: [[rehypeExplainer, { siteOrigin: SITE.url, displayPath }]],
      remarkRehype: { footnoteLabel: 'Notes', footnoteBackLabel: 'Back to the text' },
    }),
  },
  // Moved pages (content/redirects.yaml) become small static pages that send the reader on.
  // Astro does not add the base path to a redirect's destination, so it is added here.
  redirects: Object.fromEntries(redirectsOrNone().map((r) => [r.from, withBase(SITE.base, r.to)])),
  integrations: [contentCheck(), mdx(), sitemap({ filter: (page) => !loadRedirects().some((r) => page.endsWith(r.from)) })],
  security: {
    csp: {
      // Pagefind's search runs as WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      directives: ["default-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
  devToolbar: { enabled: false },
  vite: { plugins: [quietHeadInjectDirective()] },
});
