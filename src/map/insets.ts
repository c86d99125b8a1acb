import { geoDistance } from 'd3-geo';
import { scaleBar } from './scale-bar.ts';
import { formatNumber } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/messages.ts';
import { BORDER, DISTRICT, INK, INSET_EDGE, INSET_OUTLINE, LAND_CONTEXT, MUTED, PAPER, PROVINCE_BORDER, SEA } from '../scene/colors.ts';
import type { Model } from '../scene/model.ts';
import { nameOf } from '../scene/places.ts';
import type { Camera } from '../state/url-state.ts';
import { svg } from '../view/dom.ts';
import type { InsetFrame } from './composition.ts';
import { areaBounds, type Geography } from './geography.ts';
import { outlinePaths } from './outline-paths.ts';
import type { Box } from './free-spots.ts';
import { textWidth } from './text-width.ts';
import type { Scene } from '../scene/scene.ts';
import { cameraInRect, projectionFor, TILE_SIZE, type Rect } from './projection.ts';

/*
 * A partner city in its own frame, beside Guizhou: its districts at a scale where the twinned ones
 * can be read, a caption with its name and its distance from Guiyang, and a scale bar (the inset's
 * scale is not the main map's). Lines from Guizhou end at the district or city in the inset.
 */

export interface InsetView {
  frame: InsetFrame;
  /** The inset's map: the frame without its caption. */
  map: Rect;
  camera: Camera;
  /** The city's districts, drawn in the inset. */
  districts: string[];
  /** Where a lon/lat lies in the drawing, if inside the inset's map. */
  point(lonLat: readonly [number, number]): [number, number];
}

/** A caption of name and distance; frames lower than TALL name the city only. */
const CAPTION = { full: 38, short: 22 };
const TALL = 120;
const GUIYANG = '520100';

export function insetViews(geo: Geography, model: Model, frames: readonly InsetFrame[]): InsetView[] {
  return frames.map((frame) => {
    const city = model.places.get(frame.city);
    const districts = geo.ids.districts.filter((id) => model.places.get(id)?.parent === frame.city);
    // The districts that gave or are twinned: the inset frames them (with the city's seat), not the
    // whole city, so that small urban districts stay large enough to read.
    const active = new Set(
      [...model.dataset.pairings.map((p) => p.donor), ...model.dataset.figures.map((f) => f.donor)].filter((id) => districts.includes(id)),
    );
    const world = areaBounds(geo, 'districts', active.size > 0 ? active : districts);
    const caption = frame.height >= TALL ? CAPTION.full : CAPTION.short;
    const map: Rect = { x: frame.x, y: frame.y + caption, width: frame.width, height: Math.max(1, frame.height - caption) };
    const bounds = lonLatBounds(world, city ? [city.lon, city.lat] : null);
    const camera = cameraInRect(bounds, { x: 0, y: 0, width: map.width, height: map.height }, map.width, map.height, 4);
    const projection = projectionFor(camera, map.width, map.height);
    return {
      frame,
      map,
      camera,
      districts,
      point: (p) => {
        const [x, y] = projection([p[0], p[1]]) ?? [0, 0];
        return [round(map.x + x), round(map.y + y)];
      },
    };
  });
}

/**
 * Under a year, the city's total for it as the year chart gives it, so that map and chart agree at a
 * glance: beside the city's name where both fit on the caption's first line, else at the top of the
 * inset's map (where the inset's names keep off its box).
 */
export function insetYearTotal(scene: Scene, inset: InsetView, title: string): { text: string; x: number; y: number; size: number; box: Box } | null {
  const total = scene.yearTotals.get(inset.frame.city);
  if (!total || scene.filter.year === 'all') return null;
  const { frame, map } = inset;
  // A narrow inset holds the amount alone (its caption names the city, the legend the year), smaller
  // where need be: whole, it ran out of the inset over Guizhou's eastern names.
  const room = frame.width - 16;
  const full = `${scene.filter.year}: ${total}`;
  const text = textWidth(full, YEAR_TOTAL_SIZE) * 1.1 <= room ? full : total;
  const size = textWidth(text, YEAR_TOTAL_SIZE) * 1.1 <= room ? YEAR_TOTAL_SIZE : 11;
  const width = textWidth(text, size) * 1.1;
  const fits = 8 + textWidth(title, 13.5) * 1.1 + 12 + width + 8 <= frame.width;
  const x = round(frame.x + frame.width - 8);
  const y = round(fits ? frame.y + 16 : map.y + size + 2.5);
  return { text, x, y, size, box: [x - width - 2, y - size * 1.18, x + 2, y + 4] };
}

export const YEAR_TOTAL_SIZE = 12.5;

/** The provinces that reach into an inset's map (a city's inset shows one or two of the 34: the rest were outlined for nothing). */
function provincesNear(geo: Geography, camera: Camera, map: Rect): number[] {
  const scale = TILE_SIZE * Math.pow(2, camera.zoom);
  const [cx, cy] = worldPoint(camera);
  const [hw, hh] = [map.width / scale, map.height / scale];
  const boxes = provinceBoxes(geo);
  return geo.ids.provinces.flatMap((_, i) => {
    const b = boxes[i];
    return b && b[0] < cx + hw && b[2] > cx - hw && b[1] < cy + hh && b[3] > cy - hh ? [i] : [];
  });
}

