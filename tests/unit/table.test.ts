import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '../../src/data/csv.ts';
import { TABLE_CSV_COLUMNS, tableCsv } from '../../src/export/table-csv.ts';
import { t } from '../../src/i18n/messages.ts';
import { buildModel, type Model } from '../../src/scene/model.ts';
import { buildScene } from '../../src/scene/scene.ts';
import { tableRows, tableTotal } from '../../src/scene/table.ts';
import { defaultState, type AppState } from '../../src/state/url-state.ts';
import { shippedModel } from './fixtures.ts';

const model = shippedModel();

describe('table view rows', () => {
  it('are exactly the circles on the map, largest first, with the figures and sources behind each', () => {
    const scene = buildScene(model, { ...defaultState('en'), year: 2011 });
    const rows = tableRows(model, scene);
    expect(rows.map((r) => r.marker.key)).toEqual(scene.markers.map((m) => m.key));
    const group = rows.find((r) => r.marker.key === '520400;520600')!;
    expect(group.figures.map((f) => f.id)).toEqual(['qd11-funds-total']);
    expect(group.sources).toEqual([{ source: 'qd2011', section: 'Overview' }]);
    expect(group.placeId).toBe('520400');
    const puding = rows.find((r) => r.marker.key === '520422')!;
    expect(puding.figures.map((f) => f.id).sort()).toEqual(['qd11-laoshan-puding-water', 'qd11-puding-computers-value']);
  });

  it('mark multi-year rings with the figures of their period only', () => {
    const rows = tableRows(model, buildScene(model, defaultState('en')));
    const ring = rows.find((r) => r.marker.multiYear)!;
    expect(ring.figures.every((f) => f.year_from === 2006 && f.year_to === 2010)).toBe(true);
    expect(ring.figures).toHaveLength(2);
  });
});

describe('table view as CSV', () => {
  const csvFor = (m: Model, state: AppState) => tableCsv(m, { state, scene: buildScene(m, state), tr: (k, v) => t(state.lang, k, v), lang: state.lang });

  it('writes one row per circle with the raw value, the figures it counts and their sources, names in both languages', () => {
    const state = { ...defaultState('zh'), year: 2011 as const };
    const file = csvFor(model, state);
    expect(file.name).toBe('guizhou-pairing-table-2011-all-aid-funds-zh.csv');
    expect(file.text.startsWith('\ufeff')).toBe(true);
    const table = parseCsv(file.text.slice(1));
    expect(table.header).toEqual([...TABLE_CSV_COLUMNS]);
    const rows = table.records.map((r) => r.values).filter((r) => !r['applies_to']!.startsWith('total'));
    expect(rows).toHaveLength(buildScene(model, state).markers.length);
    const group = rows.find((r) => r['place_ids'] === '520400;520600')!;
    expect(group).toMatchObject({ place_en: 'Anshun + Tongren', place_zh: '安顺、铜仁', applies_to: 'group', partner_city: '370200', value: '31250000', figure_ids: 'qd11-funds-total', filter_year: '2011', filter_categories: 'all' });
    expect(group['sources']).toContain('栏目 “Overview”');
    const puding = rows.find((r) => r['place_ids'] === '520422')!;
    expect(puding['value']).toBe('630000');
    expect(puding['figure_ids']!.split(';').sort()).toEqual(['qd11-laoshan-puding-water', 'qd11-puding-computers-value']);
  });

  it('keeps multi-year totals apart and says so', () => {
    const rows = parseCsv(csvFor(model, defaultState('en')).text.slice(1)).records.map((r) => r.values);
    const ring = rows.filter((r) => r['applies_to'] === 'multi_year');
    expect(ring.length).toBeGreaterThan(0);
    expect(ring.every((r) => r['period'] === '2006-2010')).toBe(true);
  });

  it('writes a name that starts like a spreadsheet formula as plain text', () => {
    const hostile = buildModel({
      ...model.dataset,
      places: model.dataset.places.map((p) => (p.id === '520422' ? { ...p, short_en: '=HYPERLINK("http://x","y")' } : p)),
    });
    const rows = parseCsv(csvFor(hostile, { ...defaultState('en'), year: 2011 }).text.slice(1)).records.map((r) => r.values);
    expect(rows.find((r) => r['place_ids'] === '520422')!['place_en']).toBe(`'=HYPERLINK("http://x","y")`);
  });
});

