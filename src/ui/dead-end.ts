import { measureOffers } from '../scene/offers.ts';
import type { Component, Frame, UiContext } from '../view/context.ts';
import { categoriesText, metricLabel, metricValue, unitOf, yearText } from '../view/describe.ts';
import { el, replaceChildren } from '../view/dom.ts';

/**
 * What the map says when nothing matches the filter: which measure has no figure, and a button for
 * each measure that has figures under the same year and kinds of aid ("¥1.15 billion of business
 * investment signed: show it?").
 */
export function createDeadEnd(ctx: UiContext): Component {
  const root = el('div', { class: 'empty-message', role: 'status', hidden: true, 'data-testid': 'dead-end' });
  root.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-metric]');
    if (b?.dataset['metric']) ctx.dispatch({ metric: b.dataset['metric'] });
  });
  return {
    el: root,
    update(frame: Frame) {
      const { model } = ctx;
      const { scene, state, tr, lang } = frame;
      root.hidden = !scene.empty;
      if (!scene.empty) return replaceChildren(root);
      const offers = measureOffers(model, scene.filter);
      if (offers.length === 0) return replaceChildren(root, el('p', { class: 'dead-end' }, tr('filter.empty')));
      const lower = (s: string) => (lang === 'en' ? s.charAt(0).toLowerCase() + s.slice(1) : s);
      replaceChildren(
        root,
        el('p', { class: 'dead-end' }, tr('deadEnd.none', { metric: lower(metricLabel(model, state.metric, lang)), categories: categoriesText(model, frame), year: yearText(frame) })),
        ...offers.map((o) =>
          el(
            'button',
            { type: 'button', class: 'offer linkish', 'data-metric': o.metric },
            // "¥1.15 billion of business investment signed", but "2 investment projects signed".
            tr(unitOf(model, o.metric) === 'cny' ? 'deadEnd.offer' : 'deadEnd.offerCount', {
              value: metricValue(model, o.total, o.metric, o.qualifier, lang),
              metric: lower(metricLabel(model, o.metric, lang)),
            }),
          ),
        ),
      );
    },
  };
}
