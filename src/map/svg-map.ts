import type { GeoProjection } from 'd3-geo';
import type { Lang } from '../i18n/messages.ts';
import { BORDER, DISTRICT, INK, LAND_CONTEXT, MUTED, NO_FIGURE, PREFECTURE_BORDER, SEA, tint } from '../scene/colors.ts';
import type { Model } from '../scene/model.ts';
import { nameOf, PROVINCE_GUIZHOU } from '../scene/places.ts';
import type { MarkerDatum, Scene } from '../scene/scene.ts';
import type { Camera } from '../state/url-state.ts';
import { svg } from '../view/dom.ts';
import type { InsetFrame } from './composition.ts';
import { clearanceField, placeCircle, type Box, type Circle, type ClearanceField } from './free-spots.ts';
import { areaRings, type AreaGroup, type BorderGroup, type Geography } from './geography.ts';
import { drawInsets, insetViews, type InsetView } from './insets.ts';
import { placeLabels, type LabelRequest } from './label-placement.ts';
import { outlinePaths } from './outline-paths.ts';
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
  /** The partner cities' inset frames (the composed "Guizhou" view); none for true geography. */
  insets?: readonly InsetFrame[];
  /** Names drawn this many times their usual size (presentation mode: read across a room). */
  labelScale?: number;
}

