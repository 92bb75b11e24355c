/**
 * Runs the content checker (src/lib/content-check.ts) inside Astro, so the build and the dev
 * server say what `npm run check` says:
 *
 * - `astro build` (and `astro check`, `astro sync`): stops before rendering anything when a file
 *   under content/ is wrong, with the checker's messages, one line per mistake.
 * - `astro dev`: starts even when content is wrong; a page then shows the checker's messages in
 *   the browser's error overlay (and the terminal) instead of an out-of-date page. Saving any
 *   file under content/ checks again and reloads the page; saving a YAML or CSV file also
 *   recompiles the essays, so their references and glossary definitions are fresh.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';
import path from 'node:path';
import { checkContent, type CheckReport } from '../lib/content-check.ts';
import { formatProblem } from '../lib/content-errors.ts';
import { contentDir } from '../lib/content-store.ts';
import { contentError, recheckDevContent, startDevContentCheck } from './content-report.ts';

function summary(report: CheckReport): string {
  return `content ok: ${Object.entries(report.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`;
}

function logReport(report: CheckReport, logger: AstroIntegrationLogger): void {
  if (report.problems.length) {
    logger.error(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in the site's content:\n${report.problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
  }
  for (const w of report.warnings) logger.warn(w.summary);
  if (!report.problems.length) logger.info(summary(report));
}

export function contentCheck(): AstroIntegration {
  return {
    name: 'explainer:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger, updateConfig, addMiddleware, addWatchFile }) => {
        const root = contentDir();
        if (command !== 'dev') {
          const report = checkContent(root);
          if (report.problems.length) throw contentError(report.problems);
          for (const w of report.warnings) logger.warn(w.summary);
          logger.info(summary(report));
          return;
        }
        startDevContentCheck(root, () => {
          const report = checkContent(root);
          logReport(report, logger);
          return report;
        });
        // Redirects are part of the config: Astro restarts the dev server when the file changes.
        addWatchFile(path.join(root, 'redirects.yaml'));
        addMiddleware({ entrypoint: new URL('./content-check-middleware.ts', import.meta.url), order: 'pre' });
        updateConfig({ vite: { plugins: [watchContent(root)] } });
      },
    },
  };
}

/**
 * Checks again and reloads the page when files under the content folder change. Saving often
 * fires several events (and an editor may write a file in two steps), so changes within a short
 * moment are taken together: one check, one recompile, one reload, after the last write.
 */
function watchContent(root: string): Plugin {
  return {
    name: 'explainer:watch-content',
    configureServer(server: ViteDevServer) {
      // A content folder outside the project (SITE_CONTENT_DIR) is not watched by default.
      server.watcher.add(root);
      let timer: NodeJS.Timeout | undefined;
      let dataChanged = false;
      const settle = () => {
        timer = undefined;
        recheckDevContent();
        // Essays read sources.yaml, glossary.yaml and the data files while they compile: recompile
        // them, as a save would (reloadModule also clears the server's running copy of each).
        const reloads: Promise<void>[] = [];
        if (dataChanged) {
          for (const env of Object.values(server.environments)) {
            for (const mod of env.moduleGraph.idToModuleMap.values()) {
              if (mod.file?.endsWith('.mdx') && mod.file.startsWith(root)) reloads.push(env.reloadModule(mod));
            }
          }
        }
        dataChanged = false;
        void Promise.all(reloads).then(() => server.hot.send({ type: 'full-reload', path: '*' }));
      };
      const onChange = (file: string) => {
        const rel = path.relative(root, file);
        if (rel.startsWith('..') || path.isAbsolute(rel)) return;
        if (/\.(ya?ml|csv|txt)$/.test(file)) dataChanged = true;
        clearTimeout(timer);
        timer = setTimeout(settle, 200);
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
