import { t, type Lang } from '../i18n/messages.ts';
import type { CalloutText } from './callouts.ts';
import { INK, MUTED } from '../scene/colors.ts';
import type { Model } from '../scene/model.ts';
import { nameOf, PROVINCE_GUIZHOU } from '../scene/places.ts';
import type { Scene } from '../scene/scene.ts';
import { isSmallMap } from './composition.ts';
import { placeCircle, type Box, type Circle } from './free-spots.ts';
import { insetYearTotal, type InsetView } from './insets.ts';
import { placeLabels, type LabelRequest } from './label-placement.ts';
import type { Point } from './line-routes.ts';
import { reconcile, round } from './svg-reconcile.ts';
import type { ViewGeometry } from './view-geometry.ts';

/*
 * Names and values: asked for by priority, placed clear of each other, of the circles and of what
 * covers the map, then drawn (with a leader where a name stands away from its place).
 */

export interface LabelOptions {
  width: number;
  height: number;
  zoom: number;
  lang: Lang;
  selected: string | null;
  /** Minimum zoom at which county and district names are drawn. */
  minorLabelZoom?: number;
  keepClear?: readonly Box[];
  labelScale?: number;
}

export interface LabelMarks {
  /** The circles on their places, and all circles (the cards' too). */
  onPlaces: Map<string, Circle>;
  all: Map<string, Circle>;
  /** The shared figures' cards: names keep clear of them. */
  cards: readonly Box[];
  /** The values the cards write themselves. */
  fixedValues: readonly CalloutText[];
  /** The partner lines, as points along each. */
  lines: readonly (readonly Point[])[];
}

export function paintLabels(root: ParentNode, model: Model, scene: Scene, v: ViewGeometry, o: LabelOptions, marks: LabelMarks): void {
  const placed = placeLabels(labelRequests(model, scene, v, o, marks.onPlaces, marks.cards), {
    boxes: [...(o.keepClear ?? []), ...marks.cards, ...v.insets.map((iv) => [iv.frame.x, iv.frame.y, iv.frame.x + iv.frame.width, iv.map.y] as const)],
    circles: [...marks.all.values()],
    lines: marks.lines,
  });
  const names = placed.filter((l) => !l.id.startsWith('value:'));
  const values = [
    ...placed.filter((l) => l.id.startsWith('value:')).map((l) => ({ key: l.id.slice('value:'.length), x: round(l.x), y: round(l.y), anchor: l.anchor, size: l.size, weight: 400, text: l.name, fixed: false })),
    ...marks.fixedValues.map((x) => ({ key: x.valueKey!, x: x.x, y: x.y, anchor: 'start' as const, size: x.size, weight: x.weight, text: x.text, fixed: true })),
  ];
  reconcile(root.querySelector('#marker-values'), values, 'text', (l) => l.key, (l) => ({
    x: l.x,
    y: l.y,
    'text-anchor': l.anchor,
    'font-size': l.size === 11.5 ? null : l.size,
    'font-weight': l.weight === 400 ? null : l.weight,
    'data-key': l.key,
    'data-fixed': l.fixed ? '' : null,
  }), (l) => l.text);
  // Names in an inset stay put while the map under them moves (see svg-renderer.ts).
  const fixed = (id: string) => (v.insetOf(id) ? '' : null);
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
    // A name opens its place: without this, a click on it reached whatever area lies under the word.
    'data-target': 'place',
    'data-fixed': fixed(l.id),
    class: l.id === o.selected ? 'selected-name' : null,
  }), (l) => l.name);
}

/**
 * Names by priority: Guizhou, the paired prefectures, the values, the partner cities, the districts
 * with a line, places with a circle, then the rest. The selected place comes first of all. On a
 * small map the parts' values ("of which …") come after the places with a circle.
 */
