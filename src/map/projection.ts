import { geoMercator, type GeoProjection } from 'd3-geo';
import type { Camera } from '../state/url-state.ts';

/*
 * The d3 projection that matches MapLibre's Web Mercator camera exactly, so the SVG drawing lies on
 * MapLibre's camera and exports show what is on screen. MapLibre's world is 512 px wide
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

/** Pixels along the map's right and bottom edges that something (the details panel) covers. */
export interface Covered {
  right: number;
  bottom: number;
}
const UNCOVERED: Covered = { right: 0, bottom: 0 };

type ClientRect = Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom' | 'width'>;

/**
 * What boxes over the map's lower right (the details panel: a side, or on phones a bottom sheet;
 * the story's caption card) hide of it. Each box counts as a strip along the right or along the
 * bottom, whichever leaves the larger part of the map to frame views in.
 */
export function coveredBy(map: ClientRect, boxes: readonly ClientRect[]): Covered {
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  let right = 0;
  let bottom = 0;
  for (const b of boxes) {
    if (b.width === 0) continue; // hidden by the layout (presentation mode hides the panel, print)
    const r = Math.max(0, map.right - b.left);
    const d = Math.max(0, map.bottom - b.top);
    if ((width - r) * height >= width * (height - d)) right = Math.max(right, r);
    else bottom = Math.max(bottom, d);
  }
  return { right, bottom };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The camera that fits bounds into a viewport with padding, as MapLibre's fitBounds computes it, in
 * the part of the viewport that is not covered: the bounds are centred in what stays visible.
 */
export function cameraForBounds(bounds: [[number, number], [number, number]], width: number, height: number, covered: Covered = UNCOVERED, padding = 24): Camera {
  return cameraInRect(bounds, uncovered(width, height, covered), width, height, padding);
}

/** The part of a width × height map that covered strips leave visible (a strip over half the map is ignored: phones keep the map whole). */
export function uncovered(width: number, height: number, covered: Covered, left = 0): Rect {
  const right = covered.right < width / 2 ? covered.right : 0;
  const bottom = covered.bottom < height / 2 ? covered.bottom : 0;
  return { x: left, y: 0, width: width - right - left, height: height - bottom };
}

/** The camera of a width × height map that fits bounds, with padding, into `rect` of it. */
export function cameraInRect(bounds: [[number, number], [number, number]], rect: Rect, width: number, height: number, padding = 24): Camera {
  const [[w, s], [e, n]] = bounds;
  const unit = geoMercator().scale(TILE_SIZE / (2 * Math.PI)).translate([0, 0]).center([0, 0]);
  const a = unit([w, n])!;
  const b = unit([e, s])!;
  const zoom = Math.max(0, Math.log2(Math.min((rect.width - 2 * padding) / Math.abs(b[0] - a[0]), (rect.height - 2 * padding) / Math.abs(b[1] - a[1]))));
  // The bounds' middle lands on the rect's middle; the camera looks at the map's middle.
  const k = Math.pow(2, zoom);
  const mid = unit.invert!([(a[0] + b[0]) / 2 + (width / 2 - (rect.x + rect.width / 2)) / k, (a[1] + b[1]) / 2 + (height / 2 - (rect.y + rect.height / 2)) / k])!;
  return { lon: mid[0], lat: mid[1], zoom };
}
