/**
 * `npm run check`: validates every file under content/ in about a second, without building,
 * with the same messages as the build. Exit status 1 when anything is wrong.
 */
import { checkContent } from '../lib/content-check.ts';
import { contentDir } from '../lib/content-store.ts';
import { formatProblem } from '../lib/content-errors.ts';

const started = performance.now();
const report = checkContent(contentDir());
for (const w of report.warnings) console.warn(`warning: ${w}`);
if (report.problems.length) {
  console.error(`${report.problems.length} problem(s) in the site's content:`);
  for (const p of report.problems) console.error(`  - ${formatProblem(p)}`);
  process.exit(1);
}
const counts = Object.entries(report.counts).map(([k, v]) => `${v} ${k}`).join(', ');
console.log(`content ok (${counts}) in ${Math.round(performance.now() - started)} ms`);
