import { keyLineLook, lineSample, TIE_STYLE } from '../map/line-style.ts';
import { textWidth } from '../map/text-width.ts';
import { INK, INSET_EDGE, MIXED_COLOR, MUTED, PAPER, tint } from '../scene/colors.ts';
import { keySections, wordsText, type KeyEntry } from '../scene/key.ts';
import type { Model } from '../scene/model.ts';
import type { Frame } from '../view/context.ts';
import { svg } from '../view/dom.ts';

/*
 * The legend drawn into an export: one key for every kind of mark the map draws under this filter
 * (and none for marks it does not draw), each with a real drawn sample in the map's own style, so
 * that a slide explains itself. Each key carries data-key, which the export test matches against
 * what the map draws.
 */

const FONT = 12.5;
const NOTE = 11;
const ROW = 18;
const CARD_ROW = 23;
const GAP = 14;

interface Section {
  nodes: SVGElement[];
  height: number;
}

// Chinese line breaking (避头尾): closing marks (and spaces) never start a line, opening marks never end one.
const NO_START = /^[ )）】」』〕》〉”’，。、；：！？,.;:!?]/;
const NO_END = /[(（【「『〔《〈“‘]$/;

/**
 * Lines of at most `max` units: words for English, characters for Chinese. A Chinese text's last
 * line is never one character alone (a lone "中" or "加" under a legend entry reads as a stray mark):
 * it takes the character before it along.
 */
export function wrapText(text: string, size: number, max: number): string[] {
  const cjk = /[\u2e80-\u9fff]/.test(text);
  const words = cjk ? [...text] : text.split(' ');
  const joiner = cjk ? '' : ' ';
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line === '' ? w : `${line}${joiner}${w}`;
    if (line === '' || textWidth(next, size) <= max || NO_START.test(w)) {
      line = next;
      continue;
    }
    // An opening mark at the line's end goes down with the word it opens.
    const carried = cjk && NO_END.test(line) && line.length > 1 ? line.slice(-1) : '';
    lines.push(carried ? line.slice(0, -1) : line);
    line = `${carried}${w}`;
  }
  if (line !== '') lines.push(line);
  const last = lines.length - 1;
  if (cjk && last > 0 && [...lines[last]!].length === 1 && [...lines[last - 1]!].length > 2) {
    let keep = [...lines[last - 1]!];
    let moved = keep.pop()! + lines[last]!;
    // Not so that a closing mark would start the line, nor an opening one end the line before it.
    while (keep.length > 2 && (NO_START.test(moved) || NO_END.test(keep.join('')))) moved = keep.pop()! + moved;
    lines.splice(last - 1, 2, keep.join(''), moved);
  }
  return lines;
}

/** The legend's sections (the view's key, scene/key.ts), each `width` wide, drawn from its own top left. */
function sections(model: Model, frame: Frame, width: number): Section[] {
  const { lang, state, scene } = frame;
  return keySections(model, state, scene).map((s) => {
    const nodes: SVGElement[] = [];
    const add = (n: SVGElement) => nodes.push(n);
    let y = 0;
    for (const line of wrapText(wordsText(s.title, lang), FONT, width)) {
      y += 16;
      add(svg('text', { x: 0, y, 'font-weight': 700 }, line));
    }
    y += 8;
    const sizes = s.entries.flatMap((e) => (e.kind === 'size' ? [e] : []));
    if (sizes.length > 0) {
      const maxR = Math.max(...sizes.map((e) => e.radius));
      const base = y + 8 + 2 * maxR;
      for (const e of sizes) {
        add(svg('circle', { cx: maxR, cy: base - e.radius, r: e.radius, fill: 'none', stroke: MUTED }));
        add(svg('line', { x1: maxR, x2: 2 * maxR + 12, y1: base - 2 * e.radius, y2: base - 2 * e.radius, stroke: MUTED, 'stroke-dasharray': '2 2' }));
        add(svg('text', { x: 2 * maxR + 16, y: base - 2 * e.radius + 4 }, wordsText(e.words, lang)));
      }
      y = base + 10;
    }
    for (const e of s.entries) {
      if (e.kind === 'size') continue;
      const label = wordsText(e.words, lang);
      const sample = sampleOf(e);
      if (sample) {
        // A key row: the sample (drawn in a 30 × 14 box at the row's top left) and its label, wrapped.
        const lines = wrapText(label, FONT, width - 40);
        add(svg('g', { 'data-key': sample.key, transform: `translate(0 ${y})` }, sample.node));
        lines.forEach((l, i) => add(svg('text', { x: 40, y: y + 12 + i * 16 }, l)));
        // A card's sample is 19 px tall with its tie: a row of 18 put it on the next card's (1920 × 1080, zh).
        y += Math.max(sample.key === 'kind-group' || sample.key === 'kind-programme' ? CARD_ROW : ROW, lines.length * 16 + 2);
      } else {
        // A note in smaller, closer type: a square export's band under the map stays short.
        const lines = wrapText(label, NOTE, width);
        lines.forEach((l, i) => add(svg('text', { x: 0, y: y + 11 + i * 13, fill: MUTED, 'font-size': NOTE }, l)));
        y += lines.length * 13 + 2;
      }
    }
    return { nodes, height: y };
  });
}

