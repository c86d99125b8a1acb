import { formatNumber } from '../i18n/format.ts';
import { CHOROPLETH, NO_FIGURE, QUIET } from '../scene/colors.ts';
import { legendSamples } from '../scene/legend.ts';
import { MAX_RADIUS } from '../scene/scene.ts';
import type { Component, Frame, UiContext } from './context.ts';
import { filterText, metricLabel, unitOf } from './describe.ts';
import { el, replaceChildren, svg } from './dom.ts';

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
              kind('multi', tr('legend.multiYear')),
            ),
            el('p', { class: 'legend-note' }, tr('legend.qualified')),
          ),
          section(
            el('h3', {}, tr('legend.partners')),
            el(
              'ul',
              { class: 'legend-partners' },
              ...partners.map((c) =>
                el('li', {}, el('span', { class: 'swatch-line', style: `--c:${model.cityColor.get(c.id)}` }), lang === 'zh' ? c.short_zh : c.short_en),
              ),
              el('li', {}, el('span', { class: 'swatch-line solid' }), tr('legend.stated')),
              el('li', {}, el('span', { class: 'swatch-line dashed' }), tr('legend.activity')),
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
              el('li', {}, el('span', { class: 'swatch hatched', style: `background-color:${NO_FIGURE}` }), tr('legend.noFigure')),
              el('li', {}, el('span', { class: 'swatch', style: `background:${QUIET}` }), tr('legend.quiet')),
            ),
          ),
        ),
        el('p', { class: 'legend-source', 'data-testid': 'legend-source' }, tr('legend.source')),
        // On paper the map's attribution control is not printed; the legend says it instead.
        el('p', { class: 'legend-attribution legend-note print-only' }, tr('map.attribution')),
      );
    },
  };
}

function kind(name: string, label: string): HTMLLIElement {
  return el('li', {}, el('span', { class: `kind kind-${name}`, 'aria-hidden': 'true' }), label);
}
