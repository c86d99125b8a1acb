import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Topology } from 'topojson-specification';
import { LANGS, t, type Lang, type MessageKey } from '../src/i18n/messages.ts';
import { coveredByPanel, filterFirstViews, FIRST_VIEWS, storyFirstViews, type FirstViewKind } from './first-view-kinds.ts';
import { toGeography, type Geography } from '../src/map/geography.ts';
import { CAPTION_CARD, captionCardBox, compactKeyBox, fixedOverMap, insetCities, mapControlBoxes } from '../src/map/composition.ts';
import type { Cover } from '../src/map/renderer.ts';
import { createSvgRenderer } from '../src/map/svg-renderer.ts';
import { inPartnerCity } from '../src/map/camera-moves.ts';
import { outlinePaths } from '../src/map/outline-paths.ts';
import { buildModel, type Model } from '../src/scene/model.ts';
import { buildScene, maxRadiusFor } from '../src/scene/scene.ts';
import { drawnAtBuild } from '../src/state/first-view-state.ts';
import { stepPatch } from '../src/state/story-step.ts';
import { defaultState, type Camera } from '../src/state/url-state.ts';
import type { Story } from '../src/data/stories.ts';
import { createPresenter } from '../src/ui/presenter.ts';
import type { Frame, UiContext } from '../src/view/context.ts';
import { createControls } from '../src/ui/controls.ts';
import { createHeader } from '../src/ui/header.ts';
import { createLegend } from '../src/ui/legend.ts';
import { createCompactKey } from '../src/ui/compact-key.ts';
import { createDeadEnd } from '../src/ui/dead-end.ts';
import { svg } from '../src/view/dom.ts';
import { createShell } from '../src/ui/shell.ts';
import { readBuiltin } from './builtin-data.ts';
import { compactSvg } from './compact-svg.ts';

/*
 * The first view, drawn at build time into index.html (by the plugin in first-view.ts): the default view
 * in both languages, header, controls, legend and the map with its lines, circles and names, made
 * by the app's own components and SVG renderer in a small DOM (linkedom). It is on screen before any
 * script has run; the app then takes it over (src/ui/first-view.ts).
 *
 * The map is drawn for two reference sizes, the map areas of a 1280×800 and a 1920×1080 window in
 * each language (the header's height differs), and scales to the map area it finds (CSS in
 * src/styles/first-view.css, where also the sizes it is not shown at). The e2e test (first-view.e2e.ts)
 * notices when the layout moves away from them. The default view embedded (`?embed=1`), which pages
 * paste more than any other link, is drawn alike for a few frame widths (EMBED_WIDTHS): the same
 * page, which the embed's CSS lays out as the app's embed, around a map of the embed's size.
 */
// How far beyond its frame the first view can show (styles/first-view.css shows it at up to ±17 % of the
// reference size and ±15 % of its shape: under 9 % of its width), and the widest stroke drawn.
const OVERFLOW = 0.12;
const STROKE_MARGIN = 4;
// Points closer than this to the line through their neighbours are left out (a pixel's quarter: unseen).
const TOLERANCE = 0.25;

/**
 * What a drawing that is only looked at can do without, to be painted sooner (each measured on the
 * first paint, bench/results.md): the map's sea, which the map host's background paints, the
 * data attributes for pointing of paths but the places' (a click on the first view is answered by
 * what it was on: src/ui/first-view.ts) and the provinces' ids (a link may open one), and the options of a closed <select> but the chosen one
 * (each option is laid out, though none shows).
 */
function lighten(map: Element, controls: Element | null, lang: Lang, placeLinks: boolean): void {
  map.querySelector(`#first-view-${lang}-sea`)?.remove();
  // A province's area keeps its id where a link that opens one can show the view: its outline is the selection's.
  const provinces = placeLinks ? map.querySelector(`#first-view-${lang}-provinces`) : null;
  for (const path of map.querySelectorAll('path:not([data-target="place"])')) if (path.parentElement !== provinces) for (const a of ['data-target', 'data-id']) path.removeAttribute(a);
  for (const option of controls?.querySelectorAll('select option:not([selected])') ?? []) option.remove();
}

type Project = (lonLat: [number, number]) => [number, number];

