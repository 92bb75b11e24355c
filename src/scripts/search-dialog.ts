/** The search dialog: a modal <dialog> (focus stays inside, Escape closes, focus returns to the opener). */
import { createSearchUi, type SearchUi } from './search-ui.ts';

let dialog: HTMLDialogElement | undefined;
let ui: SearchUi | undefined;
let returnFocus: HTMLElement | null = null;

function build(): HTMLDialogElement {
  const d = document.createElement('dialog');
  d.className = 'search-dialog';
  d.setAttribute('aria-label', 'Search');
  ui = createSearchUi();
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'search-close';
  close.textContent = 'Close';
  close.addEventListener('click', () => d.close());
  const hint = document.createElement('p');
  hint.className = 'search-hint';
  hint.textContent = '↑ ↓ to move, Enter to open, Esc to close.';
  d.append(close, ui.root, hint);
  d.addEventListener('close', () => returnFocus?.focus());
  // Escape closes at once, even while the search field holds text (which Escape would otherwise clear).
  d.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      d.close();
    }
  });
  // A click on the backdrop (outside the dialog's box) closes it.
  d.addEventListener('click', (e) => {
    if (e.target === d) d.close();
  });
  document.body.append(d);
  return d;
}

/** Opens the dialog; `typed` is what the reader typed while it was loading (search-launcher.ts). */
export function openSearchDialog(opener: HTMLElement | null, typed = ''): void {
  dialog ??= build();
  if (dialog.open) return;
  returnFocus = opener;
  dialog.showModal();
  ui!.input.focus();
  if (typed) {
    ui!.input.value = typed;
    void ui!.run(typed);
  } else ui!.input.select();
}
