import { formatNumber } from '../i18n/format.ts';
import { textWidth } from '../map/text-width.ts';
import { CHOROPLETH, INK, INSET_EDGE, MIXED_COLOR, MUTED, PAPER, QUIET, SHARED_FIGURE, tint } from '../scene/colors.ts';
import { legendSamples } from '../scene/legend.ts';
import type { Model } from '../scene/model.ts';
import type { Frame } from '../view/context.ts';
import { metricLabel, partnerLegendLabel, unitOf } from '../view/describe.ts';
import { svg } from '../view/dom.ts';

/*
 * The legend drawn into an export: one key for every kind of mark the map draws under this filter
 * (and none for marks it does not draw), each with a real drawn sample in the map's own style, so
 * that a slide explains itself. Each key carries data-key, which the export test matches against
 * what the map draws.
 */

const FONT = 12.5;
const ROW = 18;
const GAP = 14;

interface Section {
  nodes: SVGElement[];
  height: number;
}

/** Lines of at most `max` units: words for English, characters for Chinese. */
export function wrapText(text: string, size: number, max: number): string[] {
  const words = /[\u2e80-\u9fff]/.test(text) ? [...text] : text.split(' ');
  const joiner = /[\u2e80-\u9fff]/.test(text) ? '' : ' ';
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line === '' ? w : `${line}${joiner}${w}`;
    // Closing punctuation stays with the text before it (never starts a line).
    if (line !== '' && textWidth(next, size) > max && !/^[)）】」』，。、；：！？,.;:!?]/.test(w)) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** What the map draws under this filter, by kind of key. */
function drawnKeys(model: Model, frame: Frame) {
  const { scene } = frame;
  const colours = new Set(scene.arcs.map((a) => a.color));
  const shades = [...scene.counties.values()];
  return {
    kinds: (['place', 'group', 'programme', 'multi'] as const).filter((k) => scene.markers.some((m) => (m.multiYear ? 'multi' : m.kind) === k)),
    qualified: scene.markers.some((m) => /[+≈]/.test(m.valueLabel)),
    cities: model.places.cities.filter((c) => colours.has(model.cityColor.get(c.id) ?? MIXED_COLOR)),
    stated: scene.arcs.some((a) => a.evidence === 'stated'),
    activity: scene.arcs.some((a) => a.evidence === 'activity'),
    twinned: [...new Set(scene.arcs.filter((a) => a.level === 'county').map((a) => a.color))],
    fills: new Set(shades.filter((s) => s.value !== null).map((s) => s.fill)),
    shared: shades.some((s) => s.shared),
    noFigure: shades.some((s) => s.value === null && !s.quiet && !s.shared),
    quiet: shades.some((s) => s.quiet),
  };
}

