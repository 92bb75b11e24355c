/**
 * The coastline under the maps: countries' land from OpenStreetMap at 500 m resolution, as
 * published by the geo-maps project on npm. Read once per build and cropped to the region a map
 * shows, so no page ships the world.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export type Land = Feature<Polygon | MultiPolygon, { A3: string }>;
export interface LonLatBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export const COASTLINE_PACKAGE = '@geo-maps/countries-coastline-500m';
/** The attribution the data's licence (ODbL) asks for. */
export const COASTLINE_CREDIT = 'Coastline © OpenStreetMap contributors (ODbL), via the geo-maps project';

let world: Land[] | undefined;

export function loadCoastline(): Land[] {
  if (!world) {
    const require = createRequire(import.meta.url);
    const file = require.resolve(`${COASTLINE_PACKAGE}/map.geo.json`);
    world = (JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { A3: string }>).features;
  }
  return world;
}

/** The longitude and latitude box of a ring's points. */
export function ringBox(ring: Position[]): LonLatBox {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of ring) {
    if (lon! < west) west = lon!;
    if (lon! > east) east = lon!;
    if (lat! < south) south = lat!;
    if (lat! > north) north = lat!;
  }
  return { west, south, east, north };
}

/** Each outer ring's box, worked out once per build: every map crops the whole world. */
const ringBoxes = new WeakMap<Position[], LonLatBox>();
function cachedRingBox(ring: Position[]): LonLatBox {
  let box = ringBoxes.get(ring);
  if (!box) ringBoxes.set(ring, (box = ringBox(ring)));
  return box;
}

const intersects = (a: LonLatBox, b: LonLatBox) => a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;

/** The polygons (by country) that reach into `box`; everything else is dropped before drawing. */
export function cropLand(land: Land[], box: LonLatBox): Land[] {
  const out: Land[] = [];
  for (const f of land) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const kept = polygons.filter((p) => p[0] && intersects(cachedRingBox(p[0]), box));
    if (kept.length) out.push({ type: 'Feature', properties: f.properties, geometry: { type: 'MultiPolygon', coordinates: kept } });
  }
  return out;
}
