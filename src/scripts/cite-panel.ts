/**
 * "Cite" beside each section heading: a panel with the section's URL and its citation in APA,
 * Chicago and BibTeX (from src/lib/cite.ts, as the essay's own "How to cite" block), each with a
 * copy button, plus a link to report an error in that section. Escape or Close returns focus.
 */
import { apa, bibtex, chicago, reportErrorUrl } from '../lib/cite.ts';
import { parseDay } from '../lib/dates.ts';
import { announce } from './announce.ts';

const article = document.querySelector<HTMLElement>('article[data-essay-title]');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function closePanel(panel: HTMLElement, button: HTMLButtonElement): void {
  panel.remove();
  button.setAttribute('aria-expanded', 'false');
  button.focus();
}

if (article) {
  const { essayTitle, updated, siteTitle, repository } = article.dataset as Record<string, string>;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.cite-button')) {
    button.addEventListener('click', () => {
      const wrap = button.closest('.heading-wrap')!;
      const existing = wrap.nextElementSibling;
      if (existing?.classList.contains('cite-panel')) return closePanel(existing as HTMLElement, button);
      const sectionTitle = button.dataset.title!;
      // Never the query string (search adds ?highlight=…): the page's own address and the section.
      const url = new URL(`#${button.dataset.section}`, `${location.origin}${location.pathname}`).href;
      const input = { siteTitle: siteTitle!, essayTitle: essayTitle!, sectionTitle, url, updated: parseDay(updated!) };
      const titleId = `cite-title-${button.dataset.section}`;
      const panel = el('section', { class: 'cite-panel', 'aria-labelledby': titleId, tabindex: '-1' });
      const close = el('button', { type: 'button' }, 'Close');
      close.addEventListener('click', () => closePanel(panel, button));
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
      panel.append(el('p', {}, `Version of ${updated}. `, el('a', { href: reportErrorUrl(repository!, essayTitle!, url, sectionTitle), target: '_blank', rel: 'noopener noreferrer' }, 'Report an error in this section (opens GitHub)')));
      panel.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') closePanel(panel, button);
      });
      wrap.after(panel);
      button.setAttribute('aria-expanded', 'true');
      panel.focus();
    });
  }
}

export {};
