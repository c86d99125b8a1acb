import { BORDER, DISTRICT, INK, INSET_OUTLINE, LAND_CONTEXT, PREFECTURE_BORDER, PROVINCE_BORDER, SEA, tint } from '../scene/colors.ts';
import type { Model } from '../scene/model.ts';
import type { Scene } from '../scene/scene.ts';
import { svg } from '../view/dom.ts';
import type { AreaGroup, BorderGroup, Geography } from './geography.ts';
import { insetYearTotal } from './insets.ts';
import { outlinePaths } from './outline-paths.ts';
import { reconcile, round, setAttr } from './svg-reconcile.ts';
import type { ViewGeometry, ViewSpec } from './view-geometry.ts';

/*
 * The land: the sea, provinces, counties and districts as areas, their borders as meshes, and what
 * the scene paints on them (the counties' shades, the twinned districts' tints, the selection).
 */

// The areas drawAreas draws, in its order.
const DRAWN: readonly AreaGroup[] = ['provinces', 'counties', 'districts'];
// How long a step may take: a click waits for the step under way, then its own render and paint.
const STEP_MS = 8;

/**
 * drawAreas' outlines made ahead, in steps of about STEP_MS (they are kept for the view, and
 * drawAreas then finds them made): for a first drawing cut into tasks, where made in one they held
 * a click on the first view back for the ≈ 45 ms of the longest task.
 */
export function* outlineAreasInSteps(geo: Geography, o: ViewSpec & { tolerance?: number }): Generator<void, void> {
  const outlines = outlinePaths(geo, o, o.tolerance);
  let from = performance.now();
  for (const group of DRAWN) {
    for (let i = 0; i < geo.ids[group].length; i++) {
      outlines.area(group, i);
      if (performance.now() - from > STEP_MS) {
        yield;
        from = performance.now();
      }
    }
  }
}

/** The areas' and the borders' groups of a view; the scene's fills are painted by paintAreas. */
export function drawAreas(geo: Geography, o: ViewSpec & { tolerance?: number }): [SVGGElement, SVGGElement] {
  const outlines = outlinePaths(geo, o, o.tolerance);
  const areas = (group: AreaGroup, target: boolean) =>
    geo.ids[group].map((id, i) => svg('path', { d: outlines.area(group, i), 'data-id': id, 'data-target': target ? 'place' : null }));
  const border = (group: BorderGroup, stroke: string, width: number) =>
    svg('path', { class: `${group}-borders`, d: outlines.border(group), fill: 'none', stroke, 'stroke-width': width });
  return [
    svg(
      'g',
      { class: 'areas', 'fill-rule': 'evenodd' },
      svg('rect', { id: 'sea', width: o.width, height: o.height, fill: SEA }),
      svg('g', { id: 'provinces', fill: LAND_CONTEXT, stroke: PROVINCE_BORDER, 'stroke-width': 0.8 }, ...areas('provinces', false)),
      svg('g', { id: 'counties' }, ...areas('counties', true)),
      svg('g', { id: 'districts' }, ...areas('districts', true)),
    ),
    svg(
      'g',
      { class: 'borders', 'pointer-events': 'none' },
      border('counties', BORDER, 0.5),
      border('districts', BORDER, 0.6),
      border('prefectures', PREFECTURE_BORDER, 1.1),
    ),
  ];
}

export function paintAreas(root: ParentNode, geo: Geography, model: Model, scene: Scene, v: ViewGeometry, o: ViewSpec & { selected: string | null }): void {
  for (const p of root.querySelectorAll('#counties > path')) {
    const id = p.getAttribute('data-id') ?? '';
    setAttr(p, 'fill', countyFill(scene, id));
    setAttr(p, 'class', id === o.selected ? 'selected' : null);
  }
  const twinned = new Map(scene.arcs.filter((a) => a.level === 'county' && !a.noRecord).map((a) => [a.donor, a.color]));
  for (const p of root.querySelectorAll('#districts > path, .inset-districts > path')) {
    const id = p.getAttribute('data-id') ?? '';
    const partner = twinned.get(id);
    setAttr(p, 'fill', partner ? tint(partner) : DISTRICT);
    setAttr(p, 'class', id === o.selected ? 'selected' : null);
  }
  // A partner city without records for the chosen year: its inset fades with its lines.
  // A chosen partner city: its inset's frame is drawn heavy (its districts are outlined below).
  for (const g of root.querySelectorAll('.inset')) {
    const city = g.getAttribute('data-city') ?? '';
    setAttr(g, 'opacity', scene.noRecord.includes(city) ? 0.45 : null);
    const outline = g.querySelector('.inset-outline');
    if (outline) {
      setAttr(outline, 'stroke', city === o.selected ? INK : INSET_OUTLINE);
      setAttr(outline, 'stroke-width', city === o.selected ? 2.6 : null);
    }
  }
  // Under a year, each city's total for it (see insetYearTotal), over the lines that come into its
  // inset: under them, on a phone, where it stands at the top of the inset's map, a line struck it through.
  const totals = v.insets.flatMap((inset) => {
    const title = root.querySelector(`.inset[data-city="${inset.frame.city}"] .inset-title`)?.textContent ?? '';
    const total = insetYearTotal(scene, inset, title);
    return total ? [{ city: inset.frame.city, ...total }] : [];
  });
  reconcile(root.querySelector('#inset-totals'), totals, 'text', (t) => t.city, (t) => ({ class: 'inset-year-total', x: t.x, y: t.y, 'font-size': t.size }), (t) => t.text);
  const selection = o.selected ? selectionOutline(geo, model, o.selected, o, v) : null;
  reconcile(root.querySelector('#selection'), selection ? [selection] : [], 'path', () => 'selection', (d) => ({ d }));
}

/** The selected place's outline, drawn over the areas. */
function selectionOutline(geo: Geography, model: Model, id: string, o: ViewSpec, v: ViewGeometry): string | null {
  const p = model.places.get(id);
  if (!p) return null;
  const group = p.level === 'prefecture' ? 'prefectures' : p.level === 'county' ? 'counties' : p.level === 'district' ? 'districts' : p.level === 'province' ? 'provinces' : null;
  if (!group) return null;
  const index = geo.ids[group].indexOf(p.id);
  if (index < 0) return null;
  const inset = v.insets.find((iv) => iv.districts.includes(p.id));
  if (inset) {
    const d = outlinePaths(geo, { camera: inset.camera, width: inset.map.width, height: inset.map.height }).area(group, index);
    return translatePath(d, inset.map.x, inset.map.y);
  }
  return outlinePaths(geo, o).area(group, index);
}

// Only each ring's first point is absolute (outline-paths.ts); the steps after it move with it.
const translatePath = (d: string, dx: number, dy: number) =>
  d.replace(/M(-?[\d.]+),(-?[\d.]+)/g, (_, x: string, y: string) => `M${round(Number(x) + dx)},${round(Number(y) + dy)}`);

function countyFill(scene: Scene, id: string): string {
  const shade = scene.counties.get(id);
  return !shade || (shade.value === null && !shade.quiet && !shade.shared) ? 'url(#no-figure)' : shade.fill;
}
