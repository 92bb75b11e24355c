/**
 * `npm run check`: validates every file under content/ in about a second, without building, with
 * the same messages as the build. Errors first, one line each; then warnings, one line each
 * (`npm run check -- --list` prints what a warning summarises). Exit status 1 on any error.
 */
import { enableCompileCache } from 'node:module';

// Reading the checker's TypeScript is a third of a cold run: let Node keep the compiled modules
// (in the system's temporary folder) for the next run. Hence the imports below come after it.
enableCompileCache();
const { checkContent } = await import('../lib/content-check.ts');
const { contentDir } = await import('../lib/content-store.ts');
const { formatProblem } = await import('../lib/content-errors.ts');

const started = performance.now();
const report = checkContent(contentDir());
const list = process.argv.includes('--list');
if (report.problems.length) {
  console.error(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in the site's content:`);
  for (const p of report.problems) console.error(`  - ${formatProblem(p)}`);
}
for (const w of report.warnings) {
  console.warn(`warning: ${w.summary}`);
  if (list) for (const d of w.details) console.warn(`  ${d}`);
}
if (report.problems.length) process.exit(1);
const counts = Object.entries(report.counts).map(([k, v]) => `${v} ${k}`).join(', ');
console.log(`content ok (${counts}) in ${Math.round(performance.now() - started)} ms`);
