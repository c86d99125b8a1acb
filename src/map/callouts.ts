import type { Lang } from '../i18n/messages.ts';
import { t } from '../i18n/messages.ts';
import { INK, INSET_EDGE, MUTED, PAPER } from '../scene/colors.ts';
import { TIE_END_STYLE, TIE_STYLE } from './line-style.ts';
import type { MarkerDatum, Scene } from '../scene/scene.ts';
import { svg } from '../view/dom.ts';
import { circleCells, nearestFirst, placeCircle, type Box, type Circle, type ClearanceField } from './free-spots.ts';
import { crossesBox } from './line-routes.ts';
import { round } from './svg-reconcile.ts';
import { textWidth } from './text-width.ts';
import type { ViewGeometry } from './view-geometry.ts';

/*
 * A figure for several places together, or for Guizhou as a whole, has no one place to stand on: at
 * their middle it would sit on a place it does not name, and in the room beside Guizhou on another
 * province. It stands in a framed card off Guizhou's land instead, nearest its members: its circle
 * (to the common scale), its amount and period in words, and what it covers; neutral ties run from the
 * card to each member (map/line-style.ts), thick enough to be seen on a projector.
 */

export interface Callout {
  anchor: string;
  box: Box;
  framed: boolean;
  /** The circle's centre and the largest radius of the card's circles. */
  circle: [number, number];
  r: number;
  /** Each line of words: a marker's value (keyed, with the marker's key) and period, or what the figure covers. */
  texts: CalloutText[];
  /** The members' points, for the ties (none for Guizhou as a whole). */
  ties: { id: string; to: [number, number] }[];
}

export interface CalloutText {
  x: number;
  y: number;
  text: string;
  size: number;
  weight: number;
  fill: string;
  /** A marker's value: drawn with the other values, keyed by the marker. */
  valueKey?: string;
}

const PAD = 7;
const LINE = 14;
// A compact card's lines, and a bare circle's, stand a line of their height apart: 14 px put one value over the next.
const BARE_STEP = 16;

type Line = Omit<CalloutText, 'x' | 'y'>;

/** Words broken before " + " (or "、") where a line grows wider than `max`. */
function wrap(text: string, size: number, max: number): string[] {
  const parts = text.split(/(?<= \+ )|(?<=、)/);
  const out: string[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last !== undefined && textWidth(last + p, size) <= max) out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out.map((l) => l.trimEnd());
}

const GAP = 6;

/** Cards for the scene's shared figures, placed clear of Guizhou, of the circles, of each other and of `avoid`. */
export function layoutCallouts(scene: Scene, v: ViewGeometry, o: { width: number; height: number; lang: Lang; avoid: readonly Box[]; circles: readonly Circle[] }): Callout[] {
  const byAnchor = new Map<string, MarkerDatum[]>();
  for (const m of scene.markers) {
    if (m.kind === 'place') continue;
    const anchor = m.key.split('@')[0]!;
    byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), m]);
  }
  // On a small map a card says, in few words, what it covers and its values, or its values only
  // where that card finds no room (still framed: a bare circle would stand on a prefecture's land).
  // The rest is in its tooltip, the panel and the table. A phone's map (390 px) had shown "¥76.45m"
  // boxed over another province, with nothing to say it was Anshun's and Tongren's. On the tiniest
  // maps (a 320 × 240 embed's 190 px) named cards lay over the partner lines: values only there.
  const side = Math.min(o.width, o.height);
  const variants: Compact[] = side >= 450 ? [null] : side >= NAMED_FROM ? ['named', 'values'] : ['values'];
  const cards = [...byAnchor.entries()].map(([anchor, list]) => variants.map((compact) => cardOf(anchor, list, v, o.lang, compact)));
  // The cards go where their ties are shortest in all: each order of placing them is tried (there are
  // a few), and the first that places every card off the land wins over the shorter but failing ones;
  // then the one whose ties cross fewer other cards (in the 1920 × 1080 export a tie ran through
  // another card's words), then the shortest.
  let best: { callouts: Callout[]; missed: number; crossed: number; length: number } | null = null;
  const spots = spotsNearest(o, v, o.avoid, o.circles);
  for (const order of orders(cards)) {
    const placed: Box[] = [];
    const ties: Segment[] = [];
    let missed = 0;
    let length = 0;
    const callouts = order.map((choices) => {
      let card = choices[0]!;
      let spot = spotFor(card, spots(card), placed, ties);
      for (const fewer of choices.slice(1)) {
        if (spot) break;
        card = fewer;
        spot = spotFor(card, spots(card), placed, ties);
      }
      if (!spot) missed++;
      // No room for a card: its circle alone, in the room beside Guizhou, its value beside it.
      const bare = spot ? null : roomFor(v, card, [...o.avoid, ...placed], o.circles, o);
      const [x, y] = spot ?? bare ?? stacked(placed);
      const callout = card.at(x, y, spot === null && bare !== null);
      placed.push(callout.box);
      for (const tie of tiesOf(callout)) ties.push([tie.from, tie.to]);
      length += callout.ties.reduce((s, tie) => s + Math.hypot(tie.to[0] - callout.circle[0], tie.to[1] - callout.circle[1]), 0);
      return callout;
    });
    const crossed = tiesThroughCards(callouts);
    const better = !best || missed < best.missed || (missed === best.missed && (crossed < best.crossed || (crossed === best.crossed && length < best.length - 0.5)));
    if (better) best = { callouts, missed, crossed, length };
  }
  return best?.callouts ?? [];
}

