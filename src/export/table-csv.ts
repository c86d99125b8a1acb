import { formatCsv } from '../data/csv.ts';
import type { Figure } from '../data/schema.ts';
import type { Lang } from '../i18n/messages.ts';
import type { Model } from '../scene/model.ts';
import { rawPeriod, tableRows, tableTotal } from '../scene/table.ts';
import type { Frame } from '../view/context.ts';
import { placeName, recipientsLabel, sourceCitation } from '../view/describe.ts';
import { tableFileName } from '../view/file-names.ts';

/*
 * The table view as a CSV file: one row per circle on the map, with the raw value, the figures it
 * counts (their ids in data/figures.csv) and where each stands in the sources; then the totals, made
 * by the same rules as every total (a `total` row, one `total_open_overlap` row per figure the text
 * leaves open, one `total_multi_year` row per period). Column names and periods are the same in both
 * languages, so that scripts can read either file; names are given in both.
 */
export const TABLE_CSV_COLUMNS = [
  'place_ids',
  'place_en',
  'place_zh',
  'applies_to',
  'part_of',
  'part_of_kind',
  'partner_city',
  'partner_en',
  'partner_zh',
  'metric',
  'value',
  'qualifier',
  'period',
  'filter_year',
  'filter_categories',
  'figure_ids',
  'sources',
] as const;

type CsvRow = Partial<Record<(typeof TABLE_CSV_COLUMNS)[number], string | number>>;

export function tableCsv(model: Model, frame: Frame): { name: string; text: string } {
  const { state } = frame;
  const names = (ids: readonly string[], lang: Lang) => recipientsLabel(model, ids, lang);
  const cited = (figures: readonly Figure[]) => {
    const seen = [...new Map(figures.map((f) => [`${f.source}|${f.section}`, f])).values()];
    return seen.map((s) => sourceCitation(model, s, frame.tr('panel.section'))).join(' | ');
  };
  const filter = { metric: state.metric, filter_year: state.year, filter_categories: state.categories.length === 0 ? 'all' : state.categories.join(';') };
  const rows = tableRows(model, frame.scene);
  const recipientsOf = new Map(rows.map((r) => [r.marker.key, r.marker.recipients]));
  const out: CsvRow[] = rows.map((r) => {
    const m = r.marker;
    return {
      place_ids: m.recipients.join(';'),
      place_en: names(m.recipients, 'en'),
      place_zh: names(m.recipients, 'zh'),
      applies_to: m.multiYear ? 'multi_year' : m.kind,
      part_of: r.partOf ? (recipientsOf.get(r.partOf.key) ?? []).join(';') : '',
      part_of_kind: r.partOf?.kind ?? '',
      partner_city: m.city ?? '',
      partner_en: m.city ? placeName(model, m.city, 'en') : '',
      partner_zh: m.city ? placeName(model, m.city, 'zh') : '',
      ...filter,
      value: m.value,
      qualifier: m.qualifier,
      period: r.period,
      figure_ids: r.figures.map((f) => f.id).join(';'),
      sources: cited(r.figures),
    };
  });
  const total = tableTotal(model, frame.scene);
  if (total && rows.length > 0) {
    const r = total.aggregate;
    const line = (appliesTo: string, value: number, qualifier: string, figures: readonly Figure[]): CsvRow => ({
      applies_to: appliesTo,
      ...filter,
      value,
      qualifier,
      period: rawPeriod(figures),
      figure_ids: figures.map((f) => f.id).join(';'),
      sources: cited(figures),
    });
    if (r.total !== null) out.push(line('total', r.total, r.qualifier, r.counted));
    for (const f of r.openOverlap) out.push(line('total_open_overlap', f.value, f.qualifier, [f]));
    for (const m of total.multiYear) out.push(line('total_multi_year', m.value, m.qualifier, m.figures));
  }
  // The byte order mark lets spreadsheet programs read the Chinese names as UTF-8; formatCsv writes
  // a cell that starts like a formula as plain text.
  return { name: tableFileName(state, frame.lang), text: `\ufeff${formatCsv(TABLE_CSV_COLUMNS, out)}` };
}
