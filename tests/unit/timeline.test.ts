/** The timeline's geometry, zoom, keyboard order, mark descriptions and essay charts, on real and synthetic events. */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import {
  axisTicks,
  clusterCount,
  clusterDomain,
  domainWithTimeAt,
  itemFor,
  MIN_SPAN_MS,
  MS_PER_DAY,
  neighbourEvent,
  panBy,
  revealDomain,
  scaleX,
  stackRows,
  timeAtX,
  TIMELINE_STYLES,
  timelineGeometry,
  zoomAround,
  labelWidth,
  type Domain,
  type TimelineGeometry,
  type TimelinePoint,
} from '../../src/lib/charts/timeline.ts';
import { formatDateRange, itemNode, tabStopKey, toMarkup } from '../../src/lib/charts/timeline-svg.ts';
import { describeProblems, resolveTimeline, timelineChartProblems } from '../../src/lib/charts/timeline-chart.ts';
import { loadEvents } from '../../src/lib/content-store.ts';
import { parseDay } from '../../src/lib/dates.ts';
import { TOPICS, type Topic } from '../../src/lib/topics.ts';

const real = loadEvents();
const realBounds = resolveTimeline(real).bounds;
const WIDTHS = [360, 720];

function point(id: string, date: string, category: Topic = 'mediation'): TimelinePoint {
  return { id, when: parseDay(date), category, title: id, precision: date.length === 7 ? 'month' : 'day' };
}

/**
 * Many events in one week of one lane, a crowd of 120 on one day whose pill ("120") is wider than
 * the crowd and reaches a lone event about a pitch away (so the two must merge), and a scattering.
 */
const dense: TimelinePoint[] = [
  ...Array.from({ length: 40 }, (_, i) => point(`d${i}`, `2024-03-0${1 + (i % 7)}`)),
  ...Array.from({ length: 120 }, (_, i) => point(`c${i}`, '2024-09-10')),
  point('neighbour', '2024-10-27'),
  ...Array.from({ length: 12 }, (_, i) => point(`s${i}`, `2024-${String(1 + i).padStart(2, '0')}-15`, 'military')),
  point('early', '2023-01-10'),
].sort((a, b) => a.when.getTime() - b.when.getTime());
const denseBounds: Domain = [parseDay('2023-01-01'), parseDay('2024-12-31')];

const span = (d: Domain) => d[1].getTime() - d[0].getTime();

/** Every pair of drawn items keeps clear: mark hit circles a pitch apart, pills clear of everything. */
function expectNoCollisions(g: TimelineGeometry, where: string): void {
  const { pitch } = g.style;
  const shapes = g.items.map((it) =>
    it.kind === 'event'
      ? { key: it.key, round: true, x: it.x, y: it.y, l: it.x - pitch / 2, r: it.x + pitch / 2, t: it.y - pitch / 2, b: it.y + pitch / 2 }
      : { key: it.key, round: false, x: 0, y: it.y, l: it.x0, r: it.x1, t: it.y - pitch / 2, b: it.y + pitch / 2 },
  );
  for (const [i, a] of shapes.entries()) {
    for (const b of shapes.slice(i + 1)) {
      if (a.round && b.round) expect(Math.hypot(a.x - b.x, a.y - b.y), `${where}: ${a.key} / ${b.key}`).toBeGreaterThanOrEqual(pitch - 0.15);
      else expect(Math.min(a.r, b.r) - Math.max(a.l, b.l) <= 0.15 || Math.min(a.b, b.b) - Math.max(a.t, b.t) <= 0.15, `${where}: ${a.key} / ${b.key}`).toBe(true);
    }
  }
}

/** Zoom levels to check: the whole range, then halving around several points. */
function domainsOf(bounds: Domain): Domain[] {
  const out: Domain[] = [bounds];
  for (const f of [0.1, 0.5, 0.9]) {
    let d = bounds;
    const anchor = bounds[0].getTime() + f * span(bounds);
    for (let i = 0; i < 9; i++) out.push((d = zoomAround(d, 0.5, anchor, bounds)));
  }
  return out;
}

