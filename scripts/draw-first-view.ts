import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Topology } from 'topojson-specification';
import { LANGS, t, type Lang, type MessageKey } from '../src/i18n/messages.ts';
import type { FirstViewKind } from './first-view-kinds.ts';
import { toGeography } from '../src/map/geography.ts';
import { compactKeyBox, fixedOverMap, insetCities } from '../src/map/composition.ts';
import type { Cover } from '../src/map/renderer.ts';
import { createSvgRenderer } from '../src/map/svg-renderer.ts';
import { buildModel } from '../src/scene/model.ts';
import { buildScene, maxRadiusFor } from '../src/scene/scene.ts';
import { defaultState } from '../src/state/url-state.ts';
import type { Frame, UiContext } from '../src/view/context.ts';
import { createControls } from '../src/ui/controls.ts';
import { createHeader } from '../src/ui/header.ts';
import { createLegend } from '../src/ui/legend.ts';
import { createCompactKey } from '../src/ui/compact-key.ts';
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
 * paths' data attributes for pointing, and the options of a closed <select> but the chosen one
 * (each option is laid out, though none shows).
 */
function lighten(map: Element, controls: Element, lang: Lang): void {
  map.querySelector(`#first-view-${lang}-sea`)?.remove();
  for (const path of map.querySelectorAll('path')) for (const a of ['data-target', 'data-id']) path.removeAttribute(a);
  for (const option of controls.querySelectorAll('select option:not([selected])')) option.remove();
}

/** Both languages' first view of a kind, each followed by the mark of its end. */
export function drawFirstView(dataDir: string, topoFile: string, kind: FirstViewKind): { views: Record<Lang, string> } {
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
    const model = buildModel(readBuiltin(dataDir).dataset);
    const geo = toGeography(JSON.parse(readFileSync(topoFile, 'utf8')) as Topology);
    const none = () => Promise.reject(new Error('not in the first view'));
    const ctx: UiContext = {
      model,
      dispatch: () => undefined,
      present: () => undefined,
      leaveStory: () => undefined,
      stories: () => [],
      setUserStories: () => undefined,
      exportMap: none,
      exportPreview: none,
      exportTexts: none,
      exportSlides: none,
      saveOfflineCopy: none,
    };
    const drawn = LANGS.map((lang) => {
      const state = { ...defaultState(lang), embed: kind.embed };
      const size = kind.map[lang];
      // An embed's legend folds its keys away in a narrow page (ui/legend.ts reads the page's width).
      Object.defineProperty(document.documentElement, 'clientWidth', { value: size.width, configurable: true });
      const frame: Frame = { state, scene: buildScene(model, state, maxRadiusFor(size.width, size.height)), lang, tr: (key: MessageKey, vars?: Record<string, string | number>) => t(lang, key, vars) };
      const [header, controls, legend] = [createHeader(ctx), createControls(ctx), createLegend(ctx)];
      for (const c of [header, controls, legend]) c.update(frame);
      header.el.querySelector('.embed-open')?.removeAttribute('href');
      // The compact key in its fixed box, which the map keeps its names and cards clear of, as the app's page does.
      const compactKey = createCompactKey(ctx, { mapSize: () => size, openLegend: () => undefined });
      compactKey.update(frame);
      // And MapLibre's controls, where the live map keeps its names clear of them (app/page.ts).
      const boxes = fixedOverMap(size.width, size.height, insetCities(model), { embed: kind.embed, zoom: state.interactive, attribution: state.story === null });
      const covers: Cover[] = boxes.map((b) => ({ box: [b.x, b.y, b.x + b.width, b.y + b.height], kind: 'control' }));
      const { layout, svgHost } = createShell([controls.el, legend.el], [compactKey.el], []);
      // The live map's size is read from its host.
      Object.defineProperties(svgHost, { clientWidth: { value: size.width }, clientHeight: { value: size.height } });
      const renderer = createSvgRenderer(svgHost, geo, model, { camera: null, view: state.view }, { hover() {}, click() {}, moved() {} }, () => ({ covers, presenting: false }));
      renderer.update(frame.scene, lang, null, state.view);
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
      lighten(renderer.layer, controls.el, lang);
      const view = document.createElement('div');
      view.className = 'first-view';
      view.setAttribute('data-lang', lang);
      view.setAttribute('data-size', kind.id);
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
      const compactBox = compactKeyBox(size.width, size.height, insetCities(model));
      if (compactBox) {
        const { x, y, width, height } = compactBox;
        compactKey.el.setAttribute('style', `left:0;top:0;width:${width}px;height:${height}px`);
        frameSvg.append(svg('foreignObject', { x, y, width, height }, compactKey.el));
      }
      renderer.layer.replaceChildren(frameSvg);
      return view;
    });
    // Each view ends in the mark that the inline script holds the first paint for (first-view.ts).
    return { views: Object.fromEntries(drawn.map((view, i) => [LANGS[i]!, `${view.outerHTML}<span id="first-view-end-${LANGS[i]}"></span>`])) as Record<Lang, string> };
  } finally {
    Object.assign(g, saved);
  }
}
