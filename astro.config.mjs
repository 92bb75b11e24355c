// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { SITE } from './src/site.config.ts';
import { explainerMarkdown } from './src/lib/markdown/pipeline.ts';
import { withBase } from './src/lib/markdown/links.ts';
import { contentDir, displayPath, loadFactSources, loadGlossary, loadRedirects, loadSources } from './src/lib/content-store.ts';
import { isLivePage } from './src/lib/site-addresses.ts';
import { ContentValidationError } from './src/lib/content-errors.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { buildCacheDir, pruneCache } from './src/lib/build-cache.ts';
import { chartDownloads } from './src/integrations/chart-downloads.ts';
import { frameHeaders } from './src/integrations/frame-headers.ts';
import { scriptsAfterPaint } from './src/integrations/scripts-after-paint.ts';
import { pageStyles } from './src/integrations/page-styles.ts';
import { inlineScriptText } from './src/lib/inline-scripts.ts';

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

/** The addresses redirects.yaml moves away from, read once for the sitemap filter (called for every page). */
/** @type {string[] | undefined} */
let redirectedFrom;
function redirectedPaths() {
  redirectedFrom ??= loadRedirects().map((r) => r.from);
  return redirectedFrom;
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

/**
 * Keeps the build cache (share cards… see src/lib/build-cache.ts) the size of the site: entries
 * no page of a finished build used are removed.
 * @returns {import('astro').AstroIntegration}
 */
function buildCachePruning() {
  let started = new Date();
  return {
    name: 'explainer:build-cache',
    hooks: {
      'astro:build:start': () => {
        // A little earlier than now, so a file system that rounds times down never prunes a file just used.
        started = new Date(Date.now() - 2000);
      },
      'astro:build:done': ({ logger }) => {
        const removed = pruneCache(started);
        if (removed) logger.info(`build cache: removed ${removed} unused file(s) from ${buildCacheDir()}`);
      },
    },
  };
}

/**
 * With BUILD_CPU_PHASES=1, prints the CPU time the build has used at each phase (content check,
 * bundling, page generation), the measure BENCHMARKS.md compares against Starlight's.
 * @returns {import('astro').AstroIntegration}
 */
function cpuPhases() {
  const mark = (/** @type {string} */ phase) => {
    const { user, system } = process.cpuUsage();
    console.log(`build CPU: ${((user + system) / 1e6).toFixed(1)} s at ${phase}`);
  };
  const on = Boolean(process.env.BUILD_CPU_PHASES);
  return {
    name: 'explainer:cpu-phases',
    hooks: on
      ? {
          'astro:config:setup': ({ updateConfig }) => {
            mark('config:setup (config loaded)');
            updateConfig({ vite: { plugins: [{ name: 'explainer:cpu-phases', buildStart: () => mark('bundling starts'), writeBundle: () => mark('bundle written') }] } });
          },
          'astro:config:done': () => mark('config:done (content checked)'),
          'astro:build:start': () => mark('build:start (content synced)'),
          'astro:build:generated': () => mark('build:generated (pages written)'),
          'astro:build:done': () => mark('build:done'),
        }
      : {},
  };
}

/**
 * The CSP hash of a script Base.astro inlines (`set:html` of the file's text, as
 * inlineScriptText writes it): Astro hashes only the scripts it bundles.
 * @param {string} file
 * @returns {`sha256-${string}`}
 */
function inlineScriptHash(file) {
  return `sha256-${createHash('sha256').update(inlineScriptText(readFileSync(new URL(file, import.meta.url), 'utf8'))).digest('base64')}`;
}

export default defineConfig({
  site: SITE.url,
  base: SITE.base,
  trailingSlash: 'always',
  // Builds of other content folders (tests, bench:scale) keep their own cache, so they never mix.
  cacheDir: process.env.SITE_CACHE_DIR ?? './node_modules/.astro',
  // Styles inlined into each page (about 6 KB gzip): a separate stylesheet cost a round trip
  // before the first paint. Astro adds each <style>'s hash to the page's CSP.
  build: { format: 'directory', inlineStylesheets: 'always' },
  markdown: {
    // No code blocks on this site; Shiki's inline styles would also break the CSP.
    syntaxHighlight: false,
    // Sätteri, Astro's own Markdown processor, with the site's conventions (src/lib/markdown/pipeline.ts).
    processor: satteri({
      ...explainerMarkdown({
        sources: loadSources,
        glossaryIds: () => new Set(loadGlossary().map((t) => t.id)),
        definitions: () => new Map(loadGlossary().map((t) => [t.id, t.definition])),
        // Fact id → its source keys, so <Fact id="…" /> is cited like [@key] (content/facts.yaml).
        factSources: loadFactSources,
        base: SITE.base,
        siteOrigin: SITE.url,
        referenceListComponent: fileURLToPath(new URL('./src/components/ReferenceList.astro', import.meta.url)),
        displayPath,
      }),
      features: { gfm: { footnotes: { label: 'Notes', backLabel: 'Back to the text' } } },
    }),
  },
  // Moved pages (content/redirects.yaml) become small static pages that send the reader on.
  // Astro does not add the base path to a redirect's destination, so it is added here.
  redirects: Object.fromEntries(redirectsOrNone().map((r) => [r.from, withBase(SITE.base, r.to)])),
  // optimize: the static parts of each MDX page compile to HTML strings rather than a call per
  // element; the HTML is the same and a 500-essay build uses about a third less CPU.
  // chartDownloads comes before buildCachePruning: its images must be marked used before the cache is pruned.
  integrations: [cpuPhases(), contentCheck(), chartDownloads({ siteUrl: SITE.url, base: SITE.base, siteTitle: SITE.title, css: fileURLToPath(new URL('./src/styles/global.css', import.meta.url)) }), buildCachePruning(), frameHeaders({ base: SITE.base }), scriptsAfterPaint(), pageStyles({ base: SITE.base }), mdx({ optimize: true }), sitemap({ filter: (page) => !page.includes('/embed/') && !redirectedPaths().some((from) => page.endsWith(from)) })],
  security: {
    csp: {
      // Pagefind's search runs as WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
      // The theme setter and the script loader Base.astro inlines on every page run by their hashes.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [inlineScriptHash('./src/scripts/theme-init.js'), inlineScriptHash('./src/scripts/script-loader.js')] },
      directives: ["default-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
  devToolbar: { enabled: false },
  vite: {
    plugins: [quietHeadInjectDirective()],
    // Page scripts stay files, never inlined: an inline module script runs before the first paint
    // (the contents list's scrollspy measured every heading there), while a file is started after
    // it by the script loader (src/lib/after-paint.ts). Other assets keep Vite's default.
    build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
  },
});
