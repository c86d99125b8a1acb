import { formatPeriod } from '../i18n/format.ts';
import type { Geography } from '../map/geography.ts';
import { compose, insetCities } from '../map/composition.ts';
import { drawSvgMap } from '../map/svg-map.ts';
import { INK, MUTED } from '../scene/colors.ts';
import type { Model } from '../scene/model.ts';
import { buildScene, maxRadiusFor } from '../scene/scene.ts';
import type { Camera } from '../state/url-state.ts';
import type { Frame } from '../view/context.ts';
import { filterText, metricLabel, sourceLine } from '../view/describe.ts';
import { svg } from '../view/dom.ts';
import { textWidth } from '../map/text-width.ts';
import { scaleBar } from '../map/scale-bar.ts';
import { exportCamera, exportLayout, LEGEND_COLUMN, visibleBounds } from './layout.ts';
import { legendBandHeight, legendBox, wrapText } from './legend-box.ts';

/**
 * The export as one SVG of exactly the chosen size: title, subtitle, the map, a legend of every kind
 * of mark drawn, a scale bar, the source, a note and the attribution, all real vector elements and
 * real text, so a designer can restyle it.
 */

export interface ExportTexts {
  title: string;
  subtitle: string;
  note: string;
}

export interface ExportOptions extends ExportTexts {
  size: { width: number; height: number };
  /** No sea and no white frame: the slide's own background shows through. */
  transparent: boolean;
  /** The map and its scale bar filling the image, for slides that set title, legend and source as text. */
  mapOnly?: boolean;
}

/** What the dialog offers before the user edits: the app's title, the filter in words, the coverage of the data. */
export function defaultTexts(model: Model, frame: Frame): ExportTexts {
  const { tr, lang, state } = frame;
  const figures = model.dataset.figures;
  const from = Math.min(...figures.map((f) => f.year_from));
  const to = Math.max(...figures.map((f) => f.year_to));
  // Straight quotes: the CJK fonts the image names first draw curly ones full-width.
  const quote = (t: string) => (lang === 'zh' ? `《${t}》` : `"${t}"`);
  return {
    title: state.title ?? tr('app.title'),
    subtitle: state.subtitle ?? `${metricLabel(model, state.metric, lang)} · ${filterText(model, frame)}`,
    note:
      state.note ??
      (figures.length === 0
        ? ''
        : tr('export.coverage', {
            years: formatPeriod(from, to, lang),
            sources: distinctTitles(model.dataset.sources.map((s) => (lang === 'zh' ? s.title_zh : s.title))).map(quote).join(lang === 'zh' ? '、' : '; '),
          })),
  };
}