// The samples repeat the map's circle styles (map/svg-map.ts): fill strength and outline by kind.
const MARK_STYLE = {
  place: { fill: MIXED_COLOR, 'fill-opacity': 0.75, stroke: '#ffffff', 'stroke-width': 1 },
  group: { fill: MIXED_COLOR, 'fill-opacity': 0.45, stroke: MIXED_COLOR, 'stroke-width': 2 },
  programme: { fill: MIXED_COLOR, 'fill-opacity': 0.3, stroke: MIXED_COLOR, 'stroke-width': 2.5 },
  multi: { fill: 'none', stroke: MIXED_COLOR, 'stroke-width': 1.5 },
} as const;

/** An entry's sample in the map's own style, keyed (data-key) by what it stands for; notes have none. */
function sampleOf(e: KeyEntry): { key: string; node: SVGElement } | null {
  const line = keyLineLook(e);
  if (line) return { key: e.kind === 'city' ? `city-${e.city}` : e.kind === 'line' ? `line-${e.evidence}` : 'line-faded', node: lineSample({ ...line, length: 28, y: 8 }) };
  const swatch = (fill: string) => svg('rect', { x: 0, y: 1, width: 28, height: 13, fill, stroke: '#b8b4aa' });
  switch (e.kind) {
    case 'mark': {
      // A shared figure's circle stands in a framed card, a group's tied to each of its places, as on the map.
      const circle = svg('circle', { cx: 12, cy: 8, r: 7, ...MARK_STYLE[e.mark] });
      const card = () => svg('rect', { x: 2, y: -1, width: 20, height: 18, rx: 2, fill: PAPER, stroke: INSET_EDGE });
      const tie = svg('path', { d: 'M20,12L27,18', ...TIE_STYLE });
      const node = e.mark === 'group' ? svg('g', {}, tie, card(), circle) : e.mark === 'programme' ? svg('g', {}, card(), circle) : circle;
      return { key: `kind-${e.mark}`, node };
    }
    case 'district':
      return { key: `district-${e.color}`, node: swatch(tint(e.color)) };
    case 'shade': {
      // The hatch is the map's own pattern (in the map's <defs>), so the key is the map's fill.
      const fill = e.hatched ? 'url(#no-figure)' : e.fill;
      return { key: `fill-${fill}`, node: swatch(fill) };
    }
    default:
      return null;
  }
}

/**
 * The legend as one group with a white box behind it, its sections flowed into columns `column`
 * wide, no column taller than `maxHeight` (a section never splits).
 */
export function legendBox(model: Model, frame: Frame, column: number, maxHeight: number): { g: SVGGElement; width: number; height: number } {
  const pad = 12;
  const list = sections(model, frame, column - 2 * pad);
  const g = svg('g', { id: 'legend', 'font-size': FONT, fill: INK });
  const placed: SVGElement[] = [];
  let x = pad;
  let y = pad;
  let columns = 1;
  let height = 0;
  for (const s of list) {
    if (y > pad && y + s.height > maxHeight - pad) {
      x += column;
      y = pad;
      columns += 1;
    }
    placed.push(svg('g', { transform: `translate(${x} ${y})` }, ...s.nodes));
    y += s.height + GAP;
    height = Math.max(height, y - GAP + pad);
  }
  const width = columns * column;
  g.append(svg('rect', { width, height, rx: 6, fill: '#ffffff', 'fill-opacity': 0.94, stroke: '#d9d6ce' }), ...placed);
  return { g, width, height };
}

/** The height the legend needs when its sections stand side by side, `column` wide each. */
export function legendBandHeight(model: Model, frame: Frame, column: number): number {
  return Math.max(0, ...sections(model, frame, column - 24).map((s) => s.height)) + 24;
}
