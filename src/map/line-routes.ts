import type { Box, Circle } from './free-spots.ts';
import { memo } from './memo.ts';

/*
 * The partner lines of the composed view, bundled for reading. The lines to one inset leave their
 * places, join one trunk east of the last of them (on the side that faces the inset), enter the
 * inset through one port on the edge that faces Guizhou (the left edge of an inset beside Guizhou,
 * the top of one below it), and fan out there to their districts. Drawn one by one, lines from the
 * west of Guizhou to the north of an inset crossed those from the east to its south (13 crossings at
 * 1280 × 800); bundled, they meet and part instead, and the colour and dash still tell them apart.
 */

export type Point = readonly [number, number];

/** A line's way: from its place to the trunk's start, along the trunk to the port, then to its district. */
export interface Route {
  from: Point;
  join: Point;
  /** Where the lines into the trunk bend toward it: on the trunk's line, before its start. */
  bend: Point;
  port: Point;
  /** Where it goes on inside the inset's map: the port, or below the caption of an inset entered from the top. */
  enter: Point;
  to: Point;
  /** The edge it enters by: 'left' (inset beside Guizhou) or 'top' (inset below). */
  side: 'left' | 'top';
}

export interface LineToInset {
  id: string;
  from: Point;
  to: Point;
  /** The inset's frame and its map (the frame without its caption). */
  frame: Box;
  map: Box;
}

/** The inset's scale bar stands in the bottom left corner of its map: a port keeps above it. */
const SCALE_BAR = 26;
/** Above this many lines, crossings are not weighed (see plan). */
const MANY_LINES = 40;
/** How far into the inset its lines run together before they part. */
const FAN = 14;

/** What lines keep clear of: the circles (but their own places') and the shared figures' cards. */
export interface LineObstacles {
  circles: readonly Circle[];
  boxes: readonly Box[];
}

/** The routes of every line, by line id. */
export function planRoutes(lines: readonly LineToInset[], avoid: LineObstacles): Map<string, Route> {
  return plans.get(JSON.stringify([lines, avoid]), () => plan(lines, avoid));
}

const plans = memo<Map<string, Route>>(2);

