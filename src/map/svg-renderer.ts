import type { Lang } from '../i18n/messages.ts';
import type { Model } from '../scene/model.ts';
import type { Scene } from '../scene/scene.ts';
import type { Camera, NamedView } from '../state/url-state.ts';
import { el } from '../view/dom.ts';
import { cameraAfter, composeLive, partnerOpen, type MoveContext, type MoveTarget } from './camera-moves.ts';
import type { Geography } from './geography.ts';
import { insetCities } from './composition.ts';
import { labelScaleFor } from './label-placement.ts';
import { routePath, type Route } from './line-routes.ts';
import { projectionFor } from './projection.ts';
import type { MapEvents, MapRenderer, Surroundings } from './renderer.ts';
import { drawSvgMap, drawSvgMapInSteps, paintScene, svgTarget, viewKey } from './svg-map.ts';

/**
 * The SVG map as a live renderer. It draws every layer of the scene: alone it is the first paint
 * and the whole map where WebGL is missing; over MapLibre (see maplibre-map.ts) MapLibre draws the
 * sea underneath and moves the camera, and this map follows it.
 */
export interface SvgRenderer extends MapRenderer {
  readonly kind: 'svg';
  /** The element that holds the SVG; MapLibre moves it into its own canvas container. */
  readonly layer: HTMLElement;
  /** On: over MapLibre, the map element's background shows the sea, and MapLibre reports clicks (so that a drag never clicks). */
  overBasemap(on: boolean): void;
  /** A camera in motion: the drawn map is moved and scaled, not redrawn. */
  follow(camera: Camera): void;
  /**
   * The first drawing, in steps: `between` runs between them (a task each), and says whether a
   * drawing is due (it is waited for). What is asked meanwhile (`update`, `move`, a new size) starts
   * the steps again with it (what the view alone decides is kept: the same view costs little again).
   */
  drawInSteps(scene: Scene, lang: Lang, selected: string | null, view: NamedView, between: () => Promise<boolean>): Promise<void>;
  /** Redraws at this camera (when a move has ended). */
  settle(camera: Camera): void;
  /** Moves the insets as a move says: with the picture (a pan), or to their composed places (and with a pan of those). */
  shiftInsets(insets: MoveTarget['insets']): void;
  /** What a camera move is worked out from, but the map's size and camera: what covers it, the view, the place open. */
  moveContext(): Omit<MoveContext, 'width' | 'height' | 'camera'>;
}

