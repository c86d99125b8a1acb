import type { Camera } from '../state/url-state.ts';

/*
 * Export geometry, pure. An export is composed at a "logical" size whose width is about 1,600 units
 * and then scaled to the requested pixels, so a 3840×2160 image is the 1920×1080 one at twice the
 * resolution: type and legend grow with it instead of shrinking into a corner.
 */

export const PRESETS = [
  { id: '1920x1080', width: 1920, height: 1080 },
  { id: '3840x2160', width: 3840, height: 2160 },
  { id: '1080x1080', width: 1080, height: 1080 },
] as const;

export interface ExportLayout {
  width: number;
  height: number;
  /** Output pixels per logical unit. */
  scale: number;
  logical: { width: number; height: number };
  header: number;
  footer: number;
  map: { x: number; y: number; width: number; height: number };
}

/** `footerLines`: 2 when the source line and the attribution do not fit side by side. */
export function exportLayout(width: number, height: number, footerLines: 1 | 2 = 1): ExportLayout {
  const scale = Math.max(width, height) / 1600 > 1 ? Math.max(width, height) / 1600 : 1;
  const logical = { width: width / scale, height: height / scale };
  const header = 74;
  const footer = footerLines === 1 ? 40 : 58;
  return { width, height, scale, logical, header, footer, map: { x: 0, y: header, width: logical.width, height: logical.height - header - footer } };
}

/**
 * The same view in a differently shaped frame: the zoom is chosen so the visible extent still fits,
 * beside `inset` units kept free on the left (where the legend box lies over the map), and the
 * extent is centred in the rest.
 */
export function fitCamera(camera: Camera, from: { width: number; height: number }, to: { width: number; height: number }, inset = 0): Camera {
  const factor = Math.min((to.width - inset) / from.width, to.height / from.height);
  const zoom = camera.zoom + Math.log2(factor);
  // Web Mercator x is linear in longitude: shifting the centre west by inset/2 units moves the content east.
  const degreesPerUnit = 360 / (512 * Math.pow(2, zoom));
  return { ...camera, lon: camera.lon - (inset / 2) * degreesPerUnit, zoom };
}

/** A scale bar of a round length at most `maxPx` long, for Web Mercator at this latitude and zoom. */
export function scaleBar(camera: Camera, maxPx: number): { km: number; px: number } {
  const metresPerPx = (40_075_016.686 * Math.cos((camera.lat * Math.PI) / 180)) / (512 * Math.pow(2, camera.zoom));
  const maxKm = (maxPx * metresPerPx) / 1000;
  const pow = Math.pow(10, Math.floor(Math.log10(maxKm)));
  const km = [5, 2, 1].map((m) => m * pow).find((v) => v <= maxKm) ?? pow;
  return { km, px: (km * 1000) / metresPerPx };
}

const METRIC_SHORT: Record<string, string> = { funds_cny: 'funds', investment_cny: 'investment' };

/** `guizhou-pairing-2011-funds.png` (and .svg, .csv, .pptx) */
export function exportFileName(year: number | 'all', metric: string, ext: 'png' | 'svg' | 'csv' | 'pptx'): string {
  return `guizhou-pairing-${year}-${METRIC_SHORT[metric] ?? metric.replace(/_/g, '-')}.${ext}`;
}
