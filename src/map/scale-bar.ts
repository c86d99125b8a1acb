import type { Camera } from '../state/url-state.ts';
import { TILE_SIZE } from './projection.ts';

/** A scale bar of a round length at most `maxPx` long, for Web Mercator at this latitude and zoom. */
export function scaleBar(camera: Camera, maxPx: number): { km: number; px: number } {
  const metresPerPx = (40_075_016.686 * Math.cos((camera.lat * Math.PI) / 180)) / (TILE_SIZE * Math.pow(2, camera.zoom));
  const maxKm = (maxPx * metresPerPx) / 1000;
  const pow = Math.pow(10, Math.floor(Math.log10(maxKm)));
  const km = [5, 2, 1].map((m) => m * pow).find((v) => v <= maxKm) ?? pow;
  return { km, px: (km * 1000) / metresPerPx };
}
