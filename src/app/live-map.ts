import type { Geography } from '../map/geography.ts';
import type { MapEvents, MapRenderer, Surroundings } from '../map/renderer.ts';
import { createSvgRenderer } from '../map/svg-renderer.ts';
import type { Model } from '../scene/model.ts';
import type { CameraMove } from '../state/transition.ts';
import type { Camera } from '../state/url-state.ts';
import type { Frame } from '../view/context.ts';
import type { UserPause } from './user-pause.ts';

/*
 * The live map: the complete map in SVG at its first update, the first paint of every link the build
 * did not draw; then MapLibre takes over the camera (the sea beyond the drawing is the map element's
 * background), the same SVG map on top
 * (see map/maplibre-map.ts). Without WebGL, or when its context is lost for good, the SVG map alone.
 */

export interface LiveMapOptions {
  host: HTMLElement;
  mapEl: HTMLElement;
  geo: Geography;
  model: Model;
  frame: () => Frame;
  /** A place open from the start: the first drawing shows it clear of the panel. */
  reveal: string | null;
  events: MapEvents;
  surroundings: () => Surroundings;
  /** Called when the SVG map takes over from MapLibre (a notice says so). */
  fellBack(): void;
  /** Resolves when the user pauses: MapLibre's code runs and its map is made then, not under a click or a key. */
  userPause: UserPause;
}

export interface LiveMap {
  current(): MapRenderer;
  /** The first drawing in steps (see SvgRenderer.drawInSteps), where nothing waits for it whole. */
  drawInSteps(frame: Frame, between: () => Promise<boolean>): Promise<void>;
  /** Draws the frame (the first call draws the map). */
  update(frame: Frame): void;
  move(move: CameraMove): Camera | null;
  /** Starts MapLibre; resolves when it has drawn, or the SVG map stays. */
  upgrade(): Promise<void>;
}

export function startLiveMap(o: LiveMapOptions): LiveMap {
  const drawSvg = (camera: Camera | null, reveal: string | null = null) => createSvgRenderer(o.host, o.geo, o.model, { camera, view: o.frame().state.view, reveal }, o.events, o.surroundings);
  const first = drawSvg(o.frame().state.camera, o.reveal);
  let view: MapRenderer = first;
  const update = (f: Frame) => view.update(f.scene, f.lang, f.state.place, f.state.view);

  const fallBack = (gl: MapRenderer | null, error?: unknown) => {
    if (error) console.warn('WebGL map unavailable, using the SVG map:', error);
    const camera = gl?.camera() ?? view.camera();
    gl?.destroy();
    if (view.kind !== 'svg') {
      view = drawSvg(camera);
      update(o.frame());
    }
    o.fellBack();
  };

  return {
    current: () => view,
    drawInSteps: (f, between) => first.drawInSteps(f.scene, f.lang, f.state.place, f.state.view, between),
    update,
    move: (m) => view.move(m),
    async upgrade() {
      try {
        // Its module's first run and its map's making are each a long task: a click or key on the map
        // just painted waited behind them (≈ 250 ms at a deep link's first map). They come once the
        // user has left the map alone for a moment, each.
        await o.userPause({ settle: true });
        const { createMapLibreMap } = await import('../map/maplibre-map.ts');
        await o.userPause();
        const { interactive, lang } = o.frame().state;
        const gl = await createMapLibreMap(o.mapEl, first, { interactive, lang }, o.events);
        view = gl;
        gl.map.on('webglcontextlost', () => {
          // Give the browser a moment to restore the context; if it does not, the SVG map takes over.
          window.setTimeout(() => {
            if (view !== gl || !gl.map.isStyleLoaded()) fallBack(gl);
          }, 3000);
        });
      } catch (e) {
        fallBack(null, e);
      }
    },
  };
}
