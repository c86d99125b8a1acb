import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { Lang } from '../i18n/messages.ts';
import type { Model } from '../scene/model.ts';
import { nameOf } from '../scene/places.ts';
import type { Scene } from '../scene/scene.ts';

/*
 * The scene as GeoJSON for MapLibre sources. Pure: MapLibre only receives these with setData.
 */

type Props = Record<string, string | number | boolean>;
const fc = <G extends Point | LineString>(features: Feature<G, Props>[]): FeatureCollection<G, Props> => ({ type: 'FeatureCollection', features });

export function markerFeatures(scene: Scene): FeatureCollection<Point, Props> {
  return fc(
    scene.markers.map((m) => ({
      type: 'Feature',
      id: undefined,
      properties: { key: m.key, kind: m.kind, multiYear: m.multiYear, radius: m.radius, color: m.color, qualified: m.qualifier !== 'exact', valueLabel: m.valueLabel },
      geometry: { type: 'Point', coordinates: m.position },
    })),
  );
}

export function arcFeatures(scene: Scene): FeatureCollection<LineString, Props> {
  return fc(
    scene.arcs.map((a) => ({
      type: 'Feature',
      properties: { id: a.id, color: a.color, evidence: a.evidence, level: a.level, recipient: a.recipient, donor: a.donor },
      geometry: { type: 'LineString', coordinates: a.coordinates },
    })),
  );
}

/** Label points: prefectures and partner cities always; counties and districts when zoomed in (rank 2). */
export function labelFeatures(model: Model, lang: Lang): FeatureCollection<Point, Props> {
  const features: Feature<Point, Props>[] = [];
  for (const p of model.dataset.places) {
    const rank = p.level === 'city' ? 0 : p.level === 'prefecture' ? 1 : p.level === 'county' || p.level === 'district' ? 2 : -1;
    if (rank < 0) continue;
    features.push({
      type: 'Feature',
      properties: { id: p.id, name: nameOf(p, lang), rank, level: p.level, former: p.shape === 'point' && p.level === 'district' },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    });
  }
  return fc(features);
}
