/**
 * Geometry of the maps of the Strait of Hormuz, computed at build time with d3-geo: the land
 * (cropped, projected and thinned to what the drawing can show), the shipping lanes as two bands
 * either side of a buffer, pipelines, ports and islands from content/data/hormuz-map.csv, and
 * labels placed so they never overlap each other or leave the map.
 */
import { geoContains, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { MapFeature } from '../data/schemas.ts';
import { coverageOf, cropLand, ringBox, type Land, type LonLatBox } from './coastline.ts';
import type { Polygon } from 'geojson';
import { CHART_FONT, LINE_HEIGHT, drawnOnce, firstClear, formatNumber, labelBox, r1, typesetChartText, type Box, type Obstacles, type Size } from './common.ts';
import type { PlacedLabel } from './stockpile.ts';

export type MapView = 'strait' | 'region';

/** What each map shows. The strait: the narrows and the islands; the region: where the pipelines run. */
export const MAP_VIEWS: Record<MapView, { bounds: LonLatBox; kinds: MapFeature['kind'][]; sizes: { narrow: Size; wide: Size } }> = {
  strait: { bounds: { west: 54.75, south: 24.95, east: 57.15, north: 27.45 }, kinds: ['port', 'island', 'pipeline', 'lanes'], sizes: { narrow: { width: 360, height: 350 }, wide: { width: 720, height: 470 } } },
  region: { bounds: { west: 36.2, south: 21.5, east: 59.5, north: 30.5 }, kinds: ['port', 'pipeline'], sizes: { narrow: { width: 360, height: 230 }, wide: { width: 720, height: 330 } } },
};

/** The land every map here draws from, with room to spare: loaded with loadCoastlineWithin(MAP_LAND). */
export const MAP_LAND: LonLatBox = { west: 25, south: 10, east: 70, north: 42 };

const COUNTRY_NAMES: Record<string, string> = { IRN: 'IRAN', OMN: 'OMAN', ARE: 'UAE', SAU: 'SAUDI ARABIA', QAT: 'QATAR', IRQ: 'IRAQ', KWT: 'KUWAIT', EGY: 'EGYPT', JOR: 'JORDAN' };
/** Water names, placed by hand because the land data does not name seas. */
const WATERS: Record<MapView, { name: string; at: [number, number] }[]> = {
  strait: [
    { name: 'Persian Gulf', at: [55.35, 26.75] },
    { name: 'Gulf of Oman', at: [56.85, 25.35] },
  ],
  region: [
    { name: 'Persian Gulf', at: [51.6, 27.4] },
    { name: 'Red Sea', at: [38.7, 22.3] },
    { name: 'Gulf of Oman', at: [58.3, 24.2] },
  ],
};

/** One nautical mile in kilometres, for the lanes' published widths in miles. */
const NAUTICAL_MILE_KM = 1.852;
/** Each lane and the buffer between them are about two (nautical) miles wide. */
const LANE_MILES = 2;
const BUFFER_MILES = 2;

export interface MapGeometry {
  view: MapView;
  size: Size;
  fontSize: number;
  /** One path per country, so Iran can be told from its neighbours. */
  land: { code: string; d: string }[];
  lanes?: { bands: string[]; buffer: string; label?: PlacedLabel | undefined; text: string } | undefined;
  pipelines: { id: string; d: string; name: string; capacity: number; text: string; label?: PlacedLabel | undefined }[];
  places: { id: string; kind: 'port' | 'island'; x: number; y: number; name: string; text: string; label?: PlacedLabel | undefined }[];
  countries: PlacedLabel[];
  waters: PlacedLabel[];
  /** The strait map's extent, outlined on the regional map. */
  inset?: { x: number; y: number; width: number; height: number; label?: PlacedLabel | undefined } | undefined;
}

/**
 * A path context that writes SVG path data rounded to 0.1 unit and drops points closer than
 * `tolerance` to the last one kept; rings left with fewer than three points are dropped whole,
 * so islands smaller than a pixel or two cost nothing (the data file marks the ones that matter).
 */
/** Douglas–Peucker: the fewest points that keep the line within `epsilon` of where it was. */
export function simplifyLine(points: [number, number][], epsilon: number): [number, number][] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = points[first]!;
    const [bx, by] = points[last]!;
    const len = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let worstDistance = epsilon;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i]!;
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst < 0) continue;
    keep[worst] = 1;
    stack.push([first, worst], [worst, last]);
  }
  return points.filter((_, i) => keep[i]);
}

