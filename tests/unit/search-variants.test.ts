import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { expandQuery, parseVariants } from '../../src/lib/search-variants.ts';

const groups = parseVariants(readFileSync('content/search-variants.yaml', 'utf8'), 'content/search-variants.yaml');

describe('search spelling variants', () => {
  test('a variant spelling also searches for the others, keeping the rest of the query', () => {
    expect(expandQuery('Araqchi talks', groups)).toEqual(expect.arrayContaining(['"Araqchi" talks', '"Araghchi" talks']));
    expect(expandQuery('fordo', groups)).toContain('"Fordow"');
    expect(expandQuery('Teheran talks', groups)).toContain('"Tehran" talks');
  });
  test('a name is quoted in every query, so a spelling the site never uses cannot match a short word', () => {
    // Unquoted, Pagefind answered "Soleymani" with every "so" on the site.
    expect(expandQuery('Soleymani', groups)).toEqual(['"Soleymani"', '"Soleimani"', '"Suleimani"', '"Sulaimani"']);
    expect(expandQuery('Soleymani strike', groups).every((q) => /^"[^"]+" strike$/.test(q))).toBe(true);
  });
  test('two names in one query are each quoted, and the spellings of each are tried', () => {
    const queries = expandQuery('Araqchi in Masqat', groups);
    expect(queries[0]).toBe('"Araqchi" in "Masqat"');
    expect(queries).toEqual(expect.arrayContaining(['"Araghchi" in "Masqat"', '"Araqchi" in "Muscat"']));
  });
  test('a query the reader quoted is searched as typed', () => {
    expect(expandQuery('"Fordo enrichment"', groups)).toEqual(['"Fordo enrichment"']);
  });
  test('only whole words are replaced', () => {
    expect(expandQuery('Fordowski', groups)).toEqual(['Fordowski']);
  });
  test('a query with no known name is searched as typed', () => {
    expect(expandQuery('breakout time', groups)).toEqual(['breakout time']);
  });
  test('a spelling in two groups is refused with its line', () => {
    expect(() => parseVariants('- [Fordo, Fordow]\n- [Fordo]\n', 'v.yaml')).toThrow(/v\.yaml:2 field "spelling": found "Fordo"/);
  });
});
