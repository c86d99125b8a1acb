import { tableRows } from '../scene/table.ts';
import type { Component, Frame, UiContext } from './context.ts';
import { categoriesText, metricLabel, metricValue, placeName, sourceCitation, yearText } from './describe.ts';
import { el, replaceChildren } from './dom.ts';

/** What the map shows, as a real table: for screen readers and for people who would rather read. */
export function createTableView(ctx: UiContext): Component {
  const root = el('section', { class: 'table-view', id: 'table-view', hidden: true, 'aria-labelledby': 'table-caption' });
  return {
    el: root,
    update(frame: Frame) {
      root.hidden = !frame.state.table;
      if (root.hidden) return;
      const { model } = ctx;
      const { tr, lang, state, scene } = frame;
      const metric = metricLabel(model, state.metric, lang);
      const rows = tableRows(model, scene);
      const kindText = (kind: string, multiYear: boolean) =>
        multiYear ? tr('legend.multiYear') : kind === 'group' ? tr('legend.group') : kind === 'programme' ? tr('legend.programme') : tr('legend.place');
      replaceChildren(
        root,
        rows.length === 0
          ? el('p', { class: 'muted' }, tr('filter.empty'))
          : el(
              'table',
              { class: 'data-table' },
              el('caption', { id: 'table-caption' }, tr('table.caption', { metric, year: yearText(frame), categories: categoriesText(model, frame) })),
              el(
                'thead',
                {},
                el(
                  'tr',
                  {},
                  el('th', { scope: 'col' }, tr('table.place')),
                  el('th', { scope: 'col' }, tr('table.level')),
                  el('th', { scope: 'col' }, tr('table.partner')),
                  el('th', { scope: 'col', class: 'num' }, tr('table.value')),
                  el('th', { scope: 'col' }, tr('table.period')),
                  el('th', { scope: 'col' }, tr('table.sources')),
                ),
              ),
              el(
                'tbody',
                {},
                ...rows.map((r) =>
                  el(
                    'tr',
                    { 'data-key': r.marker.key },
                    el(
                      'th',
                      { scope: 'row' },
                      r.placeId ? el('button', { type: 'button', class: 'linkish', 'data-place': r.placeId }, r.marker.label) : r.marker.label,
                    ),
                    el('td', {}, kindText(r.marker.kind, r.marker.multiYear)),
                    el('td', {}, r.marker.city ? placeName(model, r.marker.city, lang) : '—'),
                    el('td', { class: 'num' }, metricValue(model, r.marker.value, state.metric, r.marker.qualifier, lang)),
                    el('td', {}, r.marker.period),
                    el('td', { class: 'sources' }, ...r.sources.map((s) => el('span', { class: 'source-line' }, sourceCitation(model, s, tr('panel.section'))))),
                  ),
                ),
              ),
            ),
      );
    },
  };
}
