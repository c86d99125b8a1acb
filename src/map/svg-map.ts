import { geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Lang } from '../i18n/messages.ts';
import { BORDER, INK, LAND_CONTEXT, MUTED, NO_FIGURE, PREFECTURE_BORDER, SEA } from '../scene/colors.ts';
import type { Model } from '../scene/model.ts';
import { nameOf } from '../scene/places.ts';
import type { Scene } from '../scene/scene.ts';
import type { Camera } from '../state/url-state.ts';
import { svg } from '../ui/dom.ts';
import type { Geography } from './geography.ts';
import type { MapTarget } from './renderer.ts';
import { projectionFor } from './projection.ts';

/*
 * The SVG renderer: the same scene drawn with d3-geo in the same Web Mercator view as MapLibre.
 * It paints the complete map at once (before WebGL is ready), is the whole map where WebGL is
 * missing, and is the basis of the SVG export. Text stays text; data strings go in as text nodes.
 */

export interface SvgMapOptions {
  width: number;
  height: number;
  camera: Camera;
  lang: Lang;
  selected: string | null;
  /** Minimum zoom at which county and district names are drawn (as in the WebGL map). */
  minorLabelZoom?: number;
}

export function drawSvgMap(geo: Geography, model: Model, scene: Scene, o: SvgMapOptions): SVGSVGElement {
  const projection = projectionFor(o.camera, o.width, o.height);
  const path = geoPath(projection);
  const d = (g: GeoPermissibleObjects) => path(g) ?? '';
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
  );
  root.append(svg('rect', { width: o.width, height: o.height, fill: SEA }));
  root.append(
    svg('g', { id: 'provinces', fill: LAND_CONTEXT, stroke: '#c4c1b8', 'stroke-width': 0.8 }, ...geo.provinces.features.map((f) => svg('path', { d: d(f), 'data-id': f.properties.id }))),
  );
  root.append(
    svg(
      'g',
      { id: 'counties', stroke: BORDER, 'stroke-width': 0.5 },
      ...geo.counties.features.map((f) =>
        svg('path', {
          d: d(f),
          fill: countyFill(scene, f.properties.id),
          'data-id': f.properties.id,
          'data-target': 'place',
          class: f.properties.id === o.selected ? 'selected' : null,
        }),
      ),
    ),
  );
  root.append(svg('g', { id: 'prefectures', fill: 'none', stroke: PREFECTURE_BORDER, 'stroke-width': 1.1 }, ...geo.prefectures.features.map((f) => svg('path', { d: d(f), 'data-id': f.properties.id }))));
  const twinned = new Map(scene.arcs.filter((a) => a.level === 'county').map((a) => [a.donor, a.color]));
  root.append(
    svg(
      'g',
      { id: 'districts', stroke: BORDER, 'stroke-width': 0.6 },
      ...geo.districts.features.map((f) =>
        svg('path', { d: d(f), fill: twinned.has(f.properties.id) ? '#f1e4d8' : '#e9e6de', 'data-id': f.properties.id, 'data-target': 'place' }),
      ),
    ),
  );
  root.append(
    svg(
      'g',
      { id: 'arcs', fill: 'none', 'stroke-linecap': 'round' },
      ...scene.arcs.map((a) =>
        svg('path', {
          d: d({ type: 'LineString', coordinates: a.coordinates }),
          stroke: a.color,
          'stroke-width': a.level === 'prefecture' ? 2.6 : 1.6,
          'stroke-opacity': 0.9,
          'stroke-dasharray': a.evidence === 'activity' ? '4 4' : null,
          'data-arc': a.id,
          'data-target': 'arc',
        }),
      ),
    ),
  );
  root.append(
    svg(
      'g',
      { id: 'markers' },
      ...scene.markers.map((m) => {
        const [x, y] = projection(m.position) ?? [0, 0];
        const ring = m.multiYear;
        return svg('circle', {
          cx: round(x),
          cy: round(y),
          r: round(m.radius),
          fill: ring ? 'none' : m.color,
          'fill-opacity': ring ? null : m.kind === 'programme' ? 0.18 : m.kind === 'group' ? 0.45 : 0.75,
          stroke: m.kind === 'place' && !ring ? '#ffffff' : m.color,
          'stroke-width': ring ? 1.5 : m.kind === 'programme' ? 2.5 : m.kind === 'group' ? 2 : 1,
          'data-key': m.key,
          'data-target': 'marker',
        });
      }),
    ),
  );
  root.append(
    svg(
      'g',
      { id: 'marker-values', 'text-anchor': 'middle', 'font-size': 11.5, fill: INK, stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke', 'pointer-events': 'none' },
      ...scene.markers
        .filter((m) => m.valueLabel !== '' && !m.multiYear)
        .map((m) => {
          const [x, y] = projection(m.position) ?? [0, 0];
          return svg('text', { x: round(x), y: round(y + m.radius + 14) }, m.valueLabel);
        }),
    ),
  );
  root.append(labels(model, projection, o));
  return root;
}

function labels(model: Model, projection: (p: [number, number]) => [number, number] | null, o: SvgMapOptions): SVGGElement {
  const g = svg('g', { id: 'labels', 'paint-order': 'stroke', stroke: '#ffffff', 'stroke-linejoin': 'round', 'pointer-events': 'none' });
  const minor = o.camera.zoom >= (o.minorLabelZoom ?? 6.6);
  for (const p of model.dataset.places) {
    const major = p.level === 'city' || p.level === 'prefecture';
    if (!major && !(minor && (p.level === 'county' || p.level === 'district'))) continue;
    const [x, y] = projection([p.lon, p.lat]) ?? [-1, -1];
    if (x < 0 || y < 0 || x > o.width || y > o.height) continue;
    g.append(
      svg(
        'text',
        {
          x: round(p.level === 'city' ? x + 39 : x),
          y: round(y + 4),
          'text-anchor': p.level === 'city' ? 'start' : 'middle',
          'font-size': p.level === 'city' ? 15 : major ? 13 : 11,
          fill: major ? INK : MUTED,
          'stroke-width': major ? 3.6 : 2.8,
        },
        nameOf(p, o.lang),
      ),
    );
  }
  return g;
}

const round = (v: number) => Math.round(v * 10) / 10;

function countyFill(scene: Scene, id: string): string {
  const shade = scene.counties.get(id);
  return !shade || (shade.value === null && !shade.quiet) ? 'url(#no-figure)' : shade.fill;
}

/** What a pointer event on the SVG map is over, in the same terms as the WebGL map. */
export function svgTarget(el: Element | null): MapTarget | null {
  const t = el?.closest('[data-target]');
  if (!t) return null;
  const kind = t.getAttribute('data-target');
  if (kind === 'marker') return { type: 'marker', key: t.getAttribute('data-key') ?? '' };
  if (kind === 'arc') return { type: 'arc', id: t.getAttribute('data-arc') ?? '' };
  return { type: 'place', id: t.getAttribute('data-id') ?? '' };
}