/** Where a place's point is drawn, in whole pixels, for the inline script's question (would the panel cover it?). */
function pointOf(model: Model, project: Project, id: string): string | null {
  const place = model.places.get(id);
  const [x, y] = place ? project([place.lon, place.lat]) : [NaN, NaN];
  return Number.isFinite(x) && Number.isFinite(y) ? `${Math.round(x)},${Math.round(y)}` : null;
}

/** On the main map's areas, where each place's point is drawn (`data-at`), for a link that opens one (FIRST_VIEW_SELECT_SCRIPT). */
function markPlacePoints(map: Element, model: Model, project: Project): void {
  for (const path of map.querySelectorAll('#counties > path[data-id], #districts > path[data-id]')) {
    const point = pointOf(model, project, path.getAttribute('data-id') ?? '');
    if (point) path.setAttribute('data-at', point);
  }
}

/**
 * The places on the main map whose point the panel would cover in this view (coveredByPanel): a
 * link that opens one gets no first view at this size (the live map pans to it), which the head
 * script knows before anything is fetched.
 */
function coveredPlaces(model: Model, project: Project, size: { width: number; height: number }): string[] {
  return [...model.places.byId.values()]
    .filter((p) => !inPartnerCity(model, p.id))
    .filter((p) => {
      const [x, y] = project([p.lon, p.lat]);
      return Number.isFinite(x) && Number.isFinite(y) && coveredByPanel([x, y], size.width, size.height);
    })
    .map((p) => p.id)
    .sort();
}

/**
 * The prefectures' outlines as the live map draws its selection at this camera, with their points,
 * as JSON (id → [path data, point]): the view's areas are counties. A file of their own, which only a
 * link that opens a prefecture fetches (in the views, they added 29 KB to every default link).
 */
function prefectureOutlines(model: Model, geo: Geography, view: { camera: Camera; width: number; height: number }, project: Project): string {
  const outlines = outlinePaths(geo, view);
  return JSON.stringify(Object.fromEntries(geo.ids.prefectures.map((id, i) => [id, [outlines.area('prefectures', i), pointOf(model, project, id)]])));
}

/**
 * The places a link may open that are shown in a partner city's inset (the cities and their
 * districts): the live map composes the view beside the panel for them (camera-moves.ts), so no
 * first view is drawn for such a link, and the page's head script asks for none (first-view.ts).
 */
export function partnerPlaces(model: Model): string[] {
  return [...model.places.byId.keys()].filter((id) => inPartnerCity(model, id)).sort();
}

/**
 * Every first view (FIRST_VIEWS, and each step of each built-in story in present mode), both
 * languages of each, each view followed by the mark of its end.
 */
export function drawFirstViews(dataDir: string, topoFile: string, { filtered = true } = {}): { views: ({ kind: FirstViewKind } & ReturnType<typeof drawKind>)[]; partners: string[] } {
  const { document, window } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const g = globalThis as Record<string, unknown>;
  // What the components reach for: the document, timers, the URL (the embed link, not shown here),
  // a ResizeObserver (nothing resizes here) and frames (nothing is laid out to scroll to here).
  const globals: Record<string, unknown> = {
    document,
    window,
    location: new URL('https://first-view.invalid/'),
    ResizeObserver: class {
      observe() {}
      disconnect() {}
    },
    requestAnimationFrame: () => 0,
  };
  // linkedom's <select> has no value setter; as the HTML a browser reads, the chosen option is marked.
  Object.defineProperty(Object.getPrototypeOf(document.createElement('select')), 'value', {
    set(this: HTMLSelectElement, v: string) {
      for (const o of this.querySelectorAll('option')) o.toggleAttribute('selected', o.getAttribute('value') === v);
    },
  });
  const saved = Object.fromEntries(Object.keys(globals).map((k) => [k, g[k]]));
  Object.assign(g, globals);
  try {
    const builtin = readBuiltin(dataDir);
    const model = buildModel(builtin.dataset);
    const geo = toGeography(JSON.parse(readFileSync(topoFile, 'utf8')) as Topology);
    const filters = filtered ? filterFirstViews(model.years, builtin.dataset.categories.map((c) => c.id)) : [];
    const kinds = [...FIRST_VIEWS, ...filters, ...storyFirstViews(builtin.stories)];
    return { views: kinds.map((kind) => ({ kind, ...drawKind(document, model, geo, builtin.stories, kind) })), partners: partnerPlaces(model) };
  } finally {
    Object.assign(g, saved);
  }
}

