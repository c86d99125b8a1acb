import type { Model } from '../scene/model.ts';
import type { Camera, NamedView } from '../state/url-state.ts';
import { cameraInRect, uncovered, type Covered, type Rect } from './projection.ts';
import { VIEW_BOUNDS } from './views.ts';

/*
 * How a view is laid out in a frame. "Guizhou" (the default) gives Guizhou the frame and draws each
 * partner city in an inset beside it, at a scale where its districts can be read: at true
 * geography, Qingdao and Ningbo are 1,500 km away and Guizhou shrinks to a tenth of the map.
 * "Overview" is true geography, with no insets. The live map, exports, embeds, print and present
 * mode all lay out their views here.
 */

export interface InsetFrame extends Rect {
  city: string;
}

export interface Composition {
  camera: Camera;
  /** Where Guizhou is framed: the map without the covered strips and the insets. */
  main: Rect;
  insets: InsetFrame[];
}

export interface ComposeOptions {
  width: number;
  height: number;
  /** Strips along the right and bottom that a panel or caption card hides. */
  covered?: Covered;
  /** Partner cities, north to south (their insets stack in that order). */
  cities: readonly string[];
  /** Room the insets leave along the right edge (the live map's buttons and attribution stand there). */
  controls?: number;
  /** Room kept free along the left (an export's legend box). */
  left?: number;
  /** The live map's compact key (compactKeyBox): Guizhou's frame starts below it, or the insets end above it. */
  key?: CompactKeyBox | null;
  padding?: number;
}

/** The partner cities that get an inset, north to south. */
export function insetCities(model: Model): string[] {
  return [...model.places.cities].sort((a, b) => b.lat - a.lat).map((c) => c.id);
}

/** The live map's zoom buttons and folded attribution stand in a column this wide along the right edge. */
export const LIVE_CONTROLS_WIDTH = 48;

const GAP = 10;

export function compose(view: NamedView, o: ComposeOptions): Composition {
  const visible = uncovered(o.width, o.height, o.covered ?? { right: 0, bottom: 0 }, o.left ?? 0);
  const padding = o.padding ?? 24;
  const top = o.key?.where === 'top' ? o.key.y + o.key.height - visible.y : 0;
  if (view === 'overview' || o.cities.length === 0) {
    const main = { ...visible, y: visible.y + top, height: visible.height - top };
    return { camera: cameraInRect(VIEW_BOUNDS.overview, main, o.width, o.height, padding), main, insets: [] };
  }
  const n = o.cities.length;
  const controls = o.controls ?? 0;
  let main: Rect;
  let insets: InsetFrame[];
  // Guizhou is a little wider than tall: in a landscape frame the insets stand in a column at the
  // right (where the partner cities lie), in a portrait one in a row under Guizhou.
  if (visible.width >= visible.height * 0.95) {
    // A small frame's insets are narrower: at 320 px, 96 px of insets left Guizhou two fifths of the width.
    const w = clamp(Math.round(visible.width * 0.22), isSmallMap(o.width, o.height) ? 80 : 96, 300);
    // Left of the live map's buttons and attribution, which keep to the map's right edge.
    const x = visible.x + visible.width - w - GAP - controls;
    const column = o.key?.where === 'column' ? o.key.y - visible.y : visible.height;
    const h = Math.min((column - GAP * (n + 1)) / n, w * 1.5);
    insets = o.cities.map((city, i) => ({ city, x, y: visible.y + GAP + i * (h + GAP), width: w, height: h }));
    main = { x: visible.x, y: visible.y + top, width: x - GAP - visible.x, height: visible.height - top };
  } else {
    const h = clamp(Math.round(visible.height * 0.28), 110, 280);
    const w = (visible.width - GAP * (n + 1) - controls) / n;
    // Above the live map's scale bar, which stands in the bottom left corner.
    const y = visible.y + visible.height - h - GAP - (controls > 0 ? 30 : 0);
    insets = o.cities.map((city, i) => ({ city, x: visible.x + GAP + i * (w + GAP), y, width: w, height: h }));
    main = { x: visible.x, y: visible.y + top, width: visible.width, height: y - GAP - visible.y - top };
  }
  return { camera: cameraInRect(VIEW_BOUNDS.guizhou, main, o.width, o.height, Math.min(padding, 12)), main, insets };
}

export interface CompactKeyBox extends Rect {
  /** Above Guizhou in the top left corner, or under the insets in their column. */
  where: 'top' | 'column';
}

