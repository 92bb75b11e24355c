import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { apa, bibtex, chicago, readerDay, reportErrorUrl } from '../../src/lib/cite.ts';
import { slugify } from '../../src/lib/slug.ts';
import { sectionUrl } from '../../src/lib/urls.ts';
import { splitFrontmatter } from '../../src/lib/yaml-file.ts';
import { SITE } from '../../src/site.config.ts';

/**
 * One real section, read from the content: the essay's title and updated date from its
 * frontmatter, and its first h2 with the id the Markdown step gives it (the pinned `{/* #id *\/}`
 * or the slug of its text).
 */
const ESSAY = 'strait-of-hormuz';
const file = splitFrontmatter(readFileSync(`content/essays/${ESSAY}.mdx`, 'utf8'))!;
const frontmatter = parse(file.yaml) as { title: string; updated: string | Date };
const headingLine = /^## (.+)$/m.exec(file.body)![1]!;
const pinned = /\s*\{\/\*\s*#([^\s*]+)\s*\*\/\}\s*$/.exec(headingLine);
const sectionTitle = headingLine.replace(pinned?.[0] ?? '', '').trim();
const sectionId = pinned?.[1] ?? slugify(sectionTitle);
const updated = new Date(frontmatter.updated);
const canonical = `${SITE.url}${SITE.base}essays/${ESSAY}/`;
const url = sectionUrl(canonical, sectionId);
const retrieved = new Date(Date.UTC(2026, 5, 9)); // 9 June 2026, so BibTeX's month macro differs from the updated month where it can

const input = { siteTitle: SITE.title, essayTitle: frontmatter.title, sectionTitle, url, updated, retrieved };
/** "June 9, 2026", written here with the platform's own formatter rather than the code under test. */
const us = (d: Date) => d.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

describe('citations of one real section', () => {
  test('the section read from the content is a real one', () => {
    expect(frontmatter.title.length).toBeGreaterThan(3);
    expect(sectionTitle).not.toMatch(/[{}#]/);
    expect(url).toBe(`${canonical}#${sectionId}`);
  });

  test('APA 7: group author, (Year, Month Day), title, "Retrieved Month D, YYYY, from URL"', () => {
    const y = updated.getUTCFullYear();
    const monthDay = updated.toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
    expect(apa(input)).toBe(`${SITE.title}. (${y}, ${monthDay}). ${frontmatter.title}: ${sectionTitle}. Retrieved ${us(retrieved)}, from ${url}`);
  });

  test('Chicago: "Last modified …. Accessed Month D, YYYY." before the URL', () => {
    expect(chicago(input)).toBe(`${SITE.title}. “${frontmatter.title}: ${sectionTitle}.” Last modified ${us(updated)}. Accessed ${us(retrieved)}. ${url}.`);
  });

  test('BibTeX: the month as a bare macro and urldate as YYYY-MM-DD', () => {
    const macro = updated.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' }).toLowerCase();
    const lines = bibtex(input).split('\n');
    expect(lines).toContain(`  month = ${macro},`);
    expect(lines).toContain('  urldate = {2026-06-09},');
    expect(lines).toContain(`  year = {${updated.getUTCFullYear()}},`);
    expect(lines).toContain(`  url = {${url}},`);
    expect(lines.join('\n')).not.toMatch(/month = \{/);
  });
});

describe('citations of the site', () => {
  const fixed = {
    siteTitle: 'US–Iran Talks Explained',
    essayTitle: 'The Strait of Hormuz',
    sectionTitle: 'The US blockade',
    url: 'https://example.org/essays/strait-of-hormuz/#the-us-blockade',
    updated: new Date(Date.UTC(2026, 10, 21)),
    retrieved: new Date(Date.UTC(2026, 11, 2)),
  };
  test('an essay without a section is cited by its own title', () => {
    expect(chicago({ ...fixed, sectionTitle: undefined })).toBe('US–Iran Talks Explained. “The Strait of Hormuz.” Last modified November 21, 2026. Accessed December 2, 2026. https://example.org/essays/strait-of-hormuz/#the-us-blockade.');
  });
  test('BibTeX is a @misc entry with a key derived from the URL and escaped braces', () => {
    const b = bibtex(fixed);
    expect(b.split('\n')[0]).toBe('@misc{usiran-essays-strait-of-hormuz-the-us-blockade,');
    expect(b).toContain('  title = {{The Strait of Hormuz: The US blockade}},');
    expect(b).toContain('  month = nov,');
  });
  test('the retrieval day is the reader\'s own calendar day', () => {
    const lateEvening = new Date(2026, 11, 2, 23, 30);
    expect(readerDay(lateEvening).toISOString().slice(0, 10)).toBe('2026-12-02');
  });
  test('"Report an error" opens a new issue naming the page and section', () => {
    const u = new URL(reportErrorUrl('https://github.com/o/r', 'The Strait of Hormuz', fixed.url, 'The US blockade'));
    expect(u.pathname).toBe('/o/r/issues/new');
    expect(u.searchParams.get('title')).toBe('Error in “The Strait of Hormuz › The US blockade”');
    expect(u.searchParams.get('body')).toContain(`Page: ${fixed.url}\nSection: The US blockade`);
  });
});

describe('section addresses', () => {
  test('the canonical URL with the anchor, never a query string or an old anchor', () => {
    expect(sectionUrl('https://example.org/explainer/essays/x/?highlight=iaea#old', 'new-id')).toBe('https://example.org/explainer/essays/x/#new-id');
  });
});