class ThinningPath {
  private out: string[] = [];
  private ring: [number, number][] = [];
  constructor(private readonly tolerance: number) {}
  moveTo(x: number, y: number) {
    this.flush(false);
    this.ring = [[x, y]];
  }
  lineTo(x: number, y: number) {
    const last = this.ring.at(-1)!;
    if (Math.hypot(x - last[0], y - last[1]) >= this.tolerance) this.ring.push([x, y]);
  }
  closePath() {
    this.flush(true);
  }
  arc() {}
  private flush(closed: boolean) {
    const pts = this.ring;
    this.ring = [];
    if (pts.length < (closed ? 3 : 2)) return;
    // Islets smaller than a few units are specks at this scale; the islands that matter are marked from the data file.
    if (closed && Math.max(...pts.map((p) => p[0])) - Math.min(...pts.map((p) => p[0])) < 3 && Math.max(...pts.map((p) => p[1])) - Math.min(...pts.map((p) => p[1])) < 3) return;
    if (this.tolerance < 1) {
      // Routes keep a decimal.
      this.out.push(`M${pts.map(([x, y]) => `${r1(x)},${r1(y)}`).join('L')}${closed ? 'Z' : ''}`);
      return;
    }
    // The coastline: whole units (a unit is about a CSS pixel), then points that lie within 0.8 of
    // the line through their neighbours dropped (rounding leaves a staircase of points along each
    // straight stretch that draws nothing), written as relative moves, which are shorter and compress better.
    const rounded = simplifyLine(pts.map(([x, y]): [number, number] => [Math.round(x), Math.round(y)]), 0.8);
    const moves = rounded.slice(1).map(([x, y], i) => `${x - rounded[i]![0]},${y - rounded[i]![1]}`);
    this.out.push(`M${rounded[0]![0]},${rounded[0]![1]}${moves.length ? `l${moves.join(' ')}` : ''}${closed ? 'Z' : ''}`);
  }
  result(): string {
    this.flush(false);
    return this.out.join('');
  }
}

function pathOf(projection: GeoProjection, object: Parameters<ReturnType<typeof geoPath>>[0], tolerance: number): string {
  const context = new ThinningPath(tolerance);
  geoPath(projection, context as unknown as CanvasRenderingContext2D)(object);
  return context.result();
}

/** Kilometres to drawing units at a position (Mercator stretches with latitude). */
function unitsPerKm(projection: GeoProjection, at: [number, number]): number {
  const [x0, y0] = projection(at)!;
  const [x1, y1] = projection([at[0], at[1] + 1 / 111.32])!;
  return Math.hypot(x1 - x0, y1 - y0);
}

/** A polyline moved sideways by `d` units (left of the direction of travel when positive). */
export function offsetLine(points: [number, number][], d: number): [number, number][] {
  return points.map((p, i) => {
    const prev = points[Math.max(0, i - 1)]!;
    const next = points[Math.min(points.length - 1, i + 1)]!;
    const dx = next[0] - prev[0];
    const dy = next[1] - prev[1];
    const len = Math.hypot(dx, dy) || 1;
    return [p[0] - (dy / len) * d, p[1] + (dx / len) * d];
  });
}

const insideBox = (c: [number, number], b: LonLatBox) => c[0] >= b.west && c[0] <= b.east && c[1] >= b.south && c[1] <= b.north;
const polygonPath = (a: [number, number][], b: [number, number][]) => `M${[...a, ...[...b].reverse()].map(([x, y]) => `${r1(x)},${r1(y)}`).join('L')}Z`;

export function describeMapFeature(f: MapFeature): string {
  return `${f.name}: ${f.note}`;
}

/**
 * A country's land as single polygons, each with the box of its outer ring: the point-in-land test
 * of label placement (thousands of points per map) runs d3's spherical test only on the polygons
 * whose box is near the point, and gives the same answer as testing the whole country.
 */
function landPolygons(fs: Land[]): { polygon: Polygon; box: LonLatBox }[] {
  return fs.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates))
    .filter((rings) => rings[0])
    .map((rings) => ({ polygon: { type: 'Polygon' as const, coordinates: rings }, box: ringBox(rings[0]!) }));
}

