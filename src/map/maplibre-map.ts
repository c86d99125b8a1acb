import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { t, type Lang } from '../i18n/messages.ts';
import type { Camera } from '../state/url-state.ts';
import { cameraAfter } from './camera-moves.ts';
import type { MapEvents, MapRenderer } from './renderer.ts';
import { ATTRIBUTION_UNFOLDED_FROM } from './composition.ts';
import { buildStyle } from './style.ts';
import type { SvgRenderer } from './svg-renderer.ts';
import { svgTarget } from './svg-map.ts';

/*
 * The interactive map: MapLibre moves the camera (drag, wheel, pinch, keyboard, the zoom buttons),
 * and shows the scale and attribution, over the map element's sea-coloured background (it draws no
 * layer of its own); the SVG renderer draws the land and the scene on top and follows every camera move.
 *
 * Why not draw the map in WebGL: a filter change then needs a WebGL frame, and on machines that
 * render WebGL in software (many office laptops and virtual desktops) one frame of county outlines
 * costs 150–250 ms. Drawn in SVG, a filter change costs one DOM update, the same drawing serves the
 * first paint, the no-WebGL fallback and the SVG export, and MapLibre, with nothing to tile, is
 * ready sooner and draws each frame of a move almost for free.
 */

export interface MapView extends MapRenderer {
  map: maplibregl.Map;
}

export function createMapLibreMap(
  container: HTMLElement,
  scene: SvgRenderer,
  initial: { interactive: boolean; lang: Lang },
  events: Pick<MapEvents, 'click' | 'moved'>,
): Promise<MapView> {
  // MapLibre starts where the SVG drawing already is, so nothing moves when it takes over.
  const start = scene.camera();
  const map = new maplibregl.Map({
    container,
    style: buildStyle(),
    center: [start.lon, start.lat],
    zoom: start.zoom,
    attributionControl: false,
    interactive: initial.interactive,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxZoom: 12,
    minZoom: 2.5,
    // Kept so that printing and canvas reads see the last frame.
    canvasContextAttributes: { preserveDrawingBuffer: true },
    locale: mapLocale(initial.lang),
  } as maplibregl.MapOptions);
  map.touchZoomRotate.disableRotation();
  let lang = initial.lang;
  let controls = addControls(map, initial.interactive, lang);
  // MapLibre takes its words (buttons' names, the scale's unit) from the map's locale, set when the
  // map is made and without a public setter: a change of language writes it and makes the controls
  // again, which read it as they are added. Their attribution keeps the state it was in.
  const relabel = (next: Lang) => {
    lang = next;
    Object.assign((map as unknown as { _locale: Record<string, string> })._locale, mapLocale(lang));
    const shown = container.querySelector('.maplibregl-ctrl-attrib')?.classList.contains('maplibregl-compact-show') ?? false;
    for (const c of controls) map.removeControl(c);
    controls = addControls(map, initial.interactive, lang);
    if (!shown) container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
    map.getCanvas().setAttribute('aria-label', t(lang, 'map.canvas'));
  };

  const camera = (): Camera => {
    const c = map.getCenter();
    return { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
  };
  // Inside the canvas container, pointer events on the SVG reach MapLibre's handlers, so a drag
  // that starts on a county pans the map, as on any map.
  const home = scene.layer.parentElement;
  map.getCanvasContainer().append(scene.layer);
  // MapLibre starts at the drawing's camera: drawn again there, the same map would be drawn (≈ 50 ms
  // of the long task that makes MapLibre's map). Only a camera MapLibre moved (its bounds) redraws it.
  const now = camera();
  if (now.lon !== start.lon || now.lat !== start.lat || now.zoom !== start.zoom) scene.settle(now);
  map.on('move', () => scene.follow(camera()));
  map.on('moveend', (e) => {
    scene.settle(camera());
    // Only moves the user made become URL state; programmatic framing keeps the named view.
    if ((e as { originalEvent?: unknown }).originalEvent) events.moved(camera());
  });
  map.on('resize', () => scene.settle(camera()));
  // MapLibre's click comes only when the pointer did not drag; its target is the SVG element under it.
  map.on('click', (e) => events.click(svgTarget(e.originalEvent.target as Element)));

  const view: MapView = {
    kind: 'webgl',
    map,
    update(s, l, place, named) {
      if (l !== lang) relabel(l);
      scene.update(s, l, place, named);
    },
    move(m) {
      // The layout may have just changed (presentation mode, embed): measure before framing.
      if (m.type === 'frame') map.resize();
      const next = cameraAfter(m, { ...scene.moveContext(), width: container.clientWidth, height: container.clientHeight, camera: camera() });
      if (!next) return null;
      scene.shiftInsets(next.insets);
      const to = { center: [next.camera.lon, next.camera.lat] as [number, number], zoom: next.camera.zoom };
      if (next.fly) map.flyTo({ ...to, duration: 600 });
      else map.jumpTo(to);
      return next.camera;
    },
    camera,
    isMoving: () => map.isMoving(),
    project(lonLat) {
      const p = map.project(lonLat);
      return [p.x, p.y];
    },
    destroy() {
      scene.destroy();
      map.remove();
    },
  };
  // On a narrower map the attribution (about 580 px long) would lie over Guizhou: it starts folded into its (i) button.
  // A drawing made while it lay unfolded kept names clear of it: place them again around the button.
  map.once('load', () => {
    if (container.clientWidth >= ATTRIBUTION_UNFOLDED_FROM) return;
    container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
    scene.settle(camera());
  });
  return new Promise((resolve, reject) => {
    // Resolves once MapLibre has drawn its first frame: then the SVG map hands the sea over.
    map.once('load', () =>
      map.once('idle', () => {
        scene.overBasemap(true);
        resolve(view);
      }),
    );
    map.once('error', (e) => {
      // The SVG map goes back where it was and stays the whole map.
      home?.append(scene.layer);
      map.remove();
      reject(e.error instanceof Error ? e.error : new Error('MapLibre could not start'));
    });
  });
}

/** MapLibre's words in the page's language (the keys are MapLibre's). */
function mapLocale(lang: Lang): Record<string, string> {
  return {
    // The canvas, inside the map's own region (named map.label), says what it does from the keyboard.
    'Map.Title': t(lang, 'map.canvas'),
    'NavigationControl.ZoomIn': t(lang, 'map.zoomIn'),
    'NavigationControl.ZoomOut': t(lang, 'map.zoomOut'),
    'AttributionControl.ToggleAttribution': t(lang, 'map.attributionToggle'),
    'ScaleControl.Kilometers': t(lang, 'map.unitKm'),
    'ScaleControl.Meters': t(lang, 'map.unitM'),
  };
}

/** The zoom buttons (none on a still map: they would do nothing), the scale and the attribution, in the page's language. */
function addControls(map: maplibregl.Map, interactive: boolean, lang: Lang): maplibregl.IControl[] {
  const added: [maplibregl.IControl, maplibregl.ControlPosition][] = [
    ...(interactive ? [[new maplibregl.NavigationControl({ showCompass: false }), 'top-right'] as [maplibregl.IControl, maplibregl.ControlPosition]] : []),
    [new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left'],
    [new maplibregl.AttributionControl({ compact: true, customAttribution: t(lang, 'map.attribution') }), 'bottom-right'],
  ];
  for (const [c, at] of added) map.addControl(c, at);
  return added.map(([c]) => c);
}
