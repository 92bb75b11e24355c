/**
 * "Cite this section" (from the menu of a heading's control, src/scripts/section-links.ts): a
 * panel after the heading with the section's canonical URL and its citation in APA, Chicago and
 * BibTeX (src/lib/cite.ts, as the essay's own "How to cite" block), each with a copy button, plus
 * a link to report an error in that section. The retrieval date is today, in the reader's time
 * zone. Escape or Close shuts it and returns focus to the heading's control.
 */
import { apa, bibtex, chicago, readerDay, reportErrorUrl } from '../lib/cite.ts';
import { parseDay } from '../lib/dates.ts';
import { announce } from './announce.ts';

/** What a page says about itself for citing: on essays and on /start/ and /about/. */
function pageData(): Record<string, string> | undefined {
  return document.querySelector<HTMLElement>('article[data-essay-title]')?.dataset as Record<string, string> | undefined;
}

/** Whether this page can be cited section by section. */
export function canCite(): boolean {
  return pageData() !== undefined;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function closePanel(panel: HTMLElement, returnFocusTo: HTMLElement): void {
  panel.remove();
  returnFocusTo.focus();
}

/**
 * Opens the citation panel for the section `control` links to (its data-section and data-title),
 * right after its heading, or closes it when it is open. `url` is the section's canonical address.
 */
export function toggleCitePanel(control: HTMLElement, url: string): void {
  const data = pageData();
  const wrap = control.closest('.heading-wrap');
  if (!data || !wrap) return;
  const existing = wrap.nextElementSibling;
  if (existing?.classList.contains('cite-panel')) return closePanel(existing as HTMLElement, control);
  const { essayTitle, updated, siteTitle, repository } = data;
  const sectionTitle = control.dataset.title!;
  const input = { siteTitle: siteTitle!, essayTitle: essayTitle!, sectionTitle, url, updated: parseDay(updated!), retrieved: readerDay(new Date()) };
  const titleId = `cite-title-${control.dataset.section}`;
  const panel = el('section', { class: 'cite-panel', 'aria-labelledby': titleId, tabindex: '-1', 'data-pagefind-ignore': '' });
  const close = el('button', { type: 'button' }, 'Close');
  close.addEventListener('click', () => closePanel(panel, control));
  panel.append(el('div', { class: 'cite-panel-head' }, el('p', { class: 'cite-panel-title', id: titleId }, `Cite “${sectionTitle}”`), close));
  for (const [name, text] of [['Link', url], ['APA', apa(input)], ['Chicago', chicago(input)], ['BibTeX', bibtex(input)]] as const) {
    const copy = el('button', { type: 'button', 'data-format': name }, `Copy ${name}`);
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text);
        announce(`${name} citation copied`);
        copy.textContent = 'Copied';
      } catch {
        announce(`Copy failed; select the ${name} text instead`);
      }
      window.setTimeout(() => (copy.textContent = `Copy ${name}`), 2000);
    });
    panel.append(el('div', { class: 'cite-format' }, el('p', { class: 'cite-format-name' }, name, copy), el('pre', { class: 'cite-text' }, text)));
  }
  panel.append(el('p', {}, `Version of ${updated}; retrieved today. `, el('a', { href: reportErrorUrl(repository!, essayTitle!, url, sectionTitle), target: '_blank', rel: 'noopener noreferrer' }, 'Report an error in this section (opens GitHub)')));
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closePanel(panel, control);
  });
  wrap.after(panel);
  panel.focus();
}
