/**
 * Compares the HTML pages of two builds, ignoring line breaks between tags (spaces between tags
 * can show on the page, so they count), so a change meant to
 * keep the output the same (a new Markdown step, a faster pipeline) can show that it did.
 *
 *   npm run build && cp -r dist /tmp/dist-before     # on the old code
 *   npm run build                                    # on the new code
 *   node src/cli/compare-builds.ts /tmp/dist-before dist [--all]
 *
 * Prints each page that differs with its first differences (every difference with --all) and
 * exits 1 when any page differs or exists in one build only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtPages } from '../../tests/e2e/support/site.ts';

const args = process.argv.slice(2);
const [before, after] = args.filter((a) => !a.startsWith('--'));
const showAll = args.includes('--all');
if (!before || !after) {
  console.error('usage: node src/cli/compare-builds.ts <dist before> <dist after> [--all]');
  process.exit(2);
}

/** The page's markup, one tag or text run per line, without line breaks between tags. */
function normalised(dir: string, page: string): string[] {
  const file = path.join(dir, page.endsWith('.html') ? page : path.join(page, 'index.html'));
  return readFileSync(file, 'utf8').replace(/>[ \t]*\n\s*</g, '><').replace(/></g, '>\n<').split('\n');
}

const pagesBefore = new Set(builtPages(before));
const pagesAfter = new Set(builtPages(after));
let differing = 0;
for (const page of [...new Set([...pagesBefore, ...pagesAfter])].sort()) {
  if (!pagesBefore.has(page) || !pagesAfter.has(page)) {
    console.log(`/${page}: only in ${pagesBefore.has(page) ? before : after}`);
    differing++;
    continue;
  }
  const a = normalised(before, page);
  const b = normalised(after, page);
  const changes: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    changes.push(`  line ${i + 1}\n    - ${a[i] ?? '(end)'}\n    + ${b[i] ?? '(end)'}`);
    // Once lines shift, every later line differs: show where it starts.
    if (!showAll && changes.length >= 3) break;
  }
  if (!changes.length) continue;
  differing++;
  console.log(`/${page}: differs\n${changes.join('\n')}`);
}
console.log(`${pagesBefore.size} pages before, ${pagesAfter.size} after, ${differing} differ`);
process.exit(differing ? 1 : 0);