/**
 * Within a degree of the box: a polygon's edges are great-circle arcs, which bow out of the box of
 * its corners (by under a tenth of a degree for the longest straight border in the region), so the
 * margin keeps every point the polygon contains.
 */
const near = ([lon, lat]: [number, number], b: LonLatBox) => lon >= b.west - 1 && lon <= b.east + 1 && lat >= b.south - 1 && lat <= b.north + 1;

function drawMap(world: Land[], features: MapFeature[], view: MapView, size: Size, strait?: LonLatBox): MapGeometry {
  const spec = MAP_VIEWS[view];
  const narrow = size.width < 500;
  const fontSize = narrow ? CHART_FONT.narrow : CHART_FONT.wide;
  const { west, south, east, north } = spec.bounds;
  // Fit the four corners (a polygon would need clockwise winding on the sphere; points need none).
  const corners = { type: 'MultiPoint' as const, coordinates: [[west, south], [east, south], [east, north], [west, north]] };
  const projection = geoMercator().fitExtent([[0, 0], [size.width, size.height]], corners).clipExtent([[0, 0], [size.width, size.height]]);
  // Crop generously: the drawing is wider or taller than the bounds when their shapes differ.
  const [w0, s0] = projection.invert!([0, size.height])!;
  const [e0, n0] = projection.invert!([size.width, 0])!;
  const crop = { west: w0! - 0.5, south: s0! - 0.5, east: e0! + 0.5, north: n0! + 0.5 };
  const covered = coverageOf(world);
  if (covered && !(crop.west >= covered.west && crop.east <= covered.east && crop.south >= covered.south && crop.north <= covered.north)) {
    throw new Error(`The ${view} map needs land from ${JSON.stringify(crop)}, outside the coastline loaded for it (${JSON.stringify(covered)}): widen MAP_LAND in src/lib/charts/map.ts`);
  }
  const land = cropLand(world, crop);
  // Points closer than this (in drawing units) are dropped: the regional map can lose more detail.
  const tolerance = (view === 'region' ? 2 : 1.3) * (narrow ? 1.5 : 1);
  const byCountry = new Map<string, Land[]>();
  for (const f of land) byCountry.set(f.properties.A3, [...(byCountry.get(f.properties.A3) ?? []), f]);
  const landPaths = [...byCountry].map(([code, fs]) => ({ code, d: fs.map((f) => pathOf(projection, f, tolerance)).join('') })).filter((l) => l.d);

  const shown = features.filter((f) => spec.kinds.includes(f.kind));
  const area: Box = { x: 2, y: 2, width: size.width - 4, height: size.height - 4 };
  const obstacles: Obstacles = { boxes: [], lines: [] };
  const make = (lines: string[], lx: number, ly: number, anchor: PlacedLabel['anchor']): PlacedLabel => ({ x: r1(lx), y: r1(ly), lines, anchor, box: labelBox(lines, lx, ly, fontSize, anchor) });
  const place = (candidates: PlacedLabel[]) => {
    const found = firstClear(candidates, area, obstacles);
    if (found) obstacles.boxes.push(found.box);
    return found;
  };
  // Candidate spots around a point: beside it first, then above and below, then a step further out.
  const around = (lines: string[], x: number, y: number, gap = 7) =>
    [gap, gap * 2.2].flatMap((g) => [
      make(lines, x + g, y + fontSize / 3, 'start'),
      make(lines, x - g, y + fontSize / 3, 'end'),
      make(lines, x, y - g, 'middle'),
      make(lines, x, y + g + fontSize, 'middle'),
      make(lines, x + g, y - g, 'start'),
      make(lines, x - g, y - g, 'end'),
      make(lines, x + g, y + g + fontSize / 2, 'start'),
      make(lines, x - g, y + g + fontSize / 2, 'end'),
    ]);

  let lanes: MapGeometry['lanes'];
  const laneFeature = shown.find((f) => f.kind === 'lanes');
  if (laneFeature) {
    const centre = laneFeature.coordinates.map((c) => projection(c)!) as [number, number][];
    const k = unitsPerKm(projection, laneFeature.coordinates[0]!);
    const inner = (BUFFER_MILES / 2) * NAUTICAL_MILE_KM * k;
    const outer = inner + LANE_MILES * NAUTICAL_MILE_KM * k;
    lanes = {
      bands: [polygonPath(offsetLine(centre, inner), offsetLine(centre, outer)), polygonPath(offsetLine(centre, -inner), offsetLine(centre, -outer))],
      buffer: polygonPath(offsetLine(centre, inner), offsetLine(centre, -inner)),
      text: describeMapFeature(laneFeature),
    };
    obstacles.lines.push(offsetLine(centre, outer).map(([x, y]) => ({ x, y })), offsetLine(centre, -outer).map(([x, y]) => ({ x, y })), centre.map(([x, y]) => ({ x, y })));
  }
  const pipelines: MapGeometry['pipelines'] = shown
    .filter((f) => f.kind === 'pipeline')
    .map((f) => {
      const pts = f.coordinates.map((c) => projection(c)!) as [number, number][];
      obstacles.lines.push(pts.map(([x, y]) => ({ x, y })));
      // Through geoPath, so the projection's clip keeps a route that leaves the map inside the drawing.
      return { id: f.id, d: pathOf(projection, { type: 'LineString', coordinates: f.coordinates }, 0), name: f.name, capacity: f.capacity_mb_d!, text: describeMapFeature(f) };
    });
  const places: MapGeometry['places'] = shown
    .filter((f): f is MapFeature & { kind: 'port' | 'island' } => f.kind === 'port' || f.kind === 'island')
    .map((f) => {
      const [x, y] = projection(f.coordinates[0]!)!;
      return { id: f.id, kind: f.kind, x: r1(x), y: r1(y), name: f.name, text: describeMapFeature(f) };
    })
    .filter((p) => p.x >= 0 && p.x <= size.width && p.y >= 0 && p.y <= size.height)
    // On the regional map, places inside the strait's outline are left to the strait map.
    .filter((p) => !strait || !insideBox(shown.find((f) => f.id === p.id)!.coordinates[0]!, strait));
  for (const p of places) obstacles.boxes.push({ x: p.x - 4, y: p.y - 4, width: 8, height: 8 });

  let inset: MapGeometry['inset'];
  if (strait) {
    const [x0, y0] = projection([strait.west, strait.north])!;
    const [x1, y1] = projection([strait.east, strait.south])!;
    inset = { x: r1(x0), y: r1(y0), width: r1(x1 - x0), height: r1(y1 - y0) };
    obstacles.lines.push([{ x: x0, y: y0 }, { x: x1, y: y0 }, { x: x1, y: y1 }, { x: x0, y: y1 }, { x: x0, y: y0 }]);
  }

  // Labels in order of importance: islands and ports, pipelines, the lanes, then seas and countries.
  for (const p of places) p.label = place(around([p.name], p.x, p.y));
  if (inset) {
    const name = narrow ? ['Strait of', 'Hormuz'] : ['Strait of Hormuz'];
    const { x: ix, y: iy, width: iw, height: ih } = inset;
    inset.label = place([
      make(name, ix + iw, iy - 5 - (name.length - 1) * LINE_HEIGHT, 'end'),
      make(name, ix, iy - 5 - (name.length - 1) * LINE_HEIGHT, 'start'),
      make(name, ix - 4, iy + fontSize, 'end'),
      make(name, ix - 4, iy + ih - (name.length - 1) * LINE_HEIGHT, 'end'),
      make(name, ix, iy + ih + fontSize + 3, 'start'),
      make(name, ix + iw, iy + ih + fontSize + 3, 'end'),
    ]);
  }
  for (const p of pipelines) {
    const pts = shown.find((f) => f.id === p.id)!.coordinates.map((c) => projection(c)!) as [number, number][];
    const lines = narrow ? [p.name.replace(' pipeline', ''), `${formatNumber(p.capacity)} m b/d`] : [p.name, `${formatNumber(p.capacity)} million b/d`];
    const candidates: PlacedLabel[] = [];
    for (let i = 1; i < pts.length; i++) {
      for (const f of [0.5, 0.3, 0.7]) {
        const mx = pts[i - 1]![0] + (pts[i]![0] - pts[i - 1]![0]) * f;
        const my = pts[i - 1]![1] + (pts[i]![1] - pts[i - 1]![1]) * f;
        for (const d of [10, 20, 30, 40]) {
          candidates.push(make(lines, mx, my - d - (lines.length - 1) * LINE_HEIGHT, 'middle'), make(lines, mx, my + d + fontSize, 'middle'));
        }
        candidates.push(make(lines, mx + 8, my + fontSize / 3, 'start'), make(lines, mx - 8, my + fontSize / 3, 'end'));
      }
    }
    p.label = place(candidates);
  }
  if (lanes && laneFeature) {
    const pts = laneFeature.coordinates.map((c) => projection(c)!) as [number, number][];
    const lines = narrow ? ['Shipping', 'lanes'] : ['Shipping lanes', '(schematic)'];
    lanes.label = place(pts.flatMap(([x, y]) => around(lines, x, y, 16)));
  }
  const waters = WATERS[view].map((w) => {
    const [x, y] = projection(w.at)!;
    return place([make([w.name], x, y, 'middle'), make([w.name], x, y + 2 * fontSize, 'middle'), make([w.name], x, y - 2 * fontSize, 'middle')]);
  }).filter((l): l is PlacedLabel => !!l);
  // Country names go where their whole box lies on that country's land, nearest its visible centre.
  const countries: PlacedLabel[] = [];
  const path = geoPath(projection);
  for (const [code, fs] of byCountry) {
    const name = COUNTRY_NAMES[code];
    if (!name) continue;
    const [cx, cy] = path.centroid({ type: 'FeatureCollection', features: fs });
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    const polygons = landPolygons(fs);
    const onLand = (x: number, y: number) => {
      const p = projection.invert!([x, y]);
      return !!p && polygons.some((q) => near(p, q.box) && geoContains(q.polygon, p));
    };
    const grid: PlacedLabel[] = [];
    for (let gx = 10; gx < size.width; gx += 16) for (let gy = fontSize + 6; gy < size.height; gy += 12) grid.push(make([name], gx, gy, 'middle'));
    grid.sort((a, b) => Math.hypot(a.x - cx!, a.y - cy!) - Math.hypot(b.x - cx!, b.y - cy!));
    // Cheap tests first (inside the map, clear of other labels), the point-in-land test only then.
    let found: PlacedLabel | undefined;
    for (const c of grid) {
      if (!firstClear([c], area, obstacles)) continue;
      const b = c.box;
      if ([[c.x, c.y - fontSize / 2], [b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]].every(([x, y]) => onLand(x!, y!))) {
        found = c;
        obstacles.boxes.push(c.box);
        break;
      }
    }
    if (found) countries.push(found);
  }
  return { view, size, fontSize, land: landPaths, lanes, pipelines, places, countries, waters, inset };
}

