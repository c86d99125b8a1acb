import { meshArcs } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/*
 * geo/pairing.topo.json, ready to draw. The SVG map draws outlines straight from the topology's
 * arcs (see outline-paths.ts): each arc is decoded and projected to Web Mercator once, here, and a
 * view only scales and shifts it. No GeoJSON is built for the SVG map, and a border that two
 * counties share is one arc, so it is drawn identically on both sides.
 */
const GEO_OBJECTS = ['provinces', 'prefectures', 'counties', 'districts'] as const;
export type AreaGroup = 'provinces' | 'prefectures' | 'counties' | 'districts';
export type BorderGroup = 'prefectures' | 'counties' | 'districts';

export interface Geography {
  /** Each area's feature id, in drawing order. */
  ids: Record<AreaGroup, string[]>;
  /** Each area as polygons of rings of arc indices (~i: the arc reversed). */
  areas: Record<AreaGroup, number[][][][]>;
  /** Each border once, as chains of arc indices. */
  borders: Record<BorderGroup, number[][]>;
  /** Every arc in Web Mercator world units (0–1 across the world): x0, y0, x1, y1, … */
  arcs: Float64Array[];
}

type Obj = GeometryCollection<{ id: string }>;

/**
 * The topology as the build ships it (vite.config.ts, the single offline file): each kind of area's
 * borders already worked out, so that the app need not mesh the arcs at start; and each arc as one
 * flat list [x0, y0, dx1, dy1, …] instead of a list of points, which the browser parses about four
 * times as fast and the file holds in a quarter less. Only toGeography reads it; the dev server
 * serves the TopoJSON as it is, which toGeography reads too.
 */
const BORDER_GROUPS: readonly BorderGroup[] = ['prefectures', 'counties', 'districts'];

export type PreparedTopology = Omit<Topology, 'arcs'> & { arcs: number[][]; borders: Record<BorderGroup, number[][]>; flatArcs: true };

export function prepareTopology(topo: Topology): PreparedTopology {
  const borders = Object.fromEntries(BORDER_GROUPS.map((name) => [name, meshArcs(topo, topo.objects[name] as Obj).arcs])) as Record<BorderGroup, number[][]>;
  return { ...topo, arcs: flatArcs(topo), borders, flatArcs: true };
}

/** Each arc's positions as one list [x0, y0, x1, y1, …]. */
const flatArcs = (topo: Topology) => topo.arcs.map((arc) => arc.flatMap((p) => [p[0]!, p[1]!]));

const isPrepared = (topo: Topology | PreparedTopology): topo is PreparedTopology => 'flatArcs' in topo && topo.flatArcs === true;

export function toGeography(topo: Topology | PreparedTopology): Geography {
  const object = (name: (typeof GEO_OBJECTS)[number]): Obj => {
    const obj = topo.objects[name] as Obj | undefined;
    if (!obj) throw new Error(`geo/pairing.topo.json has no object "${name}"`);
    return obj;
  };
  const polygons = (name: AreaGroup) =>
    object(name).geometries.map((g) => (g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : []));
  const ids = (name: AreaGroup) => object(name).geometries.map((g) => String((g.properties as { id?: string } | undefined)?.id ?? ''));
  const border = (name: BorderGroup) => (isPrepared(topo) ? topo.borders[name] : meshArcs(topo, object(name)).arcs);
  return {
    ids: { provinces: ids('provinces'), prefectures: ids('prefectures'), counties: ids('counties'), districts: ids('districts') },
    areas: { provinces: polygons('provinces'), prefectures: polygons('prefectures'), counties: polygons('counties'), districts: polygons('districts') },
    borders: { prefectures: border('prefectures'), counties: border('counties'), districts: border('districts') },
    arcs: projectArcs(topo),
  };
}

/** Decodes the quantized, delta-encoded arcs and projects them to Web Mercator, as MapLibre does. */
function projectArcs(topo: Topology | PreparedTopology): Float64Array[] {
  const [sx, sy] = topo.transform?.scale ?? [1, 1];
  const [tx, ty] = topo.transform?.translate ?? [0, 0];
  const quantized = topo.transform !== undefined;
  const flat = isPrepared(topo) ? topo.arcs : flatArcs(topo);
  return flat.map((arc) => {
    const out = new Float64Array(arc.length);
    let x = 0;
    let y = 0;
    for (let i = 0; i < arc.length; i += 2) {
      if (quantized) {
        x += arc[i]!;
        y += arc[i + 1]!;
      } else {
        x = arc[i]!;
        y = arc[i + 1]!;
      }
      const lon = x * sx + tx;
      const lat = (y * sy + ty) * (Math.PI / 180);
      out[i] = (lon + 180) / 360;
      out[i + 1] = (1 - Math.log(Math.tan(Math.PI / 4 + lat / 2)) / Math.PI) / 2;
    }
    return out;
  });
}

/** The outer and inner rings of one area, in world units, each as [x0, y0, x1, y1, …]. */
export function areaRings(geo: Geography, group: AreaGroup, id: string): number[][] {
  const index = geo.ids[group].indexOf(id);
  if (index < 0) return [];
  return geo.areas[group][index]!.flatMap((polygon) =>
    polygon.map((ring) => {
      const out: number[] = [];
      for (const ref of ring) {
        const arc = geo.arcs[ref < 0 ? ~ref : ref]!;
        const n = arc.length / 2;
        // Consecutive arcs share their end point: each arc after the first starts one point in.
        for (let k = out.length === 0 ? 0 : 1; k < n; k++) {
          const i = ref < 0 ? n - 1 - k : k;
          out.push(arc[i * 2]!, arc[i * 2 + 1]!);
        }
      }
      return out;
    }),
  );
}

/** [west, north, east, south] of some areas in world units, or null when none is found. */
export function areaBounds(geo: Geography, group: AreaGroup, ids: Iterable<string>): [number, number, number, number] | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const id of ids) {
    const index = geo.ids[group].indexOf(id);
    if (index < 0) continue;
    // Every point of an area is an end or inner point of one of its arcs.
    for (const polygon of geo.areas[group][index]!) {
      for (const ring of polygon) {
        for (const ref of ring) {
          const arc = geo.arcs[ref < 0 ? ~ref : ref]!;
          for (let i = 0; i < arc.length; i += 2) {
            const x = arc[i]!;
            const y = arc[i + 1]!;
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
          }
        }
      }
    }
  }
  return x0 <= x1 ? [x0, y0, x1, y1] : null;
}