describe('which rows make up the total', () => {
  const csvFor = (state: AppState) => tableCsv(model, { state, scene: buildScene(model, state), tr: (k, v) => t(state.lang, k, v), lang: state.lang });
  const cents = (v: string | number) => Math.round(Number(v) * 100);
  /** The CSV as a spreadsheet would read it: the non-total rows, and the total row. */
  const read = (state: AppState) => {
    const records = parseCsv(csvFor(state).text.slice(1)).records.map((r) => r.values);
    return { rows: records.filter((r) => !r['applies_to']!.startsWith('total')), total: records.find((r) => r['applies_to'] === 'total') };
  };

  it('the rows marked yes add up to the total the app shows, for all years and each year, in funds', () => {
    // The totals the table shows: all years ¥159.05 million; 2009 ¥28.4m, 2010 ¥98.65m (entries held in part: "at least"); 2011 ¥32.0m.
    const shown: [AppState['year'], number, string][] = [
      ['all', 159_050_000, 'at_least'],
      [2009, 28_400_000, 'at_least'],
      [2010, 98_650_000, 'at_least'],
      [2011, 32_000_000, 'exact'],
    ];
    for (const [year, expected, qualifier] of shown) {
      for (const lang of ['en', 'zh'] as const) {
        const state = { ...defaultState(lang), year };
        const { rows, total } = read(state);
        const where = `${year} ${lang}`;
        expect(total, where).toMatchObject({ value: String(expected), qualifier });
        // SUMIF(counts_toward_total, "yes", value), and SUM(value_in_total): both give the total.
        const yes = rows.filter((r) => r['counts_toward_total'] === 'yes').reduce((s, r) => s + cents(r['value']!), 0);
        expect(yes / 100, where).toBe(expected);
        expect(rows.reduce((s, r) => s + cents(r['value_in_total']!), 0) / 100, where).toBe(expected);
        // And the table's own total, as its footer shows it.
        expect(tableTotal(model, buildScene(model, state))!.aggregate.total, where).toBe(expected);
        // Every row says whether it counts; nothing counts in part in the built-in data.
        expect(rows.every((r) => r['counts_toward_total'] === 'yes' || r['counts_toward_total'] === 'no'), where).toBe(true);
      }
    }
    // Adding every row, as one would without the column, counts parts twice: the ¥257.8 million of the report.
    expect(read(defaultState('en')).rows.reduce((s, r) => s + cents(r['value']!), 0) / 100).toBe(257_800_000);
  });

  it('every measure, year and kind of aid: the counted rows make the total, and each uncounted part names its whole', () => {
    for (const metric of model.dataset.metrics.filter((m) => m.additive).map((m) => m.id))
      for (const year of ['all', ...model.years] as const)
        for (const categories of [[], ...model.dataset.categories.map((c) => [c.id])]) {
          const state = { ...defaultState('en'), year, metric, categories };
          const scene = buildScene(model, state);
          const total = tableTotal(model, scene)!;
          const rows = tableRows(model, scene, total);
          const where = `${metric} ${year} ${categories.join('+')}`;
          const sum = rows.reduce((s, r) => s + Math.round(r.valueInTotal * 100), 0) / 100;
          expect(sum, where).toBe(total.aggregate.total ?? 0);
          for (const r of rows) {
            if (r.inTotal === 'yes') expect(r.partOf?.kind, where).not.toBe('inside');
            if (r.inTotal === 'no' && !r.marker.multiYear) expect(r.partOf, `${where} ${r.marker.key}`).not.toBeNull();
            if (r.marker.multiYear) expect(r.inTotal, where).toBe('no');
          }
        }
  });

  it('names the whole a part lies in, in both languages', () => {
    const { rows } = read({ ...defaultState('en'), year: 2010 });
    const anshun = rows.find((r) => r['place_ids'] === '520400')!;
    expect(anshun).toMatchObject({
      counts_toward_total: 'no',
      value_in_total: '0',
      part_of: '520400;520600',
      part_of_kind: 'inside',
      part_of_en: 'Anshun + Tongren, ¥16.8 million, Qingdao, 2010',
      part_of_zh: '安顺、铜仁，1,680万元，青岛，2010年',
    });
    const drought = rows.find((r) => r['place_ids'] === '522300;522600')!;
    expect(drought).toMatchObject({ counts_toward_total: 'no', part_of_kind: 'open', part_of_en: 'Guizhou as a whole, ¥81.85 million, Ningbo, 2010' });
    expect(rows.find((r) => r['place_ids'] === '520400;520600')).toMatchObject({ counts_toward_total: 'yes', value_in_total: '16800000', part_of: '', part_of_en: '' });
  });

  it('counts a row in part where only some of its figures are in the total', () => {
    // Anshun's own ¥1 million beside the ¥8.4 million that lies inside the group's ¥16.8 million (2010).
    const extra = { ...model.dataset.figures.find((f) => f.id === 'qd10-funds-anshun')!, id: 'test-anshun-own', value: 1_000_000, part_of: null, maybe_part_of: null };
    const mixed = buildModel({ ...model.dataset, figures: [...model.dataset.figures, extra] });
    const scene = buildScene(mixed, { ...defaultState('en'), year: 2010 });
    const total = tableTotal(mixed, scene)!;
    const rows = tableRows(mixed, scene, total);
    const anshun = rows.find((r) => r.marker.key === '520400')!;
    expect([anshun.inTotal, anshun.marker.value, anshun.valueInTotal]).toEqual(['partly', 9_400_000, 1_000_000]);
    expect(rows.reduce((s, r) => s + r.valueInTotal, 0)).toBe(total.aggregate.total);
  });
});