interface Card {
  anchor: string;
  width: number;
  height: number;
  target: [number, number];
  r: number;
  /** The card at (x, y), framed; or unframed, its circle alone with its values (and Guizhou's two words) beside it. */
  at(x: number, y: number, unframed?: boolean): Callout;
  /** The box of the circle alone centred at (x, y), with its lines beside it, as `at` makes it. */
  bareBox(x: number, y: number): Box;
}

/** From this side (px) up, a small map's cards may say what they cover. */
const NAMED_FROM = 240;

/** A full card (null), a small map's card that says what it covers and its values ('named'), or its values only. */
type Compact = 'named' | 'values' | null;

function cardOf(anchor: string, list: readonly MarkerDatum[], v: ViewGeometry, lang: Lang, compact: Compact): Card {
  const markers = [...list].sort((a, b) => Number(a.multiYear) - Number(b.multiYear));
  const first = markers[0]!;
  const r = Math.max(6, ...markers.map((m) => m.radius));
  const covers = first.kind === 'programme' ? t(lang, 'callout.programme', { city: first.label }) : first.label;
  // A circle without room for its card says its values, and Guizhou as a whole says so in two words
  // besides: alone off the land beside a prefecture, it read as that prefecture's figure (an
  // 800 × 500 embed's ¥81.85m of all Guizhou, by Liupanshui). A small map's card says what it covers
  // in as few words, or its values only.
  const short: Line[] = [
    ...(first.kind === 'programme' ? [{ text: t(lang, 'callout.programmeShort'), size: 10.5, weight: 600, fill: INK }] : []),
    ...markers.map((m) => ({ text: m.valueLabel, size: 11, weight: 700, fill: INK, valueKey: m.key })),
  ];
  // A full card: what it covers, wrapped between names; then each figure's value over its period.
  const lines: Line[] = compact
    ? compact === 'named'
      ? [...(first.kind === 'programme' ? [] : wrap(covers, 10.5, 90).map((text) => ({ text, size: 10.5, weight: 600, fill: INK }))), ...short]
      : short.filter((l) => l.valueKey)
    : [
        ...wrap(covers, 11, 120).map((text) => ({ text, size: 11, weight: 600, fill: INK })),
        ...markers.flatMap((m): Line[] => [
          { text: m.valueLabel, size: 12.5, weight: 700, fill: INK, valueKey: m.key },
          { text: m.multiYear ? t(lang, 'callout.severalYears', { period: m.period }) : m.period, size: 10.5, weight: 400, fill: MUTED },
        ]),
      ];
  const step = compact ? BARE_STEP : LINE;
  const width = Math.ceil(PAD * 2 + 2 * r + 8 + Math.max(...lines.map((l) => textWidth(l.text, l.size))));
  const height = Math.ceil(PAD * 2 + Math.max(2 * r, lines.length * step));
  const ties = first.kind === 'group' ? first.recipients.map((id) => ({ id, to: v.pointOf(id) })).filter((x): x is { id: string; to: [number, number] } => x.to !== null) : [];
  const target: [number, number] = ties.length > 0 ? centroid(ties.map((x) => x.to)) : v.guizhou ? [v.guizhou[0], v.guizhou[1]] : [0, 0];
  // The bare lines' positions and widths, worked out once: the room for a bare circle is tried at every spot.
  const bareLines = short.map((l) => ({ size: l.size, width: textWidth(l.text, l.size) }));
  const top = (cy: number, n: number, by: number) => cy - (n * by) / 2 + 11;
  const bareAt = (cx: number, cy: number, i: number): [number, number] => [round(cx + r + 3), round(top(cy, short.length, BARE_STEP) + i * BARE_STEP)];
  // Unframed, its box holds the circle and the lines beside it (names and lines keep off both),
  // each value as tall as the browser draws it (1.18 em above the baseline, 0.3 below).
  const bareBox = (cx: number, cy: number): Box => {
    let [y0, x1, y1] = [cy - r, cx + r, cy + r];
    bareLines.forEach((l, i) => {
      const [tx, ty] = bareAt(cx, cy, i);
      y0 = Math.min(y0, ty - l.size * 1.18);
      x1 = Math.max(x1, tx + l.width * 1.05);
      y1 = Math.max(y1, ty + l.size * 0.3);
    });
    return [cx - r, y0, x1, y1];
  };
  return {
    anchor,
    width,
    height,
    target,
    r,
    bareBox,
    at(x, y, unframed = false) {
      // Unframed, (x, y) is the circle's centre.
      const [cx, cy] = unframed ? [x, y] : [x + PAD + r, y + height / 2];
      const texts = unframed
        ? short.map((l, i) => {
            const [tx, ty] = bareAt(cx, cy, i);
            return { ...l, x: tx, y: ty };
          })
        : lines.map((l, i) => ({ ...l, x: round(cx + r + 8), y: round(top(cy, lines.length, step) + i * step) }));
      return {
        anchor,
        box: unframed ? bareBox(cx, cy) : [x, y, x + width, y + height],
        framed: !unframed,
        circle: [round(cx), round(cy)],
        r,
        texts,
        ties,
      };
    },
  };
}

