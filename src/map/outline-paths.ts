import type { Camera } from '../state/url-state.ts';
import type { AreaGroup, BorderGroup, Geography } from './geography.ts';
import { memo } from './memo.ts';
import { TILE_SIZE } from './projection.ts';

/*
 * SVG path data for the outlines in one view. An arc's points are scaled and shifted to the screen
 * once per view and simplified there (Douglas–Peucker): a point that moves the line by less than
 * half a pixel is left out. The geometry is finer than a pixel in every view we show, so this drops
 * most points without a visible change. What is kept is written to a tenth of a pixel, as an
 * absolute first point and relative steps (M x,y l dx,dy …). Arcs are simplified once, with their
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
  // The view with a margin all round, so that a pan or a zoom out shows real outlines until the
  // redraw: half a view for Guizhou and the partner cities, three views for the provinces, which are
  // the land under everything (a zoom out by two levels still finds them drawn).
  const within = (views: number): Bounds => [-view.width * views, -view.height * views, view.width * (1 + views), view.height * (1 + views)];
  const near = within(0.5);
  const far = within(3);

  // Each arc after thinning, made when first needed, as the path data of its points after the
  // first, both ways ("Lx,yLx,y…"), and its two end points: an arc serves two areas and a border,
  // and its numbers are written once. Provinces and the rest share no arcs (they come from
  // different sources), so one cache serves both margins.
  const screen: (ArcPath | undefined)[] = [];
  let xs = new Float64Array(1024);
  let ys = new Float64Array(1024);
  const pathOf = (index: number, bounds: Bounds): ArcPath => {
    const cached = screen[index];
    if (cached) return cached;
    const arc = geo.arcs[index]!;
    let n = arc.length / 2;
    if (xs.length < n) {
      xs = new Float64Array(n * 2);
      ys = new Float64Array(n * 2);
    }
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < n; i++) {
      const x = (xs[i] = arc[i * 2]! * scale + dx);
      const y = (ys[i] = arc[i * 2 + 1]! * scale + dy);
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    // Most arcs lie wholly within the margin (every one at the default view): nothing to cull.
    if (x0 < bounds[0] || y0 < bounds[1] || x1 > bounds[2] || y1 > bounds[3]) n = cullOutside(xs, ys, n, bounds);
    // An arc wholly outside the frame shows only while a pan or a zoom out moves the drawing, until
    // it is redrawn: there four times the tolerance, which is the tolerance again two zoom levels out
    // (where the provinces' margin ends). Its simplified line stays on its side of the frame, so
    // nothing inside the frame changes, not even a fill.
    const off = x1 < -FRAME_MARGIN || y1 < -FRAME_MARGIN || x0 > view.width + FRAME_MARGIN || y0 > view.height + FRAME_MARGIN;
    const keep = simplify(xs.subarray(0, n), ys.subarray(0, n), off ? tolerance * 4 : tolerance);
    // The kept points in whole tenths of a pixel; steps between them ("l dx,dy …") add up to exactly
    // those points, and are about half as long to write and for the browser to read as the points.
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (!keep[i]) continue;
      xs[m] = Math.round(xs[i]! * 10);
      ys[m] = Math.round(ys[i]! * 10);
      m++;
    }
    const made: ArcPath = { first: m > 0 ? `${xs[0]! / 10},${ys[0]! / 10}` : '', last: m > 0 ? `${xs[m - 1]! / 10},${ys[m - 1]! / 10}` : '', forward: '', backward: '' };
    // Each step's numbers are written once; backwards the same step has its signs turned.
    for (let i = 1; i < m; i++) {
      const dx = xs[i]! - xs[i - 1]!;
      const dy = ys[i]! - ys[i - 1]!;
      if (dx === 0 && dy === 0) continue;
      const sx = `${dx / 10}`;
      const sy = `${dy / 10}`;
      made.forward += ` ${sx},${sy}`;
      made.backward = ` ${negated(sx)},${negated(sy)}${made.backward}`;
    }
    if (made.forward !== '') {
      made.forward = `l${made.forward.slice(1)}`;
      made.backward = `l${made.backward.slice(1)}`;
    }
    screen[index] = made;
    return made;
  };

  // A chain of arcs as one subpath: the first arc's first point, then every arc without its first point.
  const chain = (arcs: number[], close: boolean, bounds: Bounds): string => {
    let d = '';
    for (const a of arcs) {
      const p = pathOf(a < 0 ? ~a : a, bounds);
      if (d === '') d = `M${a < 0 ? p.last : p.first}`;
      d += a < 0 ? p.backward : p.forward;
    }
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

const negated = (n: string) => (n === '0' ? n : n.charCodeAt(0) === 45 ? n.slice(1) : `-${n}`);

type Bounds = [x0: number, y0: number, x1: number, y1: number];

// Beyond the frame by more than this, a line and its stroke do not show.
const FRAME_MARGIN = 4;

/** An arc's path data after its first point, forward and backward ("l dx,dy …"), and its end points ("x,y"). */
interface ArcPath {
  first: string;
  last: string;
  forward: string;
  backward: string;
}

/**
 * Leaves out the inner points of every run of points beyond one side of `bounds` (Xinjiang's
 * border, at the Guizhou view), in place among the first `n` points; returns how many are left.
 * The chord that replaces such a run stays beyond that side, so nothing inside the bounds changes:
 * not the lines, and not which points are inside an area. Sides are taken one after another, so a
 * run round a corner becomes two chords, each beyond its side.
 */
export function cullOutside(xs: Float64Array, ys: Float64Array, n: number, [x0, y0, x1, y1]: Bounds): number {
  for (let side = 0; side < 4; side++) {
    const beyond = (i: number) => (side === 0 ? xs[i]! < x0 : side === 1 ? xs[i]! > x1 : side === 2 ? ys[i]! < y0 : ys[i]! > y1);
    // Reads stay at or ahead of writes: a point is moved down only after its neighbours were read.
    let kept = 0;
    let before = false;
    let here = n > 0 && beyond(0);
    for (let i = 0; i < n; i++) {
      const after = i + 1 < n && beyond(i + 1);
      if (!(i > 0 && i < n - 1 && before && here && after)) {
        xs[kept] = xs[i]!;
        ys[kept] = ys[i]!;
        kept++;
      }
      before = here;
      here = after;
    }
    n = kept;
  }
  return n;
}
