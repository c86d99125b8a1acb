import { PAPER } from '../scene/colors.ts';
import type { MarkerDatum, Scene } from '../scene/scene.ts';
import { placeCircle, type Circle } from './free-spots.ts';
import { reconcile, round } from './svg-reconcile.ts';
import type { ViewGeometry } from './view-geometry.ts';

/*
 * The circles: a figure for one place stands on it; a figure for several places, or for Guizhou as a
 * whole, stands in the room beside Guizhou nearest to where it applies (never at the partner city,
 * and never on a place it does not name).
 */

/** Every circle's place on screen, by marker key. */
export function placeMarkers(scene: Scene, v: ViewGeometry): Map<string, Circle> {
  const out = new Map<string, Circle>();
  const anchorOf = (key: string) => key.split('@')[0]!;
  const free: MarkerDatum[] = [];
  for (const m of scene.markers) {
    if (m.kind === 'place') {
      const [x, y] = v.at(m.position);
      out.set(m.key, { x, y, r: m.radius });
    } else free.push(m);
  }
  // One spot per anchor (a yearly circle and its multi-year ring share it), biggest first.
  const radius = new Map<string, number>();
  for (const m of free) radius.set(anchorOf(m.key), Math.max(radius.get(anchorOf(m.key)) ?? 0, m.radius));
  const byAnchor = [...radius.entries()].sort((a, b) => kindOrder(a[0]) - kindOrder(b[0]) || b[1] - a[1]);
  const taken: Circle[] = [...out.values()];
  // Only the insets: the live map's buttons stand beside them, so circles stay where they are whether
  // or not those are on the page yet (the first view in index.html is drawn without them).
  const avoid = v.insets.map((iv) => [iv.frame.x, iv.frame.y, iv.frame.x + iv.frame.width, iv.frame.y + iv.frame.height] as const);
  const spot = new Map<string, [number, number]>();
  for (const [anchor, r] of byAnchor) {
    const m = free.find((f) => anchorOf(f.key) === anchor)!;
    const target = targetOf(m, v);
    // Within Guizhou's box where there is room; else as near as the frame allows.
    const p = (v.room && v.guizhou && (placeCircle(v.room, target, r, taken, avoid, v.guizhou) ?? placeCircle(v.room, target, r, taken, avoid))) ?? target;
    taken.push({ x: p[0], y: p[1], r });
    spot.set(anchor, p);
  }
  for (const m of free) {
    const [x, y] = spot.get(anchorOf(m.key))!;
    out.set(m.key, { x, y, r: m.radius });
  }
  return out;
}

const kindOrder = (anchor: string) => (anchor.startsWith('programme:') ? 0 : 1);

/** Where a free circle would best stand: by the members of its group, or by Guizhou's north-west corner. */
function targetOf(m: MarkerDatum, v: ViewGeometry): [number, number] {
  if (m.kind === 'programme' && v.guizhou) {
    const [x0, y0, x1, y1] = v.guizhou;
    return [x0 + (x1 - x0) * 0.1, y0 + (y1 - y0) * 0.12];
  }
  const points = m.recipients.map(v.pointOf).filter((p) => p !== null);
  if (points.length === 0) return v.at(m.position);
  return [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length];
}

/** The circles, filled by kind: a place's solid, a group's and a programme's paler, a multi-year figure a ring. */
export function paintMarkers(root: ParentNode, scene: Scene, circles: Map<string, Circle>): void {
  reconcile(root.querySelector('#markers'), scene.markers, 'circle', (m) => m.key, (m) => {
    const c = circles.get(m.key)!;
    const ring = m.multiYear;
    return {
      cx: c.x,
      cy: c.y,
      r: round(m.radius),
      fill: ring ? 'none' : m.color,
      'fill-opacity': ring ? null : m.kind === 'programme' ? 0.3 : m.kind === 'group' ? 0.45 : 0.75,
      stroke: m.kind === 'place' && !ring ? PAPER : m.color,
      'stroke-width': ring ? 1.5 : m.kind === 'programme' ? 2.5 : m.kind === 'group' ? 2 : 1,
      'data-kind': m.kind,
      'data-target': 'marker',
    };
  });
}
