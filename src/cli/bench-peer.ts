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
 * caches (Astro's, and this site's build cache of share cards), as a CI job that keeps them does.
 * Besides wall time, it reports CPU time (Linux): on a machine shared with other work, wall time
 * swings with the load, CPU time much less; the ratios are taken pair by pair for both.
 *
 * Each build's log gives its phases (src/lib/build-phases.ts): bundling, writing the pages, the
 * search index and the rest; and from them, the ratio the build would have if ours wrote its
 * pages as fast as Starlight writes its, the floor that work on the pages alone cannot pass.
 *
 * Environment: BENCH_PEER_ESSAYS (default 500), BENCH_PEER_RUNS (warm pairs, default 3),
 * BENCH_PEER_EVENTS (synthetic timeline events; default: the real ones),
 * BENCH_PEER_STARLIGHT (Starlight version, default below). Writes bench/peer.json.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import path from 'node:path';
import { measureCommand, median } from './bench-lib.ts';
import { buildPhases, ratioWithPagesAtPeersCost, restOf, type BuildPhases } from '../lib/build-phases.ts';
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
// No telemetry request from either build: the benchmark must not depend on the network. Builds
// print their log (read for the phases' timings, src/lib/build-phases.ts), uncoloured.
const quiet = { ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };

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
    // The same warning ours drops (astro.config.mjs, quietHeadInjectDirective), printed 500 times otherwise.
    'const quietHeadInjectDirective = { name: "quiet-head-inject-directive", onLog: (_level, log) => !(log.code === "MODULE_LEVEL_DIRECTIVE" && log.message.includes("use astro:head-inject")) };',
    "export default defineConfig({ integrations: [starlight({ title: 'Starlight peer' })], vite: { plugins: [quietHeadInjectDirective] } });",
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

/** Seconds by phase, as the builds' logs give them; `rest` is the wall time no phase accounts for (start-up, content sync, steps after the pages). */
type Phases = BuildPhases & { rest?: number; total: number };
interface Measure { pages: number; msPerPage: number; cpuMsPerPage: number | undefined; phases: Phases }

function measure(steps: [string[], NodeJS.ProcessEnv, string?][], out: string): Measure {
  let wall = 0;
  let cpu: number | undefined = 0;
  let log = '';
  for (const [args, env, cwd] of steps) {
    const m = measureCommand(process.execPath, args, env, cwd, { keepOutput: true });
    wall += m.wallMs;
    cpu = cpu === undefined || m.cpuMs === undefined ? undefined : cpu + m.cpuMs;
    log += m.output;
  }
  const pages = builtPages(out).length;
  const found = buildPhases(log);
  const rest = restOf({ seconds: wall / 1000, pages, phases: found });
  return { pages, msPerPage: wall / pages, cpuMsPerPage: cpu === undefined ? undefined : cpu / pages, phases: { ...found, ...(rest === undefined ? {} : { rest }), total: wall / 1000 } };
}

