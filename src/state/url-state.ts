import { LANGS, type Lang } from '../i18n/messages.ts';

/*
 * The one state object of the app, and its URL form. Every user action makes a new state; the URL
 * query mirrors it so that reloading or sharing a link restores the same map. Unknown keys and bad
 * values are ignored and reported, never fatal: the rest of the link still applies.
 */

export type NamedView = 'overview' | 'guizhou';
export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface AppState {
  lang: Lang;
  year: number | 'all';
  /** Category ids; empty means every category. */
  categories: string[];
  metric: string;
  /** Gazetteer id whose details panel is open. */
  place: string | null;
  view: NamedView;
  /** An explicit map position; null means "frame the named view". */
  camera: Camera | null;
  /** Scale markers to the current filter instead of the whole dataset. */
  rescale: boolean;
  table: boolean;
  embed: boolean;
  title: string | null;
  interactive: boolean;
  story: string | null;
  step: number;
  /** `export=png|svg`: a script asks for a file; `size=1920x1080` (else the map's size on screen). */
  exportFormat: 'png' | 'svg' | null;
  exportSize: { width: number; height: number } | null;
}

export interface Vocabulary {
  years: readonly number[];
  categories: readonly string[];
  metrics: readonly string[];
  places: ReadonlySet<string>;
  stories?: readonly string[];
}

export const DEFAULT_METRIC = 'funds_cny';
export const MAX_PARAM_LENGTH = 200;
/** Zoom levels outside this range show nothing useful for Guizhou and its partners. */
export const ZOOM_RANGE = [2, 14] as const;

export function defaultState(lang: Lang): AppState {
  return {
    lang,
    year: 'all',
    categories: [],
    metric: DEFAULT_METRIC,
    place: null,
    view: 'guizhou',
    camera: null,
    rescale: false,
    table: false,
    embed: false,
    title: null,
    interactive: true,
    story: null,
    step: 0,
    exportFormat: null,
    exportSize: null,
  };
}

/** The language a visitor's browser prefers, when the link does not say. */
export function browserLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export interface ParsedState {
  state: AppState;
  /** Human-readable list of what was ignored, e.g. `year=1900`. */
  ignored: string[];
}

const shown = (v: string) => (v.length > 30 ? `${v.slice(0, 30)}…` : v);

export function parseState(search: string, vocab: Vocabulary, fallbackLang: Lang): ParsedState {
  const params = new URLSearchParams(search);
  const state = defaultState(fallbackLang);
  const ignored: string[] = [];
  const seen = new Set<string>();
  const bad = (key: string, value: string) => ignored.push(`${key}=${shown(value)}`);
  for (const [key, value] of params) {
    if (seen.has(key)) {
      bad(key, value);
      continue;
    }
    seen.add(key);
    if (value.length > MAX_PARAM_LENGTH) {
      bad(key, value);
      continue;
    }
    if (!applyParam(state, key, value, vocab)) bad(key, value);
  }
  return { state, ignored };
}

/** Applies one query parameter; returns false when the key or value is not understood. */
function applyParam(s: AppState, key: string, value: string, vocab: Vocabulary): boolean {
  switch (key) {
    case 'lang':
      if (!(LANGS as readonly string[]).includes(value)) return false;
      s.lang = value as Lang;
      return true;
    case 'year': {
      if (value === 'all') return (s.year = 'all'), true;
      const y = Number(value);
      if (!/^\d{4}$/.test(value) || !vocab.years.includes(y)) return false;
      s.year = y;
      return true;
    }
    case 'category': {
      const ids = value.split(',').filter((c) => c !== '');
      if (ids.length === 0 || ids.some((c) => !vocab.categories.includes(c))) return false;
      s.categories = [...new Set(ids)].sort();
      return true;
    }
    case 'metric':
      if (!vocab.metrics.includes(value)) return false;
      s.metric = value;
      return true;
    case 'place':
      if (!vocab.places.has(value)) return false;
      s.place = value;
      return true;
    case 'view':
      if (value !== 'overview' && value !== 'guizhou') return false;
      s.view = value;
      return true;
    case 'at': {
      const camera = parseCamera(value);
      if (!camera) return false;
      s.camera = camera;
      return true;
    }
    case 'scale':
      if (value !== 'filter' && value !== 'data') return false;
      s.rescale = value === 'filter';
      return true;
    case 'table':
    case 'embed':
      if (value !== '1' && value !== '0') return false;
      s[key] = value === '1';
      return true;
    case 'interactive':
      if (value !== '1' && value !== '0') return false;
      s.interactive = value === '1';
      return true;
    case 'title':
      s.title = value.trim() === '' ? null : value.trim();
      return true;
    case 'story':
      if (!(vocab.stories ?? []).includes(value)) return false;
      s.story = value;
      return true;
    case 'step': {
      const n = Number(value);
      if (!/^\d{1,3}$/.test(value)) return false;
      s.step = n;
      return true;
    }
    case 'export':
      if (value !== 'png' && value !== 'svg') return false;
      s.exportFormat = value;
      return true;
    case 'size': {
      const m = /^(\d{3,4})x(\d{3,4})$/.exec(value);
      if (!m) return false;
      const [width, height] = [Number(m[1]), Number(m[2])];
      if (width < 200 || height < 200 || width > 8000 || height > 8000) return false;
      s.exportSize = { width, height };
      return true;
    }
    default:
      return false;
  }
}

/** `at=lon,lat,zoom`, e.g. `at=106.7,26.6,6.5`. */
function parseCamera(value: string): Camera | null {
  const parts = value.split(',');
  if (parts.length !== 3 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) return null;
  const [lon, lat, zoom] = parts.map(Number) as [number, number, number];
  if (lon < 60 || lon > 150 || lat < 0 || lat > 60) return null;
  if (zoom < ZOOM_RANGE[0] || zoom > ZOOM_RANGE[1]) return null;
  return { lon, lat, zoom };
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** The query string for a state; defaults are left out so that links stay short. */
export function serializeState(s: AppState): string {
  const p = new URLSearchParams();
  p.set('lang', s.lang);
  if (s.year !== 'all') p.set('year', String(s.year));
  if (s.categories.length > 0) p.set('category', s.categories.join(','));
  if (s.metric !== DEFAULT_METRIC) p.set('metric', s.metric);
  if (s.place !== null) p.set('place', s.place);
  if (s.view !== 'guizhou') p.set('view', s.view);
  if (s.camera) p.set('at', [round(s.camera.lon, 4), round(s.camera.lat, 4), round(s.camera.zoom, 2)].join(','));
  if (s.rescale) p.set('scale', 'filter');
  if (s.table) p.set('table', '1');
  if (s.embed) p.set('embed', '1');
  if (s.title !== null) p.set('title', s.title);
  if (!s.interactive) p.set('interactive', '0');
  if (s.story !== null) {
    p.set('story', s.story);
    p.set('step', String(s.step));
  }
  if (s.exportFormat !== null) p.set('export', s.exportFormat);
  if (s.exportSize !== null) p.set('size', `${s.exportSize.width}x${s.exportSize.height}`);
  return p.toString().replace(/%2C/g, ',');
}
