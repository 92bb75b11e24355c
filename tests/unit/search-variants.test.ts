import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { expandQuery, parseVariants, searchVariants } from '../../src/lib/search-variants.ts';

const groups = parseVariants(readFileSync('content/search-variants.yaml', 'utf8'), 'content/search-variants.yaml');

describe('search spelling variants', () => {
  test('a variant spelling also searches for the others, keeping the rest of the query', () => {
    expect(expandQuery('Araqchi talks', groups)).toEqual(expect.arrayContaining(['Araqchi talks', 'Araghchi talks']));
    expect(expandQuery('fordo', groups)).toContain('Fordow');
    expect(expandQuery('Teheran talks', groups)).toContain('Tehran talks');
  });
  test('only spellings the site uses are searched, so one it never uses cannot match a short word', () => {
    // Searched as typed, Pagefind answered "Soleymani" with every "so" on the site.
    const onSite = searchVariants(groups, ['Qassem Soleimani was killed in Baghdad.']).onSite;
    expect(onSite).toEqual(['soleimani', 'qassem']);
    expect(expandQuery('Soleymani', groups, 6, new Set(onSite))).toEqual(['Soleimani']);
    expect(expandQuery('Soleymani strike', groups, 6, new Set(onSite))).toEqual(['Soleimani strike']);
    expect(expandQuery('Soleimani', groups, 6, new Set(onSite))).toEqual(['Soleimani']);
    // A name no page spells in any way is searched as typed.
    expect(expandQuery('Fordo', groups, 6, new Set(onSite))).toEqual(['Fordo']);
  });
  test('two names in one query: the spellings of each are tried', () => {
    const queries = expandQuery('Araqchi in Masqat', groups);
    expect(queries[0]).toBe('Araqchi in Masqat');
    expect(queries).toEqual(expect.arrayContaining(['Araghchi in Masqat', 'Araqchi in Muscat']));
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
