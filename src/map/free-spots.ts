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
  /** Distance (px) from each grid point to the shape; 0 inside it. Row-major. */
  clearance: Float32Array;
}

/** `rings`: the shape's rings in screen pixels, each [x0, y0, x1, y1, …]; even–odd filling. */
export function clearanceField(rings: readonly (readonly number[])[], box: Box, step = 8): ClearanceField {
  // An outline thinned to the grid's step is close enough for placing circles, and many times cheaper.
  const segments = rings.map((r) => thin(r, step));
  const cols = Math.max(1, Math.floor((box[2] - box[0]) / step) + 1);
  const rows = Math.max(1, Math.floor((box[3] - box[1]) / step) + 1);
  const clearance = new Float32Array(cols * rows);
  for (let j = 0; j < rows; j++) {
    const y = box[1] + j * step;
    for (let i = 0; i < cols; i++) {
      const x = box[0] + i * step;
      let inside = false;
      let d2 = Infinity;
      for (const ring of segments) {
        const n = ring.length;
        for (let k = 0, l = n - 2; k < n; l = k, k += 2) {
          const ax = ring[l]!;
          const ay = ring[l + 1]!;
          const bx = ring[k]!;
          const by = ring[k + 1]!;
          if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
          d2 = Math.min(d2, segmentDistance2(x, y, ax, ay, bx, by));
        }
      }
      clearance[j * cols + i] = inside ? 0 : Math.sqrt(d2);
    }
  }
  return { box, step, cols, rows, clearance };
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