/**
 * Where the live map's compact key stands: a box of fixed size, on maps big enough to spare it.
 * Under the insets, which give up some height for it: in the top left corner it pushed Guizhou
 * down, and the shared figures' cards lost the room beside the province (at 1280 × 800 one fell back
 * to a bare circle on Qiandongnan's land). In a narrow column its two parts stack. The top left
 * corner only where the insets' column is too narrow. Null on small maps, where it would cover the
 * map. A pure function of the map's size, so that the page, the composition and the first view agree.
 */
export function compactKeyBox(width: number, height: number, cities: readonly string[]): CompactKeyBox | null {
  if (width < 640 || height < 420 || width < height * 0.95 || cities.length === 0) return null;
  const inset = compose('guizhou', { width, height, cities, controls: LIVE_CONTROLS_WIDTH }).insets[0];
  if (!inset || inset.width < 200) return { where: 'top', x: GAP, y: GAP, width: 340, height: 96 };
  const tall = inset.width < 280 ? 160 : 116;
  // Above the attribution, which MapLibre writes out along the bottom of a wide map (mapControlBoxes).
  const above = width >= ATTRIBUTION_UNFOLDED_FROM ? 36 : 30;
  return { where: 'column', x: inset.x, y: height - above - tall, width: inset.width, height: tall };
}

/**
 * Where the compact key has no room (compactKeyBox: null), an embed shows only its button, in the
 * map's corner above MapLibre's attribution button: fixed, as the key's box is, so that the first
 * view drawn at build time keeps names clear of it as the live map does.
 */
export function miniKeyBox(width: number, height: number): Rect {
  const w = 36;
  const h = 24;
  return { x: width - GAP - w, y: height - 42 - h, width: w, height: h };
}

/**
 * Where MapLibre's controls stand over the live map, as its CSS places them: the zoom buttons in the
 * top right (where the map moves), the scale bar in the bottom left at its widest (it narrows and
 * widens as the map zooms) and the folded attribution in the bottom right (not while presenting,
 * where the card carries it; unfolded on a wide map). `right`: how far the open panel pushes the right-hand controls in.
 * Names keep clear of these boxes from the first drawing on: MapLibre arrives after it, and its
 * controls had the names around them placed again (at 400 × 300, four names and values moved);
 * the first view drawn at build time keeps clear of them alike.
 */
export function mapControlBoxes(width: number, height: number, o: { zoom: boolean; attribution: boolean; right?: number }): Rect[] {
  const right = width - (o.right ?? 0) - GAP;
  // Unfolded, the attribution is a line of about 580 px (555 in Chinese); folded, a 24 px button.
  const attribution = width >= ATTRIBUTION_UNFOLDED_FROM ? 600 : 24;
  return [
    ...(o.zoom ? [{ x: right - 29, y: GAP, width: 29, height: 58 }] : []),
    { x: GAP, y: height - GAP - 22, width: 100, height: 22 },
    ...(o.attribution ? [{ x: right - attribution, y: height - GAP - 24, width: attribution, height: 24 }] : []),
  ];
}

/**
 * The boxes over the map that names and cards keep clear of, as pure functions of its size: the
 * key (or an embed's key button) and MapLibre's controls. For drawings made without the page (the
 * first view, the tests' expected maps); the page measures its own key.
 */
export function fixedOverMap(width: number, height: number, cities: readonly string[], o: { embed: boolean; zoom: boolean; attribution: boolean; right?: number }): Rect[] {
  const key = compactKeyBox(width, height, cities) ?? (o.embed ? miniKeyBox(width, height) : null);
  return [...(key ? [key] : []), ...mapControlBoxes(width, height, o)];
}

/** Present mode's caption card: its width and its distance from the map's right and bottom edges (styles/present-print.css). */
export const CAPTION_CARD = { width: 560, right: 24, bottom: 40 } as const;

/**
 * Where present mode's caption card stands over a width × height map, beside it (the page lays it
 * out so; a phone's card is a sheet across the bottom), given its height: for the drawings made
 * without the page (the first views of story steps), which keep names clear of it as the live map does.
 */
export function captionCardBox(width: number, height: number, cardHeight: number): Rect {
  const w = Math.min(CAPTION_CARD.width, width - 2 * CAPTION_CARD.right);
  return { x: width - CAPTION_CARD.right - w, y: height - CAPTION_CARD.bottom - cardHeight, width: w, height: cardHeight };
}

/** Maps at least this wide show MapLibre's attribution unfolded at first; on narrower ones it would lie over Guizhou. */
export const ATTRIBUTION_UNFOLDED_FROM = 1024;

/**
 * A map under 300 px either way (embeds of 400×300 and less): names stand near their places or not
 * at all (a leader across the province reads as another place's), and the insets are narrower.
 */
export const isSmallMap = (width: number, height: number): boolean => Math.min(width, height) < 300;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