function plan(lines: readonly LineToInset[], avoid: LineObstacles): Map<string, Route> {
  const groups = new Map<string, LineToInset[]>();
  for (const l of lines) {
    const key = String(l.frame);
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const placed: Traced[] = [];
  // With many lines (a dataset of every county) the bundles cannot all keep apart, and weighing their
  // crossings took most of a filter change (with every line placed before), then a tenth of it (with
  // the bundle's own, which meet at one trunk by design): only length and what a line runs through count.
  const many = lines.length > MANY_LINES;
  const out = new Map<string, Route>();
  for (const group of groups.values()) {
    const { frame, map } = group[0]!;
    const side: Route['side'] = frame[0] > median(group.map((l) => l.from[0])) ? 'left' : 'top';
    // Across: the axis along the edge; toward: the axis from Guizhou into the inset.
    const across = (p: Point) => (side === 'left' ? p[1] : p[0]);
    const toward = (p: Point) => (side === 'left' ? p[0] : p[1]);
    const point = (t: number, a: number): Point => (side === 'left' ? [round(t), round(a)] : [round(a), round(t)]);
    // The port stands on the edge's map part; on a top edge it keeps right of the caption's words.
    const [lo, hi] = side === 'left' ? [map[1] + 6, map[3] - SCALE_BAR] : [map[0] + (map[2] - map[0]) * 0.4, map[2] - 8];
    const edge = side === 'left' ? frame[0] : frame[1];
    const last = Math.max(...group.map((l) => toward(l.from)));
    const routesAt = (a: number, f: number): Route[] => {
      // The trunk starts past the last place (never closer than 24 px to the edge); its lines bend toward it just before.
      const join = Math.min(edge - 24, last + Math.max(0, edge - last) * f);
      const bend = last + (join - last) * 0.3;
      // Entered from the top, a line passes under the caption (its words stay whole) and goes on below it.
      const enter = point(side === 'left' ? edge : map[1], a);
      return group.map((l) => ({ from: l.from, join: point(join, a), bend: point(bend, a), port: point(edge, a), enter, to: l.to, side }));
    };
    // The trunk's height and start: the shortest lines that pass no other place's circle or card and cross least.
    // (The lines placed before cross each other alike under every candidate: only crossings with them and among these count.)
    let best: { cost: number; paths: Traced[] } | null = null;
    const middle = clamp(mean(group.map((l) => across(l.to))), lo, Math.max(lo, hi));
    for (const a of [middle, ...steps(lo, Math.max(lo, hi), 10)]) {
      for (const f of [1 / 3, 2 / 3]) {
        const routes = routesAt(a, f);
        const paths = routes.map(traced);
        const lengths = paths.map((p) => length(p.points));
        const off = Math.abs(a - middle);
        // Every term of the cost is ≥ 0: a candidate whose lengths alone, then with its hits, already
        // cost as much as the best so far is not weighed further (the same choice; crossings are most of the work).
        if (best && lengths.reduce((sum, l) => sum + l, 0) + off >= best.cost) continue;
        const along = paths.reduce((sum, p, i) => sum + lengths[i]! + 400 * hits(p, avoid), 0);
        if (best && along + off >= best.cost) continue;
        const crossed = many ? 0 : crossingsAmong(paths) + crossingsBetween(paths, placed);
        const cost = along + 300 * crossed + off;
        if (!best || cost < best.cost) best = { cost, paths };
      }
    }
    placed.push(...best!.paths);
    group.forEach((l, i) => {
      out.set(l.id, best!.paths[i]!.route);
    });
  }
  return out;
}

/**
 * A route with the points it is checked by, their box (most pairs of lines and obstacles are far
 * apart), each segment's box (x0, y0, x1, y1 from the second point on: segments cross only where
 * their boxes meet) and the points where meeting another line is no crossing.
 */
type Traced = { route: Route; points: Point[]; box: Box; segments: Float64Array; ends: Point[] };

function traced(r: Route): Traced {
  const points = routePoints(r, 8);
  const segments = new Float64Array(points.length * 4);
  for (let j = 1; j < points.length; j++) {
    const p = points[j - 1]!;
    const q = points[j]!;
    segments[j * 4] = Math.min(p[0], q[0]);
    segments[j * 4 + 1] = Math.min(p[1], q[1]);
    segments[j * 4 + 2] = Math.max(p[0], q[0]);
    segments[j * 4 + 3] = Math.max(p[1], q[1]);
  }
  return { route: r, points, box: boxOf(points), segments, ends: [r.from, r.join, r.port, r.to] };
}

const apart = (a: Box, b: Box, by: number) => a[0] > b[2] + by || b[0] > a[2] + by || a[1] > b[3] + by || b[1] > a[3] + by;

/** How many circles (not its own place's) and cards a route runs through. */
function hits(r: Traced, avoid: LineObstacles): number {
  const own = (c: Circle) => Math.hypot(c.x - r.route.from[0], c.y - r.route.from[1]) <= c.r + 1;
  const near = (c: Circle) => !apart(r.box, [c.x, c.y, c.x, c.y], c.r + 3) && !own(c) && nearPolyline(r, c, c.r + 3);
  return avoid.circles.filter(near).length + avoid.boxes.filter((b) => !apart(r.box, b, 0) && crossesBox(r.points, b)).length;
}

function nearPolyline({ points, segments }: Traced, c: Circle, d: number): boolean {
  for (let i = 1; i < points.length; i++) {
    // A centre farther than d beyond the segment's box is farther than d from the segment.
    if (c.x < segments[i * 4]! - d || c.x > segments[i * 4 + 2]! + d || c.y < segments[i * 4 + 1]! - d || c.y > segments[i * 4 + 3]! + d) continue;
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const t = clamp(((c.x - ax) * dx + (c.y - ay) * dy) / (dx * dx + dy * dy || 1), 0, 1);
    if (Math.hypot(ax + t * dx - c.x, ay + t * dy - c.y) < d) return true;
  }
  return false;
}

/**
 * How many times routes cross. Lines meet where they share a place, a trunk or a district, which is
 * no crossing: meetings within a few pixels of those points are not counted.
 */
export function crossings(routes: readonly Route[]): number {
  return crossingsAmong(routes.map(traced));
}

function crossingsAmong(paths: readonly Traced[]): number {
  let n = 0;
  for (let i = 0; i < paths.length; i++) for (let j = i + 1; j < paths.length; j++) n += pairCrossings(paths[i]!, paths[j]!);
  return n;
}

function crossingsBetween(paths: readonly Traced[], others: readonly Traced[]): number {
  let n = 0;
  for (const a of paths) for (const b of others) n += pairCrossings(a, b);
  return n;
}

function pairCrossings(a: Traced, b: Traced): number {
  if (apart(a.box, b.box, 0)) return 0;
  let n = 0;
  const { points: pa, segments: sa } = a;
  const { points: pb, segments: sb } = b;
  const [bx0, by0, bx1, by1] = b.box;
  for (let i = 1; i < pa.length; i++) {
    const x0 = sa[i * 4]!;
    const y0 = sa[i * 4 + 1]!;
    const x1 = sa[i * 4 + 2]!;
    const y1 = sa[i * 4 + 3]!;
    // A segment beyond the other line's box meets none of its segments.
    if (x0 > bx1 || x1 < bx0 || y0 > by1 || y1 < by0) continue;
    for (let j = 1; j < pb.length; j++) {
      if (sb[j * 4]! > x1 || sb[j * 4 + 2]! < x0 || sb[j * 4 + 1]! > y1 || sb[j * 4 + 3]! < y0) continue;
      const x = segmentCrossing(pa[i - 1]!, pa[i]!, pb[j - 1]!, pb[j]!);
      if (x && !nearAny(x, a.ends) && !nearAny(x, b.ends)) n++;
    }
  }
  return n;
}

// Lines meet at a shared place, trunk or district: a crossing this near one of their ends is such a meeting.
const NEAR_END = 6;
const nearAny = (x: Point, ends: readonly Point[]) => ends.some((e) => Math.hypot(e[0] - x[0], e[1] - x[1]) < NEAR_END);

/** Where two segments cross (one end of each excluded, so that a crossing at a joint counts once). */
function segmentCrossing(p: Point, p2: Point, q: Point, q2: Point): Point | null {
  const r0 = p2[0] - p[0];
  const r1 = p2[1] - p[1];
  const s0 = q2[0] - q[0];
  const s1 = q2[1] - q[1];
  const den = r0 * s1 - r1 * s0;
  if (Math.abs(den) < 1e-9) return null;
  const t = ((q[0] - p[0]) * s1 - (q[1] - p[1]) * s0) / den;
  const u = ((q[0] - p[0]) * r1 - (q[1] - p[1]) * r0) / den;
  return t >= 0 && t < 1 && u >= 0 && u < 1 ? [p[0] + t * r0, p[1] + t * r1] : null;
}

/** The SVG path of a route: into the trunk square to it, along it, then out to the district. */
export function routePath(r: Route): string {
  const [a, b, c, d] = inward(r);
  const [, e, f, g] = outward(r);
  const under = r.enter[0] === r.port[0] && r.enter[1] === r.port[1] ? '' : `M${pt(r.enter)}`;
  return `M${pt(a)}C${pt(b)} ${pt(c)} ${pt(d)}L${pt(r.port)}${under}C${pt(e)} ${pt(f)} ${pt(g)}`;
}

/** Points along a route, for keeping names clear of it (and counting crossings in tests). */
export function routePoints(r: Route, steps = 16): Point[] {
  return [...bezier(inward(r), steps), ...bezier(outward(r), Math.ceil(steps / 2))];
}

type Cubic = [Point, Point, Point, Point];

function inward(r: Route): Cubic {
  // All lines of a trunk share their bend (a point on the trunk's line, behind its start): curves
  // from different places to one point with one bend meet there without crossing on the way.
  const { from, join, bend } = r;
  const q1: Point = [from[0] + ((bend[0] - from[0]) * 2) / 3, from[1] + ((bend[1] - from[1]) * 2) / 3];
  const q2: Point = [join[0] + ((bend[0] - join[0]) * 2) / 3, join[1] + ((bend[1] - join[1]) * 2) / 3];
  return [from, q1, q2, join];
}

function outward(r: Route): Cubic {
  // The same shared bend on the way out, a little inside the edge: the fan to the districts does not cross either.
  const { enter: port, to } = r;
  const bend: Point = r.side === 'left' ? [port[0] + FAN, port[1]] : [port[0], port[1] + FAN];
  const q1: Point = [port[0] + ((bend[0] - port[0]) * 2) / 3, port[1] + ((bend[1] - port[1]) * 2) / 3];
  const q2: Point = [to[0] + ((bend[0] - to[0]) * 2) / 3, to[1] + ((bend[1] - to[1]) * 2) / 3];
  return [port, q1, q2, to];
}

function bezier([p0, p1, p2, p3]: Cubic, steps: number): Point[] {
  const out: Point[] = new Array(steps + 1);
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const c = 3 * u * t * t;
    const d = t * t * t;
    out[i] = [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
  }
  return out;
}

/** Does a polyline run through a box? */
export function crossesBox(points: readonly Point[], box: Box): boolean {
  for (let i = 1; i < points.length; i++) if (segmentInBox(points[i - 1]!, points[i]!, box)) return true;
  return false;
}

function segmentInBox(a: Point, b: Point, [l, t, r, bt]: Box): boolean {
  // Most segments pass far from the box: one wholly beside it is not clipped.
  if (Math.max(a[0], b[0]) < l || Math.min(a[0], b[0]) > r || Math.max(a[1], b[1]) < t || Math.min(a[1], b[1]) > bt) return false;
  // Liang–Barsky: clip the segment to the box; anything left means it runs through.
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  for (const [p, q] of [
    [-dx, a[0] - l],
    [dx, r - a[0]],
    [-dy, a[1] - t],
    [dy, bt - a[1]],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const v = q / p;
    if (p < 0) t0 = Math.max(t0, v);
    else t1 = Math.min(t1, v);
    if (t0 > t1) return false;
  }
  return true;
}

const steps = (lo: number, hi: number, by: number) => Array.from({ length: Math.floor((hi - lo) / by) + 1 }, (_, i) => lo + i * by);
const length = (points: readonly Point[]) => points.reduce((s, p, i) => (i === 0 ? 0 : s + Math.hypot(p[0] - points[i - 1]![0], p[1] - points[i - 1]![1])), 0);
export function boxOf(points: readonly Point[]): Box {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return [x0, y0, x1, y1];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const round = (v: number) => Math.round(v * 10) / 10;
const pt = (p: Point) => `${round(p[0])},${round(p[1])}`;
