import { MUTED, PAPER } from '../scene/colors.ts';
import type { KeyEntry } from '../scene/key.ts';
import { svg } from '../view/dom.ts';
import { round } from './svg-reconcile.ts';

/*
 * How a partner line is drawn: its width by level, its opacity, its dashes. The map's lines and every
 * key that shows a line (the page's legend, the compact key, a story step's key, an export's legend)
 * take them from here, so that a key's sample is a piece of the line it explains.
 */

export const LINE_WIDTH = { county: 1.6, prefecture: 2.6 } as const;

/** A line of a city without records under the chosen year fades to this; the others stay near full. */
export const LINE_OPACITY = { kept: 0.9, faded: 0.2 } as const;

/**
 * A dashed line (`w`, its width; null: solid): 4 px dashes 4 px apart, each dash with a round end of
 * the line's width, as drawn until 7 December, but with square ends and dashes lengthened by the
 * round ends' reach. The same dashes to the eye; a software rasterizer draws round ends on every dash
 * as curves, which was a quarter of a filter change on the benchmark's 100× data (97 lines, most of
 * them re-routed). A kept line that turns solid loses all three.
 */
export function lineDashes(w: number | null): Record<string, string | number | null> {
  if (w === null) return { 'stroke-linecap': null, 'stroke-dasharray': null, 'stroke-dashoffset': null };
  return { 'stroke-linecap': 'butt', 'stroke-dasharray': `${round(4 + w)} ${round(4 - w)}`, 'stroke-dashoffset': round(w / 2) };
}

/** How a key draws a line: its colour, dashed or not, faded or not, a prefecture's width or a county's. */
export interface LineLook {
  color: string;
  dashed?: boolean;
  faded?: boolean;
  bold?: boolean;
}

/**
 * The look of a key entry that stands for a line, else null: a kind of line at a county's width (the
 * most of them), a city's colour and the faded line at a prefecture's (the boldest; the faded one
 * was near invisible at a county's).
 */
export function keyLineLook(e: KeyEntry): LineLook | null {
  switch (e.kind) {
    case 'city':
      return { color: e.color, faded: e.faded, bold: true };
    case 'line':
      return { color: e.color, dashed: e.evidence === 'activity' };
    case 'fadedLine':
      return { color: e.color, faded: true, bold: true };
    default:
      return null;
  }
}

/** A key's sample of a line, `length` px long at height `y`. */
export function lineSample(o: LineLook & { length: number; y: number }): SVGLineElement {
  const w = o.bold ? LINE_WIDTH.prefecture : LINE_WIDTH.county;
  return svg('line', {
    x1: 0,
    x2: o.length,
    y1: o.y,
    y2: o.y,
    stroke: o.color,
    'stroke-width': w,
    'stroke-opacity': o.faded ? LINE_OPACITY.faded : LINE_OPACITY.kept,
    ...lineDashes(o.dashed ? w : null),
  });
}

/**
 * A shared figure's card is tied to each of its places by a neutral line with a dot at the place: in
 * the city's colour, 2 px wide, a tie read as one more partner line (seen in the 1080 × 1080 export,
 * where Anshun + Tongren's tie ran past Qiandongnan's circle). 2 px still, for a projector.
 */
export const TIE_STYLE = { stroke: MUTED, 'stroke-width': 2, 'stroke-opacity': 0.85, fill: 'none' } as const;
export const TIE_END_STYLE = { r: 3.2, fill: MUTED, stroke: PAPER, 'stroke-width': 1 } as const;
