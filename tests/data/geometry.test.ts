/**
 * The committed geometry, geo/pairing.topo.json: structure, ids, topology
 * validity, county/prefecture consistency, and that `npm run geo` reproduces
 * it byte for byte.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3-dsv';
import { geoArea, geoContains } from 'd3-geo';
import type { GeometryObject } from 'topojson-specification';
import { featuresById, labelPoint } from '../../geo/places.ts';
import { missingSources } from '../../geo/sources.ts';
import { buildTopology, serialize, type PairingTopology } from '../../geo/topology.ts';

const TOPOLOGY_URL = new URL('../../geo/pairing.topo.json', import.meta.url);
const PLACES_URL = new URL('../../data/places.csv', import.meta.url);

const text = readFileSync(TOPOLOGY_URL, 'utf8');
const topology = JSON.parse(text) as PairingTopology;
const OBJECTS = ['provinces', 'prefectures', 'counties', 'districts'] as const;

/** Counties per Guizhou prefecture today. */
const EXPECTED_COUNTIES: Record<string, number> = {
  '520100': 10, // Guiyang
  '520200': 4, // Liupanshui
  '520300': 14, // Zunyi
  '520400': 6, // Anshun
  '520500': 8, // Bijie
  '520600': 10, // Tongren
  '522300': 8, // Qianxinan
  '522600': 16, // Qiandongnan
  '522700': 12, // Qiannan
};

const ids = (object: (typeof OBJECTS)[number]) =>
  topology.objects[object].geometries.map((g) => (g.properties as { id: string }).id);

/** All arc indices (non-negative) a geometry references. */
function arcsOf(g: GeometryObject): number[] {
  const rings = g.type === 'Polygon' ? g.arcs : g.type === 'MultiPolygon' ? g.arcs.flat() : [];
  return rings.flat().map((i) => (i < 0 ? ~i : i));
}

describe('geo/pairing.topo.json structure', () => {
  it('has exactly the four objects, in order', () => {
    expect(Object.keys(topology.objects)).toEqual([...OBJECTS]);
  });

  it('has 34 provinces, 9 prefectures, 88 counties and the Qingdao and Ningbo districts', () => {
    expect(ids('provinces')).toHaveLength(34);
    expect(ids('prefectures').sort()).toEqual(Object.keys(EXPECTED_COUNTIES));
    expect(ids('counties')).toHaveLength(88);
    const districts = ids('districts');
    expect(districts.filter((id) => id.startsWith('3702'))).toHaveLength(10);
    expect(districts.filter((id) => id.startsWith('3302'))).toHaveLength(10);
    expect(districts).toHaveLength(20);
  });

  it('matches today’s county counts per prefecture, with matching code prefixes', () => {
    const counts: Record<string, number> = {};
    for (const id of ids('counties')) counts[`${id.slice(0, 4)}00`] = (counts[`${id.slice(0, 4)}00`] ?? 0) + 1;
    expect(counts).toEqual(EXPECTED_COUNTIES);
  });

  it.each(OBJECTS)('%s: ids are unique 6-digit strings and the only property', (object) => {
    const list = ids(object);
    for (const g of topology.objects[object].geometries) {
      expect(Object.keys(g.properties ?? {})).toEqual(['id']);
      expect(['Polygon', 'MultiPolygon']).toContain(g.type);
    }
    for (const id of list) expect(id).toMatch(/^\d{6}$/);
    expect(new Set(list).size).toBe(list.length);
  });

  it('provinces include Guizhou, Shandong, Zhejiang, Taiwan, Hong Kong and Macao', () => {
    expect(ids('provinces')).toEqual(expect.arrayContaining(['520000', '370000', '330000', '710000', '810000', '820000']));
    for (const id of ids('provinces')) expect(id).toMatch(/^\d{2}0000$/);
  });

  it('every id has a row in data/places.csv', () => {
    const rows = csvParse(readFileSync(PLACES_URL, 'utf8').replace(/^\uFEFF/, ''));
    const known = new Set(rows.map((r) => r['id']));
    for (const object of OBJECTS) for (const id of ids(object)) expect(known, `${object} ${id}`).toContain(id);
  });
});