describe('stacking rows', () => {
  test('marks a pitch apart share a row; closer ones take the fewest rows possible', () => {
    expect(stackRows([0, 20, 40], 20)).toEqual([0, 0, 0]);
    expect(stackRows([0, 5, 10], 20)).toEqual([0, 1, 2]);
    // The busiest moment decides: three within one pitch need three rows, not four.
    expect(stackRows([0, 5, 21, 26], 20)).toEqual([0, 1, 0, 1]);
    expect(Math.max(...stackRows([0, 5, 10, 22, 27], 20))).toBe(2);
  });
});

describe('timeline geometry', () => {
  test.each(WIDTHS)('at %i units, on the real events, no two marks or groups take each other\'s pointer at any zoom', (width) => {
    const lanes = resolveTimeline(real).lanes;
    for (const domain of domainsOf(realBounds)) expectNoCollisions(timelineGeometry(real, { width, domain, bounds: realBounds, categories: lanes }), `${width} ${domain[0].toISOString()}`);
  });

  test.each(WIDTHS)('at %i units, dense events form groups that never collide, and every event in view is drawn exactly once', (width) => {
    for (const domain of domainsOf(denseBounds)) {
      const g = timelineGeometry(dense, { width, domain, bounds: denseBounds, categories: ['military', 'mediation'] });
      expectNoCollisions(g, `${width} ${domain[0].toISOString()}`);
      const drawn = g.items.flatMap((it) => (it.kind === 'event' ? [it.id] : it.ids));
      const inView = dense.filter((p) => p.when >= domain[0] && p.when <= domain[1]).map((p) => p.id);
      expect(drawn.sort()).toEqual(inView.sort());
    }
    const whole = timelineGeometry(dense, { width, domain: denseBounds, bounds: denseBounds, categories: ['military', 'mediation'] });
    expect(whole.items.some((it) => it.kind === 'cluster' && it.ids.length === 40)).toBe(true);
  });

  test('at 10,000 events (npm run bench:scale), the drawing stays as small as the view: a row of pills per lane', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      ...point(`e${i}`, '2013-01-01', TOPICS[i % TOPICS.length]!),
      when: new Date(Date.UTC(2013, 0, 1) + Math.floor((i / 10_000) * (Date.UTC(2026, 10, 1) - Date.UTC(2013, 0, 1)))),
    }));
    const bounds: Domain = [many[0]!.when, many.at(-1)!.when];
    for (const width of WIDTHS) {
      const g = timelineGeometry(many, { width, domain: bounds, bounds, categories: TOPICS });
      expectNoCollisions(g, `${width}`);
      expect(g.items.length).toBeLessThanOrEqual(TOPICS.length * Math.ceil((g.plot.right - g.plot.left) / g.style.pitch));
      for (const it of g.items) if (it.kind === 'cluster') expect(it.x1 - it.x0).toBeLessThanOrEqual(5 * g.style.pitch + 0.1);
      expect(g.items.flatMap((it) => (it.kind === 'event' ? [it.id] : it.ids)).length).toBe(many.length);
      expect(g.items.some((it) => it.kind === 'cluster' && it.ids.length > 100)).toBe(true);
    }
  });

  test('groups form only where a lane runs out of rows, and a lane never has more rows than its cap', () => {
    for (const width of WIDTHS) {
      const g = timelineGeometry(real, { width, domain: realBounds, bounds: realBounds, categories: TOPICS });
      const style = TIMELINE_STYLES[g.variant];
      for (const lane of g.lanes) expect(lane.rows).toBeLessThanOrEqual(style.maxRows);
      for (const it of g.items.filter((i) => i.kind === 'cluster')) expect(g.lanes.find((l) => l.category === it.category)!.rows).toBe(style.maxRows);
    }
    // Two events far apart need one row and no group, at any width.
    const two = [point('a', '2020-01-01'), point('b', '2024-01-01')];
    const g = timelineGeometry(two, { width: 360, domain: [parseDay('2020-01-01'), parseDay('2024-01-01')], bounds: [parseDay('2020-01-01'), parseDay('2024-01-01')], categories: ['mediation'] });
    expect(g.lanes[0]!.rows).toBe(1);
    expect(g.items.map((i) => i.kind)).toEqual(['event', 'event']);
  });

  test('zooming and panning never change the drawing\'s height (no layout shift), marks stay inside the plot', () => {
    for (const width of WIDTHS) {
      const heights = new Set<number>();
      for (const domain of domainsOf(realBounds)) {
        const g = timelineGeometry(real, { width, domain, bounds: realBounds, categories: TOPICS });
        heights.add(g.size.height);
        for (const it of g.items) {
          const [l, r] = it.kind === 'event' ? [it.x - g.style.pitch / 2, it.x + g.style.pitch / 2] : [it.x0, it.x1];
          expect(l).toBeGreaterThanOrEqual(g.plot.left - 0.05);
          expect(r).toBeLessThanOrEqual(g.plot.right + 0.05);
        }
      }
      expect(heights.size).toBe(1);
    }
  });

  test('marks sit in their own lane\'s band, in date order along the lane line', () => {
    const g = timelineGeometry(real, { width: 720, domain: realBounds, bounds: realBounds, categories: TOPICS });
    for (const it of g.items) {
      const lane = g.lanes.find((l) => l.category === it.category)!;
      expect(it.y - g.style.pitch / 2).toBeGreaterThanOrEqual(lane.top);
      expect(it.y + g.style.pitch / 2).toBeLessThanOrEqual(lane.top + lane.height);
    }
    const jcpoa = g.items.find((i) => i.key === '2015-07-14-jcpoa-agreed');
    const withdrawal = g.items.find((i) => i.key === '2018-05-08-us-withdraws-jcpoa');
    expect(jcpoa && withdrawal && jcpoa.kind === 'event' && withdrawal.kind === 'event' && jcpoa.x < withdrawal.x).toBe(true);
  });

  test('timeAtX undoes the scale, so a pointer position maps back to its date', () => {
    const g = timelineGeometry(real, { width: 720, domain: realBounds, bounds: realBounds, categories: TOPICS });
    const x = scaleX(g.domain, g.plot.left, g.plot.right, g.style.pitch / 2);
    const t = parseDay('2020-01-03').getTime();
    expect(Math.abs(timeAtX(g, x(t)) - t)).toBeLessThan(1000);
  });
});

