/**
 * Timeline interaction. The chart is drawn at build time; this script redraws it from the same
 * geometry (src/lib/charts/timeline.ts) and the same mark descriptions (timeline-svg.ts) when the
 * reader zooms, pans, filters or selects, so the browser never keeps a second copy of the layout.
 *
 * - select: click, tap, Enter, or focus a mark; the panel below shows the event (and says when it
 *   is out of view or grouped); on the timeline page the address becomes /timeline/#event-id
 * - zoom: buttons, + and − keys, Ctrl/⌘ + wheel or a trackpad pinch, a two-finger pinch, double
 *   click; all keep the selection or the point under the pointer in place
 * - pan: drag, a sideways wheel or swipe, the arrow buttons
 * - keyboard: the chart is one tab stop; ← → along a lane, ↑ ↓ between lanes, Home/End
 * - filter: categories hide their lane and their entries in the list or table, with a count
 */
import {
  canZoomIn,
  clusterDomain,
  domainWithTimeAt,
  isZoomedIn,
  itemFor,
  msPerUnit,
  neighbourEvent,
  panBy,
  revealDomain,
  timeAtX,
  timelineGeometry,
  zoomAround,
  type ClusterMark,
  type Domain,
  type TimelineGeometry,
  type TimelineKey,
  type TimelinePoint,
} from '../lib/charts/timeline.ts';
import { bandNodes, itemNode, laneNodes, tabStopKey, tickNodes, type SvgNode } from '../lib/charts/timeline-svg.ts';
import { formatDate, parseDay } from '../lib/dates.ts';
import { forwardFragment, yearPageOf } from '../lib/timeline-pages.ts';
import { TOPIC_LABELS, type Topic } from '../lib/topics.ts';
import { announce } from './announce.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
const NAV_KEYS = new Set<string>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);
/** A press that moves less than this (CSS px) is a tap or click, not a drag. */
const DRAG_THRESHOLD = 6;

function createNode(n: SvgNode): Element {
  const el = document.createElementNS(SVG_NS, n.tag);
  applyNode(el, n);
  return el;
}

/** Brings an element in line with a node, keeping the element itself so focus and hover survive. */
function applyNode(el: Element, n: SvgNode): void {
  for (const [k, v] of Object.entries(n.attrs)) if (el.getAttribute(k) !== String(v)) el.setAttribute(k, String(v));
  if (n.text !== undefined) {
    if (el.textContent !== n.text) el.textContent = n.text;
    return;
  }
  const kids = n.children ?? [];
  if (el.children.length === kids.length && kids.every((k, i) => el.children[i]!.tagName === k.tag)) kids.forEach((k, i) => applyNode(el.children[i]!, k));
  else el.replaceChildren(...kids.map(createNode));
}

interface Variant {
  svg: SVGSVGElement;
  width: number;
  bands: SVGGElement;
  ticks: SVGGElement;
  lanes: SVGGElement;
  items: SVGGElement;
  g?: TimelineGeometry;
}

