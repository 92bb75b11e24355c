import { describe, expect, test } from 'vitest';
import { citedKeys, citingEssays, lineAtOffset, scanCitations } from '../../src/lib/citations.ts';

describe('citation scanner', () => {
  test('finds single and multiple keys with their offsets', () => {
    const text = 'A claim [@iaea-gov-2025-25]. Two [@a; @b-c].';
    const found = scanCitations(text);
    expect(found.map((m) => m.keys)).toEqual([['iaea-gov-2025-25'], ['a', 'b-c']]);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('[@iaea-gov-2025-25]');
  });
  test('flags malformed keys rather than ignoring them', () => {
    const [m] = scanCitations('Bad [@Upper Case].');
    expect(m!.malformed).toBe('@Upper Case');
  });
  test('ignores ordinary brackets and links', () => {
    expect(scanCitations('See [the text](https://x.org) and [1].')).toEqual([]);
  });
  test('lists keys in order of first citation', () => {
    expect(citedKeys('[@b] [@a; @b] [@c]')).toEqual(['b', 'a', 'c']);
  });
  test('counts lines from a starting line', () => {
    expect(lineAtOffset('one\ntwo\nthree', 9, 10)).toBe(12);
  });
});

describe('citing essays', () => {
  test('lists, for each source, the essays that cite it', () => {
    const map = citingEssays([
      { id: 'a', body: 'x [@s1] y [@s1; @s2]', data: { title: 'A' } },
      { id: 'b', body: 'z [@s2]', data: { title: 'B' } },
    ]);
    expect(map.get('s1')).toEqual([{ id: 'a', title: 'A' }]);
    expect(map.get('s2')?.map((e) => e.id)).toEqual(['a', 'b']);
  });
});
