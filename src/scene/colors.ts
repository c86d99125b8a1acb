/*
 * Colours. Partner cities take Okabe–Ito colours, chosen to stay apart under the common colour-vision
 * deficiencies (Okabe & Ito 2008); the county shading is a single warm neutral ramp so that it never
 * competes with the partner colours. Lines and markers also differ by dash and shape, so colour is
 * never the only cue.
 */
export const PARTNER_COLORS = ['#0072B2', '#D55E00', '#CC79A7', '#009E73', '#E69F00', '#56B4E9'] as const;
export const MIXED_COLOR = '#4d4d4d';

export const CHOROPLETH = ['#f1e9d8', '#dfcca7', '#c6a877', '#a3804f', '#76592f'] as const;
export const NO_FIGURE = '#fbfaf6';
/** Counties whose only figures are shared with other places (a group's or their prefecture's). */
export const SHARED_FIGURE = '#eee4cc';
export const QUIET = '#ecebe7';

export const INK = '#1f2328';
export const MUTED = '#5b6169';
export const LAND_CONTEXT = '#f3f2ee';
export const SEA = '#dfe8ee';
export const BORDER = '#9aa0a6';
export const PREFECTURE_BORDER = '#4a4f55';
export const DISTRICT = '#e9e6de';
/** The white under names and values (their halo), and the insets' paper. */
export const PAPER = '#ffffff';
/** The hatching of places without a figure. */
export const HATCH = '#b8b4aa';
/** Other provinces' borders, beyond Guizhou and in the insets. */
export const PROVINCE_BORDER = '#c4c1b8';
/** An inset's frame: its paper's edge, and the outline that a chosen city draws heavy. */
export const INSET_EDGE = '#b9b5ab';
export const INSET_OUTLINE = '#8f8b82';

/** A pale version of a partner colour, for the districts that are twinned with a county. */
export function tint(hex: string, amount = 0.78): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  return `rgb(${mix((n >> 16) & 255)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
}
