import { PAPER } from '../scene/colors.ts';
import type { Scene } from '../scene/scene.ts';
import type { Callout } from './callouts.ts';
import type { Circle } from './free-spots.ts';
import { reconcile, round } from './svg-reconcile.ts';
import type { ViewGeometry } from './view-geometry.ts';

/*
 * The circles: a figure for one place stands on it; a figure for several places, or for Guizhou as a
 * whole, stands in its card (see callouts.ts), never on a place it does not name.
 */

/** The circles that stand on their place, by marker key. */
export function placeCircles(scene: Scene, v: ViewGeometry): Map<string, Circle> {
  const out = new Map<string, Circle>();
  for (const m of scene.markers) {
    if (m.kind !== 'place') continue;
    const [x, y] = v.at(m.position);
    out.set(m.key, { x, y, r: m.radius });
  }
  return out;
}

/** Every circle: those on their places, and each card's (a yearly circle and its multi-year ring share one). */
export function allCircles(scene: Scene, onPlaces: Map<string, Circle>, callouts: readonly Callout[]): Map<string, Circle> {
  const out = new Map(onPlaces);
  const card = new Map(callouts.map((c) => [c.anchor, c]));
  for (const m of scene.markers) {
    const c = card.get(m.key.split('@')[0]!);
    if (m.kind !== 'place' && c) out.set(m.key, { x: c.circle[0], y: c.circle[1], r: m.radius });
  }
  return out;
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
      // A card's circle stays in its card while the map under it moves.
      'data-fixed': m.kind === 'place' ? null : '',
    };
  });
}
