/*
 * Room beside a shape. A figure for several places, or for Guizhou as a whole, is drawn as one
 * circle in the empty part of Guizhou's box next to the province (at the places' middle it would sit
 * on a place that is not among them). This finds that room: a grid over the box that knows, for each
 * point, how far it is from the shape (0 inside it).
 */

export type Box = readonly [number, number, number, number];
export interface Circle {
  x: number;
  y: number;
  r: number;
}

export interface ClearanceField {
  box: Box;
  step: number;
  cols: number;
  rows: number;
  /** Distance (px) from each grid point to the shape, up to `reach` (farther points hold `reach`); 0 inside it. Row-major. */
  clearance: Float32Array;
}

/**
 * `rings`: the shape's rings in screen pixels, each [x0, y0, x1, y1, …]; even–odd filling. `reach`:
 * the farthest distance the field tells (it says whether a circle fits, and no circle is wider), so
 * that a point far from the shape is not searched all the way out.
 */
export function clearanceField(rings: readonly (readonly number[])[], box: Box, step = 8, reach = Infinity): ClearanceField {
  // An outline thinned to the grid's step is close enough for placing circles, and many times cheaper.
  const edges = edgesOf(rings.map((r) => thin(r, step)));
  const cols = Math.max(1, Math.floor((box[2] - box[0]) / step) + 1);
  const rows = Math.max(1, Math.floor((box[3] - box[1]) / step) + 1);
  const clearance = new Float32Array(cols * rows);
  const near = bucketed(edges, box, reach);
  for (let j = 0; j < rows; j++) {
    const y = box[1] + j * step;
    // Where the row crosses the outline, once per row: a point is inside where an odd number of crossings lie to its right.
    const xs: number[] = [];
    for (let e = 0; e < edges.length; e += 4) {
      const ax = edges[e]!;
      const ay = edges[e + 1]!;
      const bx = edges[e + 2]!;
      const by = edges[e + 3]!;
      if (ay > y !== by > y) xs.push(((bx - ax) * (y - ay)) / (by - ay) + ax);
    }
    xs.sort((a, b) => a - b);
    let right = 0; // crossings at or left of x
    for (let i = 0; i < cols; i++) {
      const x = box[0] + i * step;
      while (right < xs.length && xs[right]! <= x) right++;
      const inside = (xs.length - right) % 2 === 1;
      clearance[j * cols + i] = inside ? 0 : Math.sqrt(near(x, y));
    }
  }
  return { box, step, cols, rows, clearance };
}

/** Every ring's edges as [ax, ay, bx, by, …] (each ring closed). */
function edgesOf(rings: readonly number[][]): Float64Array {
  const out: number[] = [];
  for (const ring of rings) {
    const n = ring.length;
    for (let k = 0, l = n - 2; k < n; l = k, k += 2) out.push(ring[l]!, ring[l + 1]!, ring[k]!, ring[k + 1]!);
  }
  return Float64Array.from(out);
}

/**
 * The squared distance from a point to the nearest edge, looking only at the edges in the buckets
 * around it, ring by ring, until no farther bucket can hold a nearer edge: the same answer as trying
 * every edge, for a few of them. Beyond `reach`, reach².
 */
function bucketed(edges: Float64Array, box: Box, reach: number): (x: number, y: number) => number {
  const size = 32;
  const cols = Math.max(1, Math.ceil((box[2] - box[0]) / size) + 1);
  const rows = Math.max(1, Math.ceil((box[3] - box[1]) / size) + 1);
  const cell = (v: number, origin: number, count: number) => Math.max(0, Math.min(count - 1, Math.floor((v - origin) / size)));
  const buckets: number[][] = Array.from({ length: cols * rows }, () => []);
  for (let e = 0; e < edges.length; e += 4) {
    const i0 = cell(Math.min(edges[e]!, edges[e + 2]!), box[0], cols);
    const i1 = cell(Math.max(edges[e]!, edges[e + 2]!), box[0], cols);
    const j0 = cell(Math.min(edges[e + 1]!, edges[e + 3]!), box[1], rows);
    const j1 = cell(Math.max(edges[e + 1]!, edges[e + 3]!), box[1], rows);
    for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) buckets[j * cols + i]!.push(e);
  }
  return (x, y) => {
    const ci = cell(x, box[0], cols);
    const cj = cell(y, box[1], rows);
    let d2 = Infinity;
    const most = Math.max(cols, rows);
    for (let k = 0; k < most; k++) {
      for (let j = cj - k; j <= cj + k; j++) {
        if (j < 0 || j >= rows) continue;
        const ring = j === cj - k || j === cj + k;
        for (let i = ci - k; i <= ci + k; i += ring ? 1 : 2 * k) {
          if (i < 0 || i >= cols) continue;
          for (const e of buckets[j * cols + i]!) d2 = Math.min(d2, segmentDistance2(x, y, edges[e]!, edges[e + 1]!, edges[e + 2]!, edges[e + 3]!));
        }
      }
      // Edges in buckets beyond this ring are at least k buckets away (edges outside the box sit in its border buckets).
      if (d2 <= (k * size) ** 2 || k * size >= reach) break;
    }
    return Math.min(d2, reach * reach);
  };
}

/**
 * The grid point nearest to `target` where a circle of radius r keeps `gap` px clear of the shape,
 * of the circles already placed and of the boxes to avoid, inside `within` (default: the field's
 * box); null if there is none.
 */
export function placeCircle(
  field: ClearanceField,
  target: readonly [number, number],
  r: number,
  taken: readonly Circle[],
  avoid: readonly Box[] = [],
  within: Box = field.box,
  gap = 3,
  /** What else a spot must allow (what stands beside the circle). */
  accept?: (x: number, y: number) => boolean,
): [number, number] | null {
  const { step, cols, rows, clearance } = field;
  const box = field.box;
  let best: [number, number] | null = null;
  let bestD = Infinity;
  for (let j = 0; j < rows; j++) {
    const y = box[1] + j * step;
    if (y - r < within[1] || y + r > within[3]) continue;
    for (let i = 0; i < cols; i++) {
      const x = box[0] + i * step;
      if (x - r < within[0] || x + r > within[2] || clearance[j * cols + i]! < r + gap) continue;
      const d = (x - target[0]) ** 2 + (y - target[1]) ** 2;
      if (d >= bestD) continue;
      if (taken.some((c) => (c.x - x) ** 2 + (c.y - y) ** 2 < (c.r + r + gap) ** 2)) continue;
      if (avoid.some((b) => x + r > b[0] && x - r < b[2] && y + r > b[1] && y - r < b[3])) continue;
      if (accept && !accept(x, y)) continue;
      best = [x, y];
      bestD = d;
    }
  }
  return best;
}

/** Drops points closer than `min` px to the last one kept: the field needs no finer outline. */
function thin(ring: readonly number[], min: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ring.length; i += 2) {
    const x = ring[i]!;
    const y = ring[i + 1]!;
    const n = out.length;
    if (n === 0 || Math.abs(x - out[n - 2]!) + Math.abs(y - out[n - 1]!) >= min || i === ring.length - 2) out.push(x, y);
  }
  return out;
}

function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
  return (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
}
