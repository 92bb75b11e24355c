/** Runs a real `astro build` from a test, in a clean environment. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The environment for a child build. Vitest puts its own import.meta.env values (BASE_URL, MODE,
 * DEV, PROD, SSR) into process.env, and a child Vite would take BASE_URL=/ from there over the
 * site's base path; so they are removed.
 */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_MODE', 'TEST']) delete env[key];
  return env;
}

export function astroBuild(contentDir: string, work: string, extra: Record<string, string> = {}): { status: number | null; output: string; outDir: string } {
  const outDir = path.join(work, 'dist');
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent', '--outDir', outDir], {
    env: buildEnv({ SITE_CONTENT_DIR: contentDir, SITE_CACHE_DIR: path.join(work, 'cache'), ...extra }),
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, outDir };
}