export type { Box };

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
    drawInsets(geo, model, viewGeometry(geo, model, o).insets, o.lang, o.tolerance),
    svg(
      'g',
      { class: 'lines' },
      svg('g', { id: 'selection', fill: 'none', stroke: INK, 'stroke-width': 2.6, 'stroke-linejoin': 'round', 'pointer-events': 'none' }),
      svg('g', { id: 'arcs', fill: 'none', 'stroke-linecap': 'round' }),
      svg('g', { id: 'brackets', fill: 'none', 'pointer-events': 'none' }),
    ),
    svg(
      'g',
      { class: 'points' },
      svg('g', { id: 'leaders', fill: 'none', stroke: MUTED, 'stroke-width': 0.8, 'pointer-events': 'none' }),
      svg('g', { id: 'markers' }),
      svg('g', { id: 'marker-values', 'text-anchor': 'middle', 'font-size': 11.5, fill: INK, stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke', 'pointer-events': 'none' }),
      svg('g', { id: 'labels', 'paint-order': 'stroke', stroke: '#ffffff', 'stroke-linejoin': 'round', 'pointer-events': 'none' }),
    ),
  );
  paintScene(root, geo, model, scene, o);
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
export function paintScene(root: ParentNode, geo: Geography, model: Model, scene: Scene, o: SvgMapOptions): void {
  const v = viewGeometry(geo, model, o);
  const { projection } = v;
  const at = (p: readonly [number, number]) => (projection([p[0], p[1]]) ?? [0, 0]).map(round) as [number, number];
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
      setAttr(outline, 'stroke', city === o.selected ? INK : '#8f8b82');
      setAttr(outline, 'stroke-width', city === o.selected ? 2.6 : null);
    }
  }
  // Where each place is drawn: in an inset for a partner city's places, else on the main map.
  const insetOf = new Map<string, InsetView>();
  for (const iv of v.insets) {
    insetOf.set(iv.frame.city, iv);
    for (const d of iv.districts) insetOf.set(d, iv);
  }
  const pointOf = (id: string): [number, number] | null => {
    const p = model.places.get(id);
    if (!p) return null;
    const inset = insetOf.get(id);
    return inset ? inset.point([p.lon, p.lat]) : at([p.lon, p.lat]);
  };

  const circles = placeMarkers(scene, v, at, pointOf);
  reconcile(root.querySelector('#arcs'), scene.arcs, 'path', (a) => a.id, (a) => {
    const from = pointOf(a.recipient);
    const to = pointOf(a.donor);
    const routed = v.insets.length > 0 && from !== null && to !== null;
    return {
      d: routed ? routedArc(from, to, o.insets ?? []) : trueArc(a.curve.map(at) as [number, number][]),
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
      return c ? m.recipients.map((id) => ({ key: `${m.key}>${id}`, c, to: pointOf(id), color: m.color })) : [];
    });
  reconcile(root.querySelector('#brackets'), brackets, 'path', (b) => b.key, (b) => {
    const [x, y] = b.to ?? [b.c.x, b.c.y];
    const len = Math.hypot(x - b.c.x, y - b.c.y) || 1;
    const sx = b.c.x + ((x - b.c.x) / len) * b.c.r;
    const sy = b.c.y + ((y - b.c.y) / len) * b.c.r;
    return { d: `M${round(sx)},${round(sy)}L${x},${y}`, stroke: b.color, 'stroke-width': 1.4, 'stroke-opacity': 0.8, 'stroke-dasharray': '1 3.5', 'stroke-linecap': 'round' };
  });
  reconcile(root.querySelector('#markers'), scene.markers, 'circle', (m) => m.key, (m) => {
    const c = circles.get(m.key)!;
    const ring = m.multiYear;
    return {
      cx: c.x,
      cy: c.y,
      r: round(m.radius),
      fill: ring ? 'none' : m.color,
      'fill-opacity': ring ? null : m.kind === 'programme' ? 0.3 : m.kind === 'group' ? 0.45 : 0.75,
      stroke: m.kind === 'place' && !ring ? '#ffffff' : m.color,
      'stroke-width': ring ? 1.5 : m.kind === 'programme' ? 2.5 : m.kind === 'group' ? 2 : 1,
      'data-kind': m.kind,
      'data-target': 'marker',
    };
  });
  const placed = placeLabels(labelRequests(model, scene, v, o, circles, pointOf), {
    boxes: [...(o.keepClear ?? []), ...v.insets.map((iv) => [iv.frame.x, iv.frame.y, iv.frame.x + iv.frame.width, iv.map.y] as const)],
    circles: [...circles.values()],
  });
  const values = placed.filter((l) => l.id.startsWith('value:'));
  const names = placed.filter((l) => !l.id.startsWith('value:'));
  reconcile(root.querySelector('#marker-values'), values, 'text', (l) => l.id, (l) => ({ x: round(l.x), y: round(l.y), 'text-anchor': l.anchor, 'font-size': l.size === 11.5 ? null : l.size, 'data-key': l.id.slice('value:'.length) }), (l) => l.name);
  // Names in an inset stay put while the map under them moves (see svg-renderer.ts).
  const fixed = (id: string) => (insetOf.has(id) ? '' : null);
  reconcile(root.querySelector('#leaders'), placed.filter((l) => l.leader !== null), 'path', (l) => l.id, (l) => {
    const [x1, y1, x2, y2] = l.leader!;
    return { d: `M${round(x1)},${round(y1)}L${round(x2)},${round(y2)}`, 'data-x': round(x1), 'data-y': round(y1), 'data-fixed': fixed(l.id) };
  });
  reconcile(root.querySelector('#labels'), names, 'text', (l) => l.id, (l) => ({
    x: round(l.x),
    y: round(l.y),
    'text-anchor': l.anchor,
    'font-size': l.size,
    'font-weight': l.weight === 400 ? null : l.weight,
    fill: l.fill,
    'stroke-width': l.size >= 13 ? 3.6 : 2.8,
    'data-id': l.id,
    'data-fixed': fixed(l.id),
    class: l.id === o.selected ? 'selected-name' : null,
  }), (l) => l.name);
  const selection = o.selected ? selectionOutline(geo, model, o, v) : null;
  reconcile(root.querySelector('#selection'), selection ? [selection] : [], 'path', () => 'selection', (d) => ({ d }));
}

interface View {
  projection: GeoProjection;
  insets: InsetView[];
  /** The room beside Guizhou (null when Guizhou is off screen). */
  room: ClearanceField | null;
  /** Guizhou's box on screen, within the frame. */
  guizhou: Box | null;
}

/**
 * What a view needs beyond the scene: its projection, the insets and the room beside Guizhou. Made
 * once per view. The room depends on the camera alone, the insets on where they stand: opening the
 * panel moves the insets and keeps the room (its clearance field was a fifth of a click's time).
 */
let cachedView: { key: string; value: View } | null = null;
let cachedRoom: { key: string; value: Pick<View, 'projection' | 'room' | 'guizhou'> } | null = null;
function viewGeometry(geo: Geography, model: Model, o: SvgMapOptions): View {
  const insets = JSON.stringify(o.insets ?? []);
  const key = `${viewKey(o)}|${insets}`;
  if (cachedView?.key === key) return cachedView.value;
  if (cachedRoom?.key !== viewKey(o)) {
    const projection = projectionFor(o.camera, o.width, o.height);
    cachedRoom = { key: viewKey(o), value: { projection, ...roomBeside(geo, projection, o) } };
  }
  const value = { ...cachedRoom.value, insets: insetViews(geo, model, o.insets ?? []) };
  cachedView = { key, value };
  return value;
}

