import { formatNumber, formatPeriod } from '../i18n/format.ts';
import { CHOROPLETH, INSET_EDGE, MUTED, NO_FIGURE, PAPER, QUIET, SHARED_FIGURE } from '../scene/colors.ts';
import { legendSamples } from '../scene/legend.ts';
import { MAX_RADIUS } from '../scene/scene.ts';
import type { Component, Frame, UiContext } from '../view/context.ts';
import { filterText, metricLabel, partnerLegendLabel, sourceLine, unitOf } from '../view/describe.ts';
import { el, replaceChildren, svg } from '../view/dom.ts';

/** One legend for everything on the map, drawn from the scene. */
export function createLegend(ctx: UiContext): Component {
  const root = el('section', { class: 'legend', 'aria-labelledby': 'legend-title' });
  let collapsed: boolean | null = null;
  return {
    el: root,
    update(frame: Frame) {
      const { model } = ctx;
      const { scene, tr, lang, state } = frame;
      const metric = metricLabel(model, state.metric, lang);
      const unit = unitOf(model, state.metric);
      const samples = legendSamples(scene);
      // Nested circles on a common baseline, each labelled at its top: the usual proportional-symbol key.
      const size = MAX_RADIUS * 2 + 4;
      const top = 8;
      const base = size + top - 2;
      const circles = svg(
        'svg',
        { width: size + 110, height: size + top, viewBox: `0 0 ${size + 110} ${size + top}`, role: 'img', 'aria-label': tr('legend.markers', { metric }) },
        ...samples.flatMap((s) => [
          svg('circle', { cx: size / 2, cy: base - s.radius, r: s.radius, class: 'legend-circle' }),
          svg('line', { x1: size / 2, x2: size + 8, y1: base - 2 * s.radius, y2: base - 2 * s.radius, class: 'legend-tick' }),
          svg('text', { x: size + 11, y: base + 4 - 2 * s.radius, class: 'legend-value' }, formatNumber(s.value, unit, lang)),
        ]),
      );
      const partners = model.places.cities.filter((c) => model.dataset.pairings.some((p) => p.donor === c.id || model.places.get(p.donor)?.parent === c.id));
      const thresholds = model.scale(state.metric)?.thresholds ?? [];
      // In an embed the keys fold away under a button (folded at first on narrow pages); the filter and the source stay.
      if (collapsed === null) collapsed = state.embed && document.documentElement.clientWidth < 480;
      const toggle = el(
        'button',
        { type: 'button', class: 'legend-toggle linkish', 'aria-expanded': String(!collapsed), 'aria-controls': 'legend-keys' },
        collapsed ? tr('legend.show') : tr('legend.hide'),
      );
      toggle.addEventListener('click', () => {
        collapsed = !collapsed;
        this.update(frame);
      });
      const section = (...children: (Node | null)[]) => el('div', { class: 'legend-section' }, ...children);
      replaceChildren(
        root,
        el('div', { class: 'legend-top' }, el('h2', { id: 'legend-title', class: 'legend-heading' }, tr('legend.title')), toggle),
        el('p', { class: 'legend-filter', 'data-testid': 'legend-filter' }, filterText(model, frame)),
        el(
          'div',
          { class: 'legend-keys', id: 'legend-keys', hidden: state.embed && collapsed },
          section(
            el('h3', {}, state.rescale ? tr('legend.markersRescaled', { metric }) : tr('legend.markers', { metric })),
            samples.length > 0 ? circles : null,
            el('p', { class: 'legend-note' }, state.rescale ? '' : tr('legend.lockedScale')),
          ),
          section(
            el('h3', {}, tr('legend.where')),
            el(
              'ul',
              { class: 'legend-kinds' },
              kind('place', tr('legend.place')),
              kind('group', tr('legend.group')),
              kind('programme', tr('legend.programme')),
              kind('multiYear', tr('legend.multiYear')),
            ),
            scene.markers.some((m) => m.partOf) ? el('p', { class: 'legend-note', 'data-testid': 'legend-part-of' }, tr('legend.partOf')) : null,
            el('p', { class: 'legend-note' }, tr('legend.qualified')),
          ),
          section(
            el('h3', {}, tr('legend.partners')),
            el(
              'ul',
              { class: 'legend-partners' },
              ...partners.map((c) => {
                // Under a one-year filter a city without records that year is faded on the map; say why.
                const label = partnerLegendLabel(frame, c);
                return el(
                  'li',
                  label.noRecord ? { class: 'no-record', 'data-testid': 'legend-no-record' } : {},
                  el('span', { class: 'swatch-line', style: `--c:${model.cityColor.get(c.id)}` }),
                  label.text,
                );
              }),
              el('li', {}, el('span', { class: 'swatch-line solid' }), tr('legend.stated')),
              el('li', {}, el('span', { class: 'swatch-line dashed' }), tr('legend.activity')),
              state.year !== 'all' && scene.arcs.some((a) => a.noRecord)
                ? el('li', { class: 'no-record', 'data-testid': 'legend-faded-line' }, el('span', { class: 'swatch-line solid' }), tr('legend.fadedLine', { year: formatPeriod(state.year, state.year, lang) }))
                : null,
            ),
          ),
          section(
            el('h3', {}, tr('legend.choropleth', { metric })),
            el(
              'ul',
              { class: 'legend-classes' },
              ...thresholds.map((t, i) =>
                el('li', {}, el('span', { class: 'swatch', style: `background:${CHOROPLETH[i + 1]}` }), `≤ ${formatNumber(t, unit, lang)}`),
              ),
              el('li', {}, el('span', { class: 'swatch', style: `background:${SHARED_FIGURE}` }), tr('legend.shared')),
              el('li', {}, el('span', { class: 'swatch hatched', style: `background-color:${NO_FIGURE}` }), tr('legend.noFigure')),
              el('li', {}, el('span', { class: 'swatch', style: `background:${QUIET}` }), tr('legend.quiet')),
            ),
          ),
        ),
        el('p', { class: 'legend-source', 'data-testid': 'legend-source' }, sourceLine(model, tr, lang)),
        // On paper the map's attribution control is not printed; the legend says it instead.
        el('p', { class: 'legend-attribution legend-note print-only' }, tr('map.attribution')),
      );
    },
  };
}

