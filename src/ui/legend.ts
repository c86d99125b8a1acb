import { keyLineLook, lineSample, TIE_STYLE } from '../map/line-style.ts';
import { INSET_EDGE, MIXED_COLOR, MUTED, PAPER, tint } from '../scene/colors.ts';
import { keySections, wordsText, type KeyEntry, type KeySection, type MarkKind } from '../scene/key.ts';
import type { Component, Frame, UiContext } from '../view/context.ts';
import { filterText, sourceLine } from '../view/describe.ts';
import { el, replaceChildren, svg } from '../view/dom.ts';

/** One legend for everything on the map: the view's key (scene/key.ts), every section of it. */
export function createLegend(ctx: UiContext): Component & { open(): void } {
  const root = el('section', { class: 'legend', id: 'map-legend', 'aria-labelledby': 'legend-title', tabindex: '-1' });
  let collapsed: boolean | null = null;
  let last: Frame | null = null;
  const legend = {
    el: root,
    update(frame: Frame) {
      last = frame;
      const { model } = ctx;
      const { tr, state } = frame;
      const sections = keySections(model, state, frame.scene);
      // In an embed the keys fold away under a button (folded at first on narrow pages); the filter and the source stay.
      if (collapsed === null) collapsed = state.embed && document.documentElement.clientWidth < 480;
      const toggle = el(
        'button',
        { type: 'button', class: 'legend-toggle linkish', 'aria-expanded': String(!collapsed), 'aria-controls': 'legend-keys' },
        collapsed ? tr('legend.show') : tr('legend.hide'),
      );
      toggle.addEventListener('click', () => {
        collapsed = !collapsed;
        legend.update(frame);
      });
      replaceChildren(
        root,
        el('div', { class: 'legend-top' }, el('h2', { id: 'legend-title', class: 'legend-heading' }, tr('legend.title')), toggle),
        el('p', { class: 'legend-filter', 'data-testid': 'legend-filter' }, filterText(model, frame)),
        el('div', { class: 'legend-keys', id: 'legend-keys', hidden: state.embed && collapsed }, ...sections.map((s) => section(s, frame))),
        el('p', { class: 'legend-source', 'data-testid': 'legend-source' }, sourceLine(model, tr, frame.lang)),
        // On paper the map's attribution control is not printed; the legend says it instead.
        el('p', { class: 'legend-attribution legend-note print-only' }, tr('map.attribution')),
      );
    },
    /** Unfolds the keys and brings the legend into view, for the compact key's button. */
    open() {
      if (collapsed && last) {
        collapsed = false;
        legend.update(last);
      }
      root.scrollIntoView({ block: 'start', behavior: 'smooth' });
      root.focus({ preventScroll: true });
    },
  };
  return legend;
}

/** Each entry's words carry data-key-text, so a test can read the key as the reader does. */
const keyText = (text: string) => el('span', { 'data-key-text': '' }, text);

function section(s: KeySection, frame: Frame): HTMLElement {
  const lang = frame.lang;
  const title = wordsText(s.title, lang);
  const sizes = s.entries.flatMap((e) => (e.kind === 'size' ? [e] : []));
  const items = s.entries.filter((e) => e.kind !== 'size' && !isNote(e));
  const notes = s.entries.filter(isNote);
  return el(
    'div',
    { class: 'legend-section', 'data-section': s.id },
    el('h3', { 'data-key-text': '' }, title),
    sizes.length > 0 ? sizeKey(sizes, title, lang) : null,
    items.length > 0 ? el('ul', { class: `legend-${s.id}` }, ...items.map((e) => item(e, lang))) : null,
    ...notes.map((e) => el('p', { class: 'legend-note', 'data-key-text': '', 'data-testid': e.kind === 'partOf' ? 'legend-part-of' : null }, wordsText(e.words, lang))),
  );
}

const isNote = (e: KeyEntry) => e.kind === 'note' || e.kind === 'qualified' || e.kind === 'partOf';

function item(e: KeyEntry, lang: Frame['lang']): HTMLLIElement {
  const faded = (e.kind === 'city' && e.faded) || e.kind === 'fadedLine';
  const testid = e.kind === 'city' && e.faded ? 'legend-no-record' : e.kind === 'fadedLine' ? 'legend-faded-line' : null;
  return el('li', { class: faded ? 'no-record' : null, 'data-testid': testid }, entrySample(e), keyText(wordsText(e.words, lang)));
}

