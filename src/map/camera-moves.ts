import type { Model } from '../scene/model.ts';
import type { CameraMove } from '../state/transition.ts';
import type { Camera, NamedView } from '../state/url-state.ts';
import { compactKeyBox, compose, LIVE_CONTROLS_WIDTH } from './composition.ts';
import { coveredBy, projectionFor, type Covered } from './projection.ts';
import type { Cover } from './renderer.ts';

/*
 * Where a camera move takes the live map, for both renderers alike: a framed view, a jump, or a place
 * brought out from under the panel. Pure: the renderer gives its size, camera and what covers it.
 */

export interface MoveContext {
  model: Model;
  /** The partner cities that get an inset. */
  cities: readonly string[];
  width: number;
  height: number;
  camera: Camera;
  covers: readonly Cover[];
}

/** The camera a move ends at, or null where the map stays as it is. */
export function cameraAfter(move: CameraMove, o: MoveContext): Camera | null {
  switch (move.type) {
    case 'stay':
      return null;
    case 'jump':
      return move.camera;
    case 'frame':
      return composeLive(move.view, o).camera;
    case 'reveal':
      return revealed(move.place, o);
  }
}

/** The live map's composition of a named view: beside the caption card, not the panel (see Cover). */
export function composeLive(view: NamedView, o: { width: number; height: number; cities: readonly string[]; covers: readonly Cover[] }) {
  const key = compactKeyBox(o.width, o.height, o.cities);
  return compose(view, { width: o.width, height: o.height, covered: coveredOf(o.covers, o.width, o.height, ['card']), cities: o.cities, controls: LIVE_CONTROLS_WIDTH, key });
}

/** The strips along the right and bottom that covers of these kinds hide. */
function coveredOf(covers: readonly Cover[], width: number, height: number, kinds: readonly Cover['kind'][]): Covered {
  const rect = ([left, top, right, bottom]: Cover['box']) => ({ left, top, right, bottom, width: right - left });
  return coveredBy(rect([0, 0, width, height]), covers.filter((c) => kinds.includes(c.kind)).map((c) => rect(c.box)));
}

/** How far (px) the map's picture moves when the camera goes from `a` to `b` at the same zoom. */
export function pictureShift(a: Camera, b: Camera, width: number, height: number): [number, number] {
  if (a.zoom !== b.zoom) return [0, 0];
  const [x, y] = projectionFor(a, width, height)([b.lon, b.lat]) ?? [width / 2, height / 2];
  return [width / 2 - x, height / 2 - y];
}

/**
 * A place hidden under the panel or the phone's sheet comes to the middle of what stays visible;
 * one in view stays put (null). Places in an inset are always in view.
 */
function revealed(id: string, o: MoveContext): Camera | null {
  const p = o.model.places.get(id);
  const parent = p?.parent ? o.model.places.get(p.parent) : undefined;
  if (!p || p.level === 'province' || p.level === 'city' || parent?.level === 'city') return null;
  const hidden = coveredOf(o.covers, o.width, o.height, ['panel', 'card']);
  const visible = { width: o.width - hidden.right, height: o.height - hidden.bottom };
  const projection = projectionFor(o.camera, o.width, o.height);
  const [x, y] = projection([p.lon, p.lat]) ?? [NaN, NaN];
  const margin = 48;
  if (x > margin && y > margin && x < visible.width - margin && y < visible.height - margin) return null;
  const to = projection.invert?.([o.width / 2 + x - visible.width / 2, o.height / 2 + y - visible.height / 2]);
  return to ? { lon: to[0], lat: to[1], zoom: o.camera.zoom } : null;
}