/** A kind of mark, drawn as the map draws it (see svg-map.ts: same fills, outlines and dotted lines). */
export function kindSample(name: 'place' | 'group' | 'programme' | 'multiYear'): SVGSVGElement {
  const ink = '#4d4d4d';
  const sample =
    name === 'place'
      ? [svg('circle', { cx: 14, cy: 12, r: 7, fill: ink, 'fill-opacity': 0.75, stroke: PAPER })]
      : name === 'group'
        ? [
            svg('path', { d: 'M20,14L27,23', stroke: ink, 'stroke-width': 2, fill: 'none' }),
            svg('rect', { x: 1, y: 1, width: 20, height: 18, rx: 2, fill: PAPER, stroke: INSET_EDGE }),
            svg('circle', { cx: 11, cy: 10, r: 6, fill: ink, 'fill-opacity': 0.45, stroke: ink, 'stroke-width': 2 }),
          ]
        : name === 'programme'
          ? [svg('rect', { x: 1, y: 1, width: 24, height: 22, rx: 2, fill: PAPER, stroke: INSET_EDGE }), svg('circle', { cx: 13, cy: 12, r: 8, fill: ink, 'fill-opacity': 0.3, stroke: ink, 'stroke-width': 2.5 })]
          : [svg('circle', { cx: 14, cy: 12, r: 9, fill: 'none', stroke: MUTED, 'stroke-width': 1.5 })];
  return svg('svg', { class: 'kind', width: 28, height: 24, viewBox: '0 0 28 24', 'aria-hidden': 'true' }, ...sample);
}

function kind(name: 'place' | 'group' | 'programme' | 'multiYear', label: string): HTMLLIElement {
  return el('li', {}, kindSample(name), label);
}
