import { formatPeriod } from '../i18n/format.ts';
import { tableRows, tableTotal, type TableRow } from '../scene/table.ts';
import type { Component, Frame, UiContext } from '../view/context.ts';
import { aggregateValue, categoriesText, metricLabel, metricValue, placeName, recipientsLabel, sourceCitation, yearText } from '../view/describe.ts';
import { el, replaceChildren } from '../view/dom.ts';

type Column = 'place' | 'level' | 'partOf' | 'partner' | 'value' | 'inTotal' | 'period' | 'sources';
const COLUMNS: readonly Column[] = ['place', 'level', 'partOf', 'partner', 'value', 'inTotal', 'period', 'sources'];

/** The text of each cell of a row, and what it sorts by (numbers for the value, text otherwise). */
interface Cells {
  row: TableRow;
  text: Record<Column, string>;
  sortKey: Record<Column, string | number>;
}

/** What the map shows, as a real table: for screen readers and for people who would rather read. */
export function createTableView(ctx: UiContext): Component {
  const root = el('section', { class: 'table-view', id: 'table-view', hidden: true, 'aria-labelledby': 'table-caption' });
  // The sort is the reader's, not the view's: it stays out of the URL and survives filter changes.
  let sort: { column: Column; dir: 'ascending' | 'descending' } | null = null;
  let last: Frame | null = null;
  const render = (frame: Frame) => {
    const { model } = ctx;
    const { tr, lang, state, scene } = frame;
    const metric = metricLabel(model, state.metric, lang);
    // One aggregate for the footer's total and for the rows it counts, so the two cannot disagree.
    const total = tableTotal(model, scene);
    const rows = tableRows(model, scene, total);
    const byKey = new Map(rows.map((r) => [r.marker.key, r]));
    const kindText = (kind: string, multiYear: boolean) =>
      tr(multiYear ? 'table.kind.multiYear' : kind === 'group' ? 'table.kind.group' : kind === 'programme' ? 'table.kind.programme' : 'table.kind.place');
    const valueText = (r: TableRow) => metricValue(model, r.marker.value, state.metric, r.marker.qualifier, lang);
    const cells: Cells[] = rows.map((r) => {
      const whole = r.partOf === null ? undefined : byKey.get(r.partOf.key);
      const partOf =
        r.partOf && whole
          ? tr(r.partOf.kind === 'inside' ? 'table.partOfInside' : 'table.partOfOpen', { place: recipientsLabel(model, whole.marker.recipients, lang), value: valueText(whole) })
          : '';
      const text: Record<Column, string> = {
        place: recipientsLabel(model, r.marker.recipients, lang),
        level: kindText(r.marker.kind, r.marker.multiYear),
        partOf,
        partner: r.marker.city ? placeName(model, r.marker.city, lang) : '—',
        value: valueText(r),
        inTotal:
          r.inTotal === 'partly'
            ? tr('table.inTotal.partly', { value: metricValue(model, r.valueInTotal, state.metric, r.marker.qualifier, lang) })
            : tr(r.inTotal === 'yes' ? 'table.inTotal.yes' : 'table.inTotal.no'),
        period: r.marker.period,
        sources: r.sources.map((s) => sourceCitation(model, s, tr('panel.section'))).join(' | '),
      };
      return { row: r, text, sortKey: { ...text, value: r.marker.value, period: r.period } };
    });
    if (sort) {
      const { column, dir } = sort;
      const sign = dir === 'ascending' ? 1 : -1;
      const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
      cells.sort((a, b) => {
        const x = a.sortKey[column];
        const y = b.sortKey[column];
        return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
      });
    }
    const totalText = total ? aggregateValue(model, total.aggregate, lang) : null;
    const apart = (total?.multiYear ?? []).map((m) =>
      tr('table.totalMultiYear', { period: formatPeriod(m.from, m.to, lang), value: metricValue(model, m.value, state.metric, m.qualifier, lang) }),
    );
    const download = el('button', { type: 'button', class: 'lang', 'data-testid': 'table-download' }, tr('table.download'));
    // The CSV code loads only when asked for; the file holds what the table shows, for this filter.
    download.addEventListener('click', () => {
      void Promise.all([import('../export/table-csv.ts'), import('../view/download.ts')]).then(([{ tableCsv }, { downloadBlob }]) => {
        const file = tableCsv(model, frame);
        downloadBlob(new Blob([file.text], { type: 'text/csv;charset=utf-8' }), file.name);
      });
    });
    const header = (c: Column) => {
      const name = tr(`table.${c}`);
      // The arrow is for the eye; aria-sort on the header says the same to a screen reader.
      const mark = sort?.column === c ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕';
      const button = el('button', { type: 'button', class: 'sort', 'data-sort': c, title: tr('table.sortBy', { column: name }) }, name, el('span', { class: 'sort-mark', 'aria-hidden': 'true' }, mark));
      return el('th', { scope: 'col', class: c === 'value' ? 'num' : c === 'inTotal' ? 'in-total' : null, 'aria-sort': sort?.column === c ? sort.dir : null }, button);
    };
    replaceChildren(
      root,
      rows.length === 0
        ? el('p', { class: 'muted' }, tr('filter.empty'))
        : el(
            'table',
            { class: 'data-table' },
            el('caption', { id: 'table-caption' }, tr('table.caption', { metric, year: yearText(frame), categories: categoriesText(model, frame) })),
            el('thead', {}, el('tr', {}, ...COLUMNS.map(header))),
            el(
              'tbody',
              {},
              ...cells.map(({ row: r, text }) =>
                el(
                  'tr',
                  { 'data-key': r.marker.key, 'data-part': r.partOf?.kind ?? null, 'data-in-total': r.inTotal, class: r.partOf ? 'part-row' : null },
                  el('th', { scope: 'row', class: 'keep' }, r.placeId ? el('button', { type: 'button', class: 'linkish', 'data-place': r.placeId }, text.place) : text.place),
                  el('td', { 'data-label': tr('table.level'), class: 'keep' }, text.level),
                  el('td', { 'data-label': tr('table.partOf'), class: 'part-of' }, r.partOf ? el('span', {}, el('span', { class: 'part-tag' }, tr('table.part')), text.partOf) : null),
                  el('td', { 'data-label': tr('table.partner'), class: 'nowrap' }, text.partner),
                  el('td', { class: 'num', 'data-label': tr('table.value') }, text.value),
                  el('td', { class: `in-total in-total-${r.inTotal}`, 'data-label': tr('table.inTotal') }, text.inTotal),
                  el('td', { 'data-label': tr('table.period'), class: 'nowrap' }, text.period),
                  el('td', { class: 'sources', 'data-label': tr('table.sources') }, ...r.sources.map((s) => el('span', { class: 'source-line' }, sourceCitation(model, s, tr('panel.section'), lang)))),
                ),
              ),
            ),
            totalText === null && apart.length === 0
              ? null
              : el(
                  'tfoot',
                  {},
                  el(
                    'tr',
                    { 'data-testid': 'table-total' },
                    el('th', { scope: 'row', colspan: 4 }, tr('table.total')),
                    el('td', { class: 'num', 'data-label': tr('table.total'), colspan: 4 }, [totalText ?? '—', ...apart].join(' · ')),
                  ),
                ),
          ),
      rows.length === 0 ? null : el('p', { class: 'muted table-note', 'data-testid': 'table-in-total-note' }, tr('table.inTotalNote')),
      rows.length === 0 ? null : el('div', { class: 'table-tools' }, download, el('span', { class: 'muted' }, tr('table.downloadNote'))),
    );
  };
  root.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-sort]');
    const column = b?.dataset['sort'] as Column | undefined;
    if (!column || !last) return;
    sort = sort?.column === column ? { column, dir: sort.dir === 'ascending' ? 'descending' : 'ascending' } : { column, dir: 'ascending' };
    render(last);
    root.querySelector<HTMLButtonElement>(`button[data-sort="${column}"]`)?.focus();
  });
  return {
    el: root,
    update(frame: Frame) {
      last = frame;
      root.hidden = !frame.state.table;
      if (!root.hidden) render(frame);
    },
  };
}
