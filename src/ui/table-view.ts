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
      const download = el('button', { type: 'button', class: 'lang', 'data-testid': 'table-download' }, tr('table.download'));
      // The CSV code loads only when asked for; the file holds what the table shows, for this filter.
      download.addEventListener('click', () => {
        void Promise.all([import('../export/table-csv.ts'), import('./download.ts')]).then(([{ tableCsv }, { downloadBlob }]) => {
          const file = tableCsv(model, frame);
          downloadBlob(new Blob([file.text], { type: 'text/csv;charset=utf-8' }), file.name);
        });
      });
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
                    el('td', { 'data-label': tr('table.level') }, kindText(r.marker.kind, r.marker.multiYear)),
                    el('td', { 'data-label': tr('table.partner') }, r.marker.city ? placeName(model, r.marker.city, lang) : '—'),
                    el('td', { class: 'num', 'data-label': tr('table.value') }, metricValue(model, r.marker.value, state.metric, r.marker.qualifier, lang)),
                    el('td', { 'data-label': tr('table.period') }, r.marker.period),
                    el('td', { class: 'sources', 'data-label': tr('table.sources') }, ...r.sources.map((s) => el('span', { class: 'source-line' }, sourceCitation(model, s, tr('panel.section'), lang)))),
                  ),
                ),
              ),
            ),
        rows.length === 0 ? null : el('div', { class: 'table-tools' }, download, el('span', { class: 'muted' }, tr('table.downloadNote'))),
      );
    },
  };
}
