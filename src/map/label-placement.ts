import { circleCells, type Box, type Circle } from './free-spots.ts';
import { boxOf, crossesBox, type Point } from './line-routes.ts';
import { textWidth } from './text-width.ts';

/*
 * Names on the map, placed by priority: each name tries the spots around its point (above a circle
 * drawn there, below, right, left) and then spots further out joined to the point by a leader line.
 * A name never overlaps another name, a circle, or a box to keep clear (buttons, panel, insets), and
 * keeps off the partner lines where any spot allows; a name that finds no spot is left out, so the
 * lowest priorities go first when the map is small.
 */

export interface LabelRequest {
  id: string;
  name: string;
  x: number;
  y: number;
  /** Radius of the circle drawn on the point (names go round it), 0 if none. */
  r: number;
  size: number;
  weight?: number;
  fill: string;
  /** Lower comes first. */
  priority: number;
  /** Where the name must stay: [left, top, right, bottom]. */
  bounds: Box;
  /** May the name stand away from its point, with a leader line? */
  leader: boolean;
  /** Boxes this name keeps out of besides the common ones (a name on the main map, the insets). */
  avoid?: readonly Box[];
  /** How long its leader may be (px); unset, a name may stand up to 86 px off. */
  leaderReach?: number;
  /** A region's name, standing in free room beside it (Guizhou's): no circle is taken for its own. */
  region?: boolean;
  /** A circle's value ("¥630k"): a name without a circle keeps well off it (see VALUE_CLEAR). */
  value?: boolean;
}

export interface PlacedLabel {
  id: string;
  name: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  size: number;
  weight: number;
  fill: string;
  box: Box;
  leader: [number, number, number, number] | null;
}

export interface Obstacles {
  boxes: readonly Box[];
  circles: readonly Circle[];
  /** The partner lines, as points along each: a name stands off them where it can. */
  lines?: readonly (readonly Point[])[];
}

const LEADER_DISTANCES = [26, 42, 62, 86];
/** Where the leaders must stay short (a small map), the spots close in: a name a leader's length from its circle still reads as its own. */
const SHORT_DISTANCES = [12, 19, 26];
/** How far a name may stand off (leader length) to keep off a line. */
const LINE_DETOUR = 62;
const DIRECTIONS: [number, number][] = [
  [0, -1],
  [1, -0.6],
  [1, 0],
  [1, 0.6],
  [0, 1],
  [-1, 0.6],
  [-1, 0],
  [-1, -0.6],
];

export function placeLabels(requests: readonly LabelRequest[], obstacles: Obstacles): PlacedLabel[] {
  const taken: Box[] = [...obstacles.boxes];
  const out: PlacedLabel[] = [];
  const sorted = [...requests].sort((a, b) => a.priority - b.priority);
  const lines = (obstacles.lines ?? []).map((points) => ({ points, box: boxOf(points) }));
  const circles = circleCells(obstacles.circles);
  const values: Box[] = [];
  for (const q of sorted) {
    // A name without a circle just beside a value reads as its place's value ("Bijie" over Puding's ¥630k on a phone).
    const besideValue = (box: Box) => q.r === 0 && !q.region && values.some((v) => gapBetween(v, box) < VALUE_CLEAR);
    // The first spot that is free and off the lines, but not far from its place (a name 80 px away
    // names the wrong place); else the first free spot. Spots after the one taken are not tried.
    let first: Candidate | undefined;
    let placed: Candidate | undefined;
    for (const c of candidates(q)) {
      if (!fits(c.box, q, taken, circles) || (!q.region && nearerAnother(c.box, q, circles)) || besideValue(c.box)) continue;
      first ??= c;
      if (reach(c) <= LINE_DETOUR && !lines.some((l) => overlaps(l.box, c.box) && crossesBox(l.points, c.box))) {
        placed = c;
        break;
      }
    }
    placed ??= first;
    if (!placed) continue;
    taken.push(placed.box);
    if (q.value) values.push(placed.box);
    out.push({ id: q.id, name: q.name, size: q.size, weight: q.weight ?? 400, fill: q.fill, ...placed });
  }
  return out;
}

type Candidate = Pick<PlacedLabel, 'x' | 'y' | 'anchor' | 'box' | 'leader'>;

