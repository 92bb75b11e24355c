import { describe, expect, test } from 'vitest';
import { apa, bibtex, chicago, reportErrorUrl } from '../../src/lib/cite.ts';

const input = {
  siteTitle: 'US–Iran Talks Explained',
  essayTitle: 'The Strait of Hormuz',
  sectionTitle: 'The US blockade',
  url: 'https://example.org/essays/strait-of-hormuz/#the-us-blockade',
  updated: new Date(Date.UTC(2026, 10, 21)),
};

describe('citations of the site', () => {
  test('APA names the site as author, the date, the section and the URL', () => {
    expect(apa(input)).toBe('US–Iran Talks Explained. (2026, November 21). The Strait of Hormuz: The US blockade. https://example.org/essays/strait-of-hormuz/#the-us-blockade');
  });
  test('Chicago gives the last-modified date', () => {
    expect(chicago({ ...input, sectionTitle: undefined })).toBe('US–Iran Talks Explained. “The Strait of Hormuz.” Last modified November 21, 2026. https://example.org/essays/strait-of-hormuz/#the-us-blockade.');
  });
  test('BibTeX is a @misc entry with a key derived from the URL and escaped braces', () => {
    const b = bibtex(input);
    expect(b.split('\n')[0]).toBe('@misc{usiran-essays-strait-of-hormuz-the-us-blockade,');
    expect(b).toContain('  title = {{The Strait of Hormuz: The US blockade}},');
    expect(b).toContain('  note = {Last updated 21 November 2026}');
  });
  test('"Report an error" opens a new issue naming the page and section', () => {
    const u = new URL(reportErrorUrl('https://github.com/o/r', 'The Strait of Hormuz', input.url, 'The US blockade'));
    expect(u.pathname).toBe('/o/r/issues/new');
    expect(u.searchParams.get('title')).toBe('Error in “The Strait of Hormuz › The US blockade”');
    expect(u.searchParams.get('body')).toContain(`Page: ${input.url}\nSection: The US blockade`);
  });
});
