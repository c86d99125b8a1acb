import type { Scene } from '../scene/scene.ts';
import { planRoutes, routePath, type LineObstacles, type LineToInset, type Route } from './line-routes.ts';
import { LINE_OPACITY, LINE_WIDTH, lineDashes } from './line-style.ts';
import { reconcile } from './svg-reconcile.ts';
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
      'stroke-opacity': a.noRecord ? LINE_OPACITY.faded : LINE_OPACITY.kept,
      'data-no-record': a.noRecord ? 'true' : null,
      ...lineDashes(a.evidence === 'activity' ? width(a) : null),
      'data-arc': a.id,
      'data-target': 'arc',
    };
  });
  return routes;
}

const width = (a: Scene['arcs'][number]) => LINE_WIDTH[a.level];

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
