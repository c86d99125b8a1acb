import type { Lang } from '../src/i18n/messages.ts';

/*
 * The first views the build draws (draw-first-view.ts) and when a window shows each: read by the
 * drawing, by the inline script that picks one for the window (first-view.ts), and by the CSS that
 * hides one the map area has moved too far from (firstViewFitCss). Imports only a type: the build's
 * config loads it as it is.
 */

export type ReferenceSize = 'standard' | 'large';
// The map area of a 1280×800 and of a 1920×1080 window in each language (measured in Chromium):
// drawn at exactly that size, the first view is the live map to the pixel there.
export const REFERENCE_MAPS: Record<ReferenceSize, Record<Lang, { width: number; height: number }>> = {
  standard: { en: { width: 980, height: 694.375 }, zh: { width: 980, height: 732.0625 } },
  large: { en: { width: 1620, height: 1012.0625 }, zh: { width: 1620, height: 1012.0625 } },
};
/**
 * An embed's map in a frame this wide: its area is 62 % of the width, at most 640 px (styles/views.css),
 * which Chromium lays out in 64ths of a pixel, and the live map draws at its area's size in whole
 * pixels (clientHeight): at 560 px, 347 for 347.19 (drawn at 347.19, two names of the first view
 * stood elsewhere than the live map's).
 */
export const embedMap = (width: number) => ({ width, height: Math.round(Math.min(640, Math.floor(width * 0.62 * 64 + 1e-6) / 64)) });
// Embeds of these widths (each shown from about 0.83× to 1.17× its size, so together they cover
// frames 332–1,470 px wide at their usual shape), in both languages (an embed's header is one line in either).
export const EMBED_WIDTHS = [400, 560, 780, 1000, 1280] as const;

// Present mode's map area in a 1280×800 and a 1920×1080 window, in either language (measured in
// Chromium: the whole width under the header, in whole pixels as the live map draws it).
export const PRESENT_MAPS: Record<ReferenceSize, { width: number; height: number }> = {
  standard: { width: 1280, height: 747 },
  large: { width: 1920, height: 1027 },
};
/** The header over present mode's map (its title in larger type), as the inline script reckons the map area's height. */
export const PRESENT_HEADER = 53;

/**
 * A first view: the link it is drawn for (the default view, the default view embedded, a filtered
 * view, or a step of a built-in story in present mode) and its map area's size.
 */
export interface FirstViewKind {
  id: string;
  embed: boolean;
  map: Record<Lang, { width: number; height: number }>;
  /** A filtered view (`?year=<year>&category=<category>`, each left out where it is all), drawn at a reference size. */
  filter?: { year: number | 'all'; category: string | null; size: ReferenceSize };
  /** A story step (from 0), shown in present mode: `?story=<id>&step=<step + 1>`, and its caption card's height in each language. */
  story?: { id: string; step: number; size: ReferenceSize; card: Record<Lang, number> };
}

/**
 * The caption card's height in present mode for each built-in story step (`<story>-<step as the
 * link counts it>`) in each language, in CSS pixels, measured in Chromium with Debian's fonts (the
 * card is 560 px wide at both sizes, so its words wrap alike): a step's first view keeps its names
 * and cards clear of the caption card as the live map, which measures it, does. present.e2e checks
 * them against the page (and prints the new ones); a step not listed gets no first view.
 */
export const CAPTION_CARD_HEIGHTS: Record<string, Record<Lang, number>> = {
  'tour-1': { en: 571.0625, zh: 387.734375 },
  'tour-2': { en: 593.65625, zh: 469.125 },
  'tour-3': { en: 539.109375, zh: 445.375 },
  'tour-4': { en: 577.34375, zh: 421.625 },
  'tour-5': { en: 565.109375, zh: 418.828125 },
  'tour-6': { en: 450.546875, zh: 331.890625 },
};
export const FIRST_VIEWS: readonly FirstViewKind[] = [
  { id: 'standard', embed: false, map: REFERENCE_MAPS.standard },
  { id: 'large', embed: false, map: REFERENCE_MAPS.large },
  ...EMBED_WIDTHS.map((w) => ({ id: `embed-${w}`, embed: true, map: { en: embedMap(w), zh: embedMap(w) } })),
];

/**
 * Each step of each built-in story at both sizes: `story-<id>-<step as the link counts it>-<size>`,
 * the name the inline script asks for (a story it finds no view for, the user's own, shows none).
 */
export function storyFirstViews(stories: readonly { id: string; steps: readonly unknown[] }[]): FirstViewKind[] {
  return stories.flatMap((story) =>
    story.steps.flatMap((_, step) => {
      const card = CAPTION_CARD_HEIGHTS[`${story.id}-${step + 1}`];
      if (!card) return [];
      return (['standard', 'large'] as const).map((size) => ({ id: `story-${story.id}-${step + 1}-${size}`, embed: false, map: { en: PRESENT_MAPS[size], zh: PRESENT_MAPS[size] }, story: { id: story.id, step, size, card } }));
    }),
  );
}

