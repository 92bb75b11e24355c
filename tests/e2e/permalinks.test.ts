/**
 * Links never break: every address in content/permalinks.txt resolves on the built site, under
 * the root and under a sub-path; a renamed heading loses its old id unless an alias keeps it.
 * Browser-free: it reads the built HTML.
 */
import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { astroBuild, buildEnv } from './support/build.ts';
import { spawnSync } from 'node:child_process';
import { currentPermalinks, lostPermalinks, parseRegistry, readPermalinkList } from '../../src/lib/permalinks.ts';
import { contentPermalinks } from '../../src/lib/site-addresses.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { formatProblem } from '../../src/lib/content-errors.ts';
import { brokenLinks, readBuiltSite } from '../../src/lib/site-index.ts';

const listed = readPermalinkList(readFileSync('content/permalinks.txt', 'utf8'));

/** Builds the site from a content folder into a temporary folder; returns the output folder. */
function build(contentDir: string, work: string, env: Record<string, string> = {}): string {
  const r = astroBuild(contentDir, work, env);
  if (r.status !== 0) throw new Error(`build failed:\n${r.output}`);
  return r.outDir;
}

function withContent<T>(mutate: (dir: string) => void, run: (dir: string, work: string) => T): T {
  const work = mkdtempSync(path.join(tmpdir(), 'explainer-links-'));
  try {
    const dir = path.join(work, 'content');
    cpSync('content', dir, { recursive: true });
    mutate(dir);
    return run(dir, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

describe('links never break', () => {
  test('the list holds pages, sections, events, terms and sources', () => {
    expect(listed.length).toBeGreaterThan(100);
    for (const kind of ['/essays/', '/timeline/#', '/glossary/#', '/sources/#']) expect(listed.some((u) => u.startsWith(kind))).toBe(true);
  });

  test('every listed address still resolves on the built site', () => {
    expect(lostPermalinks(listed, 'dist')).toEqual([]);
  });

  test('every published address is listed (run `npm run permalinks` after adding content)', () => {
    const unlisted = currentPermalinks('dist').filter((u) => !listed.includes(u));
    expect(unlisted).toEqual([]);
  });

  test('every internal link of the built site resolves', () => {
    expect(brokenLinks(readBuiltSite('dist'), '/', 'dist')).toEqual([]);
  });

  test('served under a sub-path (/explainer/), the site builds and every link and permalink resolves', () => {
    withContent(
      () => {},
      (dir, work) => {
        const out = build(dir, work, { SITE_BASE: '/explainer/' });
        const site = readBuiltSite(out, '/explainer/');
        expect(site.size).toBeGreaterThan(15);
        expect(brokenLinks(site, '/explainer/', out)).toEqual([]);
        expect(lostPermalinks(listed, out, '/explainer/')).toEqual([]);
        // Each page keeps the styles of what its scripts build (src/lib/page-styles.ts reads the
        // scripts under the base path): the search dialog exists only once a script makes it.
        const essay = readFileSync(path.join(out, 'essays/leverage/index.html'), 'utf8');
        expect(essay).toContain('.search-dialog{');
      },
    );
  }, 300_000);

  test('every address the checker expects from content is on the built site (its model of the site has not drifted)', () => {
    const built = new Set(currentPermalinks('dist'));
    expect(contentPermalinks(checkContent('content').site).filter((a) => !built.has(a))).toEqual([]);
  });

  test('renaming a heading stops `npm run check` with the lost address; an alias in the frontmatter brings it back on the built site', () => {
    const essay = 'leverage';
    const file = (dir: string) => path.join(dir, 'essays', `${essay}.mdx`);
    const html = readFileSync(`dist/essays/${essay}/index.html`, 'utf8');
    const [, oldId, heading] = /<h2 id="([^"]+)"[^>]*>([^<]+)<\/h2>/.exec(html)!;
    const renamed = `${heading} (revised)`;
    const rename = (dir: string) => {
      const text = readFileSync(file(dir), 'utf8');
      expect(text).toContain(`## ${heading}\n`);
      writeFileSync(file(dir), text.replace(`## ${heading}\n`, `## ${renamed}\n`));
    };
    withContent(rename, (dir) => {
      const lines = checkContent(dir).problems.map(formatProblem);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`field "address": found "/essays/${essay}/#${oldId}"; expected an id that `);
    });
    withContent(
      (dir) => {
        rename(dir);
        const newId = `${oldId}-revised`;
        writeFileSync(file(dir), readFileSync(file(dir), 'utf8').replace(/^---\n/, `---\naliases:\n  ${oldId}: ${newId}\n`));
      },
      (dir, work) => {
        expect(checkContent(dir).problems.map(formatProblem)).toEqual([]);
        expect(lostPermalinks(listed, build(dir, work))).toEqual([]);
      },
    );
  }, 300_000);

  test('npm run permalinks records a new section from the content, building first rather than reading an old dist/', () => {
    withContent(
      (dir) => {
        const file = path.join(dir, 'essays', 'leverage.mdx');
        writeFileSync(file, `${readFileSync(file, 'utf8')}\n## A section added for this test\n\nText of the new section.\n`);
      },
      (dir, work) => {
        const before = readFileSync(path.join(dir, 'permalinks.txt'), 'utf8');
        const env = buildEnv({ SITE_CONTENT_DIR: dir, SITE_CACHE_DIR: path.join(work, 'cache') });
        const r = spawnSync(process.execPath, ['src/cli/permalinks.ts'], { env, encoding: 'utf8', timeout: 300_000 });
        expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
        expect(r.stdout).toContain('building the site from the current content');
        const after = parseRegistry(readFileSync(path.join(dir, 'permalinks.txt'), 'utf8')).entries;
        expect(after.find((e) => e.address === '/essays/leverage/#a-section-added-for-this-test')).toMatchObject({ part: 'content' });
        // Nothing listed before is lost.
        const kept = new Set(after.map((e) => e.address));
        expect(parseRegistry(before).entries.filter((e) => !kept.has(e.address))).toEqual([]);
      },
    );
  }, 300_000);
});