/** Both languages' first view of a kind, and the prefectures' outlines for each, where a link that opens a place can show it. */
function drawKind(
  document: Document,
  model: Model,
  geo: Geography,
  stories: readonly Story[],
  kind: FirstViewKind,
): { views: Record<Lang, string>; prefectures: Record<Lang, string | null>; covered: Record<Lang, string | null> } {
  const prefectures: (string | null)[] = [];
  const covered: (string | null)[] = [];
  const none = () => Promise.reject(new Error('not in the first view'));
  const ctx: UiContext = {
    model,
    dispatch: () => undefined,
    present: () => undefined,
    leaveStory: () => undefined,
    stories: () => stories,
    setUserStories: () => undefined,
    exportMap: none,
    exportPreview: none,
    exportTexts: none,
    exportSlides: none,
    saveOfflineCopy: none,
  };
  const story = kind.story ? stories.find((s) => s.id === kind.story!.id) : undefined;
  if (kind.story && !story) throw new Error(`no story ${kind.story.id} to draw`);
  const drawn = LANGS.map((lang) => {
    // As the app starts from a story's link (app.ts): the step's view, filters and place.
    const filter = kind.filter ? { year: kind.filter.year, categories: kind.filter.category ? [kind.filter.category] : [] } : {};
    const state = { ...defaultState(lang), embed: kind.embed, ...filter, ...(story ? stepPatch(story, kind.story!.step) : {}) };
    // A view the app would not keep is never shown: drawn for nothing.
    if (!drawnAtBuild(state, story)) throw new Error(`first view ${kind.id}: the app does not keep a view of this state (src/state/first-view-state.ts)`);
    const presenting = state.story !== null;
    const size = kind.map[lang];
    // An embed's legend folds its keys away in a narrow page (ui/legend.ts reads the page's width).
    Object.defineProperty(document.documentElement, 'clientWidth', { value: size.width, configurable: true });
    const frame: Frame = { state, scene: buildScene(model, state, maxRadiusFor(size.width, size.height)), lang, tr: (key: MessageKey, vars?: Record<string, string | number>) => t(lang, key, vars) };
    const header = createHeader(ctx);
    header.update(frame);
    header.el.querySelector('.embed-open')?.removeAttribute('href');
    // Present mode shows neither the sidebar nor the compact key (styles/present-print.css): its card instead.
    const [controls, legend] = presenting ? [null, null] : [createControls(ctx), createLegend(ctx)];
    for (const c of [controls, legend]) c?.update(frame);
    // The compact key in its fixed box, which the map keeps its names and cards clear of, as the app's page does.
    const compactKey = presenting ? null : createCompactKey(ctx, { mapSize: () => size, openLegend: () => undefined });
    compactKey?.update(frame);
    const card = presenting ? createPresenter(ctx, stories) : null;
    card?.update(frame);
    const cardBox = kind.story ? captionCardBox(size.width, size.height, kind.story.card[lang]) : null;
    // And MapLibre's controls, where the live map keeps its names clear of them (app/page.ts); in
    // present mode the caption card's strip.
    const boxes = presenting ? mapControlBoxes(size.width, size.height, { zoom: state.interactive, attribution: false }) : fixedOverMap(size.width, size.height, insetCities(model), { embed: kind.embed, zoom: state.interactive, attribution: true });
    const covers: Cover[] = [
      ...boxes.map((b): Cover => ({ box: [b.x, b.y, b.x + b.width, b.y + b.height], kind: 'control' })),
      ...(cardBox ? [{ box: [cardBox.x, cardBox.y, cardBox.x + cardBox.width, cardBox.y + cardBox.height], kind: 'card' } as const] : []),
    ];
    // What the map says where nothing matches the filter (a filtered view can be empty), as the live map does.
    const deadEnd = createDeadEnd(ctx);
    deadEnd.update(frame);
    const { layout, svgHost } = createShell(controls && legend ? [controls.el, legend.el] : [], [...(compactKey ? [compactKey.el] : []), deadEnd.el], []);
    // The live map's size is read from its host.
    Object.defineProperties(svgHost, { clientWidth: { value: size.width }, clientHeight: { value: size.height } });
    const renderer = createSvgRenderer(svgHost, geo, model, { camera: null, view: state.view, reveal: state.place }, { hover() {}, click() {}, moved() {} }, () => ({ covers, presenting }));
    renderer.update(frame.scene, lang, state.place, state.view);
    // Where each place's point is drawn on the main map, for a link that opens one over a view a place
    // link may show (the default view, filtered or not): the page's inline script asks whether the
    // panel would cover it, by the live map's rule (FIRST_VIEW_SELECT_SCRIPT).
    const placeLinks = !kind.embed && !kind.story;
    if (placeLinks) markPlacePoints(renderer.layer, model, renderer.project);
    prefectures.push(placeLinks ? prefectureOutlines(model, geo, { camera: renderer.camera(), ...size }, renderer.project) : null);
    covered.push(placeLinks ? coveredPlaces(model, renderer.project, size).join(' ') : null);
    // Not an .svg-layer or .svg-map, and its ids prefixed: the app's live drawing, which it lies
    // beside for a moment, keeps its selectors and ids to itself.
    renderer.layer.className = 'first-view-map';
    for (const e of renderer.layer.querySelectorAll('*')) {
      e.classList.remove('svg-map');
      if (e.id) e.id = `first-view-${lang}-${e.id}`;
      for (const a of ['fill', 'stroke', 'clip-path', 'mask', 'filter']) {
        const v = e.getAttribute(a);
        if (v?.startsWith('url(#')) e.setAttribute(a, v.replace('url(#', `url(#first-view-${lang}-`));
      }
    }
    const overflow = Math.ceil(size.width * OVERFLOW);
    compactSvg(renderer.layer, { x0: -overflow, y0: -overflow, x1: size.width + overflow, y1: size.height + overflow }, STROKE_MARGIN, TOLERANCE);
    lighten(renderer.layer, controls?.el ?? null, lang, placeLinks);
    const view = document.createElement('div');
    view.className = 'first-view';
    view.setAttribute('data-lang', lang);
    // A filtered view is shown at the sizes its reference size is (styles/first-view.css).
    view.setAttribute('data-size', kind.filter?.size ?? kind.id);
    if (kind.story) view.setAttribute('data-present', kind.story.size);
    view.setAttribute('inert', '');
    view.append(header.el, layout);
    // The layers, as groups of one SVG frame that scales them together. Each layer is an <svg> of
    // the frame's own size, so a group draws it alike, with no viewport of its own to set up and
    // clip by; what is drawn beyond the frame then shows wherever the map area is wider or taller
    // than the reference, borders and areas alike.
    const frameSvg = svg('svg', { class: 'first-view-frame', viewBox: `0 0 ${size.width} ${size.height}`, preserveAspectRatio: 'xMidYMid meet', overflow: 'visible' });
    for (const layer of [...renderer.layer.children]) frameSvg.append(svg('g', { 'font-family': layer.getAttribute('font-family') }, ...layer.childNodes));
    // The compact key in its box goes into the frame too: where the map is scaled, it stays where the
    // map has room for it (placed in the page for the reference size, it stood over an inset at
    // 1440 × 900). An embed's key button keeps to the corner of the page as it is.
    const compactBox = compactKey ? compactKeyBox(size.width, size.height, insetCities(model)) : null;
    if (compactKey && compactBox) {
      const { x, y, width, height } = compactBox;
      compactKey.el.setAttribute('style', `left:0;top:0;width:${width}px;height:${height}px`);
      frameSvg.append(svg('foreignObject', { x, y, width, height }, compactKey.el));
    }
    // The caption card alike, standing on the bottom of its column as the page's card stands on the
    // map area's: its height is its words', which the browser lays out.
    if (card && cardBox) {
      card.el.setAttribute('style', 'left:0;right:0;bottom:0;width:auto');
      frameSvg.append(svg('foreignObject', { x: cardBox.x, y: 0, width: cardBox.width, height: size.height - CAPTION_CARD.bottom }, card.el));
    }
    renderer.layer.replaceChildren(frameSvg);
    return view;
  });
  // Each view ends in the mark that the inline script holds the first paint for (first-view.ts).
  return {
    views: Object.fromEntries(drawn.map((view, i) => [LANGS[i]!, `${view.outerHTML}<span id="first-view-end-${LANGS[i]}"></span>`])) as Record<Lang, string>,
    prefectures: Object.fromEntries(LANGS.map((lang, i) => [lang, prefectures[i] ?? null])) as Record<Lang, string | null>,
    covered: Object.fromEntries(LANGS.map((lang, i) => [lang, covered[i] ?? null])) as Record<Lang, string | null>,
  };
}
