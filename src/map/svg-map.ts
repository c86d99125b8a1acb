import type { Lang } from '../i18n/messages.ts';
import { BORDER, DISTRICT, INK, LAND_CONTEXT, MUTED, NO_FIGURE, PREFECTURE_BORDER, SEA, tint } from '../scene/colors.ts';
import type { Model } from '../scene/model.ts';
import { nameOf } from '../scene/places.ts';
import type { Scene } from '../scene/scene.ts';
import type { Camera } from '../state/url-state.ts';
import { svg } from '../ui/dom.ts';
import type { AreaGroup, BorderGroup, Geography } from './geography.ts';
import { outlinePaths } from './outline-paths.ts';
import { textWidth } from './text-width.ts';
import type { MapTarget } from './renderer.ts';
import { projectionFor } from './projection.ts';

/*
 * The map's drawing: land and scene in SVG, in the same Web Mercator view as MapLibre's camera. It
 * is the first paint, the map on top of MapLibre's sea, the whole map where WebGL is missing, and
 * the exports. Text stays text; data strings go in as text nodes.
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
  /** Names drawn this many times their usual size (presentation mode: read across a room). */
  labelScale?: number;
}

export type Box = readonly [number, number, number, number];

/** Two drawings with the same key show the same view, and differ only in what paintScene puts on them. */
export const viewKey = (o: { camera: Camera; width: number; height: number }) => `${o.camera.lon},${o.camera.lat},${o.camera.zoom},${o.width},${o.height}`;