describe('geo/pairing.topo.json topology', () => {
  it('is quantized (transform present) with integer delta-encoded arcs of ≥ 2 points', () => {
    expect(topology.type).toBe('Topology');
    expect(topology.transform?.scale).toHaveLength(2);
    expect(topology.transform?.translate).toHaveLength(2);
    expect(topology.arcs.every((arc) => arc.length >= 2)).toBe(true);
    expect(topology.arcs.every((arc) => arc.every((p) => p.length === 2 && p.every(Number.isInteger)))).toBe(true);
  });

  it('references only existing arcs, and uses every arc', () => {
    const used = new Set<number>();
    for (const object of OBJECTS)
      for (const g of topology.objects[object].geometries)
        for (const i of arcsOf(g)) {
          expect(i).toBeLessThan(topology.arcs.length);
          used.add(i);
        }
    expect(used.size).toBe(topology.arcs.length);
  });

  it('builds prefectures from county arcs only (shared borders, no slivers)', () => {
    const countyArcs = new Set(topology.objects.counties.geometries.flatMap(arcsOf));
    for (const g of topology.objects.prefectures.geometries) for (const i of arcsOf(g)) expect(countyArcs.has(i)).toBe(true);
  });

  it('shares no arcs between provinces (separate source) and local units', () => {
    const provinceArcs = new Set(topology.objects.provinces.geometries.flatMap(arcsOf));
    for (const object of ['prefectures', 'counties', 'districts'] as const)
      for (const g of topology.objects[object].geometries) for (const i of arcsOf(g)) expect(provinceArcs.has(i)).toBe(false);
  });

  it('has neighbouring counties share their borders (each county arc is used by at most 2 counties)', () => {
    const users = new Map<number, Set<string>>();
    for (const g of topology.objects.counties.geometries) {
      const signed = (g.type === 'Polygon' ? g.arcs : g.type === 'MultiPolygon' ? g.arcs.flat() : []).flat();
      const both = new Set(signed.filter((i) => i >= 0 && signed.includes(~i)));
      // A few source rings run out and back along one ≤150 m segment (a zero-width
      // corridor in Guiyang); such an arc bounds no area of this county, so skip it.
      for (const i of arcsOf(g).filter((i) => !both.has(i)))
        (users.get(i) ?? users.set(i, new Set()).get(i)!).add((g.properties as { id: string }).id);
    }
    for (const [i, s] of users) expect(s.size, `arc ${i}: ${[...s]}`).toBeLessThanOrEqual(2);
    // Most arcs are internal borders between two counties.
    const shared = [...users.values()].filter((s) => s.size === 2).length;
    expect(shared).toBeGreaterThan(users.size / 2);
  });
});

describe('geo/pairing.topo.json geography', () => {
  const counties = featuresById(topology, 'counties');
  const prefectures = featuresById(topology, 'prefectures');

  it('puts every county inside the prefecture its code names', () => {
    for (const [id, county] of counties) {
      const prefecture = prefectures.get(`${id.slice(0, 4)}00`);
      expect(prefecture, id).toBeDefined();
      const inside = labelPoint(county); // an interior point of the county
      expect(geoContains(county, inside), id).toBe(true);
      expect(geoContains(prefecture!, inside), id).toBe(true);
    }
  });

  it('gives each prefecture the area of its counties (within 0.5%)', () => {
    for (const [id, prefecture] of prefectures) {
      const parts = [...counties].filter(([c]) => c.slice(0, 4) === id.slice(0, 4)).map(([, f]) => geoArea(f));
      const sum = parts.reduce((a, b) => a + b, 0);
      expect(Math.abs(geoArea(prefecture) - sum) / sum, id).toBeLessThan(0.005);
    }
  });

  it('has sensible areas (rings wound for d3: no feature covers half the globe)', () => {
    const R = 6371.0088;
    for (const object of OBJECTS)
      for (const [id, f] of featuresById(topology, object)) {
        const km2 = geoArea(f) * R * R;
        expect(km2, `${object} ${id}`).toBeGreaterThan(10);
        expect(km2, `${object} ${id}`).toBeLessThan(2e6);
      }
    const guizhou = [...prefectures.values()].reduce((a, f) => a + geoArea(f), 0) * R * R;
    expect(guizhou).toBeGreaterThan(170_000); // Guizhou: ≈ 176 000 km²
    expect(guizhou).toBeLessThan(182_000);
  });
});

describe('npm run geo', () => {
  const missing = missingSources();
  it.skipIf(missing.length > 0)(
    `rebuilds the committed file byte for byte${missing.length ? ` (skipped: source packages not installed: ${missing.join(', ')})` : ''}`,
    () => {
      const rebuilt = serialize(buildTopology());
      expect(rebuilt === text).toBe(true); // avoid a 470 KB diff in the failure message
      expect(JSON.parse(rebuilt)).toEqual(topology);
    },
    60_000,
  );
});
