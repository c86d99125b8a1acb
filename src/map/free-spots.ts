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
  // The spots clear of the shape, nearest first (equally near: the first row by row): the first of
  // them that the circles, boxes and `accept` allow is the answer. Those checks (hundreds of circles
  // with a large dataset) are the work; a scan row by row ran them at every spot nearer than the
  // best found so far, here only at spots nearer than the answer.
  const cells = circleCells(taken);
  const reach = cells.largest + r + gap;
  const spots: number[] = [];
  const dist: number[] = [];
  for (let j = 0; j < rows; j++) {
    const y = box[1] + j * step;
    if (y - r < within[1] || y + r > within[3]) continue;
    for (let i = 0; i < cols; i++) {
      const x = box[0] + i * step;
      if (x - r < within[0] || x + r > within[2] || clearance[j * cols + i]! < r + gap) continue;
      spots.push(j * cols + i);
      dist.push((x - target[0]) ** 2 + (y - target[1]) ** 2);
    }
  }
  const nth = nearestFirst(dist, step);
  for (let k = 0, n = nth(0); n !== undefined; n = nth(++k)) {
    const x = box[0] + (spots[n]! % cols) * step;
    const y = box[1] + Math.floor(spots[n]! / cols) * step;
    if (avoid.some((b) => x + r > b[0] && x - r < b[2] && y + r > b[1] && y - r < b[3])) continue;
    if (cells.some(x - reach, y - reach, x + reach, y + reach, (c) => (c.x - x) ** 2 + (c.y - y) ** 2 < (c.r + r + gap) ** 2)) continue;
    if (accept && !accept(x, y)) continue;
    return [x, y];
  }
  return null;
}

/**
 * The order of spots by their squared distance `dist` from a target, nearest first (equally near:
 * the lower index first): `nth(k)` is the index of the k-th, undefined past the last. The spots go
 * by rings `step` wide round the target, each ring sorted only when asked for: a search ends near
 * the target, and sorting every spot of the frame cost more than the search.
 */
export function nearestFirst(dist: ArrayLike<number>, step: number): (k: number) => number | undefined {
  const ringOf = new Uint32Array(dist.length);
  let most = 0;
  for (let n = 0; n < dist.length; n++) {
    ringOf[n] = Math.floor(Math.sqrt(dist[n]!) / step);
    if (ringOf[n]! > most) most = ringOf[n]!;
  }
  // By ring (a counting sort): ring q's spots are byRing[start[q]] … byRing[start[q + 1] - 1].
  const start = new Uint32Array(most + 2);
  for (let n = 0; n < ringOf.length; n++) start[ringOf[n]! + 1]!++;
  for (let q = 1; q < start.length; q++) start[q]! += start[q - 1]!;
  const byRing = new Uint32Array(ringOf.length);
  const filled = start.slice(0, most + 1);
  for (let n = 0; n < ringOf.length; n++) byRing[filled[ringOf[n]!]!++] = n;
  const order: number[] = [];
  let ring = 0;
  return (k) => {
    while (order.length <= k && ring <= most) {
      order.push(...Array.from(byRing.subarray(start[ring]!, start[ring + 1]!)).sort((a, b) => dist[a]! - dist[b]! || a - b));
      ring++;
    }
    return order[k];
  };
}

/**
 * The circles by the cell their centre lies in: `some` asks only those centred in the cells that a
 * box meets (a circle reaching in from farther is not asked: widen the box by its reach). A dataset of
 * every county has thousands of circles, and spots are tried by the thousand.
 */
export function circleCells(circles: readonly Circle[]): { largest: number; some(x0: number, y0: number, x1: number, y1: number, test: (c: Circle) => boolean): boolean } {
  const CELL = 64;
  // Cells numbered row by row (two cells that share a number only cost a few more checks).
  const cellOf = (i: number, j: number) => (j + 4096) * 8192 + i + 4096;
  const cells = new Map<number, Circle[]>();
  let largest = 0;
  for (const c of circles) {
    const at = cellOf(Math.floor(c.x / CELL), Math.floor(c.y / CELL));
    const cell = cells.get(at);
    if (cell) cell.push(c);
    else cells.set(at, [c]);
    if (c.r > largest) largest = c.r;
  }
  return {
    largest,
    some(x0, y0, x1, y1, test) {
      const [i0, j0, i1, j1] = [Math.floor(x0 / CELL), Math.floor(y0 / CELL), Math.floor(x1 / CELL), Math.floor(y1 / CELL)];
      for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) if (cells.get(cellOf(i, j))?.some(test)) return true;
      return false;
    },
  };
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