/** Every order of the cards (each with its variants, the first preferred) while there are few; else the largest first. */
function orders<T extends readonly { width: number; height: number }[]>(cards: readonly T[]): T[][] {
  if (cards.length > 4) return [[...cards].sort((a, b) => b[0]!.width * b[0]!.height - a[0]!.width * a[0]!.height)];
  if (cards.length <= 1) return [[...cards]];
  return cards.flatMap((c, i) => orders([...cards.slice(0, i), ...cards.slice(i + 1)]).map((rest) => [c, ...rest]));
}

/** The cards' frames, their words (but the values, drawn with the other values) and their ties. */
export function paintCallouts(root: ParentNode, callouts: readonly Callout[]): void {
  const group = root.querySelector('#callouts');
  if (!group) return;
  group.replaceChildren(
    ...callouts.map((c) =>
      svg(
        'g',
        { class: 'callout', 'data-anchor': c.anchor, 'data-fixed': '' },
        ...tiesOf(c).map(({ id, from, to }) =>
          svg('path', { class: 'callout-tie', d: `M${from.map(round)}L${to.map(round)}`, ...TIE_STYLE, 'data-to': id }),
        ),
        ...c.ties.map((tie) => svg('circle', { class: 'callout-end', cx: round(tie.to[0]), cy: round(tie.to[1]), ...TIE_END_STYLE })),
        !c.framed ? null : svg('rect', { class: 'callout-frame', x: c.box[0], y: c.box[1], width: c.box[2] - c.box[0], height: c.box[3] - c.box[1], rx: 4, fill: PAPER, 'fill-opacity': 0.96, stroke: INSET_EDGE }),
        ...c.texts.filter((x) => !x.valueKey).map((x) => svg('text', { x: x.x, y: x.y, 'font-size': x.size, 'font-weight': x.weight === 400 ? null : x.weight, fill: x.fill }, x.text)),
      ),
    ),
  );
}

