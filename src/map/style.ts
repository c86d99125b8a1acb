import type { StyleSpecification } from 'maplibre-gl';

/*
 * MapLibre's own drawing: nothing. The sea is the map element's background (the same colour as the
 * drawing's), and the land, the provinces and everything the data decides are the SVG drawing on
 * top (see maplibre-map.ts). With no source to tile and no layer to draw, MapLibre is ready sooner,
 * its first frame compiles no layer's shaders (a background layer's took ≈ 30 ms of the long task
 * of its arrival in software WebGL), and each frame of a move costs next to nothing. No tiles,
 * sprite or glyph server: nothing is fetched.
 */
export function buildStyle(): StyleSpecification {
  return { version: 8, sources: {}, layers: [] };
}
