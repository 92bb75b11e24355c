/**
 * Links never break: every address in content/permalinks.txt resolves on the built site, under
 * the root and under a sub-path; a renamed heading loses its old id unless an alias keeps it.
 * Browser-free: it reads the built HTML.
 */
import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { astroBuild } from './support/build.ts';
import { currentPermalinks, lostPermalinks, readPermalinkList } from '../../src/lib/permalinks.ts';
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
      },
    );
  }, 300_000);

  test('renaming a heading loses its old id, and an alias in the frontmatter brings it back', () => {
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
    const lost = `/essays/${essay}/#${oldId}`;
    withContent(rename, (dir, work) => {
      expect(lostPermalinks(listed, build(dir, work))).toEqual([`${lost}: no element with id "${oldId}" on /essays/${essay}/`]);
    });
    withContent(
      (dir) => {
        rename(dir);
        const newId = `${oldId}-revised`;
        writeFileSync(file(dir), readFileSync(file(dir), 'utf8').replace(/^---\n/, `---\naliases:\n  ${oldId}: ${newId}\n`));
      },
      (dir, work) => {
        expect(lostPermalinks(listed, build(dir, work))).toEqual([]);
      },
    );
  }, 300_000);
});
