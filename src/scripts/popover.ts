/**
 * The site's one popover, for glossary terms and citation markers. Hovering a term or a marker,
 * focusing it with the keyboard, or tapping it shows what it points to: a term's definition, or
 * the cited source (title, type, publisher and the copy read, date, link, archived copy) as its
 * entry in the References list shows it. Escape, a
 * tap or click elsewhere, or moving the pointer away (when it was opened by hovering) closes it.
 * Coming back to a marker by a link (a reference's "↑ a") focuses it without opening it.
 *
 * Without JavaScript a term stays a link to its glossary entry and a marker a link to its entry
 * in the References list; the popover carries those links, so a click that opens it loses nothing.
 *
 * The popover is placed in the document right after its trigger, so Tab moves from the marker
 * into the popover's links and on to the text after it, and `position: fixed` keeps it from being
 * clipped by a table that scrolls.
 */
import { placePopover, toSourcePreview, type SourcePreview } from '../lib/popover.ts';

const TRIGGER = 'a.term-link[data-definition], a.cite-link[href^="#ref-"]';
const CLOSE_AFTER_MS = 250;

const popover = document.createElement('span');
popover.className = 'popover';
popover.id = 'popover';
popover.hidden = true;

let trigger: HTMLAnchorElement | undefined;
let openedByHover = false;
let closeTimer: number | undefined;
/** Set while Escape hands focus back to the trigger, so that focus does not reopen the popover. */
let returningFocus = false;
/**
 * The id a link on the page is taking the reader to, for the moment of the jump. Following a link
 * to a marker (a reference's back-link, "↑ a") focuses the marker, as browsers focus a link they
 * scroll to; the reader came back to read the text, so that focus must not cover it with the
 * popover of the source they just left.
 */
let arrivingAt: string | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function link(href: string, text: string, external: boolean): HTMLAnchorElement {
  const a = el('a', '', text);
  a.href = href;
  if (external) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.append(el('span', 'visually-hidden', ' (external site, opens in a new tab)'));
  }
  return a;
}

/**
 * The preview of the source a marker points to, read from its entry in the References list
 * (src/lib/markdown/references.ts draws it with sourcePreview()).
 */
function previewOf(marker: HTMLAnchorElement): { preview: SourcePreview; entry: HTMLElement } | undefined {
  const entry = document.getElementById(decodeURIComponent(marker.hash.slice(1)));
  const text = (selector: string) => entry?.querySelector(selector)?.textContent?.trim() ?? '';
  const title = entry?.querySelector<HTMLAnchorElement>('cite a');
  const archive = entry?.querySelector<HTMLAnchorElement>('a.ref-archive');
  const documentLink = entry?.querySelector<HTMLAnchorElement>('.ref-document a');
  const author = entry?.firstChild?.nodeType === Node.TEXT_NODE ? entry.firstChild.textContent!.replace(/,\s*$/, '') : '';
  const preview = toSourcePreview({
    title: title?.firstChild?.textContent ?? '',
    author,
    typeLabel: text('.ref-type'),
    origin: text('.ref-origin'),
    date: text('.ref-date'),
    url: title?.getAttribute('href') ?? '',
    archive: { href: archive?.getAttribute('href') ?? '', label: archive?.firstChild?.textContent ?? '' },
    documentId: text('.ref-document'),
    documentUrl: documentLink?.getAttribute('href') ?? '',
  });
  return entry && preview ? { preview, entry } : undefined;
}

function termContent(term: HTMLAnchorElement): Node[] {
  return [
    el('span', 'popover-text', term.dataset.definition!),
    el('span', 'popover-links', link(term.getAttribute('href')!, 'Full entry in the glossary', false)),
  ];
}

function sourceContent(marker: HTMLAnchorElement, { preview, entry }: { preview: SourcePreview; entry: HTMLElement }): Node[] {
  const number = marker.textContent?.trim() ?? '';
  const parts: Node[] = [
    el('span', 'popover-kicker', `Source ${number} · ${preview.typeLabel}`),
    el('span', 'popover-title', ...(preview.author ? [`${preview.author}, `] : []), link(preview.url, preview.title, true)),
    el('span', 'popover-meta', `${preview.origin} · ${preview.date}`),
  ];
  if (preview.document) {
    const doc = preview.document.url ? link(preview.document.url, preview.document.id, true) : preview.document.id;
    parts.push(el('span', 'popover-meta', 'Document: ', doc));
  }
  parts.push(el('span', 'popover-links', link(preview.archive.href, preview.archive.label, true), ' · ', link(`#${entry.id}`, `Reference ${number} in the list`, false)));
  return parts;
}

