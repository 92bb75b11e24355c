import { describe, expect, test } from 'vitest';
import { essayFrontmatter } from '../../src/lib/schemas.ts';
import { formatProblem, validateWith } from '../../src/lib/content-errors.ts';

const good = {
  title: 'The Strait of Hormuz',
  summary: 'Why a narrow waterway matters to the whole world.',
  published: '2026-11-01',
  updated: '2026-11-21',
  topics: ['hormuz'],
  order: 3,
};

function problemsFor(data: unknown): string[] {
  const r = validateWith(essayFrontmatter, data, { file: 'content/essays/x.mdx', lineOf: () => 4 });
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe('essay frontmatter', () => {
  test('a well-formed essay passes and its dates become Dates', () => {
    const r = essayFrontmatter.parse(good);
    expect(r.published.toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });
  test('a YAML date object is accepted as well as a string', () => {
    expect(essayFrontmatter.parse({ ...good, published: new Date('2026-11-01') }).published.getUTCDate()).toBe(1);
  });
  test('an impossible date names the file, line, field, value and expectation', () => {
    expect(problemsFor({ ...good, published: '2026-02-30' })).toEqual([
      'content/essays/x.mdx:4 field "published": found "2026-02-30"; expected a real calendar date written YYYY-MM-DD, such as 2026-11-21',
    ]);
  });
  test('a topic off the closed list is named with the list', () => {
    const [p] = problemsFor({ ...good, topics: ['hormuz', 'economy'] });
    expect(p).toContain('field "topics.1": found "economy"; expected one of "diplomacy", "nuclear"');
  });
  test('a missing title is reported as required', () => {
    const { title: _omit, ...rest } = good;
    expect(problemsFor(rest)[0]).toContain('field "title": found nothing; expected a title (text) (this field is required)');
  });
  test('unknown fields, two-sentence summaries and updates before publication are refused', () => {
    expect(problemsFor({ ...good, colour: 'red' })[0]).toBe('content/essays/x.mdx:4 field "colour": found "red"; expected only the known fields title, summary, published, updated, topics, order, draft, aliases, revisions (remove "colour" or fix its spelling)');
    expect(problemsFor({ ...good, summary: 'One sentence here. Another sentence there.' })[0]).toContain('a single sentence');
    expect(problemsFor({ ...good, updated: '2026-10-01' })[0]).toContain('field "updated"');
  });
  test('order must be a whole number', () => {
    expect(problemsFor({ ...good, order: 'first' })[0]).toContain('field "order": found "first"');
  });
});