function setUp(root: HTMLElement): void {
  const figure = root.closest('figure')!;
  const onPage = root.dataset.rows === 'page';
  const timelineHref = root.dataset.timelineHref ?? '';
  const bounds: Domain = [parseDay(root.dataset.from!), parseDay(root.dataset.to!)];
  const lanes = root.dataset.lanes!.split(',') as Topic[];

  // The events come from the text the page already carries: the list below (timeline page) or
  // the chart's table (essays). Titles and dates there are the ones the build drew with.
  const rowScope: ParentNode = onPage ? document.querySelector('[data-event-list]') ?? document : figure;
  const rows = new Map<string, HTMLElement>();
  const points: TimelinePoint[] = [];
  for (const row of rowScope.querySelectorAll<HTMLElement>('[data-event-row]')) {
    const datetime = row.querySelector('time')!.getAttribute('datetime')!;
    const point: TimelinePoint = {
      id: row.dataset.eventRow!,
      when: parseDay(datetime),
      category: row.dataset.category as Topic,
      title: row.querySelector('.event-title')!.textContent!.trim(),
      precision: datetime.length === 7 ? 'month' : 'day',
    };
    rows.set(point.id, row);
    if (lanes.includes(point.category) && point.when >= bounds[0] && point.when <= bounds[1]) points.push(point);
  }
  const byId = new Map(points.map((p) => [p.id, p]));
  const split = root.dataset.split !== undefined;
  const href = (id: string) => (onPage ? `#${id}` : `${timelineHref}${yearPageOf(id, split)}#${id}`);

  const variants: Variant[] = [...root.querySelectorAll<SVGSVGElement>('svg.timeline-svg')].map((svg) => ({
    svg,
    width: Number(svg.dataset.width),
    bands: svg.querySelector<SVGGElement>('[data-bands]')!,
    ticks: svg.querySelector<SVGGElement>('[data-ticks]')!,
    lanes: svg.querySelector<SVGGElement>('[data-lanes]')!,
    items: svg.querySelector<SVGGElement>('[data-items]')!,
  }));
  const visible = () => variants.find((v) => v.svg.checkVisibility?.() ?? v.svg.getBoundingClientRect().width > 0) ?? variants[0]!;

  let domain: Domain = [...bounds];
  const shown = new Set(lanes);
  let selected: string | undefined;

  const shownLanes = () => lanes.filter((l) => shown.has(l));
  const shownPoints = () => points.filter((p) => shown.has(p.category));
  const options = (v: Variant, d: Domain = domain) => ({ width: v.width, domain: d, bounds, categories: shownLanes() });

  // ---- drawing ------------------------------------------------------------------------------
  function renderVariant(v: Variant): void {
    const g = timelineGeometry(shownPoints(), options(v));
    v.g = g;
    v.svg.setAttribute('viewBox', `0 0 ${g.size.width} ${g.size.height}`);
    v.ticks.replaceChildren(...tickNodes(g).map(createNode));
    // Lanes change only with the filter: redraw them then, not on every frame of a drag.
    const laneKey = g.lanes.map((l) => `${l.category}@${l.top}`).join(' ');
    if (v.lanes.dataset.drawn !== laneKey) {
      v.lanes.dataset.drawn = laneKey;
      v.bands.replaceChildren(...bandNodes(g).map(createNode));
      v.lanes.replaceChildren(...laneNodes(g).map(createNode));
    }

    const tabStop = tabStopKey(g.items, selected);
    const old = new Map([...v.items.children].map((el) => [el.getAttribute('data-key')!, el]));
    let previous: Element | null = null;
    for (const item of g.items) {
      const node = itemNode(item, g, { byId, href }, item.key === tabStop);
      let el = old.get(item.key);
      if (el) {
        old.delete(item.key);
        applyNode(el, node);
      } else el = createNode(node);
      const isSelected = item.kind === 'event' && item.id === selected;
      el.classList.toggle('is-selected', isSelected);
      el.classList.toggle('has-selected', item.kind === 'cluster' && !!selected && item.ids.includes(selected));
      if (isSelected) el.setAttribute('aria-current', 'true');
      else el.removeAttribute('aria-current');
      // Only move elements that are out of order: moving a focused element would blur it.
      const expected: Element | null = previous ? previous.nextElementSibling : v.items.firstElementChild;
      if (expected !== el) v.items.insertBefore(el, expected);
      previous = el;
    }
    for (const el of old.values()) el.remove();
  }

  function render(): void {
    const focusWasIn = variants.some((v) => v.items.contains(document.activeElement));
    for (const v of variants) renderVariant(v);
    if (focusWasIn && !variants.some((v) => v.items.contains(document.activeElement))) focusTabStop();
    updateToolbar();
    updateDetailNote();
  }

  /** Focus moved by the script (its mark was redrawn away) must not select what it lands on. */
  let movingFocus = false;
  function focusTabStop(): void {
    movingFocus = true;
    visible().items.querySelector<SVGElement>('[tabindex="0"]')?.focus({ preventScroll: true });
    movingFocus = false;
  }

  // ---- the view: animated for buttons and groups, immediate for drags, wheels and keys --------
  let frame = 0;
  function setDomain(next: Domain, animate = false, done?: () => void): void {
    cancelAnimationFrame(frame);
    if (!animate || reducedMotion.matches) {
      domain = next;
      render();
      done?.();
      return;
    }
    const [a0, a1] = [domain[0].getTime(), domain[1].getTime()];
    const [b0, b1] = [next[0].getTime(), next[1].getTime()];
    const start = performance.now();
    const step = (now: number) => {
      const k = Math.min(1, (now - start) / 260);
      const e = 1 - (1 - k) ** 3;
      domain = k < 1 ? [new Date(a0 + (b0 - a0) * e), new Date(a1 + (b1 - a1) * e)] : next;
      render();
      if (k < 1) frame = requestAnimationFrame(step);
      else done?.();
    };
    frame = requestAnimationFrame(step);
  }

  function rangeText(d: Domain = domain): string {
    const spanDays = (d[1].getTime() - d[0].getTime()) / 86_400_000;
    const precision = spanDays > 120 ? 'month' : 'day';
    return `${formatDate(d[0], precision)} to ${formatDate(d[1], precision)}`;
  }

  // ---- selection and the detail panel ------------------------------------------------------
  const detail = root.querySelector<HTMLElement>('.timeline-detail')!;
  const hint = detail.querySelector('.detail-hint')!;
  const note = document.createElement('p');
  note.className = 'detail-note';

  function select(id: string | undefined, { address = false, speak = true } = {}): void {
    selected = id;
    render();
    detail.setAttribute('aria-live', speak ? 'polite' : 'off');
    if (!id) {
      detail.replaceChildren(hint);
    } else {
      const row = rows.get(id)!;
      const part = (cls: string) => row.querySelector(`.${cls}`)!;
      const meta = document.createElement('p');
      meta.className = 'detail-date';
      meta.textContent = `${part('event-date').textContent!.trim()} · ${part('event-cat').textContent!.trim()}`;
      const title = document.createElement('p');
      title.className = 'detail-title';
      title.textContent = part('event-title').textContent!.trim();
      const summary = document.createElement('p');
      summary.textContent = part('event-summary').textContent!.trim();
      const sources = document.createElement('p');
      sources.className = 'detail-sources';
      sources.append('Sources: ', ...[...part('event-sources-list').childNodes].map((n) => n.cloneNode(true)));
      const more = document.createElement('p');
      more.className = 'detail-more';
      const link = document.createElement('a');
      link.href = href(id);
      link.textContent = onPage ? 'Read it in the list below' : 'Open it on the full timeline';
      more.append(link);
      detail.replaceChildren(meta, title, note, summary, sources, more);
      updateDetailNote();
    }
    if (address && onPage) history.replaceState(history.state, '', id ? `#${id}` : `${location.pathname}${location.search}`);
  }

  /** The panel never shows an event that is off the chart without saying so, and offers to show it. */
  function updateDetailNote(): void {
    if (!selected || !variants[0]!.g) return;
    const item = itemFor(visible().g!, selected);
    let text = '';
    if (!item) text = `Outside the part of the timeline shown (${rangeText()}).`;
    else if (item.kind === 'cluster') text = `Grouped with ${item.ids.length - 1} other event${item.ids.length > 2 ? 's' : ''} at this zoom.`;
    note.hidden = !text;
    if (note.dataset.text === text) return;
    note.dataset.text = text;
    note.replaceChildren();
    if (text) {
      const show = document.createElement('button');
      show.type = 'button';
      show.className = 'detail-show';
      show.textContent = 'Show it on the chart';
      show.addEventListener('click', () => reveal(selected!, true));
      note.append(`${text} `, show);
    }
  }

  function reveal(id: string, animate: boolean, then?: () => void): void {
    const v = visible();
    setDomain(revealDomain(shownPoints(), id, options(v)), animate, then);
  }

  function focusEvent(id: string): void {
    visible().items.querySelector<SVGElement>(`a.mark[data-event="${CSS.escape(id)}"]`)?.focus({ preventScroll: true });
  }

  // ---- toolbar, filter and count -------------------------------------------------------------
  const buttons = new Map([...root.querySelectorAll<HTMLButtonElement>('.timeline-toolbar button')].map((b) => [b.dataset.action!, b]));
  const rangeLabel = root.querySelector<HTMLElement>('.timeline-range')!;
  function updateToolbar(): void {
    const zoomed = isZoomedIn(domain, bounds);
    const disabled: Record<string, boolean> = {
      'zoom-in': !canZoomIn(domain),
      'zoom-out': !zoomed,
      reset: !zoomed,
      'pan-earlier': domain[0].getTime() <= bounds[0].getTime(),
      'pan-later': domain[1].getTime() >= bounds[1].getTime(),
    };
    for (const [action, button] of buttons) button.setAttribute('aria-disabled', String(disabled[action] ?? false));
    const text = rangeText();
    if (rangeLabel.textContent !== text) rangeLabel.textContent = text;
  }

  /** Zooming by button or key keeps the selected event in place when it is in view, else the middle. */
  function zoomAnchor(): number {
    const p = selected ? byId.get(selected) : undefined;
    if (p && p.when >= domain[0] && p.when <= domain[1]) return p.when.getTime();
    return (domain[0].getTime() + domain[1].getTime()) / 2;
  }

  function act(action: string): void {
    const span = domain[1].getTime() - domain[0].getTime();
    let next: Domain | undefined;
    if (action === 'zoom-in') next = zoomAround(domain, 0.5, zoomAnchor(), bounds);
    else if (action === 'zoom-out') next = zoomAround(domain, 2, zoomAnchor(), bounds);
    else if (action === 'pan-earlier') next = panBy(domain, -span / 2, bounds);
    else if (action === 'pan-later') next = panBy(domain, span / 2, bounds);
    else if (action === 'reset') next = [...bounds];
    if (next) setDomain(next, true, () => announce(`Timeline showing ${rangeText()}`));
  }

  root.querySelector('.timeline-toolbar')!.addEventListener('click', (e) => {
    const button = (e.target as Element).closest('button');
    if (button && button.getAttribute('aria-disabled') !== 'true') act(button.dataset.action!);
  });

  const count = root.querySelector<HTMLElement>('.timeline-count')!;
  let listNote: HTMLParagraphElement | undefined;
  function applyFilter(): void {
    const visibleRows = [...rows.entries()].filter(([id]) => onPage || byId.has(id));
    for (const [id, row] of visibleRows) row.hidden = !shown.has((byId.get(id) ?? { category: row.dataset.category as Topic }).category);
    const total = visibleRows.length;
    const showing = visibleRows.filter(([, row]) => !row.hidden).length;
    const names = shownLanes().map((l) => TOPIC_LABELS[l]);
    const text = showing === total ? `All ${total} events shown` : showing === 0 ? `No events shown: choose a category` : `${showing} of ${total} events shown (${names.join(', ')})`;
    count.textContent = text;
    if (onPage) {
      const list = document.querySelector<HTMLElement>('[data-event-list]');
      for (const section of list?.querySelectorAll<HTMLElement>('section[data-year]') ?? []) {
        section.hidden = !section.querySelector('[data-event-row]:not([hidden])');
        const yearLink = list!.querySelector<HTMLElement>(`.year-index a[data-year="${section.dataset.year}"]`);
        if (yearLink) yearLink.hidden = section.hidden;
      }
      if (list && !listNote) {
        listNote = document.createElement('p');
        listNote.className = 'event-list-note';
        // After the whole heading (its wrapper holds the "#" control), not between the two.
        const heading = list.querySelector('h2')!;
        (heading.closest('.heading-wrap') ?? heading).after(listNote);
      }
      if (listNote) {
        listNote.hidden = showing === total;
        listNote.textContent = `${text}, as chosen above the chart. `;
        const all = document.createElement('button');
        all.type = 'button';
        all.textContent = 'Show all categories';
        all.addEventListener('click', () => setShown(lanes));
        listNote.append(all);
      }
    }
  }

  function setShown(categories: readonly Topic[]): void {
    shown.clear();
    for (const c of categories) shown.add(c);
    for (const box of root.querySelectorAll<HTMLInputElement>('.timeline-filter input')) box.checked = shown.has(box.value as Topic);
    if (selected && !shown.has(byId.get(selected)!.category)) select(undefined);
    applyFilter();
    render();
    // Said through the page's one live region (announce.ts), not a second one of the chart's own.
    announce(count.textContent!);
  }

  for (const box of root.querySelectorAll<HTMLInputElement>('.timeline-filter input')) {
    box.addEventListener('change', () => setShown(lanes.filter((l) => (l === box.value ? box.checked : shown.has(l)))));
  }

  // ---- hover tip ---------------------------------------------------------------------------
  const tip = document.createElement('div');
  tip.className = 'chart-tooltip timeline-tip';
  tip.hidden = true;
  tip.setAttribute('aria-hidden', 'true');
  root.append(tip);
  function showTip(el: Element): void {
    tip.textContent = el.getAttribute('aria-label');
    tip.hidden = false;
    const box = el.getBoundingClientRect();
    const frameBox = root.getBoundingClientRect();
    const left = Math.min(Math.max(0, box.left + box.width / 2 - frameBox.left - tip.offsetWidth / 2), frameBox.width - tip.offsetWidth);
    tip.style.setProperty('left', `${left}px`);
    tip.style.setProperty('top', `${box.top - frameBox.top - tip.offsetHeight - 6}px`);
  }
  const hideTip = () => (tip.hidden = true);

  // ---- wheel hint (plain scrolling over the chart scrolls the page, as on an embedded map) ----
  const wheelHint = document.createElement('p');
  wheelHint.className = 'timeline-wheel-hint';
  wheelHint.hidden = true;
  wheelHint.setAttribute('aria-hidden', 'true');
  wheelHint.textContent = `Hold ${/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'} and scroll to zoom the timeline`;
  root.append(wheelHint);
  let wheelHintTimer = 0;

  // ---- pointer, wheel and keyboard on each drawing -------------------------------------------
  let suppressClick = false;
  for (const v of variants) {
    const { svg } = v;
    const toUnits = (clientX: number) => {
      const box = svg.getBoundingClientRect();
      return ((clientX - box.left) * v.width) / box.width;
    };
    const unitsPerPx = () => v.width / svg.getBoundingClientRect().width;
    /** The group an element draws, from the geometry it was drawn from. */
    const clusterAt = (el: Element) => v.g?.items.find((it): it is ClusterMark => it.kind === 'cluster' && it.key === el.getAttribute('data-key'));

    svg.addEventListener('click', (e) => {
      const el = (e.target as Element).closest<SVGAElement>('a.mark, a.cluster');
      if (suppressClick) {
        e.preventDefault();
        return;
      }
      if (!el) return;
      e.preventDefault();
      hideTip();
      if (el.classList.contains('mark')) {
        select(el.dataset.event!, { address: true });
        focusEvent(el.dataset.event!);
        return;
      }
      const group = clusterAt(el);
      if (!group) return;
      const ids = group.ids;
      const byKeyboard = e.detail === 0;
      setDomain(clusterDomain(group, domain, bounds), true, () => {
        if (!byKeyboard) return;
        // Opened from the keyboard: move into the group rather than leaving focus nowhere.
        reveal(ids[0]!, false, () => {
          select(ids[0]!, { address: true });
          focusEvent(ids[0]!);
        });
      });
    });

    svg.addEventListener('keydown', (e) => {
      const el = (e.target as Element).closest<SVGAElement>('a.mark, a.cluster');
      if (!el || e.altKey || e.ctrlKey || e.metaKey) return;
      const current = el.dataset.event ?? clusterAt(el)?.ids[0];
      if (!current) return;
      if (NAV_KEYS.has(e.key)) {
        e.preventDefault();
        const next = el.classList.contains('cluster') && e.key === 'ArrowRight' ? current : neighbourEvent(shownPoints(), shownLanes(), current, e.key as TimelineKey);
        if (!next) return;
        reveal(next, false);
        select(next, { address: true, speak: false });
        focusEvent(next);
      } else if (e.key === '+' || e.key === '=') {
        e.preventDefault();
        act('zoom-in');
      } else if (e.key === '-' || e.key === '_') {
        e.preventDefault();
        act('zoom-out');
      } else if (e.key === ' ' && el.classList.contains('mark')) {
        e.preventDefault();
        select(current, { address: true });
      } else if (e.key === 'Escape' && selected) {
        select(undefined, { address: true });
      }
    });

    svg.addEventListener('pointerover', (e) => {
      if (e.pointerType === 'touch' || gesture) return;
      const el = (e.target as Element).closest('a.mark, a.cluster');
      if (el) showTip(el);
    });
    svg.addEventListener('pointerout', (e) => {
      const el = (e.target as Element).closest('a.mark, a.cluster');
      if (el && !el.contains(e.relatedTarget as Node)) hideTip();
    });

    // Drag to pan with one pointer; pinch with two. A press that barely moves stays a click.
    const pointers = new Map<number, number>();
    let gesture: { kind: 'pan'; x0: number; d0: Domain; msPerUnit: number; moved: boolean } | { kind: 'pinch'; gap0: number; anchor: number; d0: Domain } | null = null;
    const startPan = (clientX: number, moved = false) => {
      gesture = { kind: 'pan', x0: clientX, d0: domain, msPerUnit: msPerUnit(v.g!), moved };
    };
    svg.addEventListener('pointerdown', (e) => {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      pointers.set(e.pointerId, e.clientX);
      if (pointers.size === 1) startPan(e.clientX);
      else if (pointers.size === 2) {
        const [a, b] = [...pointers.values()] as [number, number];
        for (const id of pointers.keys()) svg.setPointerCapture(id);
        gesture = { kind: 'pinch', gap0: Math.max(8, Math.abs(a - b)), anchor: timeAtX(v.g!, toUnits((a + b) / 2)), d0: domain };
        hideTip();
      }
    });
    svg.addEventListener('pointermove', (e) => {
      if (!pointers.has(e.pointerId) || !gesture) return;
      pointers.set(e.pointerId, e.clientX);
      if (gesture.kind === 'pan') {
        const dx = e.clientX - gesture.x0;
        if (!gesture.moved && Math.abs(dx) < DRAG_THRESHOLD) return;
        if (!gesture.moved) {
          gesture.moved = true;
          svg.setPointerCapture(e.pointerId);
          svg.classList.add('is-dragging');
          hideTip();
        }
        setDomain(panBy(gesture.d0, -dx * unitsPerPx() * gesture.msPerUnit, bounds));
      } else if (pointers.size === 2) {
        const [a, b] = [...pointers.values()] as [number, number];
        const g = v.g!;
        const inset = g.style.pitch / 2;
        const fraction = (toUnits((a + b) / 2) - g.plot.left - inset) / (g.plot.right - g.plot.left - 2 * inset);
        const span = (gesture.d0[1].getTime() - gesture.d0[0].getTime()) * (gesture.gap0 / Math.max(8, Math.abs(a - b)));
        setDomain(domainWithTimeAt(gesture.anchor, fraction, span, bounds));
      }
    });
    const endPointer = (e: PointerEvent) => {
      if (!pointers.delete(e.pointerId)) return;
      const moved = gesture?.kind === 'pinch' || (gesture?.kind === 'pan' && gesture.moved);
      if (moved) {
        // The click that follows a drag must not select whatever the pointer ended on.
        suppressClick = true;
        setTimeout(() => (suppressClick = false), 0);
        announce(`Timeline showing ${rangeText()}`);
      }
      svg.classList.remove('is-dragging');
      // Lifting one finger of a pinch goes on as a drag with the other.
      const [rest] = [...pointers.values()];
      if (rest !== undefined) startPan(rest, true);
      else gesture = null;
    };
    svg.addEventListener('pointerup', endPointer);
    svg.addEventListener('pointercancel', endPointer);

    svg.addEventListener(
      'wheel',
      (e) => {
        const px = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          const factor = Math.exp(Math.max(-1, Math.min(1, e.deltaY * px * 0.004)));
          setDomain(zoomAround(domain, factor, timeAtX(v.g!, toUnits(e.clientX)), bounds));
        } else if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
          e.preventDefault();
          setDomain(panBy(domain, e.deltaX * px * unitsPerPx() * msPerUnit(v.g!), bounds));
        } else {
          wheelHint.hidden = false;
          clearTimeout(wheelHintTimer);
          wheelHintTimer = window.setTimeout(() => (wheelHint.hidden = true), 1400);
        }
      },
      { passive: false },
    );

    svg.addEventListener('dblclick', (e) => {
      if ((e.target as Element).closest('a')) return;
      setDomain(zoomAround(domain, 0.5, timeAtX(v.g!, toUnits(e.clientX)), bounds), true);
    });
  }

  // Keyboard focus selects (Tab into the chart shows an event at once); a mouse press focuses
  // too, but it may start a drag, so pointer selection waits for the click. The listener is on
  // the HTML wrapper: Chromium makes any SVG element with a focus listener focusable itself.
  root.addEventListener('focusin', (e) => {
    const el = (e.target as Element).closest<SVGAElement>('svg a.mark');
    if (el && !movingFocus && el.matches(':focus-visible') && el.dataset.event !== selected) select(el.dataset.event!, { speak: false });
  });

  // ---- addresses: /timeline/#event-id opens that event, now and when the hash changes ----------
  function openFromHash(animate: boolean): void {
    const id = decodeURIComponent(location.hash.slice(1));
    const point = byId.get(id);
    if (!point) return;
    if (!shown.has(point.category)) setShown([...shown, point.category]);
    reveal(id, animate);
    select(id, { speak: false });
  }
  if (onPage) {
    window.addEventListener('hashchange', () => openFromHash(true));
    openFromHash(false);
  }
  applyFilter();
  render();
  // Tests wait for this before they interact: a loaded machine may run the module late.
  root.dataset.ready = '';
}

/**
 * A timeline split into year pages (lib/timeline-pages.ts): an address whose #fragment names an
 * event or a year listed on another year page (every old /timeline/#event-id) goes to that page.
 * The event list says which years have pages; the id itself says its year.
 */
function forwardToYearPage(): boolean {
  const list = document.querySelector<HTMLElement>('[data-year-pages]');
  let fragment = '';
  try {
    fragment = decodeURIComponent(location.hash.slice(1));
  } catch {
    return false;
  }
  if (!list || !fragment || document.getElementById(fragment)) return false;
  const years = list.dataset.yearPages!.split(' ').map(Number);
  const target = forwardFragment(fragment, years, list.dataset.pageYear ? Number(list.dataset.pageYear) : undefined);
  if (!target) return false;
  location.replace(`${list.dataset.timelineRoot}${target}`);
  return true;
}

if (!forwardToYearPage()) for (const root of document.querySelectorAll<HTMLElement>('[data-timeline]')) setUp(root);
window.addEventListener('hashchange', forwardToYearPage);

export {};
