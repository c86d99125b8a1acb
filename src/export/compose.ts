import type { Geography } from '../map/geography.ts';
import { compose, insetCities } from '../map/composition.ts';
import { drawSvgMap } from '../map/svg-map.ts';
import { formatNumber } from '../i18n/format.ts';
import { CHOROPLETH, INK, MUTED, QUIET } from '../scene/colors.ts';
import { legendSamples } from '../scene/legend.ts';
import type { Model } from '../scene/model.ts';
import { buildScene, maxRadiusFor } from '../scene/scene.ts';
import type { Camera } from '../state/url-state.ts';
import type { Frame } from '../ui/context.ts';
import { filterText, metricLabel, partnerLegendLabel, unitOf } from '../ui/describe.ts';
import { svg } from '../ui/dom.ts';
import { textWidth } from '../map/text-width.ts';
import { exportLayout, fitCamera, scaleBar } from './layout.ts';

/**
 * The export as one SVG: title and filter, the map (d3-geo, the on-screen view), a legend box, a
 * scale bar and the source line, all real vector elements and real text, so a designer can restyle it.
 */
export function composeExport(
  geo: Geography,
  model: Model,
  frame: Frame,
  view: { camera: Camera; width: number; height: number },
  size: { width: number; height: number },
): SVGSVGElement {
  const { tr, lang, state } = frame;
  const source = tr('legend.source');
  const attribution = tr('map.attribution');
  const logicalWidth = exportLayout(size.width, size.height).logical.width;
  const sideBySide = textWidth(source, 12) + textWidth(attribution, 10) + 24 * 3 <= logicalWidth;
  const L = exportLayout(size.width, size.height, sideBySide ? 1 : 2);
  // The legend box lies over the map's lower left corner; the view is fitted beside it: the named
  // view composed for this frame (Guizhou with the partner insets), or the on-screen camera.
  const composition = compose(state.view, { width: L.map.width, height: L.map.height, cities: insetCities(model), left: LEGEND_WIDTH + 30 });
  const camera = state.camera ? fitCamera(view.camera, view, L.map, LEGEND_WIDTH + 16 + 14) : composition.camera;
  // Circles sized for this frame, not the screen's (the same values: the same state).
  const scene = buildScene(model, state, maxRadiusFor(L.map.width, L.map.height));
  frame = { ...frame, scene };
  const root = svg('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width: L.width,
    height: L.height,
    viewBox: `0 0 ${L.logical.width} ${L.logical.height}`,
    'font-family': 'Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, system-ui, sans-serif',
  });
  root.append(svg('rect', { width: L.logical.width, height: L.logical.height, fill: '#ffffff' }));
  root.append(
    svg('text', { x: 24, y: 36, 'font-size': 24, 'font-weight': 700, fill: INK }, state.title ?? tr('app.title')),
    svg('text', { x: 24, y: 60, 'font-size': 14, fill: MUTED }, `${metricLabel(model, state.metric, lang)} · ${filterText(model, frame)}`),
  );
  // Exported files are scaled, printed and zoomed into: outlines keep detail to a tenth of a unit.
  const map = drawSvgMap(geo, model, scene, { width: L.map.width, height: L.map.height, camera, lang, selected: state.place, tolerance: 0.1, insets: composition.insets });
  map.setAttribute('x', String(L.map.x));
  map.setAttribute('y', String(L.map.y));
  map.setAttribute('id', 'map');
  root.append(map);
  root.append(legendBox(model, frame, L.map.x + 16, L.map.y + L.map.height - 16));
  const bar = scaleBar(camera, 120);
  const bx = L.logical.width - 24 - bar.px;
  const by = L.map.y + L.map.height - 18;
  root.append(
    svg(
      'g',
      { id: 'scale-bar' },
      svg('rect', { x: bx - 6, y: by - 20, width: bar.px + 12, height: 28, fill: '#ffffff', 'fill-opacity': 0.85 }),
      svg('path', { d: `M${bx},${by - 6}v6h${bar.px}v-6`, fill: 'none', stroke: INK, 'stroke-width': 1.5 }),
      svg('text', { x: bx + bar.px / 2, y: by - 9, 'font-size': 11, 'text-anchor': 'middle', fill: INK }, `${bar.km} km`),
    ),
  );
  const footY = L.logical.height - 15;
  root.append(
    svg('text', { id: 'source', x: 24, y: sideBySide ? footY : footY - 18, 'font-size': 12, fill: MUTED }, source),
    sideBySide
      ? svg('text', { x: L.logical.width - 24, y: footY, 'font-size': 10, fill: MUTED, 'text-anchor': 'end' }, attribution)
      : svg('text', { x: 24, y: footY, 'font-size': 10, fill: MUTED }, attribution),
  );
  return root;
}