describe('axis ticks', () => {
  const ticksFor = (domain: Domain, width: number) => {
    const g = timelineGeometry(real, { width, domain, bounds: realBounds, categories: TOPICS });
    return { g, ticks: g.ticks };
  };

  test.each(WIDTHS)('at %i units: years, then months, then days as the view narrows', (width) => {
    const units: string[] = [];
    let d = realBounds;
    for (let i = 0; i < 12; i++) {
      const labels = ticksFor(d, width).ticks.map((t) => t.label).filter(Boolean);
      units.push(labels.every((l) => /^\d{4}$/.test(l)) ? 'year' : labels.some((l) => /^\d{1,2} /.test(l)) ? 'day' : 'month');
      d = zoomAround(d, 0.5, parseDay('2025-04-12').getTime(), realBounds);
    }
    expect(units[0]).toBe('year');
    expect(units).toContain('month');
    expect(units.at(-1)).toBe('day');
    // Never back to a coarser unit while zooming in.
    const order = ['year', 'month', 'day'];
    units.forEach((u, i) => i && expect(order.indexOf(u)).toBeGreaterThanOrEqual(order.indexOf(units[i - 1]!)));
  });

  test.each(WIDTHS)('at %i units: labels never repeat, never overlap, never run past the edges', (width) => {
    for (const bounds of [realBounds, denseBounds, [parseDay('2025-12-20'), parseDay('2026-01-20')] as Domain]) {
      let d: Domain = bounds;
      for (let i = 0; i < 10; i++) {
        const { g, ticks } = ticksFor(d, width);
        const shown = ticks.filter((t) => t.label);
        expect(shown.length).toBeGreaterThan(0);
        expect(new Set(shown.map((t) => t.label)).size, shown.map((t) => t.label).join(' | ')).toBe(shown.length);
        for (const [j, t] of shown.entries()) {
          expect(t.x).toBeGreaterThanOrEqual(g.plot.left);
          expect(t.x + 3 + labelWidth(t.label, g.style.fontSize)).toBeLessThanOrEqual(width);
          if (j) expect(t.x).toBeGreaterThan(shown[j - 1]!.x + labelWidth(shown[j - 1]!.label, g.style.fontSize));
        }
        d = zoomAround(d, 0.5, (d[0].getTime() + d[1].getTime()) / 2, bounds);
      }
    }
  });

  test('the months of a view longer than a year carry their year, so "Apr" never appears twice', () => {
    const g = timelineGeometry(real, { width: 720, domain: [parseDay('2024-06-01'), parseDay('2026-06-01')], bounds: realBounds, categories: TOPICS });
    const labels = g.ticks.map((t) => t.label).filter(Boolean);
    expect(labels.every((l) => /^[A-Z][a-z]{2} \d{4}$/.test(l) || /^\d{4}$/.test(l)), labels.join(' ')).toBe(true);
    // Day ticks: the first carries the year.
    const days: Domain = [parseDay('2025-03-01'), parseDay('2025-03-20')];
    const labelsOfDays = axisTicks(days, scaleX(days, 6, 354, 10), 360, TIMELINE_STYLES.narrow).map((t) => t.label);
    expect(labelsOfDays[0]).toMatch(/^\d{1,2} Mar 2025$/);
    expect(labelsOfDays.slice(1).every((l) => /^\d{1,2} Mar$/.test(l))).toBe(true);
  });
});

