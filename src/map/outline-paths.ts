import type { Camera } from '../state/url-state.ts';
import type { AreaGroup, BorderGroup, Geography } from './geography.ts';
import { TILE_SIZE } from './projection.ts';

/*
 * SVG path data for the outlines in one view. An arc's points are scaled and shifted to the screen
 * once per view, to a tenth of a pixel, and a point closer than half a pixel to the one before is
 * dropped: at the overview's zoom most of a county's points fall on the same pixel. Arcs are thinned
 * in one direction only and reversed where a ring runs them backwards, so neighbours still share
 * every point of their border.
 */
export interface OutlinePaths {
  area(group: AreaGroup, index: number): string;
  border(group: BorderGroup): string;
}

const MIN_STEP = 0.5;

export function outlinePaths(geo: Geography, view: { camera: Camera; width: number; height: number }): OutlinePaths {
  const scale = TILE_SIZE * Math.pow(2, view.camera.zoom);
  const lat = (view.camera.lat * Math.PI) / 180;
  const cx = (view.camera.lon + 180) / 360;
  const cy = (1 - Math.log(Math.tan(Math.PI / 4 + lat / 2)) / Math.PI) / 2;
  const dx = view.width / 2 - cx * scale;
  const dy = view.height / 2 - cy * scale;
  const r = (v: number) => Math.round(v * 10) / 10;

  // Each arc as screen points [x0, y0, x1, y1, …] after thinning, made when first needed.
  const screen: (number[] | undefined)[] = [];
  const pointsOf = (index: number): number[] => {
    const cached = screen[index];
    if (cached) return cached;
    const arc = geo.arcs[index]!;
    const n = arc.length / 2;
    const out: number[] = [];
    let lx = NaN;
    let ly = NaN;
    for (let i = 0; i < n; i++) {
      const x = arc[i * 2]! * scale + dx;
      const y = arc[i * 2 + 1]! * scale + dy;
      // The first and last points always stay: they are where arcs meet.
      if (i > 0 && i < n - 1 && Math.abs(x - lx) < MIN_STEP && Math.abs(y - ly) < MIN_STEP) continue;
      out.push(r(x), r(y));
      lx = x;
      ly = y;
    }
    screen[index] = out;
    return out;
  };

  // A chain of arcs as one subpath: the first arc's first point, then every arc without its first point.
  const chain = (arcs: number[], close: boolean): string => {
    let d = '';
    arcs.forEach((a, k) => {
      const pts = pointsOf(a < 0 ? ~a : a);
      const n = pts.length / 2;
      for (let j = k === 0 ? 0 : 1; j < n; j++) {
        const i = a < 0 ? n - 1 - j : j;
        d += `${d === '' ? 'M' : 'L'}${pts[i * 2]},${pts[i * 2 + 1]}`;
      }
    });
    return close && d !== '' ? `${d}Z` : d;
  };

  return {
    area: (group, index) => (geo.areas[group][index] ?? []).map((polygon) => polygon.map((ring) => chain(ring, true)).join('')).join(''),
    border: (group) => geo.borders[group].map((line) => chain(line, false)).join(''),
  };
}
