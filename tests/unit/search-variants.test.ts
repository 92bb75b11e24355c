import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { expandQuery, parseVariants } from '../../src/lib/search-variants.ts';

const groups = parseVariants(readFileSync('content/search-variants.yaml', 'utf8'), 'content/search-variants.yaml');

describe('search spelling variants', () => {
  test('a variant spelling also searches for the others, keeping the rest of the query', () => {
    expect(expandQuery('Araqchi Muscat', groups)).toEqual(expect.arrayContaining(['Araqchi Muscat', 'Araghchi Muscat']));
    expect(expandQuery('fordo', groups)).toContain('Fordow');
    expect(expandQuery('Teheran talks', groups)).toContain('Tehran talks');
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