/** The values the cards write, keyed by their markers, for the value layer. */
export function calloutValues(callouts: readonly Callout[]): CalloutText[] {
  return callouts.flatMap((c) => c.texts.filter((x) => x.valueKey !== undefined));
}

/** Each tie as drawn: from the card's edge to its member (names keep off them, as off the partner lines). */
export function tiesOf(c: Callout): { id: string; from: [number, number]; to: [number, number] }[] {
  return c.ties.map((tie) => ({ id: tie.id, from: exitPoint(c, tie.to), to: tie.to }));
}

/** How many of the cards' ties pass through another card's box. */
function tiesThroughCards(callouts: readonly Callout[]): number {
  let n = 0;
  for (const c of callouts) for (const tie of tiesOf(c)) for (const other of callouts) if (other !== c && crossesBox([tie.from, tie.to], other.box)) n++;
  return n;
}

/** Where a tie leaves the card: the edge of its frame (or of a bare circle's square) on the way from the circle to the member. */
function exitPoint(c: Callout, to: [number, number]): [number, number] {
  const [cx, cy] = c.circle;
  const [x0, y0, x1, y1] = c.framed ? c.box : [cx - c.r, cy - c.r, cx + c.r, cy + c.r];
  const dx = to[0] - cx;
  const dy = to[1] - cy;
  const ts = [dx > 0 ? (x1 - cx) / dx : dx < 0 ? (x0 - cx) / dx : Infinity, dy > 0 ? (y1 - cy) / dy : dy < 0 ? (y0 - cy) / dy : Infinity];
  const k = Math.min(1, ...ts.filter((x) => x >= 0));
  return [cx + dx * k, cy + dy * k];
}

const centroid = (points: readonly [number, number][]): [number, number] => [
  points.reduce((s, p) => s + p[0], 0) / points.length,
  points.reduce((s, p) => s + p[1], 0) / points.length,
];

/**
 * Each card's free spots inside the frame (off Guizhou's land, clear of the boxes to avoid and of the
 * circles), nearest its target first (ties: top, then left): found once per card, as far as asked,
 * and walked by every order of placing the cards, each walk ending at the first spot clear of the
 * cards placed before it. `nth(k)`: the k-th free spot, or null past the last.
 *
 * Which spots are free depends on the card's size only: they are found once per size, and each card
 * orders only those (most of the frame is Guizhou's land, which every card's walk crossed spot by
 * spot: with the benchmark's 100× data, 34 cards, that was a fifth of a filter change).
 */
