import type { Scene } from '../scene/scene.ts';
import type { InsetFrame } from './composition.ts';
import { reconcile, round } from './svg-reconcile.ts';
import type { ViewGeometry } from './view-geometry.ts';

/*
 * The partner lines: from a place in Guizhou to its partner city or district (in its inset).
 */

export function paintLines(root: ParentNode, scene: Scene, v: ViewGeometry, insets: readonly InsetFrame[]): void {
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
