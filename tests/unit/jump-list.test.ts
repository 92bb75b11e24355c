import { describe, expect, test } from 'vitest';
import { alphabetical, alphabetJumpList, indexLetter, publisherAnchor, sortKey } from '../../src/lib/jump-list.ts';

describe('jump lists', () => {
  test('entries are filed without a leading "The", accents or case', () => {
    expect(sortKey('The Économiste')).toBe('economiste');
    expect(indexLetter('The Economist')).toBe('E');
    expect(indexLetter('Émile')).toBe('E');
    expect(indexLetter('60 % enrichment')).toBe('#');
    expect(alphabetical(['snapback', 'The Axis', 'breakout', 'E3', 'e10'], (s) => s)).toEqual(['The Axis', 'breakout', 'E3', 'e10', 'snapback']);
  });

  test('each letter points to its first entry; letters without one have no target', () => {
    const list = alphabetJumpList([
      { label: 'Additional Protocol', id: 'additional-protocol' },
      { label: 'Axis of resistance', id: 'axis-of-resistance' },
      { label: 'Cascade', id: 'cascade' },
    ]);
    expect(list).toHaveLength(26);
    expect(list[0]).toEqual({ letter: 'A', targetId: 'additional-protocol' });
    expect(list[1]).toEqual({ letter: 'B', targetId: undefined });
    expect(list[2]).toEqual({ letter: 'C', targetId: 'cascade' });
  });

  test('"#" comes first, only when some entry starts with a digit or a sign', () => {
    const list = alphabetJumpList([{ label: '2231', id: 'unscr-2231' }, { label: 'Zebra', id: 'z' }]);
    expect(list[0]).toEqual({ letter: '#', targetId: 'unscr-2231' });
    expect(list.at(-1)).toEqual({ letter: 'Z', targetId: 'z' });
  });

  test('publisher anchors are prefixed by their kind, so one publisher in two kinds gets two ids', () => {
    expect(publisherAnchor('wire-agency-reports', 'Reuters')).toBe('wire-agency-reports-reuters');
    expect(publisherAnchor('official-statements', 'The White House')).toBe('official-statements-the-white-house');
  });
});