function buildOurs(): Measure {
  const out = path.join(oursDir, 'dist');
  rmSync(out, { recursive: true, force: true });
  const env = { ...quiet, SITE_CONTENT_DIR: path.join(oursDir, 'content'), SITE_CACHE_DIR: path.join(oursDir, 'cache') };
  return measure([[['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], env], [['src/cli/index-search.ts', out], env]], out);
}

function buildStarlight(): Measure {
  const out = path.join(starlightDir, 'dist');
  rmSync(out, { recursive: true, force: true });
  return measure([[['node_modules/astro/bin/astro.mjs', 'build'], quiet, starlightDir]], out);
}

const round = (n: number | undefined, digits = 1) => (n === undefined ? undefined : Math.round(n * 10 ** digits) / 10 ** digits);
const show = (n: number | undefined, digits = 1) => (n === undefined ? 'n/a' : n.toFixed(digits));

console.log(`bench:peer: ${essays} essays, 1 cold + ${warmRuns} warm pair(s) of builds, on ${cpus().length} CPU(s)`);
prepareStarlight();
writeSyntheticContent(path.join(oursDir, 'content'), essays, events);
clearCaches();

const pairs: { run: number; cache: 'cold' | 'warm'; ours: Measure; starlight: Measure; ratio: number; cpuRatio: number | undefined }[] = [];
for (let run = 0; run <= warmRuns; run++) {
  // Alternate which goes first, so neither always builds right after the other warmed the disk.
  const oursFirst = run % 2 === 0;
  const first = oursFirst ? buildOurs() : buildStarlight();
  const second = oursFirst ? buildStarlight() : buildOurs();
  const ours = oursFirst ? first : second;
  const starlight = oursFirst ? second : first;
  const cpuRatio = ours.cpuMsPerPage !== undefined && starlight.cpuMsPerPage ? ours.cpuMsPerPage / starlight.cpuMsPerPage : undefined;
  pairs.push({ run, cache: run === 0 ? 'cold' : 'warm', ours, starlight, ratio: ours.msPerPage / starlight.msPerPage, cpuRatio });
  console.log(`run ${run} (${run === 0 ? 'cold' : 'warm'}): ours ${show(ours.msPerPage)} ms/page (${show(ours.cpuMsPerPage)} CPU, ${ours.pages} pages), Starlight ${show(starlight.msPerPage)} ms/page (${show(starlight.cpuMsPerPage)} CPU, ${starlight.pages} pages), ratio ${show(ours.msPerPage / starlight.msPerPage, 2)} (CPU ${show(cpuRatio, 2)})`);
}

const medianOf = (values: (number | undefined)[]) => (values.length && values.every((v) => v !== undefined) ? median(values as number[]) : undefined);
function summarise(set: typeof pairs) {
  return {
    pairs: set.length,
    oursMsPerPage: round(medianOf(set.map((p) => p.ours.msPerPage))),
    starlightMsPerPage: round(medianOf(set.map((p) => p.starlight.msPerPage))),
    medianRatio: round(medianOf(set.map((p) => p.ratio)), 2),
    oursCpuMsPerPage: round(medianOf(set.map((p) => p.ours.cpuMsPerPage))),
    starlightCpuMsPerPage: round(medianOf(set.map((p) => p.starlight.cpuMsPerPage))),
    medianCpuRatio: round(medianOf(set.map((p) => p.cpuRatio)), 2),
  };
}
const cold = summarise(pairs.filter((p) => p.cache === 'cold'));
const warm = summarise(pairs.filter((p) => p.cache === 'warm'));
console.log(`\nBuild time per page, ${essays} synthetic essays (search index included); medians of the pairs, ratios taken pair by pair`);
console.log('| builds | ours (ms/page) | Starlight (ms/page) | ratio | ours (CPU ms/page) | Starlight (CPU ms/page) | CPU ratio |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [label, s] of [['cold caches', cold], ['warm caches', warm]] as const) {
  if (!s.pairs) continue;
  console.log(`| ${label} (${s.pairs} pair${s.pairs === 1 ? '' : 's'}) | ${show(s.oursMsPerPage)} | ${show(s.starlightMsPerPage)} | ${show(s.medianRatio, 2)} | ${show(s.oursCpuMsPerPage)} | ${show(s.starlightCpuMsPerPage)} | ${show(s.medianCpuRatio, 2)} |`);
}

// Where the time goes, phase by phase (the warm pairs, or the cold one alone).
const phaseSet = pairs.filter((p) => p.cache === 'warm').length ? pairs.filter((p) => p.cache === 'warm') : pairs;
const PHASE_ROWS = [
  ['bundling (Vite, MDX included)', 'bundling'],
  ['writing the pages', 'pages'],
  ['search index', 'searchIndex'],
  ['the rest: start-up, content sync, steps after the pages', 'rest'],
  ['whole build', 'total'],
] as const;
const phaseMedian = (site: 'ours' | 'starlight', key: keyof Phases) => round(medianOf(phaseSet.map((p) => p[site].phases[key])), 2);
const phases = Object.fromEntries(PHASE_ROWS.map(([, key]) => [key, { ours: phaseMedian('ours', key), starlight: phaseMedian('starlight', key) }]));
console.log(`\nPhases, seconds (median of ${phaseSet.length} ${phaseSet === pairs ? '' : 'warm '}pair(s), from each build's log)`);
console.log('| phase | ours | Starlight |');
console.log('| --- | --- | --- |');
for (const [label, key] of PHASE_ROWS) console.log(`| ${label} | ${show(phases[key]!.ours, 2)} | ${show(phases[key]!.starlight, 2)} |`);
// The ratio no work on our pages alone can take the build below (src/lib/build-phases.ts).
const asBuild = (m: Measure) => ({ seconds: m.phases.total, pages: m.pages, phases: m.phases });
const pagesAtStarlightsCost = medianOf(phaseSet.map((p) => ratioWithPagesAtPeersCost(asBuild(p.ours), asBuild(p.starlight))));
console.log(`\nWith its pages written as fast as Starlight's, per page, ours would be at a ratio of ${show(pagesAtStarlightsCost, 2)}: the rest of the build alone.`);
mkdirSync('bench', { recursive: true });
writeFileSync('bench/peer.json', `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, essays, events: events ?? 'real', astro: astroVersion, starlight: STARLIGHT_VERSION, cold, warm, phases, ratioWithPagesAtStarlightsCost: round(pagesAtStarlightsCost, 2), pairs }, null, 2)}\n`);
console.log('\nwrote bench/peer.json');
