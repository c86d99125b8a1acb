import type { Lang } from '../i18n/messages.ts';
import type { Scene } from '../scene/scene.ts';
import type { Camera, NamedView } from '../state/url-state.ts';
import type { Covered } from './projection.ts';

/** What a pointer is over, in the same terms for both renderers. */
export type MapTarget = { type: 'marker'; key: string } | { type: 'arc'; id: string } | { type: 'place'; id: string };

export interface MapEvents {
  hover(target: MapTarget | null, point: { x: number; y: number }): void;
  click(target: MapTarget | null): void;
  /** The user moved the map (pan/zoom); programmatic framing does not call this. */
  moved(camera: Camera): void;
}

/** The live map as the app sees it: the SVG drawing alone, or MapLibre's camera with the drawing on top. */
export interface MapRenderer {
  readonly kind: 'svg' | 'webgl';
  /** Draws a scene; `view` decides whether the partner cities stand in insets (see composition.ts). */
  update(scene: Scene, lang: Lang, selected: string | null, view: NamedView): void;
  /** Fits a named view into the part of the map that `covered` leaves visible. */
  frame(view: NamedView, animate: boolean, covered: Covered): void;
  jumpTo(camera: Camera): void;
  /** The current view, so that exports can draw exactly what is on screen. */
  camera(): Camera;
  /** Where a lon/lat is drawn, in pixels from the map's top-left corner. */
  project(lonLat: [number, number]): [number, number];
  destroy(): void;
}