const LEGEND_WIDTH = 270;

/** The legend drawn into the image: circle sizes, where figures apply, partner lines and county classes. */
function legendBox(model: Model, frame: Frame, x: number, bottom: number): SVGGElement {
  const { tr, lang, state, scene } = frame;
  const unit = unitOf(model, state.metric);
  const g = svg('g', { id: 'legend', 'font-size': 12, fill: INK });
  const rows: SVGElement[] = [];
  let y = 18;
  const heading = (text: string) => {
    rows.push(svg('text', { x: 12, y, 'font-weight': 700 }, text));
    y += 8;
  };
  heading(tr('legend.markers', { metric: metricLabel(model, state.metric, lang) }));
  y += 8;
  const samples = legendSamples(scene);
  const maxR = Math.max(0, ...samples.map((s) => s.radius));
  const base = y + 2 * maxR;
  for (const s of samples) {
    rows.push(
      svg('circle', { cx: 12 + maxR, cy: base - s.radius, r: s.radius, fill: 'none', stroke: MUTED }),
      svg('line', { x1: 12 + maxR, x2: 24 + 2 * maxR, y1: base - 2 * s.radius, y2: base - 2 * s.radius, stroke: MUTED, 'stroke-dasharray': '2 2' }),
      svg('text', { x: 28 + 2 * maxR, y: base - 2 * s.radius + 4 }, formatNumber(s.value, unit, lang)),
    );
  }
  y = base + 20;
  heading(tr('legend.partners'));
  y += 6;
  for (const c of model.places.cities.filter((city) => model.cityColor.has(city.id) && scene.arcs.some((a) => a.color === model.cityColor.get(city.id)))) {
    const label = partnerLegendLabel(frame, c);
    rows.push(
      svg('line', { x1: 12, x2: 40, y1: y - 4, y2: y - 4, stroke: model.cityColor.get(c.id) ?? INK, 'stroke-width': 3, 'stroke-opacity': label.noRecord ? 0.25 : null }),
      svg('text', { x: 48, y }, label.text),
    );
    y += 18;
  }
  rows.push(svg('line', { x1: 12, x2: 40, y1: y - 4, y2: y - 4, stroke: INK, 'stroke-width': 2 }), svg('text', { x: 48, y }, tr('legend.stated')));
  y += 18;
  rows.push(
    svg('line', { x1: 12, x2: 40, y1: y - 4, y2: y - 4, stroke: INK, 'stroke-width': 2, 'stroke-dasharray': '4 4' }),
    svg('text', { x: 48, y }, tr('legend.activity')),
  );
  y += 24;
  heading(tr('legend.choropleth', { metric: metricLabel(model, state.metric, lang) }));
  y += 6;
  const classes = (model.scale(state.metric)?.thresholds ?? []).map((t, i) => [CHOROPLETH[i + 1] ?? INK, `≤ ${formatNumber(t, unit, lang)}`] as const);
  // The hatch is the map's own pattern (defined in the map's <defs>), so the key matches the map.
  for (const [fill, label] of [...classes, ['url(#no-figure)', tr('legend.noFigure')] as const, [QUIET, tr('legend.quiet')] as const]) {
    rows.push(svg('rect', { x: 12, y: y - 10, width: 18, height: 12, fill, stroke: '#b8b4aa' }), svg('text', { x: 38, y }, label));
    y += 17;
  }
  const height = y;
  g.setAttribute('transform', `translate(${x},${bottom - height})`);
  g.append(svg('rect', { width: LEGEND_WIDTH, height, rx: 6, fill: '#ffffff', 'fill-opacity': 0.94, stroke: '#d9d6ce' }), ...rows);
  return g;
}