describe('which rows make up the total, on random data', () => {
  // Figures for places, groups and the province, each maybe inside an earlier one (part_of) or left
  // open (maybe_part_of), in three kinds, one year or five: whatever the links, the rows the total
  // counts add up to it.
  const PLACES = [['520400'], ['520600'], ['520400', '520600'], ['520422'], ['522600'], ['520000']];
  const specs = fc.array(
    fc.record({ to: fc.nat({ max: PLACES.length - 1 }), link: fc.nat(), open: fc.boolean(), share: fc.integer({ min: 1, max: 100 }), cat: fc.constantFrom('government_funds', 'education', 'disaster_relief'), multi: fc.boolean(), year: fc.constantFrom(2010, 2011), city: fc.constantFrom('370200', '330200') }),
    { minLength: 1, maxLength: 14 },
  );
  const template = model.dataset.figures.find((f) => f.id === 'qd11-funds-total')!;
  type Row = (typeof model.dataset.figures)[number];
  const datasetOf = (list: (typeof specs extends fc.Arbitrary<infer T> ? T : never)): Row[] => {
    const figures: Row[] = [];
    list.forEach((s, i) => {
      const other = i > 0 && s.link % 3 !== 0 ? figures[s.link % i] : undefined;
      const whole = other && !s.open ? other : undefined;
      figures.push({
        ...template,
        id: `r${i}`,
        year_from: whole ? whole.year_from : s.multi ? 2006 : s.year,
        year_to: whole ? whole.year_to : s.multi ? 2010 : s.year,
        donor: whole?.donor ?? s.city,
        recipients: PLACES[s.to]!,
        category: s.cat,
        value: whole ? Math.floor((whole.value * s.share) / 400) : s.share * 10_000,
        part_of: whole?.id ?? null,
        maybe_part_of: other && s.open ? other.id : null,
      });
    });
    return figures;
  };
  const filters = fc.record({ year: fc.constantFrom('all' as const, 2010, 2011), categories: fc.subarray(['government_funds', 'education', 'disaster_relief']) });

  it('add up to the total, and a row marked yes or no is counted whole or not at all', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(specs, filters, (list, filter) => {
        const m = buildModel({ ...model.dataset, figures: datasetOf(list) });
        const scene = buildScene(m, { ...defaultState('en'), ...filter });
        const total = tableTotal(m, scene)!;
        const rows = tableRows(m, scene, total);
        expect(rows.reduce((s, r) => s + Math.round(r.valueInTotal * 100), 0) / 100).toBe(total.aggregate.total ?? 0);
        for (const r of rows) {
          expect(r.valueInTotal).toBe(r.inTotal === 'yes' ? r.marker.value : r.inTotal === 'no' ? 0 : r.valueInTotal);
          seen.add(r.inTotal);
        }
      }),
      { numRuns: 150, seed: 20261205 },
    );
    // The random data reach every case, rows counted in part among them.
    expect([...seen].sort()).toEqual(['no', 'partly', 'yes']);
  });
});