/** The map page and its embed page draw the same four maps: each is drawn once (the world is the cache key). */
export const mapGeometry: (world: Land[], features: MapFeature[], view: MapView, size: Size, strait?: LonLatBox) => MapGeometry = drawnOnce(drawMap);

/** The map's title and takeaway, from the data: pipeline capacity against the oil that uses the strait. */
export function mapFinding(features: MapFeature[], latestOil: { year: number; mb_d: number } | undefined) {
  const pipelines = features.filter((f) => f.kind === 'pipeline');
  const capacity = pipelines.reduce((sum, f) => sum + f.capacity_mb_d!, 0);
  const islands = features.filter((f) => f.kind === 'island').map((f) => f.name);
  const title = latestOil
    ? `Pipelines around the Strait of Hormuz can carry about ${formatNumber(capacity)} million barrels a day; about ${formatNumber(latestOil.mb_d, 0)} million crossed it in ${latestOil.year}`
    : 'The Strait of Hormuz and the pipelines around it';
  const listed = islands.length > 1 ? `${islands.slice(0, -1).join(', ')} and ${islands.at(-1)}` : (islands[0] ?? '');
  const takeaway = `Ships keep to two one-way lanes, each about ${LANE_MILES} miles wide, between Oman's Musandam peninsula and Iran's coast and islands. ${listed ? `Iran holds ${listed}, which the UAE claims. ` : ''}${pipelines.map((p) => `${p.name}: ${formatNumber(p.capacity_mb_d!)} million barrels a day`).join('; ')}.`;
  return typesetChartText({ title, takeaway });
}