function spotsNearest(frame: { width: number; height: number }, v: ViewGeometry, avoid: readonly Box[], circles: readonly Circle[]): (card: Card) => (k: number) => [number, number] | null {
  const made = new Map<Card, (k: number) => [number, number] | null>();
  const onCircle = circleGrid(circles);
  const step = 8;
  const grid = (width: number, height: number) => ({
    cols: Math.max(0, Math.floor((frame.width - GAP - width - GAP) / step) + 1),
    rows: Math.max(0, Math.floor((frame.height - GAP - height - GAP) / step) + 1),
  });
  // A spot's top left corner from its grid index (row by row, `cols` to a row).
  const spotAt = (k: number, cols: number): [number, number] => [GAP + (k % cols) * step, GAP + Math.floor(k / cols) * step];
  // The free spots for a card of each size, as grid indices in grid order (top to bottom, left to right).
  const freeBySize = new Map<string, Uint32Array>();
  const freeFor = (width: number, height: number): Uint32Array => {
    const key = `${width}x${height}`;
    const known = freeBySize.get(key);
    if (known) return known;
    const { cols, rows } = grid(width, height);
    const out: number[] = [];
    const clearOfLand = offLandAt(v, width, height);
    // A scan of every spot for every size: no arrays made for a spot that does not pass.
    for (let k = 0; k < cols * rows; k++) {
      const x = GAP + (k % cols) * step;
      const y = GAP + Math.floor(k / cols) * step;
      if (!clearOfLand(x, y) || avoid.some((b) => crowdsAt(x, y, x + width, y + height, b))) continue;
      if (!onCircle([x, y, x + width, y + height])) out.push(k);
    }
    const free = Uint32Array.from(out);
    freeBySize.set(key, free);
    return free;
  };
  return (card) => {
    let nth = made.get(card);
    if (nth) return nth;
    const { cols } = grid(card.width, card.height);
    const free = freeFor(card.width, card.height);
    // Equally near spots keep grid order (top, then left), as the rule says: `free` is in grid order.
    const d = new Float64Array(free.length);
    for (let n = 0; n < free.length; n++) {
      const [x, y] = spotAt(free[n]!, cols);
      d[n] = (x + card.width / 2 - card.target[0]) ** 2 + (y + card.height / 2 - card.target[1]) ** 2;
    }
    const order = nearestFirst(d, step);
    nth = (k) => {
      const n = order(k);
      return n === undefined ? null : spotAt(free[n]!, cols);
    };
    made.set(card, nth);
    return nth;
  };
}

type Segment = [[number, number], [number, number]];

// How much farther from its members a card may stand to keep ties and cards from crossing (px).
const UNCROSSED_REACH = 120;

/**
 * The first of a card's free spots (see spotsNearest) clear of the cards placed before it, and,
 * within UNCROSSED_REACH of that one, the first where no tie crosses a card (its ties the cards
 * placed, their ties it): a tie through a card's words reads as a line struck through them (the
 * 1920 × 1080 export). Null where there is no spot.
 */
function spotFor(card: Card, nth: (k: number) => [number, number] | null, placed: readonly Box[], ties: readonly Segment[]): [number, number] | null {
  const reach = (spot: [number, number]) => Math.hypot(spot[0] + card.width / 2 - card.target[0], spot[1] + card.height / 2 - card.target[1]);
  // The card laid out once; at a spot, its box and circle move with it and its ties' ends stay.
  let model: Callout | null = null;
  let first: [number, number] | null = null;
  for (let k = 0; ; k++) {
    const spot = nth(k);
    if (!spot) return first;
    const box: Box = [spot[0], spot[1], spot[0] + card.width, spot[1] + card.height];
    if (placed.some((b) => crowds(box, b))) continue;
    first ??= spot;
    if (reach(spot) > reach(first) + UNCROSSED_REACH) return first;
    model ??= card.at(0, 0);
    const [dx, dy] = [spot[0] - model.box[0], spot[1] - model.box[1]];
    const moved = { ...model, box: [model.box[0] + dx, model.box[1] + dy, model.box[2] + dx, model.box[3] + dy] as Box, circle: [model.circle[0] + dx, model.circle[1] + dy] as [number, number] };
    const crossed = ties.some((tie) => crossesBox(tie, moved.box)) || tiesOf(moved).some((t) => placed.some((b) => crossesBox([t.from, t.to], b)));
    if (!crossed) return spot;
  }
}

/** A card's box comes within GAP of another box. */
const crowds = (a: Box, b: Box) => crowdsAt(a[0], a[1], a[2], a[3], b);
const crowdsAt = (x0: number, y0: number, x1: number, y1: number, b: Box) => x0 < b[2] + GAP && x1 > b[0] - GAP && y0 < b[3] + GAP && y1 > b[1] - GAP;

