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

/** What a link names to look at: the filters, the place open, the framing, the story step. */
export interface ViewState {
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
  story: string | null;
  /** The story step, from 0 (the link's `step=` counts from 1). */
  step: number;
}

/** How the page shows that view: in an embed, as a table, still, and the texts and background of its exports. */
export interface Modes {
  table: boolean;
  embed: boolean;
  title: string | null;
  interactive: boolean;
  /** An export's own subtitle and note (null: the filter in words, the coverage of the data). */
  subtitle: string | null;
  note: string | null;
  /** `bg=transparent`: an export without the sea and its white frame, for a slide's own background. */
  transparent: boolean;
}

export type AppState = ViewState & Modes;

/**
 * `export=png|svg|pptx` (pptx: the story's deck, or the view's slide) with `size=1920x1080` (else the
 * map's size on screen): a script asks for a file. Carried out once at start, never part of the state,
 * so a reload or a shared link of the page after it does not write the file again.
 */
export interface ExportCommand {
  format: 'png' | 'svg' | 'pptx';
  size: { width: number; height: number } | null;
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
    subtitle: null,
    note: null,
    transparent: false,
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
  command: ExportCommand | null;
  /** Human-readable list of what was ignored, e.g. `year=1900`. */
  ignored: string[];
}

const shown = (v: string) => (v.length > 30 ? `${v.slice(0, 30)}…` : v);

export function parseState(search: string, vocab: Vocabulary, fallbackLang: Lang): ParsedState {
  const params = new URLSearchParams(search);
  const state = defaultState(fallbackLang);
  const ignored: string[] = [];
  const command: { format: ExportCommand['format'] | null; size: ExportCommand['size'] } = { format: null, size: null };
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
    if (!applyParam(state, command, key, value, vocab)) bad(key, value);
  }
  return { state, command: command.format ? { format: command.format, size: command.size } : null, ignored };
}

/** Applies one query parameter; returns false when the key or value is not understood. */
function applyParam(s: AppState, command: { format: ExportCommand['format'] | null; size: ExportCommand['size'] }, key: string, value: string, vocab: Vocabulary): boolean {
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
    case 'subtitle':
    case 'note':
      s[key] = value.trim() === '' ? null : value.trim();
      return true;
    case 'bg':
      if (value !== 'transparent' && value !== 'map') return false;
      s.transparent = value === 'transparent';
      return true;
    case 'story':
      if (!(vocab.stories ?? []).includes(value)) return false;
      s.story = value;
      return true;
    case 'step': {
      // Counted from 1 in the link, as on the caption card; from 0 inside.
      if (!/^[1-9]\d{0,2}$/.test(value)) return false;
      s.step = Number(value) - 1;
      return true;
    }
    case 'export':
      if (value !== 'png' && value !== 'svg' && value !== 'pptx') return false;
      command.format = value;
      return true;
    case 'size': {
      const m = /^(\d{3,4})x(\d{3,4})$/.exec(value);
      if (!m) return false;
      const [width, height] = [Number(m[1]), Number(m[2])];
      if (width < 200 || height < 200 || width > 8000 || height > 8000) return false;
      command.size = { width, height };
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

/** The query string for a state (and a command, for a script's link); defaults are left out so that links stay short. */
export function serializeState(s: AppState, command: ExportCommand | null = null): string {
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
  if (s.subtitle !== null) p.set('subtitle', s.subtitle);
  if (s.note !== null) p.set('note', s.note);
  if (s.transparent) p.set('bg', 'transparent');
  if (!s.interactive) p.set('interactive', '0');
  if (s.story !== null) {
    p.set('story', s.story);
    p.set('step', String(s.step + 1));
  }
  if (command) p.set('export', command.format);
  if (command?.size) p.set('size', `${command.size.width}x${command.size.height}`);
  return p.toString().replace(/%2C/g, ',');
}
