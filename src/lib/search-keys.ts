/**
 * What a key does for search, before the search field exists (src/scripts/search-launcher.ts):
 * "/" or Ctrl/⌘-K opens it, and once it is opening, the letters a reader goes on typing (and
 * Backspace) are kept for the field, so "/soleymani" typed in one go searches for "soleymani".
 * Keys typed into a form field of the page, and shortcuts with Alt, Ctrl or ⌘, are left alone.
 */
export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export type SearchKeyAction = { kind: 'open' } | { kind: 'typed'; text: string } | { kind: 'none' };

/**
 * The action for `key`. `typedAhead` is what has been kept since search started opening, or
 * undefined when it is not opening; `inFormField` is true when the key goes to an input,
 * textarea, select or editable element of the page.
 */
export function searchKeyAction(key: KeyPress, typedAhead: string | undefined, inFormField: boolean): SearchKeyAction {
  const plain = !key.altKey && !key.metaKey && !key.ctrlKey;
  if (typedAhead !== undefined && !inFormField && plain && (key.key.length === 1 || key.key === 'Backspace')) {
    return { kind: 'typed', text: key.key === 'Backspace' ? typedAhead.slice(0, -1) : typedAhead + key.key };
  }
  if ((key.key === 'k' || key.key === 'K') && (key.metaKey || key.ctrlKey)) return { kind: 'open' };
  if (key.key === '/' && !inFormField && plain) return { kind: 'open' };
  return { kind: 'none' };
}