/** The legend's sections, each `width` wide, drawn from its own top left. */
function sections(model: Model, frame: Frame, width: number): Section[] {
  const { tr, lang, state, scene } = frame;
  const unit = unitOf(model, state.metric);
  const metric = metricLabel(model, state.metric, lang);
  const keys = drawnKeys(model, frame);
  const out: Section[] = [];
  const section = (title: string, build: (add: (node: SVGElement) => void, y: number) => number) => {
    const nodes: SVGElement[] = [];
    let y = 0;
    for (const line of wrapText(title, FONT, width)) {
      y += 16;
      nodes.push(svg('text', { x: 0, y, 'font-weight': 700 }, line));
    }
    y = build((n) => nodes.push(n), y + 8);
    out.push({ nodes, height: y });
  };
  // A key row: the sample (drawn in a 30 × 14 box at the row's top left) and its label, wrapped.
  const row = (add: (n: SVGElement) => void, y: number, key: string, sample: SVGElement, label: string): number => {
    const lines = wrapText(label, FONT, width - 40);
    add(svg('g', { 'data-key': key, transform: `translate(0 ${y})` }, sample));
    lines.forEach((l, i) => add(svg('text', { x: 40, y: y + 12 + i * 16 }, l)));
    return y + Math.max(ROW, lines.length * 16 + 2);
  };

  const samples = legendSamples(scene);
  if (samples.length > 0) {
    section(state.rescale ? tr('legend.markersRescaled', { metric }) : tr('legend.markers', { metric }), (add, y) => {
      const maxR = Math.max(...samples.map((s) => s.radius));
      const base = y + 8 + 2 * maxR;
      for (const s of samples) {
        add(svg('circle', { cx: maxR, cy: base - s.radius, r: s.radius, fill: 'none', stroke: MUTED }));
        add(svg('line', { x1: maxR, x2: 2 * maxR + 12, y1: base - 2 * s.radius, y2: base - 2 * s.radius, stroke: MUTED, 'stroke-dasharray': '2 2' }));
        add(svg('text', { x: 2 * maxR + 16, y: base - 2 * s.radius + 4 }, formatNumber(s.value, unit, lang)));
      }
      // How a value written by a circle may be qualified: with the sizes, where a band's columns have room.
      return keys.qualified ? row(add, base + 10, 'qualified', svg('text', { x: 4, y: 12, 'font-weight': 700 }, '+ ≈'), tr('legend.qualified')) : base + 4;
    });
  }
  if (keys.kinds.length > 0) {
    // The samples repeat the map's circle styles (map/svg-map.ts): fill strength and outline by kind.
    const style = {
      place: { fill: MIXED_COLOR, 'fill-opacity': 0.75, stroke: '#ffffff', 'stroke-width': 1 },
      group: { fill: MIXED_COLOR, 'fill-opacity': 0.45, stroke: MIXED_COLOR, 'stroke-width': 2 },
      programme: { fill: MIXED_COLOR, 'fill-opacity': 0.3, stroke: MIXED_COLOR, 'stroke-width': 2.5 },
      multi: { fill: 'none', stroke: MIXED_COLOR, 'stroke-width': 1.5 },
    } as const;
    const label = { place: tr('legend.place'), group: tr('legend.group'), programme: tr('legend.programme'), multi: tr('legend.multiYear') } as const;
    section(tr('legend.where'), (add, y) => {
      // A shared figure's circle stands in a framed card, a group's tied to each of its places, as on the map.
      const card = svg('rect', { x: 2, y: -1, width: 20, height: 18, rx: 2, fill: PAPER, stroke: INSET_EDGE });
      const tie = svg('path', { d: 'M20,12L27,18', fill: 'none', stroke: MIXED_COLOR, 'stroke-width': 2 });
      for (const k of keys.kinds) {
        const circle = svg('circle', { cx: 12, cy: 8, r: 7, ...style[k] });
        y = row(add, y, `kind-${k}`, k === 'group' ? svg('g', {}, tie, card.cloneNode() as SVGRectElement, circle) : k === 'programme' ? svg('g', {}, card.cloneNode() as SVGRectElement, circle) : circle, label[k]);
      }
      if (keys.qualified && samples.length === 0) y = row(add, y, 'qualified', svg('text', { x: 4, y: 12, 'font-weight': 700 }, '+ ≈'), tr('legend.qualified'));
      return y;
    });
  }
  if (keys.cities.length > 0) {
    const line = (stroke: string, dash: string | null) => svg('line', { x1: 0, x2: 28, y1: 8, y2: 8, stroke, 'stroke-width': 3, 'stroke-dasharray': dash });
    section(tr('legend.partners'), (add, y) => {
      for (const c of keys.cities) {
        // A city without records for the chosen year is faded on the map, and says so here.
        const label = partnerLegendLabel(frame, c);
        const sample = line(model.cityColor.get(c.id) ?? INK, null);
        if (label.noRecord) sample.setAttribute('stroke-opacity', '0.25');
        y = row(add, y, `city-${c.id}`, sample, label.text);
      }
      if (keys.stated) y = row(add, y, 'line-stated', line(INK, null), tr('legend.stated'));
      if (keys.activity) y = row(add, y, 'line-activity', line(INK, '4 4'), tr('legend.activity'));
      for (const c of keys.cities.filter((city) => keys.twinned.includes(model.cityColor.get(city.id) ?? ''))) {
        const colour = model.cityColor.get(c.id) ?? INK;
        const city = lang === 'zh' ? c.short_zh : c.short_en;
        y = row(add, y, `district-${colour}`, svg('rect', { x: 0, y: 1, width: 28, height: 13, fill: tint(colour), stroke: '#b8b4aa' }), tr('export.twinnedDistrict', { city }));
      }
      return y;
    });
  }
  const thresholds = model.scale(state.metric)?.thresholds ?? [];
  const classes = thresholds
    .map((t, i) => ({ fill: CHOROPLETH[i + 1] ?? INK, label: `≤ ${formatNumber(t, unit, lang)}` }))
    .filter((c) => keys.fills.has(c.fill));
  if (keys.fills.has(CHOROPLETH[0])) classes.unshift({ fill: CHOROPLETH[0], label: formatNumber(0, unit, lang) });
  if (classes.length > 0 || keys.shared || keys.noFigure || keys.quiet) {
    const swatch = (fill: string) => svg('rect', { x: 0, y: 1, width: 28, height: 13, fill, stroke: '#b8b4aa' });
    section(tr('legend.choropleth', { metric }), (add, y) => {
      for (const c of classes) y = row(add, y, `fill-${c.fill}`, swatch(c.fill), c.label);
      if (keys.shared) y = row(add, y, `fill-${SHARED_FIGURE}`, swatch(SHARED_FIGURE), tr('legend.shared'));
      // The hatch is the map's own pattern (in the map's <defs>), so the key is the map's fill.
      if (keys.noFigure) y = row(add, y, 'fill-url(#no-figure)', swatch('url(#no-figure)'), tr('legend.noFigure'));
      if (keys.quiet) y = row(add, y, `fill-${QUIET}`, swatch(QUIET), tr('legend.quiet'));
      return y;
    });
  }
  return out;
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
