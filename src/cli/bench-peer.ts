/**
 * `npm run bench:peer`: build time per page, this site against Starlight (Astro's documentation
 * theme) on the same machine, in one run. Both build the same synthetic essays (those of
 * `bench:scale`); the builds alternate (ours then Starlight's, then the other way round) so that
 * a busy moment on a shared machine falls on both, and the ratio is taken run by run.
 *
 * Starlight is installed from npm into bench/tmp/starlight/ (gitignored, never committed), with
 * the same Astro version as this site. It gets each essay as a Starlight page: the same Markdown
 * body, title and description, with the site's two components replaced by small stand-ins of
 * its own (Starlight has no citations, glossary, charts or share cards, so its build does less
 * per page). Our build is `astro build` plus the search index; Starlight's `astro build` makes its
 * search index itself. Both count every HTML page they write.
 *
 * The first pair of builds starts with empty caches (cold); the following ones keep each site's
 * caches (Astro's and ours under node_modules/.cache/explainer), as a CI job that keeps them does.
 *
 * Environment: BENCH_PEER_ESSAYS (default 500), BENCH_PEER_RUNS (warm pairs, default 3),
 * BENCH_PEER_EVENTS (synthetic timeline events; default: the real ones),
 * BENCH_PEER_STARLIGHT (Starlight version, default below). Writes bench/peer.json.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import path from 'node:path';
import { median, timeCommand } from './bench-lib.ts';
import { builtPages } from '../../tests/e2e/support/site.ts';
import { ESSAY_SUMMARY, essayTitle, siteVocabulary, syntheticEssayBody, syntheticEssaySlug, writeSyntheticContent } from './synthetic-site.ts';

const STARLIGHT_VERSION = process.env.BENCH_PEER_STARLIGHT ?? '0.42.4';
const essays = Number(process.env.BENCH_PEER_ESSAYS ?? 500);
const warmRuns = Number(process.env.BENCH_PEER_RUNS ?? 3);
const events = process.env.BENCH_PEER_EVENTS ? Number(process.env.BENCH_PEER_EVENTS) : undefined;

const scratch = path.resolve('bench/tmp');
const starlightDir = path.join(scratch, 'starlight');
const oursDir = path.join(scratch, 'peer');
const astroVersion = (JSON.parse(readFileSync('node_modules/astro/package.json', 'utf8')) as { version: string }).version;
// No telemetry request from either build: the benchmark must not depend on the network.
const quiet = { ASTRO_TELEMETRY_DISABLED: '1' };

/** A Starlight project in bench/tmp/starlight/, installed once per Starlight and Astro version. */
function prepareStarlight(): void {
  const stamp = path.join(starlightDir, '.installed');
  const wanted = `@astrojs/starlight@${STARLIGHT_VERSION} astro@${astroVersion}`;
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
    rmSync(starlightDir, { recursive: true, force: true });
    mkdirSync(starlightDir, { recursive: true });
    writeFileSync(path.join(starlightDir, 'package.json'), `${JSON.stringify({ name: 'starlight-peer', private: true, type: 'module' }, null, 2)}\n`);
    console.log(`bench:peer: installing ${wanted} into ${path.relative(process.cwd(), starlightDir)}/`);
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--save-exact', `@astrojs/starlight@${STARLIGHT_VERSION}`, `astro@${astroVersion}`], { cwd: starlightDir, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('bench:peer: npm install of Starlight failed');
    writeFileSync(stamp, wanted);
  }
  const src = path.join(starlightDir, 'src');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(path.join(src, 'components'), { recursive: true });
  mkdirSync(path.join(src, 'content', 'docs', 'essays'), { recursive: true });
  // Its own tsconfig, so tools looking upwards never find this repository's.
  writeFileSync(path.join(starlightDir, 'tsconfig.json'), '{ "extends": "astro/tsconfigs/base" }\n');
  writeFileSync(path.join(starlightDir, 'astro.config.mjs'), [
    "import { defineConfig } from 'astro/config';",
    "import starlight from '@astrojs/starlight';",
    "export default defineConfig({ integrations: [starlight({ title: 'Starlight peer' })] });",
    '',
  ].join('\n'));
  writeFileSync(path.join(src, 'content.config.ts'), [
    "import { defineCollection } from 'astro:content';",
    "import { docsLoader } from '@astrojs/starlight/loaders';",
    "import { docsSchema } from '@astrojs/starlight/schema';",
    'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
    '',
  ].join('\n'));
  // Stand-ins for the site's components: the key-points box as the site marks it up; a figure
  // for the chart, which Starlight cannot draw.
  writeFileSync(path.join(src, 'components', 'KeyPoints.astro'), '<aside class="key-points"><p>Key points</p><slot /></aside>\n');
  writeFileSync(path.join(src, 'components', 'StockpileChart.astro'), '<figure><figcaption>Chart</figcaption></figure>\n');
  writeFileSync(path.join(src, 'content', 'docs', 'index.mdx'), '---\ntitle: Starlight peer\n---\n\nSynthetic essays.\n');
  const vocabulary = siteVocabulary();
  for (let i = 0; i < essays; i++) {
    writeFileSync(path.join(src, 'content', 'docs', 'essays', `${syntheticEssaySlug(i)}.mdx`), [
      '---',
      `title: "${essayTitle(i)}"`,
      `description: "${ESSAY_SUMMARY}"`,
      '---',
      "import KeyPoints from '../../../components/KeyPoints.astro';",
      "import StockpileChart from '../../../components/StockpileChart.astro';",
      '',
      syntheticEssayBody(i, vocabulary),
    ].join('\n'));
  }
}