/** Each province's box in world units, once per geography. */
const provinceBoxesOf = new WeakMap<Geography, ([number, number, number, number] | null)[]>();
function provinceBoxes(geo: Geography): ([number, number, number, number] | null)[] {
  let boxes = provinceBoxesOf.get(geo);
  if (!boxes) provinceBoxesOf.set(geo, (boxes = geo.ids.provinces.map((id) => areaBounds(geo, 'provinces', [id]))));
  return boxes;
}

function worldPoint(camera: Camera): [number, number] {
  const lat = (camera.lat * Math.PI) / 180;
  return [(camera.lon + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + lat / 2)) / Math.PI) / 2];
}

/** The insets' frames, captions, land and districts (their fills are painted with the scene). */
export function drawInsets(geo: Geography, model: Model, views: readonly InsetView[], lang: Lang, tolerance?: number): SVGGElement {
  const guiyang = model.places.get(GUIYANG);
  return svg(
    'g',
    { class: 'insets' },
    ...views.map((v) => {
      const { frame, map } = v;
      const city = model.places.get(frame.city);
      const outlines = outlinePaths(geo, { camera: v.camera, width: map.width, height: map.height }, tolerance);
      const clip = `inset-clip-${frame.city}`;
      const km = city && guiyang ? Math.round((geoDistance([guiyang.lon, guiyang.lat], [city.lon, city.lat]) * 6371) / 10) * 10 : null;
      const bar = scaleBar(v.camera, Math.max(20, Math.min(90, map.width * 0.4)));
      const barX = map.x + 8;
      const barY = map.y + map.height - 8;
      const narrow = frame.width < 150;
      return svg(
        'g',
        { class: 'inset', 'data-city': frame.city },
        svg('rect', { x: frame.x, y: frame.y, width: frame.width, height: frame.height, rx: 4, fill: PAPER, stroke: INSET_EDGE }),
        svg('clipPath', { id: clip }, svg('rect', { x: map.x, y: map.y, width: map.width, height: map.height })),
        svg(
          'g',
          { 'clip-path': `url(#${clip})` },
          svg('rect', { x: map.x, y: map.y, width: map.width, height: map.height, fill: SEA }),
          svg(
            'g',
            { transform: `translate(${round(map.x)} ${round(map.y)})` },
            svg('g', { fill: LAND_CONTEXT, stroke: PROVINCE_BORDER, 'stroke-width': 0.8 }, ...provincesNear(geo, v.camera, map).map((i) => svg('path', { d: outlines.area('provinces', i) }))),
            svg(
              'g',
              { class: 'inset-districts', fill: DISTRICT },
              ...v.districts.map((id) => svg('path', { d: outlines.area('districts', geo.ids.districts.indexOf(id)), 'data-id': id, 'data-target': 'place' })),
            ),
            svg('path', { d: outlines.border('districts'), fill: 'none', stroke: BORDER, 'stroke-width': 0.6, 'pointer-events': 'none' }),
          ),
        ),
        svg('rect', { class: 'inset-outline', x: frame.x, y: frame.y, width: frame.width, height: frame.height, rx: 4, fill: 'none', stroke: INSET_OUTLINE }),
        svg('text', { class: 'inset-title', 'data-id': frame.city, 'data-target': 'place', x: frame.x + 8, y: frame.y + 16, 'font-size': 13.5, 'font-weight': 700, fill: INK }, city ? nameOf(city, lang) : frame.city),
        km === null || !guiyang || frame.height < TALL
          ? null
          : svg(
              'text',
              { class: 'inset-distance', x: frame.x + 8, y: frame.y + 31, 'font-size': narrow ? 9.5 : 11, fill: MUTED },
              t(lang, 'inset.distance', { km: formatNumber(km, 'count', lang), city: nameOf(guiyang, lang) }),
            ),
        svg(
          'g',
          { class: 'inset-scale', 'pointer-events': 'none' },
          svg('path', { d: `M${round(barX)},${round(barY - 4)}v4h${round(bar.px)}v-4`, fill: 'none', stroke: INK, 'stroke-width': 1.2 }),
          svg('text', { x: round(barX + bar.px + 4), y: round(barY), 'font-size': 9.5, fill: INK, stroke: PAPER, 'stroke-width': 2.5, 'paint-order': 'stroke' }, t(lang, 'map.scaleKm', { km: bar.km })),
        ),
      );
    }),
  );
}

/** World-unit bounds (and a point) as lon/lat bounds with a margin, at least ~20 km across. */
function lonLatBounds(world: [number, number, number, number] | null, point: [number, number] | null): [[number, number], [number, number]] {
  const toLon = (x: number) => x * 360 - 180;
  const toLat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  let w = world ? toLon(world[0]) : (point?.[0] ?? 0);
  let e = world ? toLon(world[2]) : (point?.[0] ?? 0);
  let n = world ? toLat(world[1]) : (point?.[1] ?? 0);
  let s = world ? toLat(world[3]) : (point?.[1] ?? 0);
  if (point) {
    w = Math.min(w, point[0]);
    e = Math.max(e, point[0]);
    s = Math.min(s, point[1]);
    n = Math.max(n, point[1]);
  }
  const padX = Math.max((e - w) * 0.03, 0.02);
  const padY = Math.max((n - s) * 0.03, 0.02);
  return [
    [w - padX, s - padY],
    [e + padX, n + padY],
  ];
}

const round = (v: number) => Math.round(v * 10) / 10;
