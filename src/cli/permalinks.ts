/**
 * `npm run permalinks`: adds every published URL and id of the built site (pages, essay sections,
 * glossary terms, timeline events, sources, charts) to content/permalinks.txt. It only ever adds:
 * a line, once published, stays, and the permalink test checks that it still resolves.
 * Run it after `npm run build` whenever you add a page, a section, an event, a term or a source.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { currentPermalinks, PERMALINKS_FILE } from '../lib/permalinks.ts';

const file = path.join(process.env.SITE_CONTENT_DIR ?? 'content', PERMALINKS_FILE);
const existing = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')) : [];
const known = new Set(existing);
const added = currentPermalinks('dist').filter((u) => !known.has(u));
const header = '# Every published address and id. Lines are only ever added (npm run permalinks); a test fails when one stops resolving.\n';
writeFileSync(file, header + [...existing, ...added].join('\n') + '\n');
console.log(`permalinks: ${existing.length} kept, ${added.length} added${added.length ? `:\n  ${added.join('\n  ')}` : ''}`);