describe('zoom and pan', () => {
  test('zooming keeps the anchor where it is on screen', () => {
    const anchor = parseDay('2020-01-03').getTime();
    const z = zoomAround(realBounds, 0.5, anchor, realBounds);
    expect(span(z) / span(realBounds)).toBeCloseTo(0.5, 5);
    const frac = (d: Domain) => (anchor - d[0].getTime()) / span(d);
    expect(frac(z)).toBeCloseTo(frac(realBounds), 6);
    const zz = zoomAround(z, 0.25, anchor, realBounds);
    expect(frac(zz)).toBeCloseTo(frac(realBounds), 6);
  });

  test('zoom stays inside the chart and stops at two weeks; pan stops at the ends', () => {
    expect(zoomAround(realBounds, 4, realBounds[0].getTime(), realBounds)).toEqual(realBounds);
    let d = realBounds;
    for (let i = 0; i < 30; i++) d = zoomAround(d, 0.5, realBounds[1].getTime(), realBounds);
    expect(span(d)).toBe(MIN_SPAN_MS);
    expect(d[1]).toEqual(realBounds[1]);
    const half = zoomAround(realBounds, 0.5, parseDay('2019-01-01').getTime(), realBounds);
    expect(panBy(half, -1e15, realBounds)[0]).toEqual(realBounds[0]);
    expect(panBy(half, 1e15, realBounds)[1]).toEqual(realBounds[1]);
    expect(span(panBy(half, 365 * MS_PER_DAY, realBounds))).toBe(span(half));
    // A pinch: the date under the fingers' midpoint goes where the midpoint now is.
    const pinched = domainWithTimeAt(parseDay('2020-01-01').getTime(), 0.25, span(realBounds) / 3, realBounds);
    expect((parseDay('2020-01-01').getTime() - pinched[0].getTime()) / span(pinched)).toBeCloseTo(0.25, 6);
  });

  test('opening a group zooms to its events, and at least threefold', () => {
    const g = timelineGeometry(dense, { width: 360, domain: denseBounds, bounds: denseBounds, categories: ['mediation'] });
    const group = g.items.find((i) => i.kind === 'cluster')!;
    if (group.kind !== 'cluster') throw new Error('no group');
    const d = clusterDomain(group, denseBounds, denseBounds);
    expect(span(d)).toBeLessThanOrEqual(span(denseBounds) / 3 + 1);
    expect(d[0].getTime()).toBeLessThanOrEqual(group.first.getTime());
    expect(d[1].getTime()).toBeGreaterThanOrEqual(group.last.getTime());
  });

  test.each(WIDTHS)('at %i units, revealing any event gives it its own mark, from the whole range or from far away', { timeout: 30_000 }, (width) => {
    const lanes = resolveTimeline(real).lanes;
    const far = zoomAround(realBounds, 1 / 16, realBounds[0].getTime(), realBounds);
    for (const start of [realBounds, far]) {
      for (const p of real) {
        const options = { width, domain: start, bounds: realBounds, categories: lanes };
        const d = revealDomain(real, p.id, options);
        expect(itemFor(timelineGeometry(real, { ...options, domain: d }), p.id)?.kind, p.id).toBe('event');
      }
    }
  });
});

