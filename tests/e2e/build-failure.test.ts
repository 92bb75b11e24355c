/**
 * A maintainer's bad edit stops the real build before anything is rendered, with the same lines
 * `npm run check` prints for it and nothing that buries them. Each case copies content/ to a
 * temporary folder, breaks one thing, and builds it.
 */
import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { astroBuild } from './support/build.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { formatProblem } from '../../src/lib/content-errors.ts';

function buildWith(mutate: (contentDir: string) => void): { status: number | null; output: string; checkLines: string[] } {
  const work = mkdtempSync(path.join(tmpdir(), 'explainer-build-'));
  try {
    const contentDir = path.join(work, 'content');
    cpSync('content', contentDir, { recursive: true });
    mutate(contentDir);
    const checkLines = checkContent(contentDir).problems.map(formatProblem);
    const result = astroBuild(contentDir, work);
    return { status: result.status, output: result.output.replace(/\x1b\[[0-9;]*m/g, ''), checkLines };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const problemLines = (output: string) => output.split('\n').filter((l) => l.startsWith('  - '));

describe('a bad edit stops the build with the messages of npm run check', () => {
  test('a chart level off the list (it used to crash rendering with a TypeError naming only the page)', () => {
    const { status, output, checkLines } = buildWith((dir) => {
      const file = path.join(dir, 'essays', 'leverage.mdx');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain("<StockpileChart levels={['total']} />");
      writeFileSync(file, text.replace("<StockpileChart levels={['total']} />", "<StockpileChart levels={['u90']} />"));
    });
    expect(status).not.toBe(0);
    expect(checkLines).toHaveLength(1);
    expect(checkLines[0]).toMatch(/essays\/leverage\.mdx:\d+:\d+ field "StockpileChart\.levels": found "u90"; expected one of "total", "u5", "u20", "u60"$/);
    expect(problemLines(output)).toEqual([`  - ${checkLines[0]}`]);
    expect(output).not.toMatch(/TypeError|generating static routes/);
    // Astro's "Location" names the content file, not the checker.
    expect(output).toMatch(/Location:\s+\S*essays\/leverage\.mdx:\d+:\d+/);
  }, 200_000);

  test('bad frontmatter: the file, line, field, value and expectation are named', () => {
    const fixture = readFileSync('tests/fixtures/bad-frontmatter.mdx', 'utf8');
    const { status, output, checkLines } = buildWith((dir) => writeFileSync(path.join(dir, 'essays', 'bad-frontmatter.mdx'), fixture));
    expect(status).not.toBe(0);
    expect(checkLines).toHaveLength(2);
    expect(checkLines[0]).toMatch(/essays\/bad-frontmatter\.mdx:4:1 field "published": found "2026-02-30"; expected a real calendar date/);
    expect(checkLines[1]).toMatch(/essays\/bad-frontmatter\.mdx:6:\d+ field "topics\.1": found "economy"; expected one of "diplomacy"/);
    expect(problemLines(output)).toEqual(checkLines.map((l) => `  - ${l}`));
  }, 200_000);

  test('a registry figure typed by hand: the file, line and the <Fact> to use are named', () => {
    const fixture = readFileSync('tests/fixtures/typed-registry-figure.mdx', 'utf8');
    const { status, output } = buildWith((dir) => writeFileSync(path.join(dir, 'essays', 'typed-registry-figure.mdx'), fixture));
    expect(status).not.toBe(0);
    expect(output).toMatch(/essays\/typed-registry-figure\.mdx:10:30 field "fact": found "440\.9"; expected <Fact id="iaea-stockpile-60" \/> instead of a registry figure typed by hand/);
  }, 200_000);

  test('a timeline whose props select nothing drawable: the essay, line, prop, value and expectation are named', () => {
    const fixture = readFileSync('tests/fixtures/bad-timeline.mdx', 'utf8');
    const { status, output } = buildWith((dir) => writeFileSync(path.join(dir, 'essays', 'bad-timeline.mdx'), fixture));
    expect(status).not.toBe(0);
    // The content check stops it before rendering, in the form of every content error.
    expect(output).toMatch(/essays\/bad-timeline\.mdx:14:16 field "TimelineChart\.categories": found "militray"; expected one of "diplomacy"/);
  }, 200_000);
});