function labelRequests(model: Model, scene: Scene, v: ViewGeometry, o: LabelOptions, circles: Map<string, Circle>, cards: readonly Box[]): LabelRequest[] {
  const frame: Box = [0, 0, o.width, o.height];
  const minor = o.zoom >= (o.minorLabelZoom ?? 6.6);
  const scale = o.labelScale ?? 1;
  const onPlace = new Map<string, Circle>();
  for (const m of scene.markers) {
    const c = circles.get(m.key);
    const id = m.recipients[0];
    if (m.kind === 'place' && c && id && c.r > (onPlace.get(id)?.r ?? -1)) onPlace.set(id, c);
  }
  const withLines = new Set(scene.arcs.map((a) => a.donor));
  // On a small map a leader reaches 30 px at most: longer, it crossed the province to a value that
  // read as another place's. A name or value without a spot that near is left out (its value stays
  // in the tooltip, the panel and the table).
  const small = isSmallMap(o.width, o.height);
  const leaderReach = small ? 30 : undefined;
  // What stands on the main map keeps out of the insets (their captions are kept clear for all).
  const insets: Box[] = v.insets.map((iv) => [iv.frame.x, iv.frame.y, iv.frame.x + iv.frame.width, iv.frame.y + iv.frame.height]);
  const out: LabelRequest[] = [];
  for (const p of model.dataset.places) {
    const selected = p.id === o.selected;
    if (p.id === PROVINCE_GUIZHOU) {
      // Guizhou is named in the room beside it, by its north-west corner.
      const room = v.room && v.guizhou ? placeCircle(v.room, [v.guizhou[0] + 40, v.guizhou[1] + 20], 14, [...circles.values()], cards, v.guizhou) : null;
      const spot = room ? { x: room[0], y: room[1], r: 0 } : null;
      if (!spot) continue;
      out.push({ id: p.id, name: nameOf(p, o.lang), x: spot.x, y: spot.y, r: spot.r, size: 17 * scale, weight: 700, fill: INK, priority: selected ? -1 : 0, bounds: frame, leader: true, avoid: insets, leaderReach, region: true });
      continue;
    }
    // Only a district's inset counts here: a partner city is named by its inset's caption.
    const inset = p.level === 'district' ? v.insetOf(p.id) : undefined;
    let priority: number;
    let size: number;
    let fill = INK;
    let weight = 400;
    if (p.level === 'prefecture') {
      const paired = model.pairedPrefectures.has(p.id);
      priority = paired ? 1 : 5;
      // A size smaller on a small map, where a paired prefecture at its edge ("Qianxinan", at 400 × 300)
      // otherwise had room only beside another place's circle.
      size = paired ? (small ? 12.5 : 13.5) : 12;
      weight = paired ? 600 : 400;
      fill = paired ? INK : MUTED;
    } else if (p.level === 'city') {
      if (v.insets.some((iv) => iv.frame.city === p.id)) continue;
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
    const point = v.pointOf(p.id);
    if (!point) continue;
    out.push({
      id: p.id,
      name: nameOf(p, o.lang),
      x: point[0],
      y: point[1],
      size: size * scale,
      // A partner city's name keeps clear of its districts' circles round its point (up to 36 px,
      // the largest radius), and stands by its point where there are none: 40 px off, at 320 × 240
      // in true geography "Ningbo" stood by Qingdao's end and "Qingdao" by Ningbo's.
      r: onPlace.get(p.id)?.r ?? (p.level === 'city' ? cityClearance(point, circles) : 0),
      weight: selected ? 700 : weight,
      fill,
      priority: selected ? -1 : priority,
      // A district's name may stand just outside a small inset, joined to it by its leader line.
      bounds: inset ? insetBounds(inset, o) : frame,
      leader: priority <= 4 || selected,
      avoid: inset ? insetKeepOff(scene, inset, o.lang, model) : insets,
      leaderReach,
    });
  }
  // Every circle on a place says its value (a card says its own); a part says it is one ("of which").
  for (const m of scene.markers) {
    const c = circles.get(m.key);
    if (!c || m.kind !== 'place') continue;
    const name = m.partOf ? t(o.lang, 'value.partOf', { value: m.valueLabel }) : m.valueLabel;
    // On a small map a part's value ("of which …") gives way to the names of the paired places: it
    // repeats what the card of its whole says.
    const priority = m.partOf && leaderReach !== undefined ? 4.5 : 1.5;
    out.push({ id: `value:${m.key}`, name, x: c.x, y: c.y, r: c.r, size: 11.5 * scale, fill: INK, priority, bounds: frame, leader: true, avoid: insets, leaderReach, value: true });
  }
  return out;
}

/** How far a city's name keeps from its point: past the circles within 36 px of it, if any. */
function cityClearance([x, y]: readonly [number, number], circles: Map<string, Circle>): number {
  let r = 0;
  for (const c of circles.values()) {
    const d = Math.hypot(c.x - x, c.y - y);
    if (d < 36) r = Math.max(r, Math.min(36, d + c.r));
  }
  return r;
}

/** What an inset's names keep off: its scale bar and its year total. */
function insetKeepOff(scene: Scene, inset: InsetView, lang: Lang, model: Model): Box[] {
  const city = model.places.get(inset.frame.city);
  const total = insetYearTotal(scene, inset, city ? nameOf(city, lang) : inset.frame.city);
  const { x, y, width, height } = inset.frame;
  // A name beside a narrow inset stands wholly in it or wholly out of it: across its edge, the frame's line struck it through.
  const edges: Box[] = width < 150 ? [[x - 0.5, y, x + 0.5, y + height], [x + width - 0.5, y, x + width + 0.5, y + height], [x, y + height - 0.5, x + width, y + height + 0.5]] : [];
  return [scaleBarBox(inset), ...(total ? [total.box] : []), ...edges];
}

/** The room of an inset's scale bar and its words (see insets.ts). */
function scaleBarBox({ map }: InsetView): Box {
  const bottom = map.y + map.height;
  return [map.x, bottom - 22, map.x + 8 + Math.max(20, Math.min(90, map.width * 0.4)) + 46, bottom];
}

function insetBounds(inset: InsetView, o: { width: number; height: number }): Box {
  const m = inset.frame.width < 150 ? 40 : 0;
  return [Math.max(0, inset.map.x - m), inset.map.y, Math.min(o.width, inset.map.x + inset.map.width + m), Math.min(o.height, inset.map.y + inset.map.height + m / 2)];
}
