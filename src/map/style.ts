import type { StyleSpecification } from 'maplibre-gl';
import { SEA } from '../scene/colors.ts';

/*
 * MapLibre's own drawing: only the sea. The land, the provinces and everything the data decides are
 * the SVG drawing on top (see maplibre-map.ts). With no source to tile and one layer to draw,
 * MapLibre is ready sooner and each of its frames during a move costs next to nothing in software
 * WebGL. No tiles, sprite or glyph server: nothing is fetched.
 */
export function buildStyle(): StyleSpecification {
  return { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': SEA } }] };
}
