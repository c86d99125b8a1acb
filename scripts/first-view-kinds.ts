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

/** A first view: the link it is drawn for (the default view, or the default view embedded) and its map area's size. */
export interface FirstViewKind {
  id: string;
  embed: boolean;
  map: Record<Lang, { width: number; height: number }>;
}
export const FIRST_VIEWS: readonly FirstViewKind[] = [
  { id: 'standard', embed: false, map: REFERENCE_MAPS.standard },
  { id: 'large', embed: false, map: REFERENCE_MAPS.large },
  ...EMBED_WIDTHS.map((w) => ({ id: `embed-${w}`, embed: true, map: { en: embedMap(w), zh: embedMap(w) } })),
];

/** How far from its size an embed's first view is shown (scaled): its width and height, and its shape. */
const SCALE = 0.17;
const SHAPE = 0.15;

/** The embeds' sizes, as the inline script reads them: [kind, width, height]. */
export const EMBED_REFERENCES = FIRST_VIEWS.filter((k) => k.embed).map((k) => [k.id, k.map.en.width, k.map.en.height] as const);

/** Does an embed's map area of this size show the first view drawn at that size? (The inline script's test, as CSS says it below.) */
export const EMBED_FIT_JS = `function fits(w,v,r){return w>=r[1]*${1 - SCALE}&&w<=r[1]*${1 + SCALE}&&v>=r[2]*${1 - SCALE}&&v<=r[2]*${1 + SCALE}&&w/v>=r[1]/r[2]*${1 - SHAPE}&&w/v<=r[1]/r[2]*${1 + SHAPE};}`;

const px = (v: number) => `${Math.round(v * 100) / 100}px`;
/** Each embed's first view hidden beyond the sizes its map is shown at (the default view's rules are in styles/first-view.css). */
export function firstViewFitCss(): string {
  return EMBED_REFERENCES.map(([id, w, h]) => {
    const a = w / h;
    const outside = [`(width < ${px(w * (1 - SCALE))})`, `(width > ${px(w * (1 + SCALE))})`, `(height < ${px(h * (1 - SCALE))})`, `(height > ${px(h * (1 + SCALE))})`, `(aspect-ratio < ${(a * (1 - SHAPE)).toFixed(4)})`, `(aspect-ratio > ${(a * (1 + SHAPE)).toFixed(4)})`];
    return `@container ${outside.join(' or ')} { .first-view[data-size='${id}'] :is(.first-view-map, .compact-key) { visibility: hidden; } }`;
  }).join('\n');
}
