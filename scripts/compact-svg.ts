/*
 * Makes the first view's SVG small enough to arrive, parse and paint quickly (draw-first-view.ts):
 * the live renderer writes every polygon of China at full detail, mostly far outside the frame (an
 * inset draws its province at many times the main map's scale). Here each path keeps only what can
 * show: vertices outside the visible box are dropped where that changes nothing inside it, and the
 * rest is written as short relative steps in tenths of a pixel, as the renderer rounds them.
 */

/** An axis-aligned box in a path's own coordinates. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Point = [number, number];
interface Ring {
  points: Point[];
  closed: boolean;
}

const STRAIGHT_ONLY = /^[MLlZz0-9.,\-\s]*$/;

/** Which sides of the box a point lies beyond, as bits (left, right, above, below). */
function outside([x, y]: Point, b: Box): number {
  return (x < b.x0 ? 1 : 0) | (x > b.x1 ? 2 : 0) | (y < b.y0 ? 4 : 0) | (y > b.y1 ? 8 : 0);
}

/** Rings in tenths of a pixel, from path data of straight segments, absolute (M, L) or relative (l) as the renderer writes them. */
function parse(d: string): Ring[] | null {
  if (!STRAIGHT_ONLY.test(d)) return null;
  const rings: Ring[] = [];
  let ring: Ring | null = null;
  let at: Point = [0, 0];
  for (const [, cmd, args] of d.matchAll(/([MLlZz])([^MLlZz]*)/g)) {
    if (cmd === 'Z' || cmd === 'z') {
      if (ring) {
        ring.closed = true;
        at = ring.points[0] ?? at;
      }
      ring = null;
      continue;
    }
    const nums = (args ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number);
    if (nums.length % 2 !== 0 || nums.some((n) => !Number.isFinite(n))) return null;
    if (cmd === 'M' || !ring) {
      ring = { points: [], closed: false };
      rings.push(ring);
    }
    // Tenths of a pixel, as integers: the steps below add up to exactly the points written.
    for (let i = 0; i < nums.length; i += 2) {
      const x = Math.round(nums[i]! * 10);
      const y = Math.round(nums[i + 1]! * 10);
      at = cmd === 'l' ? [at[0] + x, at[1] + y] : [x, y];
      ring.points.push(at);
    }
  }
  return rings;
}

/**
 * Drops a vertex when it, the last vertex kept and the next one all lie beyond the same side of the
 * box: the triangle they make is then wholly beyond that side, so neither the fill nor the stroke
 * changes inside the box (and a chain of such drops is a fan of such triangles). A ring wholly
 * beyond one side goes altogether. The first and last points stay, so rings keep their seam.
 */
function clip(ring: Ring, box: Box): Ring | null {
  const pts = ring.points.filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
  if (pts.reduce((m, p) => m & outside(p, box), 15) !== 0) return null;
  const kept: Point[] = [pts[0]!];
  for (let i = 1; i < pts.length - 1; i++) {
    if ((outside(kept[kept.length - 1]!, box) & outside(pts[i]!, box) & outside(pts[i + 1]!, box)) !== 0) continue;
    kept.push(pts[i]!);
  }
  if (pts.length > 1) kept.push(pts[pts.length - 1]!);
  return { points: kept, closed: ring.closed };
}

/**
 * Douglas–Peucker: keeps the points that stray more than `tolerance` (tenths of a pixel) from the
 * line between the points kept around them. Neighbouring areas, simplified apart, can then part by
 * at most that much along a shared edge, which the borders drawn over them cover.
 */
function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!;
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * (px - ax) - dx * (py - ay)) / length;
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Tenths of a pixel as the shortest SVG number: 12 → "1.2", -5 → "-.5", 30 → "3". */
function num(tenths: number): string {
  return String(tenths / 10).replace(/^(-?)0\./, '$1.');
}

/** Numbers joined as SVG reads them: a minus sign separates on its own. */
function join(nums: string[]): string {
  return nums.reduce((s, n, i) => (i === 0 || n.startsWith('-') ? s + n : `${s} ${n}`), '');
}

