import { formatCsv } from '../data/csv.ts';
import type { Figure } from '../data/schema.ts';
import type { Lang } from '../i18n/messages.ts';
import type { Model } from '../scene/model.ts';
import { rawPeriod, tableRows, tableTotal } from '../scene/table.ts';
import type { Frame } from '../view/context.ts';
import { metricValue, placeName, recipientsLabel, sourceCitation } from '../view/describe.ts';
import { formatPeriod } from '../i18n/format.ts';
import type { TableRow } from '../scene/table.ts';
import { tableFileName } from '../view/file-names.ts';

/*
 * The table view as a CSV file: one row per circle on the map, with the raw value, the figures it
 * counts (their ids in data/figures.csv) and where each stands in the sources; then the totals, made
 * by the same rules as every total (a `total` row, one `total_open_overlap` row per figure the text
 * leaves open, one `total_multi_year` row per period). Column names and periods are the same in both
 * languages, so that scripts can read either file; names are given in both.
 *
 * A circle inside another circle's figure is a row of its own, so adding up every row counts money
 * twice. `counts_toward_total` says which rows the total adds (`yes`, `no`, or `partly` with the
 * amount in `value_in_total`), from the same aggregate as the total row: the rows marked `yes` (or
 * the column `value_in_total`) add up to it exactly. `part_of_en`/`part_of_zh` name the row a part
 * lies in, in words a reader can find in the file.
 */
export const TABLE_CSV_COLUMNS = [
  'place_ids',
  'place_en',
  'place_zh',
  'applies_to',
  'part_of',
  'part_of_kind',
  'part_of_en',
  'part_of_zh',
  'partner_city',
  'partner_en',
  'partner_zh',
  'metric',
  'value',
  'qualifier',
  'counts_toward_total',
  'value_in_total',
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
  const total = tableTotal(model, frame.scene);
  const rows = tableRows(model, frame.scene, total);
  const byKey = new Map(rows.map((r) => [r.marker.key, r]));
  const out: CsvRow[] = rows.map((r) => {
    const m = r.marker;
    const whole = r.partOf ? byKey.get(r.partOf.key) : undefined;
    return {
      place_ids: m.recipients.join(';'),
      place_en: names(m.recipients, 'en'),
      place_zh: names(m.recipients, 'zh'),
      applies_to: m.multiYear ? 'multi_year' : m.kind,
      part_of: whole ? whole.marker.recipients.join(';') : '',
      part_of_kind: whole ? (r.partOf?.kind ?? '') : '',
      part_of_en: whole ? rowInWords(model, whole, state.metric, 'en') : '',
      part_of_zh: whole ? rowInWords(model, whole, state.metric, 'zh') : '',
      partner_city: m.city ?? '',
      partner_en: m.city ? placeName(model, m.city, 'en') : '',
      partner_zh: m.city ? placeName(model, m.city, 'zh') : '',
      ...filter,
      value: m.value,
      qualifier: m.qualifier,
      counts_toward_total: r.inTotal,
      value_in_total: r.valueInTotal,
      period: r.period,
      figure_ids: r.figures.map((f) => f.id).join(';'),
      sources: cited(r.figures),
    };
  });
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

/**
 * A row as a reader finds it in the file: "Anshun + Tongren, ¥16.8 million, Qingdao, 2010" (the
 * places, the value as the map writes it, the partner city, the period).
 */
function rowInWords(model: Model, row: TableRow, metric: string, lang: Lang): string {
  const m = row.marker;
  const from = row.figures.reduce((y, f) => Math.min(y, f.year_from), Infinity);
  const to = row.figures.reduce((y, f) => Math.max(y, f.year_to), -Infinity);
  const words = [recipientsLabel(model, m.recipients, lang), metricValue(model, m.value, metric, m.qualifier, lang)];
  if (m.city) words.push(placeName(model, m.city, lang));
  if (Number.isFinite(from)) words.push(formatPeriod(from, to, lang));
  return words.join(lang === 'zh' ? '，' : ', ');
}