function clearCaches(): void {
  rmSync(path.join(starlightDir, 'node_modules', '.astro'), { recursive: true, force: true });
  rmSync(path.join(oursDir, 'cache'), { recursive: true, force: true });
}

interface Measure { ms: number; pages: number; msPerPage: number }

function buildOurs(): Measure {
  const out = path.join(oursDir, 'dist');
  rmSync(out, { recursive: true, force: true });
  const env = { ...quiet, SITE_CONTENT_DIR: path.join(oursDir, 'content'), SITE_CACHE_DIR: path.join(oursDir, 'cache') };
  const ms = timeCommand(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent', '--outDir', out], env)
    + timeCommand(process.execPath, ['src/cli/index-search.ts', out], env);
  const pages = builtPages(out).length;
  return { ms, pages, msPerPage: ms / pages };
}

function buildStarlight(): Measure {
  const out = path.join(starlightDir, 'dist');
  rmSync(out, { recursive: true, force: true });
  const ms = timeCommand(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], quiet, starlightDir);
  const pages = builtPages(out).length;
  return { ms, pages, msPerPage: ms / pages };
}

console.log(`bench:peer: ${essays} essays, 1 cold + ${warmRuns} warm pair(s) of builds, on ${cpus().length} CPU(s)`);
prepareStarlight();
writeSyntheticContent(path.join(oursDir, 'content'), essays, events);
clearCaches();

const pairs: { run: number; cache: 'cold' | 'warm'; ours: Measure; starlight: Measure; ratio: number }[] = [];
for (let run = 0; run <= warmRuns; run++) {
  // Alternate which goes first, so neither always builds right after the other warmed the disk.
  const oursFirst = run % 2 === 0;
  const first = oursFirst ? buildOurs() : buildStarlight();
  const second = oursFirst ? buildStarlight() : buildOurs();
  const ours = oursFirst ? first : second;
  const starlight = oursFirst ? second : first;
  pairs.push({ run, cache: run === 0 ? 'cold' : 'warm', ours, starlight, ratio: ours.msPerPage / starlight.msPerPage });
  console.log(`run ${run} (${run === 0 ? 'cold' : 'warm'}): ours ${ours.msPerPage.toFixed(1)} ms/page (${ours.pages} pages), Starlight ${starlight.msPerPage.toFixed(1)} ms/page (${starlight.pages} pages), ratio ${(ours.msPerPage / starlight.msPerPage).toFixed(2)}`);
}

const warm = pairs.filter((p) => p.cache === 'warm');
const summary = {
  oursMsPerPage: Math.round(median(warm.map((p) => p.ours.msPerPage)) * 10) / 10,
  starlightMsPerPage: Math.round(median(warm.map((p) => p.starlight.msPerPage)) * 10) / 10,
  medianRatio: Math.round(median(warm.map((p) => p.ratio)) * 100) / 100,
  cold: { oursMsPerPage: Math.round(pairs[0]!.ours.msPerPage * 10) / 10, starlightMsPerPage: Math.round(pairs[0]!.starlight.msPerPage * 10) / 10, ratio: Math.round(pairs[0]!.ratio * 100) / 100 },
};
console.log(`\nBuild time per page, ${essays} synthetic essays (search index included)`);
console.log('| builds | ours (ms/page) | Starlight (ms/page) | ratio |');
console.log('| --- | --- | --- | --- |');
console.log(`| cold caches (1 pair) | ${summary.cold.oursMsPerPage} | ${summary.cold.starlightMsPerPage} | ${summary.cold.ratio.toFixed(2)} |`);
if (warm.length) console.log(`| warm caches (median of ${warm.length}) | ${summary.oursMsPerPage} | ${summary.starlightMsPerPage} | ${summary.medianRatio.toFixed(2)} |`);
mkdirSync('bench', { recursive: true });
writeFileSync('bench/peer.json', `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, essays, events: events ?? 'real', astro: astroVersion, starlight: STARLIGHT_VERSION, summary, pairs }, null, 2)}\n`);
console.log('\nwrote bench/peer.json');