/**
 * A spot for the card's circle alone in the room beside Guizhou (off its land), or null: within
 * Guizhou's box where it can, else anywhere in the room. The values beside it keep clear of the
 * boxes (insets, buttons, other cards) and the frame too: only the circle was checked, and a value
 * ran into the inset's year total at 320 × 240.
 */
function roomFor(v: ViewGeometry, card: Card, boxes: readonly Box[], circles: readonly Circle[], frame: { width: number; height: number }): [number, number] | null {
  const field = v.room;
  if (!field) return null;
  const clear = (x: number, y: number) => {
    const b = card.bareBox(x, y);
    if (b[0] < 0 || b[1] < 0 || b[2] > frame.width || b[3] > frame.height) return false;
    if (boxes.some((o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1])) return false;
    // The values stay off the other circles (the card's own circle is checked by placeCircle).
    const words: Box = [x + card.r, b[1], b[2], b[3]];
    return !circles.some((c) => overlapsCircle(words, c));
  };
  return (v.guizhou && placeCircle(field, card.target, card.r, circles, boxes, v.guizhou, 3, clear)) ?? placeCircle(field, card.target, card.r, circles, boxes, field.box, 3, clear);
}

/** Whether a box of this size with its top left corner at (x, y) has no grid point of the field on Guizhou (or within a few pixels of it). */
function offLandAt(v: ViewGeometry, width: number, height: number): (x: number, y: number) => boolean {
  const field = v.room;
  if (!field) return () => true;
  const { step, cols, rows } = field;
  const sum = landSums(field);
  const w = cols + 1;
  return (x, y) => {
    const i0 = Math.max(0, Math.floor((x - field.box[0]) / step));
    const i1 = Math.min(cols - 1, Math.ceil((x + width - field.box[0]) / step));
    const j0 = Math.max(0, Math.floor((y - field.box[1]) / step));
    const j1 = Math.min(rows - 1, Math.ceil((y + height - field.box[1]) / step));
    if (i0 > i1 || j0 > j1) return true;
    return sum[(j1 + 1) * w + i1 + 1]! - sum[(j1 + 1) * w + i0]! - sum[j0 * w + i1 + 1]! + sum[j0 * w + i0]! === 0;
  };
}

/** How many of the field's grid points lie on land above and left of each point: any box's count in four reads. */
const landSumsOf = new WeakMap<ClearanceField, Uint32Array>();
function landSums(field: ClearanceField): Uint32Array {
  const cached = landSumsOf.get(field);
  if (cached) return cached;
  const { cols, rows, clearance } = field;
  const sum = new Uint32Array((cols + 1) * (rows + 1));
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const land = clearance[j * cols + i]! < 3 ? 1 : 0;
      sum[(j + 1) * (cols + 1) + i + 1] = land + sum[j * (cols + 1) + i + 1]! + sum[(j + 1) * (cols + 1) + i]! - sum[j * (cols + 1) + i]!;
    }
  }
  landSumsOf.set(field, sum);
  return sum;
}

function overlapsCircle(b: Box, c: Circle): boolean {
  const x = Math.max(b[0], Math.min(c.x, b[2]));
  const y = Math.max(b[1], Math.min(c.y, b[3]));
  return (x - c.x) ** 2 + (y - c.y) ** 2 < (c.r + 2) ** 2;
}

/** Whether a box comes near any of the circles (overlapsCircle), asking only the circles centred near it. */
function circleGrid(circles: readonly Circle[]): (box: Box) => boolean {
  const cells = circleCells(circles);
  const reach = cells.largest + 2;
  return (box) => cells.some(box[0] - reach, box[1] - reach, box[2] + reach, box[3] + reach, (c) => overlapsCircle(box, c));
}

/** Where nothing is free (a tiny frame): one under the other from the top left corner. */
function stacked(placed: readonly Box[]): [number, number] {
  const y = placed.reduce((m, b) => Math.max(m, b[3]), 0) + GAP;
  return [GAP, placed.length === 0 ? GAP : y];
}
