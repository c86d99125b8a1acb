import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { TABLE_CSV_COLUMNS, tableCsv } from '../../src/export/table-csv.ts';
import { t } from '../../src/i18n/messages.ts';
import { buildModel, type Model } from '../../src/scene/model.ts';
import { buildScene } from '../../src/scene/scene.ts';
import { tableRows } from '../../src/scene/table.ts';
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