const MAX_FILTERS = 60;

/**
 * The views the sidebar's filters give: each year and all years, with one kind of aid or all kinds,
 * at both reference sizes, but the default view (all years, all kinds), which is drawn already:
 * `filter-<year or all>-<category or all>-<size>`, the name the inline script asks for. People share
 * a filtered view more than any other deep link but a place's; a place's view (156 places × the
 * filters) or a view of several kinds at once the app draws. Each filter's four views cost ≈ 0.5 s
 * of the build and ≈ 0.3 MB of the deployed folder (built-in data: 47 filters). Data whose filters
 * give more than MAX_FILTERS (the benchmark's 20 years: 251) gets the filters of one year or one
 * kind only (20 years and 10 kinds: 30), and none where even those are more: a year and a kind
 * together the app then draws.
 */
export function filterFirstViews(years: readonly number[], categories: readonly string[]): FirstViewKind[] {
  const all = (['all', ...years] as const).flatMap((year) => [null, ...categories].map((category) => ({ year, category })));
  const filters = all.filter(({ year, category }) => !(year === 'all' && category === null));
  const single = filters.filter(({ year, category }) => year === 'all' || category === null);
  const drawn = filters.length <= MAX_FILTERS ? filters : single.length <= MAX_FILTERS ? single : [];
  return drawn.flatMap(({ year, category }) =>
    (['standard', 'large'] as const).map((size) => ({ id: filterViewId(year, category, size), embed: false, map: REFERENCE_MAPS[size], filter: { year, category, size } })),
  );
}

/** A filtered view's name, as the inline script makes it from the link. */
const filterViewId = (year: number | 'all', category: string | null, size: ReferenceSize) => `filter-${year}-${category ?? 'all'}-${size}`;

/** Present mode's sizes, as the inline script reads them: [size, width, height]. */
export const PRESENT_REFERENCES = (['standard', 'large'] as const).map((size) => [size, PRESENT_MAPS[size].width, PRESENT_MAPS[size].height] as const);

/** How far from its size an embed's first view is shown (scaled): its width and height, and its shape. */
const SCALE = 0.17;
const SHAPE = 0.15;

/** The embeds' sizes, as the inline script reads them: [kind, width, height]. */
export const EMBED_REFERENCES = FIRST_VIEWS.filter((k) => k.embed).map((k) => [k.id, k.map.en.width, k.map.en.height] as const);

/** Does an embed's map area of this size show the first view drawn at that size? (The inline script's test, as CSS says it below.) */
export const EMBED_FIT_JS = `function fits(w,v,r){return w>=r[1]*${1 - SCALE}&&w<=r[1]*${1 + SCALE}&&v>=r[2]*${1 - SCALE}&&v<=r[2]*${1 + SCALE}&&w/v>=r[1]/r[2]*${1 - SHAPE}&&w/v<=r[1]/r[2]*${1 + SHAPE};}`;

const px = (v: number) => `${Math.round(v * 100) / 100}px`;
/**
 * Each embed's and each present-mode size's first view hidden beyond the sizes its map is shown at
 * (the default view's rules are in styles/first-view.css).
 */
export function firstViewFitCss(): string {
  const rule = (w: number, h: number, selector: string) => {
    const a = w / h;
    const outside = [`(width < ${px(w * (1 - SCALE))})`, `(width > ${px(w * (1 + SCALE))})`, `(height < ${px(h * (1 - SCALE))})`, `(height > ${px(h * (1 + SCALE))})`, `(aspect-ratio < ${(a * (1 - SHAPE)).toFixed(4)})`, `(aspect-ratio > ${(a * (1 + SHAPE)).toFixed(4)})`];
    return `@container ${outside.join(' or ')} { ${selector} :is(.first-view-map, .compact-key, .empty-message) { visibility: hidden; } }`;
  };
  return [
    ...EMBED_REFERENCES.map(([id, w, h]) => rule(w, h, `.first-view[data-size='${id}']`)),
    ...PRESENT_REFERENCES.map(([size, w, h]) => rule(w, h, `.first-view[data-present='${size}']`)),
  ].join('\n');
}

/** The details panel's width (styles/page.css `--panel`), and how near its edge or the map's a place's point counts as covered: the live map's 48 px (camera-moves.ts), with 24 to spare for a scaled view. */
export const PANEL_WIDTH = 380;
export const COVER_MARGIN = 72;

/** Would the panel cover a place whose point is drawn at `[x, y]` on a map of this size (the select script's question, at the view's own size)? */
export const coveredByPanel = ([x, y]: readonly [number, number], width: number, height: number): boolean =>
  !(x > COVER_MARGIN && y > COVER_MARGIN && x < width - PANEL_WIDTH - COVER_MARGIN && y < height - COVER_MARGIN);