describe('keyboard order', () => {
  const pts = [point('m1', '2020-01-01'), point('x1', '2020-06-01', 'military'), point('m2', '2021-01-01'), point('x2', '2022-01-01', 'military'), point('n1', '2020-12-01', 'nuclear')];
  const lanes: Topic[] = ['nuclear', 'military', 'mediation'];
  test('← → move along the lane, Home/End to its ends, ↑ ↓ to the nearest event in the next lane with events', () => {
    expect(neighbourEvent(pts, lanes, 'm1', 'ArrowRight')).toBe('m2');
    expect(neighbourEvent(pts, lanes, 'm2', 'ArrowRight')).toBeUndefined();
    expect(neighbourEvent(pts, lanes, 'm2', 'ArrowLeft')).toBe('m1');
    expect(neighbourEvent(pts, lanes, 'x1', 'End')).toBe('x2');
    expect(neighbourEvent(pts, lanes, 'x2', 'Home')).toBe('x1');
    expect(neighbourEvent(pts, lanes, 'm2', 'ArrowUp')).toBe('x1');
    expect(neighbourEvent(pts, lanes, 'm1', 'ArrowUp')).toBe('x1');
    expect(neighbourEvent(pts, lanes, 'x1', 'ArrowUp')).toBe('n1');
    expect(neighbourEvent(pts, ['nuclear', 'diplomacy', 'mediation'], 'n1', 'ArrowDown')).toBe('m2');
    expect(neighbourEvent(pts, lanes, 'n1', 'ArrowUp')).toBeUndefined();
  });
});

