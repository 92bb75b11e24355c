/**
 * A maintainer's bad edit must stop the real build with a message naming the file, line, field and
 * what was expected. Each case copies content/ to a temporary folder, breaks one thing, builds.
 */
import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { astroBuild } from './support/build.ts';

function buildWith(mutate: (contentDir: string) => void): { status: number | null; output: string } {
  const work = mkdtempSync(path.join(tmpdir(), 'explainer-build-'));
  const contentDir = path.join(work, 'content');
  cpSync('content', contentDir, { recursive: true });
  mutate(contentDir);
  const result = astroBuild(contentDir, work);
  rmSync(work, { recursive: true, force: true });
  return { status: result.status, output: result.output };
}

describe('a bad edit stops the build', () => {
  test('bad frontmatter: the file, line, field, value and expectation are named', () => {
    const fixture = readFileSync('tests/fixtures/bad-frontmatter.mdx', 'utf8');
    const { status, output } = buildWith((dir) => writeFileSync(path.join(dir, 'essays', 'bad-frontmatter.mdx'), fixture));
    expect(status).not.toBe(0);
    expect(output).toMatch(/essays\/bad-frontmatter\.mdx:4 field "published": found "2026-02-30"; expected a real calendar date/);
    expect(output).toMatch(/essays\/bad-frontmatter\.mdx:6 field "topics\.1": found "economy"; expected one of "diplomacy"/);
  }, 200_000);

  test('a timeline whose props select nothing drawable: the essay, line, prop, value and expectation are named', () => {
    const fixture = readFileSync('tests/fixtures/bad-timeline.mdx', 'utf8');
    const { status, output } = buildWith((dir) => writeFileSync(path.join(dir, 'essays', 'bad-timeline.mdx'), fixture));
    expect(status).not.toBe(0);
    expect(output).toMatch(/essays\/bad-timeline\.mdx:14 <TimelineChart> field "categories\.0": found "militray"; expected one of "diplomacy"/);
  }, 200_000);
});
