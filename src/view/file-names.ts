import type { Lang } from '../i18n/messages.ts';
import type { Camera, NamedView } from '../state/url-state.ts';

/*
 * The names of the files a person takes away. Every part of the state that changes what a file holds
 * is in its name, so that two different files never overwrite each other in a downloads folder, and a
 * file says what it is without being opened. Names are lower-case ASCII: letters, digits and `-`, with
 * `+` between kinds of aid, `x` in a size and `.` only in a moved view's position and the extension.
 */

const PREFIX = 'guizhou-pairing';

/** What a map's file is of: the framing, the filter, and the place whose panel is open. */
export interface MapFileState {
  view: NamedView;
  /** The user's own framing (null: the named view). */
  camera: Camera | null;
  place: string | null;
  year: number | 'all';
  categories: readonly string[];
  metric: string;
}

/** A part of a name from an id: ids are slugs already, but a user's own data may bring anything. */
export function slugPart(id: string): string {
  const s = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // An id with no ASCII at all (a user's Chinese id) still gets a distinct, stable part.
  return s === '' ? `x${hash(id)}` : s;
}

const VIEW_PART: Record<NamedView, string> = { guizhou: 'guizhou-view', overview: 'overview' };
const METRIC_PART: Record<string, string> = { funds_cny: 'funds', investment_cny: 'investment' };

function viewPart(s: Pick<MapFileState, 'view' | 'camera'>): string {
  // The named view decides the composition (insets or true geography) even where the user moved the map.
  const view = VIEW_PART[s.view] ?? slugPart(s.view);
  if (!s.camera) return view;
  // A moved map: where it looks, to two decimals of a degree (about 1 km) and a tenth of a zoom step.
  const { lon, lat, zoom } = s.camera;
  const deg = (v: number, pos: string, neg: string) => `${Math.abs(v).toFixed(2)}${v < 0 ? neg : pos}`;
  return `${view}-at-${deg(lon, 'e', 'w')}-${deg(lat, 'n', 's')}-z${zoom.toFixed(1)}`;
}

/** Year, kinds of aid and measure: what the figures on a map, a slide or a table are. */
function filterParts(s: Pick<MapFileState, 'year' | 'categories' | 'metric'>): string[] {
  const kinds = s.categories.length === 0 ? 'all-aid' : [...s.categories].sort().map(slugPart).join('+');
  return [slugPart(String(s.year)), kinds, METRIC_PART[s.metric] ?? slugPart(s.metric)];
}

/**
 * A map image (PNG, SVG): `guizhou-pairing-guizhou-view-2011-all-aid-funds-1920x1080-en.png`, with
 * `place-520422` when a place is open and `transparent` for an image without its background.
 */
export function mapFileName(
  s: MapFileState,
  o: { ext: 'png' | 'svg'; size: { width: number; height: number }; lang: Lang; transparent?: boolean },
): string {
  return name(
    [viewPart(s), ...filterParts(s), ...placePart(s), `${Math.round(o.size.width)}x${Math.round(o.size.height)}`, ...(o.transparent ? ['transparent'] : []), o.lang],
    o.ext,
  );
}

/** The current view's slide (16:9): `guizhou-pairing-guizhou-view-2011-all-aid-funds-slide-16x9-en.pptx`. */
export function slideFileName(s: MapFileState, lang: Lang): string {
  return name([viewPart(s), ...filterParts(s), ...placePart(s), 'slide-16x9', lang], 'pptx');
}

/** A story's deck (16:9): `guizhou-pairing-story-tour-16x9-en.pptx`; each step brings its own view and filter. */
export function storyDeckFileName(storyId: string, lang: Lang): string {
  return name(['story', slugPart(storyId), '16x9', lang], 'pptx');
}

/**
 * The table as CSV: `guizhou-pairing-table-2011-all-aid-funds-en.csv`. Its rows are the filter's,
 * whatever the framing or place; the language is that of its citations (names are in both).
 */
export function tableFileName(s: Pick<MapFileState, 'year' | 'categories' | 'metric'>, lang: Lang): string {
  return name(['table', ...filterParts(s), lang], 'csv');
}

/**
 * The offline copy: the build's own name for the built-in data, else a name that carries a digest of
 * the data it holds, so that copies with different data never overwrite each other (and one saved
 * again from itself keeps its name).
 */
export function offlineFileName(builtinName: string, ownData: string | null): string {
  if (ownData === null) return builtinName;
  return builtinName.replace(/\.html$/, `-own-data-${hash(ownData)}.html`);
}

const placePart = (s: Pick<MapFileState, 'place'>) => (s.place === null ? [] : [`place-${slugPart(s.place)}`]);
const name = (parts: readonly string[], ext: string) => `${[PREFIX, ...parts].join('-')}.${ext}`;

/** FNV-1a, 32 bits, as 8 hex digits: short and stable; names, not security. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