export function composeExport(
  geo: Geography,
  model: Model,
  frame: Frame,
  view: { camera: Camera; width: number; height: number },
  options: ExportOptions,
): SVGSVGElement {
  const { tr, state } = frame;
  const { size } = options;
  // Circles sized for this frame rather than the screen's (the same values: the same state).
  frame = { ...frame, scene: buildScene(model, state, maxRadiusFor(size.width, size.height)) };
  const logical = exportLayout(size.width, size.height).logical;
  // Small print under the map: the source, the note and the boundary attribution, each wrapped.
  const printWidth = logical.width - 48;
  const small = [
    ...wrapText(sourceLine(model, tr, frame.lang), 12, printWidth).map((text) => ({ text, size: 12, id: 'source' })),
    ...(options.note === '' ? [] : wrapText(options.note, 12, printWidth).map((text) => ({ text, size: 12, id: 'note' }))),
    ...wrapText(tr('map.attribution'), 10, printWidth).map((text) => ({ text, size: 10, id: 'attribution' })),
  ];
  const square = logical.width < 1.15 * logical.height;
  const bandColumn = (logical.width - 48) / 4;
  const L = exportLayout(size.width, size.height, small.length, square ? legendBandHeight(model, frame, bandColumn) : 0, options.subtitle !== '');
  if (options.mapOnly) L.map = { x: 0, y: 0, ...L.logical };
  const legend = square ? legendBox(model, frame, bandColumn, L.legend.height) : legendBox(model, frame, LEGEND_COLUMN, L.legend.height);
  legend.g.setAttribute('transform', `translate(${L.legend.x} ${L.legend.y})`);

  // The named view composed for this frame (Guizhou large, the partner cities in insets), or the
  // on-screen view the user moved to, widened to keep the chosen place in frame.
  const composition = compose(state.view, { width: L.map.width, height: L.map.height, cities: insetCities(model), padding: 16 });
  const place = state.place === null ? undefined : model.places.get(state.place);
  const camera = state.camera ? exportCamera(visibleBounds(view.camera, view.width, view.height), place ? [place.lon, place.lat] : null, L.map) : composition.camera;
  const root = svg('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width: L.width,
    height: L.height,
    viewBox: `0 0 ${L.logical.width} ${L.logical.height}`,
    'font-family': 'Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, system-ui, sans-serif',
  });
  if (!options.transparent) root.append(svg('rect', { width: L.logical.width, height: L.logical.height, fill: '#ffffff' }));
  // The title shrinks to fit one line rather than run off the frame.
  const titleSize = Math.min(30, (30 * (L.logical.width - 48)) / Math.max(1, textWidth(options.title, 30)));
  if (!options.mapOnly) root.append(svg('text', { id: 'title', x: 24, y: 40, 'font-size': round(titleSize), 'font-weight': 700, fill: INK }, options.title));
  if (!options.mapOnly && options.subtitle !== '') root.append(svg('text', { id: 'subtitle', x: 24, y: 68, 'font-size': 16, fill: MUTED }, options.subtitle));
  // Exported files are scaled, printed and zoomed into: outlines keep detail to a tenth of a unit.
  const map = drawSvgMap(geo, model, frame.scene, { width: L.map.width, height: L.map.height, camera, lang: frame.lang, selected: state.place, tolerance: 0.1, insets: composition.insets });
  map.setAttribute('x', String(L.map.x));
  map.setAttribute('y', String(L.map.y));
  map.setAttribute('id', 'map');
  if (options.transparent) for (const sea of map.querySelectorAll('#sea')) sea.remove();
  root.append(map);
  if (!options.mapOnly) root.append(legend.g);
  const bar = scaleBar(camera, 120);
  // Bottom left: the insets stand along the right (they carry scale bars of their own).
  const bx = L.map.x + 24;
  const by = L.map.y + L.map.height - 14;
  root.append(
    svg(
      'g',
      { id: 'scale-bar' },
      svg('rect', { x: bx - 6, y: by - 20, width: bar.px + 12, height: 28, fill: '#ffffff', 'fill-opacity': 0.85 }),
      svg('path', { d: `M${bx},${by - 6}v6h${bar.px}v-6`, fill: 'none', stroke: INK, 'stroke-width': 1.5 }),
      svg('text', { x: bx + bar.px / 2, y: by - 9, 'font-size': 11, 'text-anchor': 'middle', fill: INK }, tr('map.scaleKm', { km: bar.km })),
    ),
  );
  if (options.mapOnly) return root;
  // One group per part (source, note, attribution), for tests and for designers who restyle them.
  const foot = svg('g', { id: 'footer', fill: MUTED });
  const parts = new Map<string, SVGGElement>();
  let y = L.logical.height - L.footer + 10;
  for (const line of small) {
    y += 17;
    const part = parts.get(line.id) ?? svg('g', { id: line.id, 'font-size': line.size });
    parts.set(line.id, part);
    part.append(svg('text', { x: 24, y }, line.text));
  }
  foot.append(...parts.values());
  root.append(foot);
  return root;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Titles once each: the yearbook writes one entry's title with a hyphen, a spaced hyphen or a dash in different years. */
function distinctTitles(titles: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const t of titles) {
    const key = t.replace(/\s*[-–—]\s*/g, '-').toLowerCase();
    if (!seen.has(key)) seen.set(key, t);
  }
  return [...seen.values()];
}
