/**
 * The sources overview (/sources/) holds the permanent addresses educators cite: /sources/#key for
 * a source (or a key merged into it) and /sources/#<kind> for a kind. The full entries are on one
 * page per kind, so such an address goes straight on there: a source's line or a kind's section
 * holds the link to follow. Old jump links to a publisher (#<kind>-<publisher>) go to that kind's
 * page, where the publisher's block has the same id. Without JavaScript the reader lands on the
 * source's highlighted line here instead, one click from the entry.
 */
import { forwardedSourceHref } from '../lib/sources-forward.ts';

function forward(): void {
  let id = '';
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return;
  }
  const href = forwardedSourceHref(id, {
    linkOf: (elementId) => {
      const holder = document.getElementById(elementId)?.closest('li, section');
      return holder?.querySelector<HTMLAnchorElement>('a[href]')?.href;
    },
    kinds: [...document.querySelectorAll<HTMLElement>('section.source-type[id]')].map((s) => ({ id: s.id, href: s.querySelector<HTMLAnchorElement>('h2 a[href]')?.href })),
  });
  if (href) location.replace(href);
}

forward();
window.addEventListener('hashchange', forward);
