import { geoMercator, type GeoProjection } from 'd3-geo';
import type { Camera } from '../state/url-state.ts';

/*
 * The d3 projection that matches MapLibre's Web Mercator camera exactly, so the SVG drawing lies on
 * MapLibre's sea and provinces and exports show what is on screen. MapLibre's world is 512 px wide
 * at zoom 0.
 */
export const TILE_SIZE = 512;

export function projectionFor(camera: Camera, width: number, height: number): GeoProjection {
  // precision(0): no adaptive resampling. MapLibre joins vertices with straight lines in Mercator, so
  // this matches it exactly, and it makes drawing the SVG map several times faster.
  return geoMercator()
    .scale((TILE_SIZE * Math.pow(2, camera.zoom)) / (2 * Math.PI))
    .center([camera.lon, camera.lat])
    .translate([width / 2, height / 2])
    .precision(0);
}

/** The camera that fits bounds into a viewport with padding, as MapLibre's fitBounds computes it. */
export function cameraForBounds(bounds: [[number, number], [number, number]], width: number, height: number, padding = 24): Camera {
  const [[w, s], [e, n]] = bounds;
  const unit = geoMercator().scale(TILE_SIZE / (2 * Math.PI)).translate([0, 0]).center([0, 0]);
  const a = unit([w, n])!;
  const b = unit([e, s])!;
  const zoom = Math.log2(Math.min((width - 2 * padding) / Math.abs(b[0] - a[0]), (height - 2 * padding) / Math.abs(b[1] - a[1])));
  const mid = unit.invert!([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2])!;
  return { lon: mid[0], lat: mid[1], zoom: Math.max(0, zoom) };
}