/** Guizhou's box on screen (within the frame), and the clearance field around Guizhou over the whole frame. */
function roomBeside(geo: Geography, projection: GeoProjection, o: SvgMapOptions): Pick<View, 'room' | 'guizhou'> {
  const scale = projection.scale() * 2 * Math.PI;
  const [tx, ty] = projection([-180, 85.0511287798]) ?? [0, 0];
  const rings = areaRings(geo, 'provinces', PROVINCE_GUIZHOU).map((ring) => ring.map((v, i) => (i % 2 === 0 ? v * scale + tx : v * scale + ty)));
  if (rings.length === 0) return { room: null, guizhou: null };
  let box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i += 2) {
      box = [Math.min(box[0], ring[i]!), Math.min(box[1], ring[i + 1]!), Math.max(box[2], ring[i]!), Math.max(box[3], ring[i + 1]!)];
    }
  }
  const clipped: [number, number, number, number] = [Math.max(box[0], 0), Math.max(box[1], 0), Math.min(box[2], o.width), Math.min(box[3], o.height)];
  if (clipped[2] - clipped[0] < 20 || clipped[3] - clipped[1] < 20) return { room: null, guizhou: null };
  // The room searched: Guizhou's box and a margin round it (where a box is full, as on phones).
  const mx = (box[2] - box[0]) * 0.25;
  const my = (box[3] - box[1]) * 0.25;
  const around: Box = [Math.max(0, box[0] - mx), Math.max(0, box[1] - my), Math.min(o.width, box[2] + mx), Math.min(o.height, box[3] + my)];
  return { room: clearanceField(rings, around, 8), guizhou: clipped };
}

/**
 * Every circle's place on screen. A figure for one place stands on it; a figure for several places,
 * or for Guizhou as a whole, stands in the room beside Guizhou nearest to where it applies (never
 * at the partner city, and never on a place it does not name).
 */
