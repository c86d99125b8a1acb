import { feature, mesh } from 'topojson-client';
import type { FeatureCollection, Geometry, MultiLineString } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** The four objects of geo/pairing.topo.json as GeoJSON, converted once at start-up. */
export interface Geography {
  provinces: FeatureCollection<Geometry, { id: string }>;
  prefectures: FeatureCollection<Geometry, { id: string }>;
  counties: FeatureCollection<Geometry, { id: string }>;
  districts: FeatureCollection<Geometry, { id: string }>;
  /** Each border once (a shared border is one line, not two outlines on top of each other). */
  borders: Record<'prefectures' | 'counties' | 'districts', MultiLineString>;
}

export const GEO_OBJECTS = ['provinces', 'prefectures', 'counties', 'districts'] as const;

export function toGeography(topo: Topology): Geography {
  const object = (name: (typeof GEO_OBJECTS)[number]) => {
    const obj = topo.objects[name] as GeometryCollection<{ id: string }> | undefined;
    if (!obj) throw new Error(`geo/pairing.topo.json has no object "${name}"`);
    return obj;
  };
  const get = (name: (typeof GEO_OBJECTS)[number]) => feature(topo, object(name)) as FeatureCollection<Geometry, { id: string }>;
  const border = (name: 'prefectures' | 'counties' | 'districts') => mesh(topo, object(name));
  return {
    provinces: get('provinces'),
    prefectures: get('prefectures'),
    counties: get('counties'),
    districts: get('districts'),
    borders: { prefectures: border('prefectures'), counties: border('counties'), districts: border('districts') },
  };
}
