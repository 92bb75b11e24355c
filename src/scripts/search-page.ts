/** /search/?q=…: runs the query in the address on load and keeps the address in step as it changes. */
import { createSearchUi } from './search-ui.ts';

const mount = document.querySelector<HTMLElement>('[data-search-page]');
if (mount) {
  const params = new URLSearchParams(location.search);
  const ui = createSearchUi({
    initialQuery: params.get('q') ?? '',
    onQuery: (q) => {
      const url = new URL(location.href);
      if (q) url.searchParams.set('q', q);
      else url.searchParams.delete('q');
      history.replaceState(null, '', url);
    },
  });
  mount.replaceChildren(ui.root);
  ui.input.focus();
}
