/**
 * Loaded on every page, and tiny: opens the search dialog from the header button, "/" or
 * Ctrl/⌘-K. The dialog's code, Pagefind and its index are fetched only on the first open.
 */
import { searchKeyAction } from '../lib/search-keys.ts';

let opening: Promise<typeof import('./search-dialog.ts')> | undefined;
/**
 * What a reader types between "/" and the search field appearing (the dialog's code loads on the
 * first open, a fraction of a second): kept and put in the field, so "/soleymani" typed in one go
 * searches for "soleymani", not "mani".
 */
let typedAhead: string | undefined;

function openSearch(opener: HTMLElement | null): void {
  if (typedAhead !== undefined) return;
  typedAhead = '';
  opening ??= import('./search-dialog.ts');
  void opening.then((m) => {
    const typed = typedAhead;
    typedAhead = undefined;
    m.openSearchDialog(opener, typed);
  });
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('a.search-open')) {
  link.setAttribute('role', 'button');
  link.setAttribute('aria-haspopup', 'dialog');
  link.addEventListener('click', (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey) return; // let readers open the search page in a new tab
    e.preventDefault();
    openSearch(link);
  });
}

document.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  const inFormField = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  const action = searchKeyAction(e, typedAhead, inFormField);
  if (action.kind === 'none') return;
  e.preventDefault();
  if (action.kind === 'typed') typedAhead = action.text;
  else openSearch(document.activeElement as HTMLElement | null);
});

// Arriving from a search result: mark the searched words on this page (Pagefind's highlighter).
if (new URLSearchParams(location.search).has('highlight')) {
  void import(/* @vite-ignore */ `${import.meta.env.BASE_URL}pagefind/pagefind-highlight.js`).then(
    (m: { default: new (options: { highlightParam: string; markContext: string }) => unknown }) =>
      new m.default({ highlightParam: 'highlight', markContext: '[data-pagefind-body]' }),
  );
}

export {};
