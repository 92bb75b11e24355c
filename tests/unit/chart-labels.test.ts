/**
 * Every chart the site draws, in both drawn sizes, from the real data: no placed label leaves the
 * drawing, overlaps another label, or crosses a data line. (The browser test checks the rendered
 * text at 320, 390 and 1280 px; this one checks the placement itself, fast, on every variant.)
 */
import { describe, expect, test } from 'vitest';
import { loadDatasets, loadMapFeatures, loadStockpile, loadTransits } from '../../src/lib/content-store.ts';
import { stockpileGeometry, STOCKPILE_LEVELS, type StockpileLevel } from '../../src/lib/charts/stockpile.ts';
import { transitsGeometry } from '../../src/lib/charts/transits.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mapGeometry, MAP_LAND, MAP_VIEWS } from '../../src/lib/charts/map.ts';
import { loadCoastline, loadCoastlineWithin } from '../../src/lib/charts/coastline.ts';
import { CHART_SIZES, boxInside, boxesOverlap, polylineHitsBox, type Box } from '../../src/lib/charts/common.ts';
import { parseDay } from '../../src/lib/dates.ts';

function expectClear(name: string, boxes: (Box | undefined)[], size: { width: number; height: number }, lines: { x: number; y: number }[][] = []) {
  const placed = boxes.filter((b): b is Box => !!b);
  const frame = { x: 0, y: 0, width: size.width, height: size.height };
  placed.forEach((b, i) => {
    expect(boxInside(b, frame), `${name}: label ${i} leaves the drawing`).toBe(true);
    placed.slice(i + 1).forEach((c, j) => expect(boxesOverlap(b, c, 0), `${name}: labels ${i} and ${i + j + 1} overlap`).toBe(false));
    lines.forEach((l, k) => expect(polylineHitsBox(l, b, 0), `${name}: label ${i} crosses data line ${k}`).toBe(false));
  });
  return placed.length;
}

const sizes = (['narrow', 'wide'] as const).map((name) => ({ name, size: CHART_SIZES[name] }));

describe('stockpile labels', () => {
  const rows = loadStockpile();
  const meta = loadDatasets().stockpile;
  // Every combination of props the essays and chart pages use.
  const variants: { levels: readonly StockpileLevel[]; from?: string }[] = [{ levels: STOCKPILE_LEVELS }, { levels: ['total'] }, { levels: ['u20', 'u60'], from: '2021-01-01' }];
  test.each(variants.flatMap((v) => sizes.map((s) => ({ ...v, ...s }))))('$levels from $from, $name: labels clear of each other, the edges and the data', ({ levels, from, size, name }) => {
    const g = stockpileGeometry(rows, { size, levels, from: from ? parseDay(from) : undefined, reference: { label: meta.reference.label, kg: meta.reference.kg }, annotations: meta.annotations });
    const boxes = [g.reference?.text?.box, ...g.annotations.map((a) => a.text?.box), ...g.series.map((s) => s.end?.box), ...g.gaps.map((gap) => gap.label?.box)];
    const count = expectClear(`stockpile ${levels.join('+')} ${name}`, boxes, size, g.series.map((s) => s.points));
    expect(count).toBeGreaterThan(0);
  });
  test('the cap line is labelled on the full chart at both sizes', () => {
    for (const { size } of sizes) expect(stockpileGeometry(rows, { size, reference: { label: meta.reference.label, kg: meta.reference.kg }, annotations: meta.annotations }).reference?.text).toBeDefined();
  });
});

describe('transits labels', () => {
  const meta = loadDatasets().transits;
  test.each(sizes)('$name: labels clear', ({ name }) => {
    const size = { width: CHART_SIZES[name].width, height: name === 'wide' ? 340 : 320 };
    const g = transitsGeometry(loadTransits(), { size, baselineBefore: meta.baseline_before, annotations: meta.annotations });
    const boxes = [g.baseline?.label?.box, g.gap?.label?.box, ...g.annotations.map((a) => a.text?.box), ...g.marks.map((m) => m.label?.box)];
    expectClear(`transits ${name}`, boxes, size);
    expect(g.baseline?.label, 'the pre-war level is labelled').toBeDefined();
    expect(g.marks[0]!.label, 'the first count after the war began is labelled').toBeDefined();
  });
});

describe('map labels', () => {
  const world = loadCoastline();
  const features = loadMapFeatures();
  test.each((['strait', 'region'] as const).flatMap((view) => (['narrow', 'wide'] as const).map((name) => ({ view, name }))))('$view map, $name: labels clear, islands and ports named', ({ view, name }) => {
    const size = MAP_VIEWS[view].sizes[name];
    const g = mapGeometry(world, features, view, size, view === 'region' ? MAP_VIEWS.strait.bounds : undefined);
    const boxes = [...g.places.map((p) => p.label?.box), ...g.pipelines.map((p) => p.label?.box), g.lanes?.label?.box, g.inset?.label?.box, ...g.countries.map((c) => c.box), ...g.waters.map((w) => w.box)];
    expectClear(`${view} map ${name}`, boxes, size);
    if (view === 'strait') {
      for (const island of ['Abu Musa', 'Greater Tunb', 'Lesser Tunb']) expect(g.places.find((p) => p.name === island)?.label, `${island} is labelled`).toBeDefined();
    } else {
      for (const p of g.pipelines) expect(p.label, `${p.name} is labelled`).toBeDefined();
    }
    // Reading the world coastline and placing country names takes a few seconds on a busy machine.
  }, 30_000);
});

describe('the maps\' coastline, cropped once and cached (loadCoastlineWithin)', () => {
  test('maps drawn from the cropped coastline are the maps drawn from the world', async () => {
    const world = loadCoastline();
    const land = await loadCoastlineWithin(MAP_LAND, mkdtempSync(path.join(tmpdir(), 'coastline-')));
    expect(land.length).toBeLessThan(world.length);
    const features = loadMapFeatures();
    for (const view of ['strait', 'region'] as const) {
      for (const size of Object.values(MAP_VIEWS[view].sizes)) {
        const strait = view === 'region' ? MAP_VIEWS.strait.bounds : undefined;
        expect(mapGeometry(land, features, view, size, strait), `${view} ${size.width}`).toEqual(mapGeometry(world, features, view, size, strait));
      }
    }
  }, 60_000);
  test('a map reaching past the land loaded for it stops the build, naming MAP_LAND', async () => {
    const small = await loadCoastlineWithin({ west: 55, south: 25, east: 57, north: 27 }, mkdtempSync(path.join(tmpdir(), 'coastline-')));
    expect(() => mapGeometry(small, loadMapFeatures(), 'region', MAP_VIEWS.region.sizes.wide)).toThrow(/outside the coastline loaded for it.*widen MAP_LAND/);
  }, 60_000);
});