export function createSvgRenderer(
  container: HTMLElement,
  geo: Geography,
  model: Model,
  /** `reveal`: a place whose details are open from the start, shown clear of the panel in the first drawing. */
  initial: { camera: Camera | null; view: NamedView; reveal?: string | null },
  events: MapEvents,
  surroundings: () => Surroundings,
): SvgRenderer {
  // A picture of the scene for the eye; screen readers get the same content from the place search,
  // the panel and the table view, not a hundred unlabelled shapes and names.
  const layer = el('div', { class: 'svg-layer', 'aria-hidden': 'true' });
  container.append(layer);
  // The size is read once and again only when it changes (the observer below): a read after the
  // drawing was written would lay out every path of it before the frame does.
  let known: { width: number; height: number } | null = null;
  const size = () => (known ??= { width: Math.max(1, layer.clientWidth || container.clientWidth), height: Math.max(1, layer.clientHeight || container.clientHeight) });
  const cities = insetCities(model);
  const composition = (view: NamedView, around: Surroundings, selected: string | null) =>
    composeLive(view, { ...size(), cities, covers: around.covers, partnerOpen: partnerOpen({ model, view, open: selected }) });
  let camera: Camera = initial.camera ?? composition(initial.view, surroundings(), initial.reveal ?? null).camera;
  // A reveal pans the whole composed picture: the insets move with Guizhou. A framed view or a jump puts them back.
  let insetShift: [number, number] = [0, 0];
  let last: { scene: Scene; lang: Lang; selected: string | null; view: NamedView } | null = null;
  const moveContext = (): Omit<MoveContext, 'width' | 'height' | 'camera'> => ({ model, cities, covers: surroundings().covers, view: last ? last.view : initial.view, open: last ? last.selected : (initial.reveal ?? null) });
  if (initial.reveal) {
    // A link with a place open is drawn once, already panned, rather than drawn and then drawn again.
    const revealed = cameraAfter({ type: 'reveal', place: initial.reveal }, { ...moveContext(), ...size(), camera });
    if (revealed) {
      shiftInsets(revealed.insets);
      camera = revealed.camera;
    }
  }
  // What is drawn, for follow(): its view, its four layers, and each circle's and text's position.
  let drawn: {
    camera: Camera;
    width: number;
    height: number;
    insets: string;
    layers: SVGSVGElement[];
    points: { node: SVGElement; x: number; y: number }[];
    /** Lines that end in an inset: their start moves with the map, their end does not. */
    routes: { node: SVGPathElement; route: Route }[];
  } | null = null;
  // The camera while MapLibre moves it; null when the drawing shows the camera.
  let moving: Camera | null = null;
  let ownClicks = true;

  /** What a drawing of `now` is drawn with; null for a hidden map (on paper with a place open, a map drawn for the paper stands in for it). */
  const optionsFor = (now: NonNullable<typeof last>, around: Surroundings) => {
    const { width, height } = size();
    if (width <= 1 || height <= 1) return null;
    const insets = composition(now.view, around, now.selected).insets.map((f) => ({ ...f, x: f.x + insetShift[0], y: f.y + insetShift[1] }));
    return { width, height, camera, insets, lang: now.lang, selected: now.selected, keepClear: around.covers.map((c) => c.box), labelScale: labelScaleFor(around.presenting, width) };
  };

  // A first drawing in steps (drawInSteps) under way: a drawing asked for meanwhile starts it again, with what was asked.
  let stepping: { again: boolean } | null = null;

  const draw = () => {
    if (!last) return;
    if (stepping) return void (stepping.again = true);
    const o = optionsFor(last, surroundings());
    if (!o) return;
    if (drawn && viewKey(drawn) === viewKey(o) && drawn.insets === JSON.stringify(o.insets)) {
      paintScene(layer, geo, model, last.scene, o);
      return record();
    }
    record(drawSvgMap(geo, model, last.scene, o), o);
  };

  /** Records what the layer shows for follow(): a new drawing (put on the page now), or the one there painted again. */
  function record(root?: SVGSVGElement, o?: { camera: Camera; width: number; height: number; insets: readonly unknown[] }) {
    if (root && o) drawn = { camera: o.camera, width: o.width, height: o.height, insets: JSON.stringify(o.insets), layers: split(root), points: [], routes: [] };
    if (!drawn) return;
    drawn.points = [...layer.querySelectorAll<SVGElement>('.points circle, .points text, .points path')]
      .filter((node) => !node.closest('[data-fixed]'))
      .map((node) => ({
        node,
        x: Number(node.getAttribute(node.localName === 'circle' ? 'cx' : node.localName === 'path' ? 'data-x' : 'x')),
        y: Number(node.getAttribute(node.localName === 'circle' ? 'cy' : node.localName === 'path' ? 'data-y' : 'y')),
      }));
    drawn.routes = [...layer.querySelectorAll<SVGPathElement>('#arcs path[data-from]')].map((node) => ({ node, route: routeOf(node) }));
    if (moving) follow(moving);
  }

  // One SVG element per layer, each composited on its own (see styles/page.css): a filter change repaints
  // the areas and the lines and points, never the borders; a move only shifts and scales pictures.
  const split = (root: SVGSVGElement): SVGSVGElement[] => {
    const layers = [...root.children]
      .filter((g) => g.localName === 'g')
      .map((g) => {
        const one = root.cloneNode(false) as SVGSVGElement;
        one.append(g);
        return one;
      });
    layers[0]?.prepend(...root.querySelectorAll('defs'));
    layer.replaceChildren(...layers);
    return layers;
  };

  const follow = (next: Camera) => {
    moving = next;
    if (!drawn) return;
    // Web Mercator without rotation: the new view is the drawn one scaled by k and shifted by (tx, ty).
    const k = Math.pow(2, next.zoom - drawn.camera.zoom);
    const world = projectionFor({ lon: 0, lat: 0, zoom: next.zoom }, 0, 0);
    const a = world([drawn.camera.lon, drawn.camera.lat]) ?? [0, 0];
    const b = world([next.lon, next.lat]) ?? [0, 0];
    const tx = (drawn.width / 2) * (1 - k) + (a[0] - b[0]);
    const ty = (drawn.height / 2) * (1 - k) + (a[1] - b[1]);
    // Areas and borders move as pictures (the compositor scales them; they are redrawn sharp when the
    // move ends); lines are redrawn scaled, with their width kept; circles and text only move.
    const [areas, borders, , lines] = drawn.layers;
    for (const svg of [areas, borders]) if (svg) svg.style.transform = `translate(${tx}px, ${ty}px) scale(${k})`;
    for (const g of lines?.querySelectorAll(drawn.routes.length > 0 ? '#selection' : '#selection, #arcs') ?? []) {
      g.setAttribute('transform', `translate(${tx} ${ty}) scale(${k})`);
    }
    for (const { node, route } of drawn.routes) node.setAttribute('d', routePath({ ...route, from: [route.from[0] * k + tx, route.from[1] * k + ty] }));
    for (const p of drawn.points) p.node.setAttribute('transform', `translate(${p.x * (k - 1) + tx} ${p.y * (k - 1) + ty})`);
  };

  function shiftInsets({ from, by }: MoveTarget['insets']) {
    insetShift = from === 'here' ? [insetShift[0] + by[0], insetShift[1] + by[1]] : by;
  }

  layer.addEventListener('mousemove', (e) => {
    // While a button is down the map is being dragged: no tooltip follows the pointer.
    if (e.buttons !== 0) return events.hover(null, { x: 0, y: 0 });
    const rect = layer.getBoundingClientRect();
    events.hover(svgTarget(e.target as Element), { x: e.clientX - rect.left, y: e.clientY - rect.top });
  });
  layer.addEventListener('mouseleave', () => events.hover(null, { x: 0, y: 0 }));
  layer.addEventListener('click', (e) => {
    if (ownClicks) events.click(svgTarget(e.target as Element));
  });
  // Observing reports the current size at once: only a real change of size redraws.
  const resize = new ResizeObserver(() => {
    known = null;
    const { width, height } = size();
    if (stepping || (drawn && (drawn.width !== width || drawn.height !== height))) draw();
  });
  resize.observe(container);

  return {
    kind: 'svg',
    layer,
    async drawInSteps(scene, lang, selected, view, between) {
      last = { scene, lang, selected, view };
      const run = (stepping = { again: false });
      try {
        for (;;) {
          run.again = false;
          const o = optionsFor(last, surroundings());
          if (!o) return;
          const steps = drawSvgMapInSteps(geo, model, last.scene, o);
          for (;;) {
            // A drawing due soon (a click answered, once its panel is painted) is waited for, then begun.
            while (await between());
            if (run.again) break;
            const step = steps.next();
            if (step.done) return record(step.value, o);
          }
        }
      } finally {
        stepping = null;
      }
    },
    update(scene, lang, selected, view) {
      last = { scene, lang, selected, view };
      draw();
    },
    move(m) {
      const next = cameraAfter(m, { ...moveContext(), ...size(), camera });
      if (!next) return null;
      shiftInsets(next.insets);
      camera = next.camera;
      draw();
      return next.camera;
    },
    camera: () => camera,
    isMoving: () => moving !== null,
    project(lonLat) {
      const { width, height } = size();
      return projectionFor(camera, width, height)(lonLat) ?? [NaN, NaN];
    },
    overBasemap(on) {
      ownClicks = !on;
      layer.classList.toggle('over-basemap', on);
    },
    follow,
    shiftInsets,
    moveContext,
    settle(next) {
      camera = next;
      moving = null;
      draw();
    },
    destroy() {
      resize.disconnect();
      layer.remove();
    },
  };
}

/** A drawn line's route, as paintLines wrote it on the path. */
function routeOf(node: SVGPathElement): Route {
  const point = (name: string) => node.getAttribute(name)!.split(',').map(Number) as unknown as [number, number];
  return { from: point('data-from'), join: point('data-join'), bend: point('data-bend'), port: point('data-port'), enter: point('data-enter'), to: point('data-to'), side: node.getAttribute('data-side') === 'top' ? 'top' : 'left' };
}
