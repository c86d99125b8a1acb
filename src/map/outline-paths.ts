import type { Camera } from '../state/url-state.ts';
import type { AreaGroup, BorderGroup, Geography } from './geography.ts';
import { memo } from './memo.ts';
import { TILE_SIZE } from './projection.ts';

/*
 * SVG path data for the outlines in one view. An arc's points are scaled and shifted to the screen
 * once per view, to a tenth of a pixel, and simplified there (Douglas–Peucker): a point that moves
 * the line by less than half a pixel is left out. The geometry is finer than a pixel in every view
 * we show, so this drops most points without a visible change. Arcs are simplified once, with their
 * ends kept, and reversed where a ring runs them backwards: neighbours still share their border.
 */
export interface OutlinePaths {
  area(group: AreaGroup, index: number): string;
  border(group: BorderGroup): string;
}

// The last views' paths (the map's and its insets'): a redraw at the same cameras (the panel opening
// moves only the insets and names) reuses them instead of projecting and simplifying every arc again.
const recent = memo<{ geo: Geography; paths: OutlinePaths }>(6);

/** `tolerance`: how far (px) simplification may move a line; exports for print pass less. */
export function outlinePaths(geo: Geography, view: { camera: Camera; width: number; height: number }, tolerance = 0.5): OutlinePaths {
  const key = `${view.camera.lon},${view.camera.lat},${view.camera.zoom},${view.width},${view.height},${tolerance}`;
  const make = () => ({ geo, paths: memoized(makePaths(geo, view, tolerance)) });
  const hit = recent.get(key, make);
  // Another geography (a test's, or the user's) under the same view: made anew, not kept.
  return hit.geo === geo ? hit.paths : make().paths;
}

/** Each area's and border's path data made once. */
function memoized(paths: OutlinePaths): OutlinePaths {
  const areas = new Map<string, string>();
  const borders = new Map<BorderGroup, string>();
  return {
    area(group, index) {
      const key = `${group}:${index}`;
      let d = areas.get(key);
      if (d === undefined) areas.set(key, (d = paths.area(group, index)));
      return d;
    },
    border(group) {
      let d = borders.get(group);
      if (d === undefined) borders.set(group, (d = paths.border(group)));
      return d;
    },
  };
}

function makePaths(geo: Geography, view: { camera: Camera; width: number; height: number }, tolerance: number): OutlinePaths {
  const scale = TILE_SIZE * Math.pow(2, view.camera.zoom);
  const lat = (view.camera.lat * Math.PI) / 180;
  const cx = (view.camera.lon + 180) / 360;
  const cy = (1 - Math.log(Math.tan(Math.PI / 4 + lat / 2)) / Math.PI) / 2;
  const dx = view.width / 2 - cx * scale;
  const dy = view.height / 2 - cy * scale;
  const r = (v: number) => Math.round(v * 10) / 10;
  // The view with a margin all round, so that a pan or a zoom out shows real outlines until the
  // redraw: half a view for Guizhou and the partner cities, three views for the provinces, which are
  // the land under everything (a zoom out by two levels still finds them drawn).
  const within = (views: number): Bounds => [-view.width * views, -view.height * views, view.width * (1 + views), view.height * (1 + views)];
  const near = within(0.5);
  const far = within(3);

  // Each arc as screen points [x0, y0, x1, y1, …] after thinning, made when first needed. Provinces
  // and the rest share no arcs (they come from different sources), so one cache serves both margins.
  const screen: (number[] | undefined)[] = [];
  const pointsOf = (index: number, bounds: Bounds): number[] => {
    const cached = screen[index];
    if (cached) return cached;
    const arc = geo.arcs[index]!;
    let n = arc.length / 2;
    let xs: Float64Array = new Float64Array(n);
    let ys: Float64Array = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = arc[i * 2]! * scale + dx;
      ys[i] = arc[i * 2 + 1]! * scale + dy;
    }
    [xs, ys] = cullOutside(xs, ys, bounds);
    n = xs.length;
    const keep = simplify(xs, ys, tolerance);
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (keep[i]) out.push(r(xs[i]!), r(ys[i]!));
    screen[index] = out;
    return out;
  };

  // A chain of arcs as one subpath: the first arc's first point, then every arc without its first point.
  const chain = (arcs: number[], close: boolean, bounds: Bounds): string => {
    let d = '';
    arcs.forEach((a, k) => {
      const pts = pointsOf(a < 0 ? ~a : a, bounds);
      const n = pts.length / 2;
      for (let j = k === 0 ? 0 : 1; j < n; j++) {
        const i = a < 0 ? n - 1 - j : j;
        d += `${d === '' ? 'M' : 'L'}${pts[i * 2]},${pts[i * 2 + 1]}`;
      }
    });
    return close && d !== '' ? `${d}Z` : d;
  };

  return {
    area: (group, index) =>
      (geo.areas[group][index] ?? []).map((polygon) => polygon.map((ring) => chain(ring, true, group === 'provinces' ? far : near)).join('')).join(''),
    border: (group) => geo.borders[group].map((line) => chain(line, false, near)).join(''),
  };
}

/** Douglas–Peucker on screen points: which points to keep so the line moves by less than `tolerance` px. */
export function simplify(xs: Float64Array, ys: Float64Array, tolerance: number): Uint8Array {
  const n = xs.length;
  const keep = new Uint8Array(n);
  if (n === 0) return keep;
  keep[0] = 1;
  keep[n - 1] = 1;
  const t2 = tolerance * tolerance;
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    const ax = xs[first]!;
    const ay = ys[first]!;
    const ex = xs[last]! - ax;
    const ey = ys[last]! - ay;
    const len2 = ex * ex + ey * ey;
    let far = -1;
    let farD2 = t2;
    for (let i = first + 1; i < last; i++) {
      const px = xs[i]! - ax;
      const py = ys[i]! - ay;
      // Distance to the segment (to its end points beyond them); a closed arc has len2 = 0.
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * ex + py * ey) / len2));
      const qx = px - t * ex;
      const qy = py - t * ey;
      const d2 = qx * qx + qy * qy;
      if (d2 > farD2) {
        far = i;
        farD2 = d2;
      }
    }
    if (far < 0) continue;
    keep[far] = 1;
    stack.push(first, far, far, last);
  }
  return keep;
}

type Bounds = [x0: number, y0: number, x1: number, y1: number];

/**
 * Leaves out the inner points of every run of points beyond one side of `bounds` (Xinjiang's
 * border, at the Guizhou view). The chord that replaces such a run stays beyond that side, so
 * nothing inside the bounds changes: not the lines, and not which points are inside an area.
 * Sides are taken one after another, so a run round a corner becomes two chords, each beyond its side.
 */
export function cullOutside(xs: Float64Array, ys: Float64Array, [x0, y0, x1, y1]: Bounds): [Float64Array, Float64Array] {
  const beyond = [(x: number) => x < x0, (x: number) => x > x1, (_: number, y: number) => y < y0, (_: number, y: number) => y > y1];
  let px: Float64Array = xs;
  let py: Float64Array = ys;
  for (const out of beyond) {
    const n = px.length;
    const keep: number[] = [];
    for (let i = 0; i < n; i++) {
      const inner = i > 0 && i < n - 1 && out(px[i - 1]!, py[i - 1]!) && out(px[i]!, py[i]!) && out(px[i + 1]!, py[i + 1]!);
      if (!inner) keep.push(i);
    }
    if (keep.length === n) continue;
    px = Float64Array.from(keep, (i) => px[i]!);
    py = Float64Array.from(keep, (i) => py[i]!);
  }
  return [px, py];
}