describe('mark descriptions (shared by the build and the browser)', () => {
  const byId = new Map(real.map((e) => [e.id, e]));
  const g = timelineGeometry(real, { width: 360, domain: realBounds, bounds: realBounds, categories: TOPICS });
  test('a mark is a link to its event with a hit circle a pitch wide and a label that names date, lane and title', () => {
    const mark = g.items.find((i) => i.kind === 'event')!;
    const node = itemNode(mark, g, { byId, href: (id) => `#${id}` }, true);
    const e = byId.get(mark.key)!;
    expect(node.attrs).toMatchObject({ href: `#${e.id}`, tabindex: 0, 'data-event': e.id });
    expect(String(node.attrs['aria-label'])).toMatch(new RegExp(`^\\d{1,2} [A-Z][a-z]+ \\d{4}, .+: ${e.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(node.children![0]!.attrs.r).toBe(g.style.pitch / 2);
  });
  test('one tab stop: the selected event\'s item, else the first drawn', () => {
    expect(tabStopKey(g.items)).toBe(g.items[0]!.key);
    const grouped = g.items.find((i) => i.kind === 'cluster');
    if (grouped?.kind === 'cluster') expect(tabStopKey(g.items, grouped.ids[1])).toBe(grouped.key);
  });
  test('a group shows its count, shortened past a thousand', () => {
    expect(clusterCount(12)).toBe('12');
    expect(clusterCount(1666)).toBe('1.7k');
    expect(clusterCount(2000)).toBe('2k');
  });
  test('markup escapes text and attributes', () => {
    expect(toMarkup([{ tag: 'text', attrs: { 'aria-label': 'a "b" & <c>' }, text: '1 < 2 & 3' }])).toBe('<text aria-label="a &quot;b&quot; &amp; &lt;c&gt;">1 &lt; 2 &amp; 3</text>');
  });
  test('date ranges read naturally', () => {
    const p = (d: string) => ({ when: parseDay(d), precision: (d.length === 7 ? 'month' : 'day') as 'month' | 'day' });
    expect(formatDateRange(p('2025-03-12'), p('2025-05-23'))).toBe('12 March to 23 May 2025');
    expect(formatDateRange(p('2013-03'), p('2026-06-19'))).toBe('March 2013 to 19 June 2026');
    expect(formatDateRange(p('2025-05-04'), p('2025-05-04'))).toBe('4 May 2025');
  });
});

describe('timelines placed by props', () => {
  /** Every <TimelineChart …/> in the essays, with its props, so each combination used is checked. */
  const placed = readdirSync('content/essays')
    .filter((f) => f.endsWith('.mdx'))
    .flatMap((f) =>
      [...readFileSync(`content/essays/${f}`, 'utf8').matchAll(/<TimelineChart\b([^>]*)\/>/g)].map((m) => ({
        file: f,
        categories: /categories=\{\[([^\]]*)\]\}/.exec(m[1]!)?.[1]!.split(',').map((s) => s.trim().replace(/^['"]|['"]$/g, '')),
        from: /from="([^"]+)"/.exec(m[1]!)?.[1],
        to: /to="([^"]+)"/.exec(m[1]!)?.[1],
      })),
    );

  test('the essays place timelines', () => {
    expect(placed.length).toBeGreaterThan(0);
  });

  test.each(placed)('$file: title, lanes and range come from the events shown', (props) => {
    const chart = resolveTimeline(real, props);
    expect(chart.title).not.toMatch(/(\d{4})–\1/);
    expect(chart.title.startsWith(`${chart.events.length} `)).toBe(true);
    for (const lane of chart.lanes) expect(chart.events.some((e) => e.category === lane), `lane ${lane}`).toBe(true);
    expect(chart.takeaway).not.toMatch(/\b0 /);
    expect(chart.bounds[1]).toEqual(chart.events.at(-1)!.when);
    expect(chart.wholeRangeLabel).not.toBe('All years');
    for (const width of WIDTHS) {
      const g = timelineGeometry(chart.events, { width, domain: chart.bounds, bounds: chart.bounds, categories: chart.lanes });
      for (const t of g.ticks.filter((t) => t.label)) expect(t.x + 3 + labelWidth(t.label, 12)).toBeLessThanOrEqual(width);
    }
  });

  test('a one-year chart says "in 2026" and offers "All of 2026"; lanes without events are left out', () => {
    const chart = resolveTimeline(real, { from: '2026-01-01', to: '2026-12-31' });
    expect(chart.title).toMatch(/ in 2026$/);
    expect(chart.wholeRangeLabel).toBe('All of 2026');
    const empty = TOPICS.filter((t) => !real.some((e) => e.category === t && e.when.getUTCFullYear() === 2026));
    for (const t of empty) expect(chart.lanes).not.toContain(t);
    expect(chart.lanes.length).toBe(TOPICS.length - empty.length);
  });

  test('the whole timeline ends at its latest event, not at the end of its last year', () => {
    const chart = resolveTimeline(real);
    const latest = real.reduce((a, b) => (b.when > a.when ? b : a));
    expect(chart.bounds[1]).toEqual(latest.when);
    expect(chart.title).toMatch(new RegExp(`^${real.length} turning points in the US–Iran standoff, \\d{4}–${latest.when.getUTCFullYear()}$`));
  });

  test('a bad prop stops the build with the field, what was found and what was expected', () => {
    expect(timelineChartProblems(real, { categories: ['militray'] })).toEqual([{ field: 'categories.0', found: '"militray"', expected: expect.stringContaining('one of "diplomacy"') }]);
    expect(timelineChartProblems(real, { from: '2026-02-30' })[0]).toMatchObject({ field: 'from', found: '"2026-02-30"' });
    expect(timelineChartProblems(real, { from: '2026-01-01', to: '2025-01-01' })[0]).toMatchObject({ field: 'to', expected: 'a date on or after from ("2026-01-01")' });
    expect(timelineChartProblems(real, { from: '2031-01-01' })[0]).toMatchObject({ field: 'from', found: 'no events to show' });
    expect(timelineChartProblems(real, {})).toEqual([]);
    const mdx = '---\ntitle: x\n---\n\nText.\n\n<TimelineChart categories={[\'militray\']} from="2019-01-01" />\n';
    const place = { file: 'content/essays/x.mdx', text: mdx };
    expect(() => resolveTimeline(real, { categories: ['militray'], from: '2019-01-01' }, place)).toThrow(
      'content/essays/x.mdx:7 <TimelineChart> field "categories.0": found "militray"; expected one of "diplomacy", "nuclear", "sanctions", "military", "hormuz", "mediation"',
    );
    expect(describeProblems({ from: 'x' }, [{ field: 'from', found: '"x"', expected: 'a date' }])).toBe('<TimelineChart> field "from": found "x"; expected a date');
  });
});
