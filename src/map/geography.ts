import { feature } from 'topojson-client';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** The four objects of geo/pairing.topo.json as GeoJSON, converted once at start-up. */
export interface Geography {
  provinces: FeatureCollection<Geometry, { id: string }>;
  prefectures: FeatureCollection<Geometry, { id: string }>;
  counties: FeatureCollection<Geometry, { id: string }>;
  districts: FeatureCollection<Geometry, { id: string }>;
}

export const GEO_OBJECTS = ['provinces', 'prefectures', 'counties', 'districts'] as const;

export function toGeography(topo: Topology): Geography {
  const get = (name: (typeof GEO_OBJECTS)[number]) => {
    const obj = topo.objects[name] as GeometryCollection<{ id: string }> | undefined;
    if (!obj) throw new Error(`geo/pairing.topo.json has no object "${name}"`);
    return feature(topo, obj) as FeatureCollection<Geometry, { id: string }>;
  };
  return { provinces: get('provinces'), prefectures: get('prefectures'), counties: get('counties'), districts: get('districts') };
}
