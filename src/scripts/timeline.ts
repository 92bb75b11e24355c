/**
 * Timeline interaction: details on hover, focus or tap; zoom and pan; a category filter; and
 * /timeline/#event-id opening with that event selected. Positions come from the same geometry
 * function that drew the chart at build time.
 */
import { timelineGeometry, zoomDomain, panDomain, type TimelinePoint } from '../lib/charts/timeline.ts';
import { parseDay } from '../lib/dates.ts';
import type { Topic } from '../lib/topics.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

for (const root of document.querySelectorAll<HTMLElement>('[data-timeline]')) {
  const bounds: [Date, Date] = [parseDay(root.dataset.from!), parseDay(root.dataset.to!)];
  const allCategories = root.dataset.categories!.split(',') as Topic[];
  let domain: [Date, Date] = [...bounds];
  const shown = new Set(allCategories);
  const detail = root.querySelector<HTMLElement>('.timeline-detail')!;
  const figure = root.closest('figure')!;

  const svgs = [...root.querySelectorAll<SVGSVGElement>('svg.timeline-svg')];
  const points: TimelinePoint[] = [...svgs[0]!.querySelectorAll<SVGAElement>('a.mark')].map((a) => ({
    id: a.dataset.event!,
    when: parseDay(a.dataset.when!),
    category: a.dataset.category as Topic,
  }));

  function render(): void {
    for (const svg of svgs) {
      const g = timelineGeometry(points, { width: Number(svg.dataset.width), domain, categories: allCategories });
      const byId = new Map(g.marks.map((m) => [m.id, m]));
      for (const a of svg.querySelectorAll<SVGAElement>('a.mark')) {
        const m = byId.get(a.dataset.event!)!;
        a.querySelector('circle')!.setAttribute('cx', String(m.x));
        const visible = m.visible && shown.has(a.dataset.category as Topic);
        a.classList.toggle('is-hidden', !visible);
        if (visible) a.removeAttribute('tabindex');
        else a.setAttribute('tabindex', '-1');
      }
      const ticks = svg.querySelector('[data-ticks]')!;
      ticks.replaceChildren(
        ...g.ticks.map((t) => {
          const text = document.createElementNS(SVG_NS, 'text');
          text.setAttribute('x', String(t.x));
          text.setAttribute('y', String(g.size.height - 8));
          text.setAttribute('text-anchor', 'middle');
          text.textContent = t.label;
          return text;
        }),
      );
    }
  }

  function select(id: string, announce = true): void {
    const row = (figure.querySelector<HTMLElement>(`[data-event-row="${CSS.escape(id)}"]`) ?? document.querySelector<HTMLElement>(`li[data-event-row="${CSS.escape(id)}"]`));
    if (!row) return;
    for (const a of root.querySelectorAll('a.mark.is-selected')) a.classList.remove('is-selected');
    for (const a of root.querySelectorAll(`a.mark[data-event="${CSS.escape(id)}"]`)) a.classList.add('is-selected');
    // The row is a table row (essays) or a list item (the timeline page); both carry the same classes.
    const part = (cls: string) => row.querySelector(`.${cls}`)!;
    detail.replaceChildren();
    const date = document.createElement('p');
    date.className = 'detail-date';
    date.textContent = `${part('event-date').textContent} · ${part('event-cat').textContent}`;
    const title = document.createElement('p');
    title.className = 'detail-title';
    title.textContent = row.querySelector('.event-title')!.textContent;
    const summary = document.createElement('p');
    summary.textContent = row.querySelector('.event-summary')!.textContent;
    const src = document.createElement('p');
    src.className = 'detail-sources';
    src.append('Sources: ', ...[...part('event-sources-list').childNodes].map((n) => n.cloneNode(true)));
    detail.append(date, title, summary, src);
    detail.hidden = false;
    if (!announce) detail.setAttribute('aria-live', 'off');
    else detail.setAttribute('aria-live', 'polite');
  }

  for (const a of root.querySelectorAll<SVGAElement>('a.mark')) {
    const id = a.dataset.event!;
    a.addEventListener('mouseenter', () => select(id));
    a.addEventListener('focus', () => select(id));
    if (a.getAttribute('href')?.startsWith('#')) {
      a.addEventListener('click', (e) => {
        e.preventDefault();
        select(id);
        history.replaceState(null, '', `#${id}`);
      });
    }
  }

  for (const box of root.querySelectorAll<HTMLInputElement>('.timeline-filter input')) {
    box.addEventListener('change', () => {
      if (box.checked) shown.add(box.value as Topic);
      else shown.delete(box.value as Topic);
      render();
    });
  }
  root.querySelector('.timeline-zoom')!.addEventListener('click', (e) => {
    const action = (e.target as HTMLElement).closest('button')?.dataset.action;
    if (action === 'zoom-in') domain = zoomDomain(domain, 0.5, bounds);
    else if (action === 'zoom-out') domain = zoomDomain(domain, 2, bounds);
    else if (action === 'pan-left') domain = panDomain(domain, -0.5, bounds);
    else if (action === 'pan-right') domain = panDomain(domain, 0.5, bounds);
    else if (action === 'reset') domain = [...bounds];
    else return;
    render();
  });

  // /timeline/#2020-01-03-… : select that event and centre the view on its year.
  const fromHash = decodeURIComponent(location.hash.slice(1));
  const target = points.find((p) => p.id === fromHash);
  if (target) {
    domain = zoomDomain(bounds, 0.25, bounds, target.when);
    render();
    select(target.id, false);
  }
}

export {};
