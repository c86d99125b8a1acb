import { cameraForBounds, projectionFor } from '../map/projection.ts';
import type { Camera } from '../state/url-state.ts';

/*
 * Export geometry, pure. An export is composed at a "logical" size whose width is about 1,600 units
 * and then scaled to the requested pixels, so a 3840×2160 image is the 1920×1080 one at twice the
 * resolution: type and legend grow with it instead of shrinking into a corner.
 */

/** Slide, 4K slide, square and portrait posts, and an A4 landscape page at 300 dpi. */
export const PRESETS = [
  { id: '1920x1080', width: 1920, height: 1080 },
  { id: '3840x2160', width: 3840, height: 2160 },
  { id: '1080x1080', width: 1080, height: 1080 },
  { id: '1080x1350', width: 1080, height: 1350 },
  { id: 'a4', width: 3508, height: 2480 },
] as const;

/** Sizes an export may have, in pixels (as the URL's `size=` accepts them). */
export const SIZE_RANGE = [200, 8000] as const;

export type Box = { x: number; y: number; width: number; height: number };

export interface ExportLayout {
  width: number;
  height: number;
  /** Output pixels per logical unit. */
  scale: number;
  logical: { width: number; height: number };
  header: number;
  footer: number;
  map: Box;
  /** Where the legend goes: a column right of the map (landscape) or a band under it (square, portrait). */
  legend: Box & { side: 'right' | 'bottom' };
}

export const LEGEND_COLUMN = 300;

/**
 * `footerLines`: lines of small print under the map (source, note, attribution), as many as they
 * need at this width; `legendBand`: the height of the legend when it lies under the map.
 */
export function exportLayout(width: number, height: number, footerLines = 2, legendBand = 0, hasSubtitle = true): ExportLayout {
  const scale = Math.max(width, height) / 1600 > 1 ? Math.max(width, height) / 1600 : 1;
  const logical = { width: width / scale, height: height / scale };
  const header = hasSubtitle ? 84 : 58;
  const footer = 14 + 17 * footerLines;
  const body = { y: header, height: logical.height - header - footer };
  const right = logical.width >= 1.15 * logical.height;
  const map = right
    ? { x: 0, y: body.y, width: logical.width - LEGEND_COLUMN - 24, height: body.height }
    : { x: 0, y: body.y, width: logical.width, height: body.height - legendBand - 12 };
  const legend = right
    ? { side: 'right' as const, x: logical.width - LEGEND_COLUMN - 12, y: body.y, width: LEGEND_COLUMN, height: body.height }
    : { side: 'bottom' as const, x: 24, y: map.y + map.height + 12, width: logical.width - 48, height: legendBand };
  return { width, height, scale, logical, header, footer, map, legend };
}

/**
 * What an export frames: the user's own view where they moved the map (else the named view), widened
 * to take in the selected place, fitted into the export's map box.
 */
export function exportCamera(
  bounds: [[number, number], [number, number]],
  place: [number, number] | null,
  map: { width: number; height: number },
): Camera {
  let [[w, s], [e, n]] = bounds;
  if (place) {
    // A margin of a quarter degree keeps the place (and its name) clear of the frame's edge.
    w = Math.min(w, place[0] - 0.25);
    e = Math.max(e, place[0] + 0.25);
    s = Math.min(s, place[1] - 0.25);
    n = Math.max(n, place[1] + 0.25);
  }
  return cameraForBounds([[w, s], [e, n]], map.width, map.height, undefined, 16);
}

/** The lon/lat bounds of what a camera shows in a viewport. */
export function visibleBounds(camera: Camera, width: number, height: number): [[number, number], [number, number]] {
  const p = projectionFor(camera, width, height);
  const [w, n] = p.invert!([0, 0])!;
  const [e, s] = p.invert!([width, height])!;
  return [[w, s], [e, n]];
}