function write(rings: Ring[]): string {
  return rings
    .map(({ points, closed }) => {
      const [x, y] = points[0]!;
      const steps = points.slice(1).flatMap((p, i) => [num(p[0] - points[i]![0]), num(p[1] - points[i]![1])]);
      return `M${join([num(x), num(y)])}${steps.length ? `l${join(steps)}` : ''}${closed ? 'z' : ''}`;
    })
    .join('');
}

/** Path data (straight segments: M, L, l, Z) with only what can show inside `box`; '' when nothing can; anything else unchanged. */
export function compactPath(d: string, box: Box, tolerance: number): string {
  const rings = parse(d);
  if (!rings) return d;
  const tenths = { x0: box.x0 * 10, y0: box.y0 * 10, x1: box.x1 * 10, y1: box.y1 * 10 };
  const kept = rings.flatMap((r) => {
    const clipped = clip(r, tenths);
    if (!clipped) return [];
    const points = simplify(clipped.points, tolerance * 10);
    // A closed ring thinner than the tolerance encloses nothing that shows.
    return points.length > (clipped.closed ? 2 : 0) ? [{ points, closed: clipped.closed }] : [];
  });
  return write(kept);
}

const TRANSLATE = /^\s*translate\(\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*\)\s*$/;

/**
 * The box that can show of a path, in its own coordinates: its clip path's rectangle (an inset's
 * frame), else `frame`. Null where a transform other than a translation lies between (left alone).
 */
export function visibleBox(path: Element, root: Element, frame: Box, margin: number): Box | null {
  let dx = 0;
  let dy = 0;
  for (let e: Element | null = path; e && e !== root; e = e.parentElement) {
    const clipRef = e.getAttribute('clip-path')?.match(/^url\(#(.+)\)$/)?.[1];
    const clipRect = clipRef ? root.querySelector(`[id="${clipRef}"] rect`) : null;
    if (clipRect) {
      const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(clipRect.getAttribute(a) ?? 0)) as [number, number, number, number];
      return { x0: x - dx - margin, y0: y - dy - margin, x1: x + w - dx + margin, y1: y + h - dy + margin };
    }
    const transform = e.getAttribute('transform');
    if (transform && e !== path) {
      const m = TRANSLATE.exec(transform);
      if (!m) return null;
      dx += Number(m[1]);
      dy += Number(m[2]);
    }
  }
  return { x0: frame.x0 - dx, y0: frame.y0 - dy, x1: frame.x1 - dx, y1: frame.y1 - dy };
}

/**
 * The lines of a stroke-only path (a mesh of borders: one line per shared edge), grouped by the
 * `cell` × `cell` square their first point lies in. The browser paints in tiles and strokes a whole
 * path again for every tile it crosses; in pieces, each tile strokes only the lines near it.
 */
export function splitLines(d: string, cell: number): string[] {
  const groups = new Map<string, string[]>();
  for (const line of d.match(/M[^M]*/g) ?? []) {
    const [x, y] = (line.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    const key = `${Math.floor((x ?? 0) / cell)},${Math.floor((y ?? 0) / cell)}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return [...groups.values()].map((lines) => lines.join(''));
}

// Stroke-only paths longer than this are painted in pieces (splitLines), if written here (M, l, z).
const SPLIT_LENGTH = 4000;
const WRITTEN = /^M[Mlz0-9.\s-]*$/;
const SPLIT_CELL = 128;

/** Compacts every path under `root` (an SVG drawn for `frame`), dropping those with nothing left to show. */
export function compactSvg(root: Element, frame: Box, strokeMargin: number, tolerance: number): void {
  for (const path of [...root.querySelectorAll('path[d]')]) {
    if (path.hasAttribute('transform')) continue;
    const box = visibleBox(path, root, frame, strokeMargin);
    if (!box) continue;
    const d = compactPath(path.getAttribute('d')!, box, tolerance);
    if (d === '') path.remove();
    else if (d.length > SPLIT_LENGTH && path.getAttribute('fill') === 'none' && WRITTEN.test(d))
      path.replaceWith(
        ...splitLines(d, SPLIT_CELL).map((part) => {
          const piece = path.cloneNode(false) as Element;
          piece.setAttribute('d', part);
          return piece;
        }),
      );
    else path.setAttribute('d', d);
  }
}
