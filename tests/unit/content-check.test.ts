/**
 * One mistake, one message: each bad edit of tests/fixtures/bad-edits.ts, applied to the fixture
 * site, makes `npm run check` print exactly the one line the fixture gives, and nothing else. The
 * real content passes with no error, so every rule is also run on the real files.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkContent, diskFiles, overlayFiles, type CheckReport } from '../../src/lib/content-check.ts';
import { formatProblem } from '../../src/lib/content-errors.ts';
import { BAD_EDITS, FIXTURE_SITE, GOOD_EDITS, type BadEdit } from '../fixtures/bad-edits.ts';

const fixture = (rel: string) => readFileSync(path.join(FIXTURE_SITE, rel), 'utf8');

export function checkWithEdit(edit: BadEdit['edit']): CheckReport {
  const base = diskFiles(FIXTURE_SITE);
  const changes: Record<string, string | null> = {};
  for (const [rel, change] of Object.entries(edit)) {
    changes[rel] = change === null ? null : typeof change === 'string' ? change : change(base.read(rel) ?? '', fixture);
  }
  return checkContent(FIXTURE_SITE, { files: overlayFiles(base, changes) });
}

const lines = (report: CheckReport) => report.problems.map(formatProblem);

describe('the fixture site', () => {
  test('passes with no error and no warning', () => {
    const report = checkContent(FIXTURE_SITE);
    expect(lines(report)).toEqual([]);
    expect(report.warnings).toEqual([]);
  });
});

describe('each bad edit gives exactly one message, word for word', () => {
  test.each(BAD_EDITS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(lines(checkWithEdit(c.edit))).toEqual([c.message]);
  });
});

describe('the ways of keeping an address that the messages recommend are accepted', () => {
  test.each(GOOD_EDITS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(lines(checkWithEdit(c.edit))).toEqual([]);
  });
});

describe('the real content', () => {
  test('passes every rule', () => {
    expect(lines(checkContent('content'))).toEqual([]);
  });
});
