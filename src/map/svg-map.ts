import type { Lang } from '../i18n/messages.ts';
import { HATCH, INK, MUTED, NO_FIGURE, PAPER } from '../scene/colors.ts';
import type { Model } from '../scene/model.ts';
import type { Scene } from '../scene/scene.ts';
import type { Camera } from '../state/url-state.ts';
import { svg } from '../view/dom.ts';
import { drawAreas, outlineAreasInSteps, paintAreas } from './areas-layer.ts';
import type { InsetFrame } from './composition.ts';
import type { Box } from './free-spots.ts';
import type { Geography } from './geography.ts';
import { drawInsets, YEAR_TOTAL_SIZE } from './insets.ts';
import { paintLabels } from './labels-layer.ts';
import { routePoints } from './line-routes.ts';
import { paintLines } from './lines-layer.ts';
import { allCircles, paintMarkers, placeCircles } from './marks-layer.ts';
import { calloutValues, layoutCallouts, paintCallouts, tiesOf } from './callouts.ts';
import type { MapTarget } from './renderer.ts';
import { viewGeometry } from './view-geometry.ts';

/*
 * The map's drawing: land and scene in SVG, in the same Web Mercator view as MapLibre's camera. It
 * is the first paint, the map on top of MapLibre's sea, the whole map where WebGL is missing, and
 * the exports. Text stays text; data strings go in as text nodes. Each layer has a module of its
 * own (areas, insets, lines, marks, labels); this one stacks them and paints a scene on them.
 */

export interface SvgMapOptions {
  width: number;
  height: number;
  camera: Camera;
  lang: Lang;
  selected: string | null;
  /** Minimum zoom at which county and district names are drawn. */
  minorLabelZoom?: number;
  /** How far (px) simplifying an outline may move it: ½ px on screen; exported files use less. */
  tolerance?: number;
  /** Boxes [left, top, right, bottom] that names keep clear of: the live map's buttons, scale and attribution, the panel, the caption card. */
  keepClear?: readonly Box[];
  /** The partner cities' inset frames (the composed "Guizhou" view); none for true geography. */
  insets?: readonly InsetFrame[];
  /** Names drawn this many times their usual size (presentation mode: read across a room). */
  labelScale?: number;
}

export { viewKey } from './view-geometry.ts';

/** The whole map as one SVG element. */
export const drawSvgMap = (geo: Geography, model: Model, scene: Scene, o: SvgMapOptions): SVGSVGElement => runSteps(drawSvgMapInSteps(geo, model, scene, o));

/**
 * drawSvgMap in steps: it stops (yields) between its layers, so that a caller may give each a task
 * of its own (a first drawing under the first view, which must not hold a click back for all of
 * them). The drawing is detached until it is returned.
 */
export function* drawSvgMapInSteps(geo: Geography, model: Model, scene: Scene, o: SvgMapOptions): Generator<void, SVGSVGElement> {
  const root = svg('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width: o.width,
    height: o.height,
    viewBox: `0 0 ${o.width} ${o.height}`,
    class: 'svg-map',
    'font-family': 'Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif',
  });
  root.append(
    svg(
      'defs',
      {},
      svg(
        'pattern',
        { id: 'no-figure', width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svg('rect', { width: 8, height: 8, fill: NO_FIGURE }),
        svg('line', { x1: 0, y1: 0, x2: 0, y2: 8, stroke: HATCH, 'stroke-width': 1 }),
      ),
    ),
  );
  yield* outlineAreasInSteps(geo, o);
  const areas = drawAreas(geo, o);
  yield;
  const insets = viewGeometry(geo, model, o).insets;
  yield;
  // Layers as groups: areas, borders, insets, lines, points. The live map keeps each in its own SVG
  // (see svg-renderer.ts), so that a filter change repaints only the layers it changes.
  root.append(
    ...areas,
    drawInsets(geo, model, insets, o.lang, o.tolerance),
    svg(
      'g',
      { class: 'lines' },
      svg('g', { id: 'selection', fill: 'none', stroke: INK, 'stroke-width': 2.6, 'stroke-linejoin': 'round', 'pointer-events': 'none' }),
      svg('g', { id: 'arcs', fill: 'none', 'stroke-linecap': 'round' }),
    ),
    svg(
      'g',
      { class: 'points' },
      svg('g', { id: 'leaders', fill: 'none', stroke: MUTED, 'stroke-width': 0.8, 'pointer-events': 'none' }),
      svg('g', { id: 'inset-totals', 'data-fixed': '', 'text-anchor': 'end', 'font-size': YEAR_TOTAL_SIZE, 'font-weight': 700, fill: INK, stroke: PAPER, 'stroke-width': 3, 'paint-order': 'stroke', 'pointer-events': 'none' }),
      svg('g', { id: 'callouts', 'pointer-events': 'none' }),
      svg('g', { id: 'markers' }),
      svg('g', { id: 'marker-values', 'text-anchor': 'middle', 'font-size': 11.5, fill: INK, stroke: PAPER, 'stroke-width': 3, 'paint-order': 'stroke', 'pointer-events': 'none' }),
      svg('g', { id: 'labels', 'paint-order': 'stroke', stroke: PAPER, 'stroke-linejoin': 'round', 'pointer-events': 'none' }),
    ),
  );
  yield* paintSceneInSteps(root, geo, model, scene, o);
  return root;
}

/**
 * Puts a scene on a map that drawSvgMap drew for the same view: fills and selection on the areas
 * that are there, and the lines, circles and labels, changed in place. A filter change costs this.
 */
export const paintScene = (root: ParentNode, geo: Geography, model: Model, scene: Scene, o: SvgMapOptions): void => runSteps(paintSceneInSteps(root, geo, model, scene, o));

function* paintSceneInSteps(root: ParentNode, geo: Geography, model: Model, scene: Scene, o: SvgMapOptions): Generator<void, void> {
  const v = viewGeometry(geo, model, o);
  paintAreas(root, geo, model, scene, v, o);
  const onPlaces = placeCircles(scene, v);
  const insetBoxes = v.insets.map((iv) => [iv.frame.x, iv.frame.y, iv.frame.x + iv.frame.width, iv.frame.y + iv.frame.height] as const);
  const callouts = layoutCallouts(scene, v, { width: o.width, height: o.height, lang: o.lang, avoid: [...insetBoxes, ...(o.keepClear ?? [])], circles: [...onPlaces.values()] });
  yield;
  const circles = allCircles(scene, onPlaces, callouts);
  const routes = paintLines(root, scene, v, { circles: [...onPlaces.values()], boxes: callouts.map((c) => c.box) });
  yield;
  paintCallouts(root, callouts);
  paintMarkers(root, scene, circles);
  paintLabels(root, model, scene, v, { ...o, zoom: o.camera.zoom }, { onPlaces, all: circles, cards: callouts.map((c) => c.box), fixedValues: calloutValues(callouts), lines: [...[...routes.values()].map((r) => routePoints(r)), ...callouts.flatMap(tiesOf).map((tie) => [tie.from, tie.to])],
  });
}

function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** What a pointer event on the drawing is over. */
export function svgTarget(el: Element | null): MapTarget | null {
  const t = el?.closest('[data-target]');
  if (!t) return null;
  const kind = t.getAttribute('data-target');
  if (kind === 'marker') return { type: 'marker', key: t.getAttribute('data-key') ?? '' };
  if (kind === 'arc') return { type: 'arc', id: t.getAttribute('data-arc') ?? '' };
  return { type: 'place', id: t.getAttribute('data-id') ?? '' };
}
