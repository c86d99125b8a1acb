import type { Scene } from '../scene/scene.ts';
import { planRoutes, routePath, type LineObstacles, type LineToInset, type Route } from './line-routes.ts';
import { reconcile, round } from './svg-reconcile.ts';
import type { ViewGeometry } from './view-geometry.ts';

/*
 * The partner lines: from a place in Guizhou to its partner city or district (in its inset).
 */

export function paintLines(root: ParentNode, scene: Scene, v: ViewGeometry, avoid: LineObstacles): Map<string, Route> {
  const routes = lineRoutes(scene, v, avoid);
  reconcile(root.querySelector('#arcs'), scene.arcs, 'path', (a) => a.id, (a) => {
    const route = routes.get(a.id);
    return {
      d: route ? routePath(route) : trueArc(a.curve.map(v.at) as [number, number][]),
      // A routed line's points, for a live map in motion: its start moves with the map, the rest stays with the inset.
      'data-from': route ? String(route.from) : null,
      'data-join': route ? String(route.join) : null,
      'data-bend': route ? String(route.bend) : null,
      'data-port': route ? String(route.port) : null,
      'data-enter': route ? String(route.enter) : null,
      'data-to': route ? String(route.to) : null,
      'data-side': route ? route.side : null,
      stroke: a.color,
      'stroke-width': width(a),
      'stroke-opacity': a.noRecord ? 0.2 : 0.9,
      'data-no-record': a.noRecord ? 'true' : null,
      ...dashes(a.evidence === 'activity' ? width(a) : null),
      'data-arc': a.id,
      'data-target': 'arc',
    };
  });
  return routes;
}

const width = (a: Scene['arcs'][number]) => (a.level === 'prefecture' ? 2.6 : 1.6);

/**
 * A dashed line (`w`, its width; null: solid): 4 px dashes 4 px apart, each dash with a round end of
 * the line's width, as drawn until 7 December, but with square ends and dashes lengthened by the
 * round ends' reach. The same dashes to the eye; a software rasterizer draws round ends on every dash
 * as curves, which was a quarter of a filter change on the benchmark's 100× data (97 lines, most of
 * them re-routed). A kept line that turns solid loses all three.
 */
function dashes(w: number | null): Record<string, string | number | null> {
  if (w === null) return { 'stroke-linecap': null, 'stroke-dasharray': null, 'stroke-dashoffset': null };
  return { 'stroke-linecap': 'butt', 'stroke-dasharray': `${round(4 + w)} ${round(4 - w)}`, 'stroke-dashoffset': round(w / 2) };
}

/** The composed view's lines, each routed into its inset through its port (none at true geography). */
function lineRoutes(scene: Scene, v: ViewGeometry, avoid: LineObstacles): Map<string, Route> {
  const lines: LineToInset[] = [];
  for (const a of scene.arcs) {
    const inset = v.insetOf(a.donor);
    const from = v.pointOf(a.recipient);
    const to = v.pointOf(a.donor);
    if (!inset || !from || !to) continue;
    const { frame, map } = inset;
    lines.push({ id: a.id, from, to, frame: [frame.x, frame.y, frame.x + frame.width, frame.y + frame.height], map: [map.x, map.y, map.x + map.width, map.y + map.height] });
  }
  return planRoutes(lines, avoid);
}

const trueArc = ([from, control, to]: [number, number][]) => `M${from}Q${control} ${to}`;