function candidates(q: LabelRequest): Candidate[] {
  // The box a browser gives a line of text (measured in Chromium with Noto/DejaVu): 1.18 em above
  // the baseline, 0.3 below; bold Latin runs a little wider than textWidth's estimate.
  const w = textWidth(q.name, q.size) * ((q.weight ?? 400) >= 600 ? 1.1 : 1.05);
  const ascent = q.size * 1.18;
  const descent = q.size * 0.3;
  // A box for text whose baseline starts at (x, y) with this anchor.
  const at = (x: number, y: number, anchor: Candidate['anchor'], leader: Candidate['leader'] = null): Candidate => {
    const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    return { x, y, anchor, leader, box: [left - 2, y - ascent, left + w + 2, y + descent] };
  };
  const gap = q.r > 0 ? q.r + 4 : 3;
  const mid = q.y + (ascent - descent) / 2;
  const near: Candidate[] = [
    at(q.x, q.y - gap - descent, 'middle'),
    at(q.x, q.y + gap + ascent, 'middle'),
    at(q.x + gap, mid, 'start'),
    at(q.x - gap, mid, 'end'),
  ];
  if (!q.leader) return near;
  const far: Candidate[] = [];
  // The leader runs from the circle's edge (or 2 px off a bare point) to the spot's edge: d + 3 px long.
  const distances = q.leaderReach === undefined ? LEADER_DISTANCES : SHORT_DISTANCES.filter((d) => d + 3 <= q.leaderReach!);
  for (const d of distances) {
    for (const [dx, dy] of DIRECTIONS) {
      const len = Math.hypot(dx, dy);
      const ex = q.x + (dx / len) * (gap + d);
      const ey = q.y + (dy / len) * (gap + d);
      const anchor = dx > 0 ? 'start' : dx < 0 ? 'end' : 'middle';
      const baseline = dy < 0 ? ey - descent : dy > 0 ? ey + ascent : ey + (ascent - descent) / 2;
      const sx = q.x + (dx / len) * (q.r > 0 ? q.r + 1 : 2);
      const sy = q.y + (dy / len) * (q.r > 0 ? q.r + 1 : 2);
      far.push(at(ex, baseline, anchor, [sx, sy, ex, ey]));
    }
  }
  return [...near, ...far];
}

function fits(box: Box, q: LabelRequest, taken: readonly Box[], circles: ReturnType<typeof circleCells>): boolean {
  const [l, t, r, b] = q.bounds;
  if (box[0] < l || box[1] < t || box[2] > r || box[3] > b) return false;
  if (taken.some((o) => overlaps(box, o)) || q.avoid?.some((o) => overlaps(box, o))) return false;
  const m = circles.largest; // no circle reaches farther
  return !circles.some(box[0] - m, box[1] - m, box[2] + m, box[3] + m, (c) => box[0] < c.x + c.r && c.x - c.r < box[2] && box[1] < c.y + c.r && c.y - c.r < box[3]);
}

/**
 * Does the name stand as near another place's circle as its own point, or nearer? A reader gives a name to the
 * circle beside it: at 400 × 300, "Qianxinan" stood 7 px from Anshun's circle and 30 px from its own
 * (its leader, a hair's width, did not say otherwise), "Anshun" by Guanling's. Such a spot is not taken.
 * (A circle over the point itself, which no spot can be farther from, does not count.)
 */
function nearerAnother(box: Box, q: LabelRequest, circles: ReturnType<typeof circleCells>): boolean {
  const own = Math.max(0, distance(box, q.x, q.y) - q.r);
  const m = circles.largest + own + CLEAR;
  return circles.some(box[0] - m, box[1] - m, box[2] + m, box[3] + m, (c) => Math.hypot(c.x - q.x, c.y - q.y) > Math.max(1, c.r) && distance(box, c.x, c.y) - c.r < own + CLEAR);
}

/** How much nearer its own point than any other circle a name must stand (px): as near to both reads as either's. */
const CLEAR = 2;

/** How far (px, between the boxes, which carry 2 px each) a name without a circle keeps from a value. */
const VALUE_CLEAR = 6;

/** Between two boxes (0 where they meet). */
const gapBetween = (a: Box, b: Box) => Math.hypot(Math.max(b[0] - a[2], 0, a[0] - b[2]), Math.max(b[1] - a[3], 0, a[1] - b[3]));

/** From a box to a point (0 inside): the point as a box of no size. */
const distance = (box: Box, x: number, y: number) => gapBetween(box, [x, y, x, y]);

const reach = (c: Candidate) => (c.leader ? Math.hypot(c.leader[2] - c.leader[0], c.leader[3] - c.leader[1]) : 0);
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Presenting, names grow with the screen so that a room can read them: at least 18 px on a 1920 px wide map. */
export function labelScaleFor(presenting: boolean, width: number): number {
  return presenting ? Math.min(2, Math.max(1, width / 1050)) : 1;
}