function place(): void {
  if (!trigger) return;
  const box = trigger.getBoundingClientRect();
  const { left, top } = placePopover(box, { width: popover.offsetWidth, height: popover.offsetHeight }, { width: document.documentElement.clientWidth, height: window.innerHeight });
  popover.style.setProperty('left', `${left}px`);
  popover.style.setProperty('top', `${top}px`);
}

function open(target: HTMLAnchorElement, byHover: boolean): void {
  window.clearTimeout(closeTimer);
  if (trigger === target) {
    // Hovering an open popover's trigger does not turn a focused or tapped popover into a hover one.
    openedByHover &&= byHover;
    return;
  }
  const source = target.classList.contains('cite-link') ? previewOf(target) : undefined;
  if (target.classList.contains('cite-link') && !source) return;
  close();
  trigger = target;
  openedByHover = byHover;
  popover.replaceChildren(...(source ? sourceContent(target, source) : termContent(target)));
  popover.classList.toggle('popover-source', !!source);
  // After the marker's <sup> (or the term link), so the tab order runs through it.
  (target.closest('sup.cite') ?? target).after(popover);
  popover.hidden = false;
  target.setAttribute('aria-describedby', popover.id);
  target.setAttribute('aria-expanded', 'true');
  place();
}

function close(returnFocus = false): void {
  window.clearTimeout(closeTimer);
  if (!trigger) return;
  const last = trigger;
  trigger = undefined;
  popover.hidden = true;
  popover.remove();
  last.removeAttribute('aria-describedby');
  last.setAttribute('aria-expanded', 'false');
  if (returnFocus) {
    returningFocus = true;
    last.focus();
    returningFocus = false;
  }
}

const within = (node: EventTarget | null): boolean => node instanceof Node && (popover.contains(node) || !!trigger?.contains(node));

for (const target of document.querySelectorAll<HTMLAnchorElement>(TRIGGER)) {
  target.setAttribute('aria-expanded', 'false');
  target.addEventListener('pointerenter', (e) => {
    if (e.pointerType === 'mouse') open(target, true);
  });
  target.addEventListener('focus', () => {
    if (!returningFocus && target.id !== arrivingAt) open(target, false);
  });
  target.addEventListener('click', (e) => {
    // A plain click or tap opens the popover, which carries the link; ctrl/⌘/middle click still follow it.
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    if (target.classList.contains('cite-link') && !previewOf(target)) return;
    e.preventDefault();
    open(target, false);
    openedByHover = false;
  });
}

for (const node of [popover, ...document.querySelectorAll<HTMLElement>(TRIGGER)]) {
  node.addEventListener('pointerleave', (e) => {
    if (e.pointerType !== 'mouse' || !openedByHover || !trigger) return;
    closeTimer = window.setTimeout(() => close(), CLOSE_AFTER_MS);
  });
}
popover.addEventListener('pointerenter', () => window.clearTimeout(closeTimer));
// Before the link's own jump (capture phase); the jump, and the focus it gives, happen within this task.
document.addEventListener(
  'click',
  (e) => {
    const link = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[href^="#"]') : null;
    if (!link || link.matches(TRIGGER)) return;
    arrivingAt = decodeURIComponent(link.hash.slice(1));
    window.setTimeout(() => (arrivingAt = undefined));
  },
  true,
);
// Following the popover's own link to the References list leaves the text: close behind it.
popover.addEventListener('click', (e) => {
  if (e.target instanceof Element && e.target.closest('a[href^="#"]')) close();
});

document.addEventListener('focusout', (e) => {
  if (trigger && within(e.target) && !within(e.relatedTarget)) close();
});
document.addEventListener('pointerdown', (e) => {
  if (trigger && !within(e.target)) close();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && trigger) close(popover.contains(document.activeElement) || document.activeElement === trigger);
});
window.addEventListener('scroll', place, { passive: true });
window.addEventListener('resize', place);

export {};
