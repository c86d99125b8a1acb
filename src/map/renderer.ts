import type { Lang } from '../i18n/messages.ts';
import type { Scene } from '../scene/scene.ts';
import type { CameraMove } from '../state/transition.ts';
import type { Camera, NamedView } from '../state/url-state.ts';
import type { Box } from './free-spots.ts';

/** What a pointer is over, in the same terms for both renderers. */
export type MapTarget = { type: 'marker'; key: string } | { type: 'arc'; id: string } | { type: 'place'; id: string };

export interface MapEvents {
  hover(target: MapTarget | null, point: { x: number; y: number }): void;
  click(target: MapTarget | null): void;
  /** The user moved the map (pan/zoom); programmatic framing does not call this. */
  moved(camera: Camera): void;
}

/**
 * Something that lies over the map, in the map's pixels. Names keep clear of all of them. A `card`
 * (the story's caption) is a strip along an edge that framed views and the insets stand beside; the
 * details `panel` is one too, but the composition stays where it is when it opens (a place hidden
 * under it is revealed by a pan; for a partner city's place, the view is composed beside it);
 * a `control` is a button, the scale or the attribution.
 */
export interface Cover {
  box: Box;
  kind: 'control' | 'panel' | 'card';
}

/**
 * What the page around the map is like, measured by the page (the map reads no document): what lies
 * over it, and whether a room is watching (present mode: names grow with the screen).
 */
export interface Surroundings {
  covers: readonly Cover[];
  presenting: boolean;
}

/** The live map as the app sees it: the SVG drawing alone, or MapLibre's camera with the drawing on top. */
export interface MapRenderer {
  readonly kind: 'svg' | 'webgl';
  /** Draws a scene; `view` decides whether the partner cities stand in insets (see composition.ts). */
  update(scene: Scene, lang: Lang, selected: string | null, view: NamedView): void;
  /** Carries out a state change's camera move; returns the camera reached where the state should record it (a revealed place). */
  move(move: CameraMove): Camera | null;
  /** The current view, so that exports can draw exactly what is on screen. */
  camera(): Camera;
  /** Whether the camera is on its way somewhere (a flight to a framed view, a drag). */
  isMoving(): boolean;
  /** Where a lon/lat is drawn, in pixels from the map's top-left corner. */
  project(lonLat: [number, number]): [number, number];
  destroy(): void;
}
