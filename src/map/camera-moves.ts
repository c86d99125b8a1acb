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
  /** The named view on screen, and the place open (once the move's change is made). */
  view: NamedView;
  open: string | null;
}

/**
 * Where a move takes the map and how. `fly`: flown to, else jumped to. `insets`: how far the partner
 * cities' insets move with the picture, from where they stand (`here`: a pan of the whole picture)
 * or from where the composition puts them (`composed`: a new composition, or a pan of one).
 */
export interface MoveTarget {
  camera: Camera;
  fly: boolean;
  insets: { from: 'here' | 'composed'; by: [number, number] };
}

const COMPOSED = { from: 'composed', by: [0, 0] } as const satisfies MoveTarget['insets'];

/** Where a move ends, or null where the map stays as it is. */
export function cameraAfter(move: CameraMove, o: MoveContext): MoveTarget | null {
  switch (move.type) {
    case 'stay':
      return null;
    case 'jump':
      return { camera: move.camera, fly: false, insets: COMPOSED };
    case 'frame':
      return { camera: composeLive(move.view, { ...o, partnerOpen: partnerOpen(o) }).camera, fly: move.animate, insets: COMPOSED };
    case 'reveal':
      return revealed(move.place, o);
  }
}

/**
 * The live map's composition of a named view: beside the caption card, not the panel (see Cover).
 * `partnerOpen`: a partner city or one of its districts is open, which its inset shows: the view is
 * composed beside the panel too, the insets out from under it (at 1280×800 and at 1920×1080 the
 * panel covered their whole column, and a district opened from a county's partners showed nowhere).
 */
export function composeLive(view: NamedView, o: { width: number; height: number; cities: readonly string[]; covers: readonly Cover[]; partnerOpen?: boolean }) {
  const key = compactKeyBox(o.width, o.height, o.cities);
  const covered = coveredOf(o.covers, o.width, o.height, o.partnerOpen ? ['card', 'panel'] : ['card']);
  return compose(view, { width: o.width, height: o.height, covered, cities: o.cities, controls: LIVE_CONTROLS_WIDTH, key });
}

/** Whether a place is drawn in a partner city's inset: the city (its inset's frame) or one of its districts. */
export function inPartnerCity(model: Model, id: string | null): boolean {
  const p = id === null ? undefined : model.places.get(id);
  const parent = p?.parent ? model.places.get(p.parent) : undefined;
  return p?.level === 'city' || parent?.level === 'city';
}

/** Whether the open place is a partner city's, shown in its inset (the composed view only: true geography has none). */
export const partnerOpen = (o: Pick<MoveContext, 'model' | 'view' | 'open'>): boolean => o.view === 'guizhou' && inPartnerCity(o.model, o.open);

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
 * one in view stays put (null). A partner city's place: the view composed beside the panel, where
 * its inset stands (composeLive); a place opened from there: the view composed as before, first.
 */
function revealed(id: string, o: MoveContext): MoveTarget | null {
  const p = o.model.places.get(id);
  if (!p) return null;
  if (partnerOpen({ ...o, open: id })) {
    const beside = composeLive(o.view, { ...o, partnerOpen: true }).camera;
    return sameCamera(beside, o.camera) ? null : { camera: beside, fly: true, insets: COMPOSED };
  }
  if (p.level === 'province' || inPartnerCity(o.model, id)) return null;
  const framed = composeLive(o.view, o).camera;
  const beside = o.view === 'guizhou' ? composeLive(o.view, { ...o, partnerOpen: true }).camera : framed;
  const besidePanel = !sameCamera(beside, framed) && sameCamera(o.camera, beside);
  const from = besidePanel ? framed : o.camera;
  const hidden = coveredOf(o.covers, o.width, o.height, ['panel', 'card']);
  const visible = { width: o.width - hidden.right, height: o.height - hidden.bottom };
  const projection = projectionFor(from, o.width, o.height);
  const [x, y] = projection([p.lon, p.lat]) ?? [NaN, NaN];
  const margin = 48;
  const inView = x > margin && y > margin && x < visible.width - margin && y < visible.height - margin;
  const to = inView ? null : projection.invert?.([o.width / 2 + x - visible.width / 2, o.height / 2 + y - visible.height / 2]);
  const panned = to ? { lon: to[0], lat: to[1], zoom: from.zoom } : null;
  if (besidePanel) return { camera: panned ?? from, fly: true, insets: { from: 'composed', by: panned ? pictureShift(from, panned, o.width, o.height) : [0, 0] } };
  return panned ? { camera: panned, fly: false, insets: { from: 'here', by: pictureShift(from, panned, o.width, o.height) } } : null;
}

/** The same camera, but for the rounding a renderer may give it back with. */
const sameCamera = (a: Camera, b: Camera) => Math.abs(a.lon - b.lon) < 1e-6 && Math.abs(a.lat - b.lat) < 1e-6 && Math.abs(a.zoom - b.zoom) < 1e-6;
