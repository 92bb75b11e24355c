/**
 * Compares the HTML pages of two builds as a browser would read them, so a change meant to keep
 * the output the same (a new Markdown step, a faster pipeline) can show that it did. Ignored:
 * line breaks between tags (spaces between tags can show on the page, so they count), `attr=""`
 * against a bare `attr`, and `&#39;`/`&#x27;`/`&#34;`/`&quot;` against the characters they stand for.
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

/** The page's markup, one tag or text run per line, in the canonical form described above. */
function normalised(dir: string, page: string): string[] {
  const file = path.join(dir, page.endsWith('.html') ? page : path.join(page, 'index.html'));
  return readFileSync(file, 'utf8')
    .replace(/>[ \t]*\n\s*</g, '><')
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/ ([\w:-]+)=""/g, ' $1'))
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#34;|&#x22;|&quot;/g, '"')
    .replace(/></g, '>\n<')
    .split('\n');
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
