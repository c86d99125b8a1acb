import type { StyleSpecification } from 'maplibre-gl';
import { LAND_CONTEXT, SEA } from '../scene/colors.ts';
import type { Geography } from './geography.ts';

/*
 * MapLibre's own layers: the sea and the provinces around the pairing, which never change with the
 * filters. Everything the data decides is drawn over them by the SVG renderer (see maplibre-map.ts).
 * No tiles, sprite or glyph server: nothing is fetched.
 */
export function buildStyle(geo: Geography): StyleSpecification {
  return {
    version: 8,
    sources: { provinces: { type: 'geojson', data: geo.provinces(), tolerance: 1 } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': SEA } },
      { id: 'provinces-fill', type: 'fill', source: 'provinces', paint: { 'fill-color': LAND_CONTEXT } },
      { id: 'provinces-line', type: 'line', source: 'provinces', paint: { 'line-color': '#c4c1b8', 'line-width': 0.8 } },
    ],
  };
}
