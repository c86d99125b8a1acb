import type { GeoProjection } from 'd3-geo';
import type { Model } from '../scene/model.ts';
import { PROVINCE_GUIZHOU } from '../scene/places.ts';
import { MAX_RADIUS } from '../scene/scene.ts';
import type { Camera } from '../state/url-state.ts';
import type { InsetFrame } from './composition.ts';
import { clearanceField, type Box, type ClearanceField } from './free-spots.ts';
import { areaRings, type Geography } from './geography.ts';
import { insetViews, type InsetView } from './insets.ts';
import { memo } from './memo.ts';
import { projectionFor } from './projection.ts';

/** What a view needs beyond the scene: its projection, the insets, and the room beside Guizhou. */
export interface ViewGeometry {
  projection: GeoProjection;
  insets: InsetView[];
  /** The room beside Guizhou (null when Guizhou is off screen). */
  room: ClearanceField | null;
  /** Guizhou's box on screen, within the frame. */
  guizhou: Box | null;
  /** Where a place is drawn: in its inset for a partner city's places, else on the main map. */
  pointOf(id: string): [number, number] | null;
  /** Where a lon/lat is drawn on the main map. */
  at(lonLat: readonly [number, number]): [number, number];
  /** The inset a place is drawn in, if any. */
  insetOf(id: string): InsetView | undefined;
}

export interface ViewSpec {
  camera: Camera;
  width: number;
  height: number;
  insets?: readonly InsetFrame[];
}

/** Two drawings with the same key show the same view, and differ only in what paintScene puts on them. */
export const viewKey = (o: { camera: Camera; width: number; height: number }) => `${o.camera.lon},${o.camera.lat},${o.camera.zoom},${o.width},${o.height}`;

// The room depends on the camera alone, the insets on where they stand: opening the panel moves the
// insets and keeps the room (its clearance field was a fifth of a click's time).
const rooms = memo<Pick<ViewGeometry, 'projection' | 'room' | 'guizhou'>>(1);
const views = memo<ViewGeometry>(1);

export function viewGeometry(geo: Geography, model: Model, o: ViewSpec): ViewGeometry {
  return views.get(`${viewKey(o)}|${JSON.stringify(o.insets ?? [])}`, () => {
    const base = rooms.get(viewKey(o), () => {
      const projection = projectionFor(o.camera, o.width, o.height);
      return { projection, ...roomBeside(geo, projection, o) };
    });
    const insets = insetViews(geo, model, o.insets ?? []);
    const insetOf = new Map<string, InsetView>();
    for (const iv of insets) {
      insetOf.set(iv.frame.city, iv);
      for (const d of iv.districts) insetOf.set(d, iv);
    }
    const at = (p: readonly [number, number]) => (base.projection([p[0], p[1]]) ?? [0, 0]).map(round) as [number, number];
    return {
      ...base,
      insets,
      at,
      insetOf: (id) => insetOf.get(id),
      pointOf(id) {
        const p = model.places.get(id);
        if (!p) return null;
        const inset = insetOf.get(id);
        return inset ? inset.point([p.lon, p.lat]) : at([p.lon, p.lat]);
      },
    };
  });
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Guizhou's box on screen (within the frame), and the clearance field around Guizhou over the whole frame. */
function roomBeside(geo: Geography, projection: GeoProjection, o: ViewSpec): Pick<ViewGeometry, 'room' | 'guizhou'> {
  const scale = projection.scale() * 2 * Math.PI;
  const [tx, ty] = projection([-180, 85.0511287798]) ?? [0, 0];
  const rings = areaRings(geo, 'provinces', PROVINCE_GUIZHOU).map((ring) => ring.map((v, i) => (i % 2 === 0 ? v * scale + tx : v * scale + ty)));
  if (rings.length === 0) return { room: null, guizhou: null };
  let box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i += 2) {
      box = [Math.min(box[0], ring[i]!), Math.min(box[1], ring[i + 1]!), Math.max(box[2], ring[i]!), Math.max(box[3], ring[i + 1]!)];
    }
  }
  const clipped: [number, number, number, number] = [Math.max(box[0], 0), Math.max(box[1], 0), Math.min(box[2], o.width), Math.min(box[3], o.height)];
  if (clipped[2] - clipped[0] < 20 || clipped[3] - clipped[1] < 20) return { room: null, guizhou: null };
  // The room searched: Guizhou's box and a margin round it (where a box is full, as on phones).
  const mx = (box[2] - box[0]) * 0.25;
  const my = (box[3] - box[1]) * 0.25;
  const around: Box = [Math.max(0, box[0] - mx), Math.max(0, box[1] - my), Math.min(o.width, box[2] + mx), Math.min(o.height, box[3] + my)];
  // The largest circle (MAX_RADIUS) and its gap are all the room is asked about.
  return { room: clearanceField(rings, around, 8, 2 * MAX_RADIUS), guizhou: clipped };
}
