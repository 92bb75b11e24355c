import { describe, expect, test } from 'vitest';
import { searchKeyAction, type KeyPress } from '../../src/lib/search-keys.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, altKey: false, ctrlKey: false, metaKey: false, ...mods });

/** What the field holds after these keys, typed in one go from a page with search closed. */
function typedInOneGo(keys: KeyPress[]): string | undefined {
  let typedAhead: string | undefined;
  for (const k of keys) {
    const action = searchKeyAction(k, typedAhead, false);
    if (action.kind === 'open') typedAhead ??= '';
    else if (action.kind === 'typed') typedAhead = action.text;
  }
  return typedAhead;
}

describe('searchKeyAction', () => {
  test('"/" and Ctrl/⌘-K open search; "/" typed into a form field of the page or with a modifier does not', () => {
    expect(searchKeyAction(press('/'), undefined, false)).toEqual({ kind: 'open' });
    expect(searchKeyAction(press('k', { ctrlKey: true }), undefined, false)).toEqual({ kind: 'open' });
    expect(searchKeyAction(press('K', { metaKey: true }), undefined, true)).toEqual({ kind: 'open' });
    expect(searchKeyAction(press('/'), undefined, true)).toEqual({ kind: 'none' });
    expect(searchKeyAction(press('/', { altKey: true }), undefined, false)).toEqual({ kind: 'none' });
    expect(searchKeyAction(press('s'), undefined, false)).toEqual({ kind: 'none' });
  });

  test('"/soleymani" typed in one go keeps every letter for the field, Backspace included', () => {
    expect(typedInOneGo([..."/soleymani"].map((c) => press(c)))).toBe('soleymani');
    expect(typedInOneGo([press('/'), press('i'), press('r'), press('x'), press('Backspace'), press('a'), press('n')])).toBe('iran');
  });

  test('while search opens, shortcuts and keys such as Enter or arrows are not taken as letters', () => {
    expect(searchKeyAction(press('c', { ctrlKey: true }), 'ab', false)).toEqual({ kind: 'none' });
    expect(searchKeyAction(press('Enter'), 'ab', false)).toEqual({ kind: 'none' });
    expect(searchKeyAction(press('ArrowDown'), 'ab', false)).toEqual({ kind: 'none' });
    expect(searchKeyAction(press('x'), 'ab', true)).toEqual({ kind: 'none' });
  });
});