/** The whole map as one SVG element. */
export function drawSvgMap(geo: Geography, model: Model, scene: Scene, o: SvgMapOptions): SVGSVGElement {
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
        svg('line', { x1: 0, y1: 0, x2: 0, y2: 8, stroke: '#b8b4aa', 'stroke-width': 1 }),
      ),
    ),
    svg('rect', { id: 'sea', width: o.width, height: o.height, fill: SEA }),
  );
  const outlines = outlinePaths(geo, o, o.tolerance);
  const areas = (group: AreaGroup, target: boolean) =>
    geo.ids[group].map((id, i) => svg('path', { d: outlines.area(group, i), 'data-id': id, 'data-target': target ? 'place' : null }));
  const border = (group: BorderGroup, stroke: string, width: number) =>
    svg('path', { class: `${group}-borders`, d: outlines.border(group), fill: 'none', stroke, 'stroke-width': width });
  // Four layers, each a group: areas, borders, lines, points. The live map keeps each in its own
  // SVG (see svg-renderer.ts), so that a filter change repaints only the layers it changes.
  root.append(
    svg(
      'g',
      { class: 'areas', 'fill-rule': 'evenodd' },
      svg('rect', { id: 'sea', width: o.width, height: o.height, fill: SEA }),
      svg('g', { id: 'provinces', fill: LAND_CONTEXT, stroke: '#c4c1b8', 'stroke-width': 0.8 }, ...areas('provinces', false)),
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
    svg('g', { class: 'lines' }, svg('g', { id: 'arcs', fill: 'none', 'stroke-linecap': 'round' })),
    svg(
      'g',
      { class: 'points' },
      svg('g', { id: 'markers' }),
      svg('g', { id: 'marker-values', 'text-anchor': 'middle', 'font-size': 11.5, fill: INK, stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke', 'pointer-events': 'none' }),
      svg('g', { id: 'labels', 'paint-order': 'stroke', stroke: '#ffffff', 'stroke-linejoin': 'round', 'pointer-events': 'none' }),
    ),
  );
  paintScene(root, model, scene, o);
  return root;
}

type Attrs = Record<string, string | number | null>;

function setAttr(node: Element, name: string, value: string | number | null): void {
  const v = value === null ? null : String(value);
  if (node.getAttribute(name) === v) return;
  if (v === null) node.removeAttribute(name);
  else node.setAttribute(name, v);
}

/**
 * Makes `group` hold one element per item, in order, matched by key: a kept element only has its
 * changed attributes set, so what a filter change leaves alone is neither rebuilt nor repainted.
 */
function reconcile<T>(group: Element | null, items: T[], tag: 'path' | 'circle' | 'text', key: (t: T) => string, attrs: (t: T) => Attrs, text?: (t: T) => string): void {
  if (!group) return;
  const old = new Map<string, Element>();
  for (const c of group.children) old.set(c.getAttribute('data-key') ?? '', c);
  const next = items.map((item) => {
    const k = key(item);
    const node = old.get(k) ?? svg(tag, { 'data-key': k });
    for (const [name, value] of Object.entries(attrs(item))) setAttr(node, name, value);
    const content = text?.(item);
    if (content !== undefined && node.textContent !== content) node.textContent = content;
    return node;
  });
  if (next.length !== group.children.length || next.some((n, i) => group.children[i] !== n)) group.replaceChildren(...next);
}

/**
 * Puts a scene on a map that drawSvgMap drew for the same view: fills and selection on the areas
 * that are there, and the lines, circles and labels, changed in place. A filter change costs this.
 */
export function paintScene(root: ParentNode, model: Model, scene: Scene, o: SvgMapOptions): void {
  const projection = projectionFor(o.camera, o.width, o.height);
  const at = (p: readonly [number, number]) => (projection([p[0], p[1]]) ?? [0, 0]).map(round) as [number, number];
  for (const p of root.querySelectorAll('#counties > path')) {
    const id = p.getAttribute('data-id') ?? '';
    setAttr(p, 'fill', countyFill(scene, id));
    setAttr(p, 'class', id === o.selected ? 'selected' : null);
  }
  const twinned = new Map(scene.arcs.filter((a) => a.level === 'county').map((a) => [a.donor, a.color]));
  for (const p of root.querySelectorAll('#districts > path')) {
    const id = p.getAttribute('data-id') ?? '';
    const partner = twinned.get(id);
    setAttr(p, 'fill', partner ? tint(partner) : DISTRICT);
    setAttr(p, 'class', id === o.selected ? 'selected' : null);
  }
  reconcile(root.querySelector('#arcs'), scene.arcs, 'path', (a) => a.id, (a) => {
    const [from, control, to] = a.curve.map(at);
    return {
      d: `M${from}Q${control} ${to}`,
      stroke: a.color,
      'stroke-width': a.level === 'prefecture' ? 2.6 : 1.6,
      'stroke-opacity': 0.9,
      'stroke-dasharray': a.evidence === 'activity' ? '4 4' : null,
      'data-arc': a.id,
      'data-target': 'arc',
    };
  });
  reconcile(root.querySelector('#markers'), scene.markers, 'circle', (m) => m.key, (m) => {
    const [cx, cy] = at(m.position);
    const ring = m.multiYear;
    return {
      cx,
      cy,
      r: round(m.radius),
      fill: ring ? 'none' : m.color,
      'fill-opacity': ring ? null : m.kind === 'programme' ? 0.18 : m.kind === 'group' ? 0.45 : 0.75,
      stroke: m.kind === 'place' && !ring ? '#ffffff' : m.color,
      'stroke-width': ring ? 1.5 : m.kind === 'programme' ? 2.5 : m.kind === 'group' ? 2 : 1,
      'data-target': 'marker',
    };
  });
  reconcile(
    root.querySelector('#marker-values'),
    scene.markers.filter((m) => m.valueLabel !== '' && !m.multiYear),
    'text',
    (m) => m.key,
    (m) => {
      const [x, y] = at(m.position);
      return { x, y: round(y + m.radius + 14) };
    },
    (m) => m.valueLabel,
  );
  // Place names move above a circle drawn on their place, so that no name hides a circle.
  const placed = labels(model, scene, projection, o);
  reconcile(root.querySelector('#labels'), placed, 'text', (l) => l.id, (l) => l.attrs, (l) => l.name);
}

interface PlacedLabel {
  id: string;
  name: string;
  attrs: Attrs;
}

/**
 * Place names, the partner cities first, then prefectures, then (zoomed in) counties and districts.
 * A name sits above the circle drawn on its place, if there is one; a name that would overlap one
 * already placed is left out, as MapLibre does with its labels.
 */
function labels(model: Model, scene: Scene, projection: (p: [number, number]) => [number, number] | null, o: SvgMapOptions): PlacedLabel[] {
  const minor = o.camera.zoom >= (o.minorLabelZoom ?? 6.6);
  const rank = (level: string) => (level === 'city' ? 0 : level === 'prefecture' ? 1 : minor && (level === 'county' || level === 'district') ? 2 : -1);
  const places = model.dataset.places.filter((p) => rank(p.level) >= 0).sort((a, b) => rank(a.level) - rank(b.level));
  const circle = new Map<string, number>();
  for (const m of scene.markers) {
    const id = m.recipients[0];
    if (m.kind === 'place' && id) circle.set(id, Math.max(circle.get(id) ?? 0, m.radius));
  }
  const taken: Box[] = [...(o.keepClear ?? [])];
  const clear = (box: Box) => !taken.some((t) => box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]);
  const out: PlacedLabel[] = [];
  for (const p of places) {
    const major = rank(p.level) < 2;
    const [px, py] = projection([p.lon, p.lat]) ?? [-1, -1];
    if (px < 0 || py < 0 || px > o.width || py > o.height) continue;
    const name = nameOf(p, o.lang);
    const size = (p.level === 'city' ? 15 : major ? 13 : 11) * (o.labelScale ?? 1);
    const width = textWidth(name, size);
    const r = p.level === 'city' ? 0 : (circle.get(p.id) ?? 0);
    const y = r > 0 ? py - r - 5 : py + 4;
    // A partner city's name sits clear of its circles (up to 34 px): right of them, or left where the
    // map ends or a button is in the way.
    const spots = (p.level === 'city' ? (['start', 'end'] as const) : (['middle'] as const)).map((anchor) => {
      const x = anchor === 'start' ? px + 39 : anchor === 'end' ? px - 39 : px;
      const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
      return { anchor, x, box: [left - 2, y - size, left + width + 2, y + size * 0.3] as Box };
    });
    const spot = spots.find((s) => s.box[2] <= o.width + 2 && clear(s.box));
    if (!spot) continue;
    const { anchor, x, box } = spot;
    taken.push(box);
    out.push({
      id: p.id,
      name,
      attrs: { x: round(x), y: round(y), 'text-anchor': anchor, 'font-size': size, fill: major ? INK : MUTED, 'stroke-width': major ? 3.6 : 2.8 },
    });
  }
  return out;
}

const round = (v: number) => Math.round(v * 10) / 10;

function countyFill(scene: Scene, id: string): string {
  const shade = scene.counties.get(id);
  return !shade || (shade.value === null && !shade.quiet) ? 'url(#no-figure)' : shade.fill;
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