function placeMarkers(scene: Scene, v: View, at: (p: readonly [number, number]) => [number, number], pointOf: (id: string) => [number, number] | null): Map<string, Circle> {
  const out = new Map<string, Circle>();
  const anchorOf = (key: string) => key.split('@')[0]!;
  const free: MarkerDatum[] = [];
  for (const m of scene.markers) {
    if (m.kind === 'place') {
      const [x, y] = at(m.position);
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
    const target = targetOf(m, v, at, pointOf);
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
function targetOf(m: MarkerDatum, v: View, at: (p: readonly [number, number]) => [number, number], pointOf: (id: string) => [number, number] | null): [number, number] {
  if (m.kind === 'programme' && v.guizhou) {
    const [x0, y0, x1, y1] = v.guizhou;
    return [x0 + (x1 - x0) * 0.1, y0 + (y1 - y0) * 0.12];
  }
  const points = m.recipients.map(pointOf).filter((p) => p !== null);
  if (points.length === 0) return at(m.position);
  return [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length];
}

/**
 * Names by priority: Guizhou, the paired prefectures, the partner cities, the districts with a line,
 * places with a circle, then the rest. The selected place comes first of all.
 */
function labelRequests(model: Model, scene: Scene, v: View, o: SvgMapOptions, circles: Map<string, Circle>, pointOf: (id: string) => [number, number] | null): LabelRequest[] {
  const frame: Box = [0, 0, o.width, o.height];
  const minor = o.camera.zoom >= (o.minorLabelZoom ?? 6.6);
  const scale = o.labelScale ?? 1;
  const onPlace = new Map<string, Circle>();
  for (const m of scene.markers) {
    const c = circles.get(m.key);
    const id = m.recipients[0];
    if (m.kind === 'place' && c && id && c.r > (onPlace.get(id)?.r ?? -1)) onPlace.set(id, c);
  }
  const insetOf = new Map<string, InsetView>();
  for (const iv of v.insets) for (const d of iv.districts) insetOf.set(d, iv);
  const withLines = new Set(scene.arcs.map((a) => a.donor));
  const out: LabelRequest[] = [];
  for (const p of model.dataset.places) {
    const selected = p.id === o.selected;
    if (p.id === PROVINCE_GUIZHOU) {
      // Guizhou is named by its circles for Guizhou as a whole, or in the room beside it.
      const programme = scene.markers.find((m) => m.kind === 'programme');
      const c = programme ? circles.get(programme.key) : undefined;
      const room = v.room && v.guizhou ? placeCircle(v.room, [v.guizhou[0] + 40, v.guizhou[1] + 20], 14, [...circles.values()], [], v.guizhou) : null;
      const spot = c ?? (room ? { x: room[0], y: room[1], r: 0 } : null);
      if (!spot) continue;
      out.push({ id: p.id, name: nameOf(p, o.lang), x: spot.x, y: spot.y, r: spot.r, size: 17 * scale, weight: 700, fill: INK, priority: selected ? -1 : 0, bounds: frame, leader: true });
      continue;
    }
    const inset = insetOf.get(p.id);
    let priority: number;
    let size: number;
    let fill = INK;
    let weight = 400;
    if (p.level === 'prefecture') {
      const paired = model.pairedPrefectures.has(p.id);
      priority = paired ? 1 : 5;
      size = paired ? 13.5 : 12;
      weight = paired ? 600 : 400;
      fill = paired ? INK : MUTED;
    } else if (p.level === 'city') {
      if (v.insets.some((iv) => iv.frame.city === p.id)) continue; // its inset's caption names it
      priority = 2;
      size = 15;
      weight = 600;
    } else if (p.level === 'district') {
      if (!inset && !minor && !selected) continue;
      if (inset && !withLines.has(p.id) && !selected) continue;
      priority = withLines.has(p.id) ? 3 : 5;
      size = inset && inset.frame.width < 150 ? 9.5 : 11.5;
      fill = withLines.has(p.id) ? INK : MUTED;
    } else if (p.level === 'county') {
      const marked = onPlace.has(p.id);
      if (!marked && !minor && !selected) continue;
      priority = marked ? 4 : 5;
      size = 11;
      fill = marked ? INK : MUTED;
    } else continue;
    const point = pointOf(p.id);
    if (!point) continue;
    out.push({
      id: p.id,
      name: nameOf(p, o.lang),
      x: point[0],
      y: point[1],
      size: size * scale,
      // A partner city's name keeps clear of its circles (up to the largest radius).
      r: onPlace.get(p.id)?.r ?? (p.level === 'city' ? 36 : 0),
      weight: selected ? 700 : weight,
      fill,
      priority: selected ? -1 : priority,
      // A district's name may stand just outside a small inset, joined to it by its leader line.
      bounds: inset ? insetBounds(inset, o) : frame,
      leader: priority <= 4 || selected,
    });
  }
  for (const m of scene.markers) {
    const c = circles.get(m.key);
    if (!c || m.valueLabel === '' || m.multiYear) continue;
    out.push({ id: `value:${m.key}`, name: m.valueLabel, x: c.x, y: c.y, r: c.r, size: 11.5 * scale, fill: INK, priority: 1.5, bounds: frame, leader: false });
  }
  return out;
}

function insetBounds(inset: InsetView, o: SvgMapOptions): Box {
  const m = inset.frame.width < 150 ? 40 : 0;
  return [Math.max(0, inset.map.x - m), inset.map.y, Math.min(o.width, inset.map.x + inset.map.width + m), Math.min(o.height, inset.map.y + inset.map.height + m / 2)];
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

/** The selected place's outline, drawn over the areas. */
function selectionOutline(geo: Geography, model: Model, o: SvgMapOptions, v: View): string | null {
  const p = o.selected ? model.places.get(o.selected) : undefined;
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

const translatePath = (d: string, dx: number, dy: number) =>
  d.replace(/(-?[\d.]+),(-?[\d.]+)/g, (_, x: string, y: string) => `${round(Number(x) + dx)},${round(Number(y) + dy)}`);

const round = (v: number) => Math.round(v * 10) / 10;

function countyFill(scene: Scene, id: string): string {
  const shade = scene.counties.get(id);
  return !shade || (shade.value === null && !shade.quiet && !shade.shared) ? 'url(#no-figure)' : shade.fill;
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
