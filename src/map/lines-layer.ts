import type { Scene } from '../scene/scene.ts';
import type { InsetFrame } from './composition.ts';
import type { Circle } from './free-spots.ts';
import { reconcile, round } from './svg-reconcile.ts';
import type { ViewGeometry } from './view-geometry.ts';

/*
 * The partner lines, and the dotted ties from a figure for several places to each of them.
 */

export function paintLines(root: ParentNode, scene: Scene, v: ViewGeometry, insets: readonly InsetFrame[], circles: Map<string, Circle>): void {
  reconcile(root.querySelector('#arcs'), scene.arcs, 'path', (a) => a.id, (a) => {
    const from = v.pointOf(a.recipient);
    const to = v.pointOf(a.donor);
    const routed = v.insets.length > 0 && from !== null && to !== null;
    return {
      d: routed ? routedArc(from, to, insets) : trueArc(a.curve.map(v.at) as [number, number][]),
      // A routed line's ends, for a live map in motion: its start moves with the map, its end stays in the inset.
      'data-from': routed ? String(from) : null,
      'data-to': routed ? String(to) : null,
      stroke: a.color,
      'stroke-width': a.level === 'prefecture' ? 2.6 : 1.6,
      'stroke-opacity': a.noRecord ? 0.2 : 0.9,
      'data-no-record': a.noRecord ? 'true' : null,
      'stroke-dasharray': a.evidence === 'activity' ? '4 4' : null,
      'data-arc': a.id,
      'data-target': 'arc',
    };
  });
  // A figure for several places: thin dotted lines join its one circle to each of them.
  const brackets = scene.markers
    .filter((m) => m.kind === 'group' && !m.multiYear)
    .flatMap((m) => {
      const c = circles.get(m.key);
      return c ? m.recipients.map((id) => ({ key: `${m.key}>${id}`, c, to: v.pointOf(id), color: m.color })) : [];
    });
  reconcile(root.querySelector('#brackets'), brackets, 'path', (b) => b.key, (b) => {
    const [x, y] = b.to ?? [b.c.x, b.c.y];
    const len = Math.hypot(x - b.c.x, y - b.c.y) || 1;
    const sx = b.c.x + ((x - b.c.x) / len) * b.c.r;
    const sy = b.c.y + ((y - b.c.y) / len) * b.c.r;
    return { d: `M${round(sx)},${round(sy)}L${x},${y}`, stroke: b.color, 'stroke-width': 1.4, 'stroke-opacity': 0.8, 'stroke-dasharray': '1 3.5', 'stroke-linecap': 'round' };
  });
}

/** A partner line in the composed view: from its place in Guizhou, out to its district or city in the inset. */
export function routedArc(from: readonly [number, number], to: readonly [number, number], insets: readonly InsetFrame[]): string {
  const beside = insets.some((frame) => frame.x > from[0]);
  // Leave towards the insets, then turn into the inset: a smooth S rather than a chord.
  const c1: [number, number] = beside ? [from[0] + (to[0] - from[0]) * 0.45, from[1]] : [from[0], from[1] + (to[1] - from[1]) * 0.45];
  const c2: [number, number] = beside ? [to[0] - (to[0] - from[0]) * 0.3, to[1]] : [to[0], to[1] - (to[1] - from[1]) * 0.3];
  return `M${from.map(round)}C${c1.map(round)} ${c2.map(round)} ${to.map(round)}`;
}

const trueArc = ([from, control, to]: [number, number][]) => `M${from}Q${control} ${to}`;