/** The sample drawn beside an entry, in the map's own style; a line's is a piece of the map's line (map/line-style.ts). */
export function entrySample(e: KeyEntry): Element | null {
  const line = keyLineLook(e);
  if (line) return svg('svg', { class: 'line-key', width: 28, height: 8, 'aria-hidden': 'true' }, lineSample({ ...line, length: 28, y: 4 }));
  switch (e.kind) {
    case 'mark':
      return kindSample(e.mark);
    case 'district':
      return el('span', { class: 'swatch', style: `background:${tint(e.color)}` });
    case 'shade':
      return el('span', { class: e.hatched ? 'swatch hatched' : 'swatch', style: `background-color:${e.fill}` });
    default:
      return null;
  }
}

/** How far apart the values' baselines stand at least: a line of their 11.5 px text (its box is 14 px tall). */
const VALUE_LINE = 14;

/**
 * Nested circles on a common baseline, each value level with its circle's top: the usual
 * proportional-symbol key, as tall as its largest circle (the circles are the map's, smaller on a
 * smaller map: a key drawn for the largest map's circles left a phone's 40 px of blank above them).
 * Where circles' tops lie closer than a line of text (a phone's small circles), the values keep a
 * line apart, the lower ones moved down, each tick running from its circle's top to its value.
 */
export function sizeKey(sizes: readonly (KeyEntry & { kind: 'size' })[], label: string, lang: Frame['lang'], textWidth = 110): SVGSVGElement {
  const size = Math.max(...sizes.map((s) => s.radius)) * 2 + 4;
  const top = 8;
  const base = size + top - 2;
  const byTop = [...sizes].sort((a, b) => b.radius - a.radius);
  const valueY = new Map<KeyEntry, number>();
  let last = -Infinity;
  for (const s of byTop) {
    last = Math.max(base + 4 - 2 * s.radius, last + VALUE_LINE);
    valueY.set(s, last);
  }
  const height = Math.max(size + top, last + 4);
  return svg(
    'svg',
    { class: 'legend-sizes', width: size + textWidth, height, viewBox: `0 0 ${size + textWidth} ${height}`, role: 'img', 'aria-label': `${label} ${sizes.map((s) => wordsText(s.words, lang)).join(', ')}` },
    ...sizes.flatMap((s) => [
      svg('circle', { cx: size / 2, cy: base - s.radius, r: s.radius, class: 'legend-circle' }),
      svg('polyline', { points: `${size / 2},${base - 2 * s.radius} ${size + 2},${base - 2 * s.radius} ${size + 8},${valueY.get(s)! - 4}`, fill: 'none', class: 'legend-tick' }),
      svg('text', { x: size + 11, y: valueY.get(s)!, class: 'legend-value', 'data-key-text': '' }, wordsText(s.words, lang)),
    ]),
  );
}

/** A kind of mark, drawn as the map draws it (see svg-map.ts: same fills, outlines and dotted lines). */
function kindSample(name: MarkKind): SVGSVGElement {
  const ink = MIXED_COLOR;
  const sample =
    name === 'place'
      ? [svg('circle', { cx: 14, cy: 12, r: 7, fill: ink, 'fill-opacity': 0.75, stroke: PAPER })]
      : name === 'group'
        ? [
            svg('path', { d: 'M20,14L27,23', ...TIE_STYLE }),
            svg('rect', { x: 1, y: 1, width: 20, height: 18, rx: 2, fill: PAPER, stroke: INSET_EDGE }),
            svg('circle', { cx: 11, cy: 10, r: 6, fill: ink, 'fill-opacity': 0.45, stroke: ink, 'stroke-width': 2 }),
          ]
        : name === 'programme'
          ? [svg('rect', { x: 1, y: 1, width: 24, height: 22, rx: 2, fill: PAPER, stroke: INSET_EDGE }), svg('circle', { cx: 13, cy: 12, r: 8, fill: ink, 'fill-opacity': 0.3, stroke: ink, 'stroke-width': 2.5 })]
          : [svg('circle', { cx: 14, cy: 12, r: 9, fill: 'none', stroke: MUTED, 'stroke-width': 1.5 })];
  return svg('svg', { class: 'kind', width: 28, height: 24, viewBox: '0 0 28 24', 'aria-hidden': 'true' }, ...sample);
}
