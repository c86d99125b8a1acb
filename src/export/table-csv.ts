import { formatCsv } from '../data/csv.ts';
import type { Lang } from '../i18n/messages.ts';
import type { Model } from '../scene/model.ts';
import { tableRows } from '../scene/table.ts';
import type { Frame } from '../ui/context.ts';
import { placeName, sourceCitation } from '../ui/describe.ts';
import { exportFileName } from './layout.ts';

/*
 * The table view as a CSV file: one row per circle on the map, with the raw value, the figures it
 * counts (their ids in data/figures.csv) and where each stands in the sources. Column names are the
 * same in both languages, so that scripts can read either file; names are given in both.
 */
export const TABLE_CSV_COLUMNS = [
  'place_ids',
  'place_en',
  'place_zh',
  'applies_to',
  'partner_city',
  'metric',
  'value',
  'qualifier',
  'period',
  'filter_year',
  'filter_categories',
  'figure_ids',
  'sources',
] as const;

export function tableCsv(model: Model, frame: Frame): { name: string; text: string } {
  const { state } = frame;
  const names = (ids: string[], lang: Lang) => ids.map((id) => placeName(model, id, lang)).join(' + ');
  const rows = tableRows(model, frame.scene).map((r) => {
    const m = r.marker;
    return {
      place_ids: m.recipients.join(';'),
      place_en: names(m.recipients, 'en'),
      place_zh: names(m.recipients, 'zh'),
      applies_to: m.multiYear ? 'multi_year' : m.kind,
      partner_city: m.city ?? '',
      metric: state.metric,
      value: m.value,
      qualifier: m.qualifier,
      period: m.period,
      filter_year: state.year,
      filter_categories: state.categories.length === 0 ? 'all' : state.categories.join(';'),
      figure_ids: r.figures.map((f) => f.id).join(';'),
      sources: r.sources.map((s) => sourceCitation(model, s, frame.tr('panel.section'))).join(' | '),
    };
  });
  // The byte order mark lets spreadsheet programs read the Chinese names as UTF-8; formatCsv writes
  // a cell that starts like a formula as plain text.
  return { name: exportFileName(state.year, state.metric, 'csv'), text: `\ufeff${formatCsv(TABLE_CSV_COLUMNS, rows)}` };
}
