import { meshArcs } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/*
 * geo/pairing.topo.json, ready to draw. The SVG map draws outlines straight from the topology's
 * arcs (see outline-paths.ts): each arc is decoded and projected to Web Mercator once, here, and a
 * view only scales and shifts it. No GeoJSON is built for the SVG map, and a border that two
 * counties share is one arc, so it is drawn identically on both sides.
 */
const GEO_OBJECTS = ['provinces', 'prefectures', 'counties', 'districts'] as const;
export type AreaGroup = 'provinces' | 'counties' | 'districts';
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

export function toGeography(topo: Topology): Geography {
  const object = (name: (typeof GEO_OBJECTS)[number]): Obj => {
    const obj = topo.objects[name] as Obj | undefined;
    if (!obj) throw new Error(`geo/pairing.topo.json has no object "${name}"`);
    return obj;
  };
  const polygons = (name: AreaGroup) =>
    object(name).geometries.map((g) => (g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : []));
  const ids = (name: AreaGroup) => object(name).geometries.map((g) => String((g.properties as { id?: string } | undefined)?.id ?? ''));
  const border = (name: BorderGroup) => meshArcs(topo, object(name)).arcs;
  return {
    ids: { provinces: ids('provinces'), counties: ids('counties'), districts: ids('districts') },
    areas: { provinces: polygons('provinces'), counties: polygons('counties'), districts: polygons('districts') },
    borders: { prefectures: border('prefectures'), counties: border('counties'), districts: border('districts') },
    arcs: projectArcs(topo),
  };
}

/** Decodes the quantized, delta-encoded arcs and projects them to Web Mercator, as MapLibre does. */
function projectArcs(topo: Topology): Float64Array[] {
  const [sx, sy] = topo.transform?.scale ?? [1, 1];
  const [tx, ty] = topo.transform?.translate ?? [0, 0];
  const quantized = topo.transform !== undefined;
  return topo.arcs.map((arc) => {
    const out = new Float64Array(arc.length * 2);
    let x = 0;
    let y = 0;
    arc.forEach((p, i) => {
      if (quantized) {
        x += p[0]!;
        y += p[1]!;
      } else {
        x = p[0]!;
        y = p[1]!;
      }
      const lon = x * sx + tx;
      const lat = (y * sy + ty) * (Math.PI / 180);
      out[i * 2] = (lon + 180) / 360;
      out[i * 2 + 1] = (1 - Math.log(Math.tan(Math.PI / 4 + lat / 2)) / Math.PI) / 2;
    });
    return out;
  });
}
