/**
 * The one quiet control after each section heading (src/lib/markdown/headings.ts draws it as a
 * "#" link to the section, which is all it is without JavaScript). Here it becomes the button of a
 * small menu: "Copy link" and, on pages that can be cited section by section, "Cite this section"
 * (src/scripts/cite-panel.ts).
 *
 * Keyboard: Enter or Space opens the menu and focuses its first item; the arrow keys, Home, End
 * and Tab move through it; Escape closes it and returns focus to the control. A click or tap
 * elsewhere, or focus leaving the menu, closes it.
 *
 * Every address is the page's canonical URL (its <link rel="canonical">) with the section's
 * anchor: never the host a preview or mirror is served from, never a query string.
 */
import { placePopover } from '../lib/popover.ts';
import { sectionUrl } from '../lib/urls.ts';
import { announce } from './announce.ts';
import { canCite, toggleCitePanel } from './cite-panel.ts';

const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
const COPIED_FOR_MS = 1800;

function menuItem(action: string, label: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'section-menu-item';
  button.dataset.action = action;
  button.textContent = label;
  return button;
}

const menu = document.createElement('div');
menu.className = 'section-menu';
menu.id = 'section-menu';
menu.hidden = true;
const copyItem = menuItem('copy', 'Copy link');
const citeItem = menuItem('cite', 'Cite this section');
menu.append(copyItem, ...(canCite() ? [citeItem] : []));
const items = (): HTMLButtonElement[] => [...menu.querySelectorAll<HTMLButtonElement>('.section-menu-item')];

let control: HTMLAnchorElement | undefined;
let copiedTimer: number | undefined;

function urlOf(link: HTMLAnchorElement): string {
  return sectionUrl(canonical!, link.dataset.section!);
}

function place(): void {
  if (!control) return;
  const wrap = control.closest('.heading-wrap')!.getBoundingClientRect();
  // The control's last line box: it is inline, glued to the heading's last word.
  const box = [...control.getClientRects()].at(-1) ?? control.getBoundingClientRect();
  const { left, top } = placePopover(box, { width: menu.offsetWidth, height: menu.offsetHeight }, { width: document.documentElement.clientWidth, height: window.innerHeight });
  menu.style.setProperty('left', `${left - wrap.left}px`);
  menu.style.setProperty('top', `${top - wrap.top}px`);
}

function open(link: HTMLAnchorElement): void {
  close();
  control = link;
  menu.setAttribute('aria-label', `Section: ${link.dataset.title}`);
  // Inside the heading's block, right after the control, so Tab runs from the control into the menu.
  link.closest('.section-tools')!.after(menu);
  menu.hidden = false;
  link.setAttribute('aria-expanded', 'true');
  place();
  items()[0]!.focus();
}

function close(returnFocus = false): void {
  if (!control) return;
  const last = control;
  control = undefined;
  window.clearTimeout(copiedTimer);
  copyItem.textContent = 'Copy link';
  menu.hidden = true;
  menu.remove();
  last.setAttribute('aria-expanded', 'false');
  if (returnFocus) last.focus();
}

async function copyLink(link: HTMLAnchorElement): Promise<void> {
  const url = urlOf(link);
  let ok = true;
  try {
    await navigator.clipboard.writeText(url);
  } catch {
    ok = false;
  }
  announce(ok ? `Link copied: ${url}` : `Copy failed. The link is ${url}`);
  copyItem.textContent = ok ? 'Link copied' : 'Copy failed';
  window.clearTimeout(copiedTimer);
  copiedTimer = window.setTimeout(() => (copyItem.textContent = 'Copy link'), COPIED_FOR_MS);
}

menu.addEventListener('click', (e) => {
  const item = e.target instanceof Element ? e.target.closest<HTMLButtonElement>('.section-menu-item') : null;
  if (!item || !control) return;
  const link = control;
  if (item.dataset.action === 'copy') void copyLink(link);
  else {
    close();
    toggleCitePanel(link, urlOf(link));
  }
});

menu.addEventListener('keydown', (e) => {
  const list = items();
  const at = list.indexOf(document.activeElement as HTMLButtonElement);
  const next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: list.length - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  list[(next + list.length) % list.length]!.focus();
});

if (canonical) {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.heading-wrap a.section-link[data-section]')) {
    link.setAttribute('role', 'button');
    link.setAttribute('aria-haspopup', 'true');
    link.setAttribute('aria-expanded', 'false');
    link.setAttribute('aria-controls', menu.id);
    link.setAttribute('aria-label', `Link and citation for section: ${link.dataset.title}`);
    link.addEventListener('click', (e) => {
      // Ctrl/⌘/middle click still opens the plain #section link.
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      if (control === link) close(true);
      else open(link);
    });
    link.addEventListener('keydown', (e) => {
      // A role="button" link answers Space as a button does (Enter already clicks it).
      if (e.key === ' ') {
        e.preventDefault();
        link.click();
      } else if (e.key === 'ArrowDown' && control === link) {
        e.preventDefault();
        items()[0]!.focus();
      }
    });
  }
}

const within = (node: EventTarget | null): boolean => node instanceof Node && (menu.contains(node) || !!control?.contains(node));
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && control) close(true);
});
document.addEventListener('pointerdown', (e) => {
  if (control && !within(e.target)) close();
});
document.addEventListener('focusout', (e) => {
  if (control && within(e.target) && e.relatedTarget && !within(e.relatedTarget)) close();
});
window.addEventListener('resize', place);

export {};
