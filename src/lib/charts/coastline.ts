/**
 * The coastline under the maps: countries' land from OpenStreetMap at 500 m resolution, as
 * published by the geo-maps project on npm. Cropped to the region a map shows, so no page ships
 * the world; the maps' region is cropped once and kept in the build cache (loadCoastlineWithin).
 */
import { readFileSync } from 'node:fs';
import { cachedFile } from '../build-cache.ts';
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

/** The box each cropped coastline covers, so a map can check that its view lies inside it. */
const coverage = new WeakMap<Land[], LonLatBox>();
const croppedCoastlines = new Map<string, Promise<Land[]>>();

/**
 * The land reaching into `box`: the world cropped once, and kept in the build cache by the data's
 * version and the box, so a build parses a few hundred kilobytes instead of the 12.6 MB world file
 * (about a second of CPU). The same array is returned for the same box, so drawings made from it
 * are reused (drawnOnce). Cropping this again with a box inside `box` keeps exactly the polygons
 * cropping the world would. `cacheDir`: the build cache's folder (tests use their own).
 */
export function loadCoastlineWithin(box: LonLatBox, cacheDir?: string): Promise<Land[]> {
  const key = JSON.stringify([box, cacheDir]);
  let land = croppedCoastlines.get(key);
  if (!land) {
    const require = createRequire(import.meta.url);
    const { version } = require(`${COASTLINE_PACKAGE}/package.json`) as { version: string };
    land = cachedFile('coastline.json', [COASTLINE_PACKAGE, version, box], () => new TextEncoder().encode(JSON.stringify(cropLand(loadCoastline(), box))), cacheDir)
      .then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as Land[])
      .then((cropped) => {
        coverage.set(cropped, box);
        return cropped;
      });
    croppedCoastlines.set(key, land);
  }
  return land;
}

/** The box a coastline from loadCoastlineWithin covers (none for the whole world). */
export function coverageOf(land: Land[]): LonLatBox | undefined {
  return coverage.get(land);
}
