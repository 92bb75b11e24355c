/**
 * The search form shared by the dialog and the /search/ page: a combobox input, kind and topic
 * filters, and a listbox of results driven by the arrow keys (Enter opens the active result).
 */
import { search, loadEngine, type SearchFilters, type SearchItem } from './search-engine.ts';
import { TOPIC_LABELS } from '../lib/topics.ts';

export const KINDS = ['Essay', 'Timeline event', 'Glossary', 'Source', 'Data', 'Page'] as const;
/** Topic filter values are the topic labels the pages carry (data-pagefind-filter="topic"). */
export const TOPICS = Object.values(TOPIC_LABELS);

let uid = 0;

export interface SearchUi {
  root: HTMLElement;
  input: HTMLInputElement;
  run(query: string): Promise<void>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** Pagefind excerpts are HTML with <mark> around matches; keep only text and the marks. */
function excerptNodes(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const out: Node[] = [];
  for (const node of doc.body.firstChild!.childNodes) {
    out.push(node.nodeName === 'MARK' ? el('mark', {}, node.textContent ?? '') : document.createTextNode(node.textContent ?? ''));
  }
  return out;
}

export function createSearchUi(options: { onQuery?: (q: string) => void; initialQuery?: string; headingLevel?: 'h2' | 'p' } = {}): SearchUi {
  const id = `search-${++uid}`;
  const input = el('input', {
    type: 'search',
    id: `${id}-input`,
    class: 'search-input',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': `${id}-results`,
    'aria-autocomplete': 'list',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Try “Muscat”, “breakout” or “blockade”',
  });
  const label = el('label', { for: input.id, class: 'search-label' }, 'Search the site');
  const status = el('p', { class: 'search-status', role: 'status' });
  const list = el('ul', { id: `${id}-results`, class: 'search-results', role: 'listbox', 'aria-label': 'Results' });
  const filterBox = (name: string, legend: string, values: readonly string[]) =>
    el('fieldset', { class: 'search-filter' }, el('legend', {}, legend), ...values.map((v) => el('label', {}, el('input', { type: 'checkbox', name, value: v }), ` ${v}`)));
  const filters = el('details', { class: 'search-filters' }, el('summary', {}, 'Filters'), filterBox('kind', 'Kind of page', KINDS), filterBox('topic', 'Topic', TOPICS));
  const root = el('div', { class: 'search-ui' }, label, input, filters, status, list);
  let active = -1;
  let items: SearchItem[] = [];
  let latest = 0;

  const chosen = (): SearchFilters => ({
    kind: [...filters.querySelectorAll<HTMLInputElement>('input[name=kind]:checked')].map((i) => i.value),
    topic: [...filters.querySelectorAll<HTMLInputElement>('input[name=topic]:checked')].map((i) => i.value),
  });

  function setActive(i: number): void {
    const options = [...list.querySelectorAll<HTMLElement>('[role=option]')];
    options.forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
    active = i;
    if (i >= 0 && options[i]) {
      input.setAttribute('aria-activedescendant', options[i].id);
      options[i].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function render(query: string): void {
    list.replaceChildren(
      ...items.map((item, i) => {
        const link = el('a', { href: item.url, tabindex: '-1' },
          el('span', { class: 'result-kind' }, item.kind),
          el('span', { class: 'result-title' }, item.pageTitle),
          ...(item.section ? [el('span', { class: 'result-section' }, item.section)] : []),
          el('span', { class: 'result-excerpt' }, ...excerptNodes(item.excerpt)));
        const option = el('li', { role: 'option', id: `${id}-option-${i}`, 'aria-selected': 'false' }, link);
        option.addEventListener('mousemove', () => setActive(i));
        return option;
      }),
    );
    input.setAttribute('aria-expanded', String(items.length > 0));
    status.textContent = !query ? '' : items.length ? `${items.length} result${items.length === 1 ? '' : 's'} for “${query}”` : `No results for “${query}”`;
    setActive(items.length ? 0 : -1);
  }

  async function run(query: string): Promise<void> {
    const ticket = ++latest;
    options.onQuery?.(query);
    if (!query.trim()) {
      items = [];
      render('');
      return;
    }
    status.textContent = 'Searching…';
    const found = await search(query, chosen());
    if (ticket !== latest) return; // a newer query has been typed
    items = found;
    render(query.trim());
  }

  input.addEventListener('input', () => void run(input.value));
  filters.addEventListener('change', () => void run(input.value));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      setActive((active + 1) % items.length);
    } else if (e.key === 'ArrowUp' && items.length) {
      e.preventDefault();
      setActive((active - 1 + items.length) % items.length);
    } else if (e.key === 'Enter') {
      const chosenItem = items[active];
      if (!chosenItem) return;
      e.preventDefault();
      location.assign(chosenItem.url);
    }
  });
  void loadEngine();
  if (options.initialQuery) {
    input.value = options.initialQuery;
    void run(options.initialQuery);
  }
  return { root, input, run };
}
