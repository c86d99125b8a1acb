import { describe, expect, it } from 'vitest';
import type { UiContext } from '../../src/view/context.ts';
import type { Figure, Place } from '../../src/data/schema.ts';
import type { Dataset } from '../../src/data/validate.ts';
import { citiesFor, citiesWithoutRecord, recordYears } from '../../src/scene/coverage.ts';
import { buildModel } from '../../src/scene/model.ts';
import { buildScene } from '../../src/scene/scene.ts';
import { measureOffers } from '../../src/scene/offers.ts';
import { timeline } from '../../src/scene/timeline.ts';
import { defaultState } from '../../src/state/url-state.ts';
import { t, type MessageKey } from '../../src/i18n/messages.ts';
import { tooltipLines } from '../../src/ui/tooltip.ts';
import { shippedModel } from './fixtures.ts';

/* A made-up dataset with three Qingdao years and one Ningbo year, shaped like the yearbook entries. */

const place = (id: string, level: Place['level'], parent: string | null, en: string): Place & { line: number } => ({
  id, level, parent, name_zh: en, name_en: en, short_zh: en, short_en: en, name_2010_zh: '', name_2010_en: '', level_2010: null,
  shape: 'polygon', lon: 106, lat: 26, line: 0,
});
let line = 1;
const fig = (id: string, over: Partial<Figure>): Figure & { line: number } => ({
  id, source: 's', section: 'Overview', year_from: 2010, year_to: 2010, donor: '370200', recipients: ['520400', '520600'],
  category: 'government_funds', metric: 'funds_cny', value: 0, qualifier: 'exact', part_of: null, maybe_part_of: null, note_en: 'n', note_zh: 'n', line: line++, ...over,
});
const M = 1_000_000;
const dataset: Dataset = {
  sections: [],
  discrepancies: [],
  sources: [
    { id: 's', title: 'T', title_zh: 'T', publisher: 'P', publisher_zh: 'P', yearbook: 'Y', yearbook_zh: 'Y', edition: 'E', edition_zh: 'E', url: '', language: 'en', complete: true, held_en: '', held_zh: '', line: 1 },
  ],
  categories: ['government_funds', 'programme_total', 'disaster_relief', 'trade_investment', 'village_development'].map((id) => ({ id, label_en: id, label_zh: id, description_en: '', line: 1 })),
  metrics: [
    { id: 'funds_cny', unit: 'cny', label_en: 'Aid funds', label_zh: '帮扶资金', label_one_en: 'Aid funds', additive: true, line: 1 },
    { id: 'investment_cny', unit: 'cny', label_en: 'Business investment signed', label_zh: '签约投资额', label_one_en: 'Business investment signed', additive: true, line: 2 },
  ],
  places: [
    place('520000', 'province', null, 'Guizhou'),
    place('520400', 'prefecture', '520000', 'Anshun'),
    place('520600', 'prefecture', '520000', 'Tongren'),
    place('522600', 'prefecture', '520000', 'Qiandongnan'),
    place('520422', 'county', '520400', 'Puding'),
    place('370200', 'city', null, 'Qingdao'),
    place('370212', 'district', '370200', 'Laoshan'),
    place('330200', 'city', null, 'Ningbo'),
  ],
  pairings: [
    { donor: '370200', recipient: '520400', level: 'prefecture', from_year: 2009, to_year: 2011, evidence: 'stated', source: 's', section: 'Overview', line: 1 },
    { donor: '370200', recipient: '520600', level: 'prefecture', from_year: 2009, to_year: 2011, evidence: 'stated', source: 's', section: 'Overview', line: 2 },
    { donor: '330200', recipient: '522600', level: 'prefecture', from_year: 2010, to_year: 2010, evidence: 'stated', source: 's', section: 'Overview', line: 3 },
  ],
  figures: [
    fig('q09', { year_from: 2009, year_to: 2009, value: 10 * M }),
    fig('q10-total', { value: 16.8 * M }),
    fig('q10-anshun', { value: 8.4 * M, recipients: ['520400'], part_of: 'q10-total' }),
    fig('q10-tongren', { value: 8.4 * M, recipients: ['520600'], part_of: 'q10-total' }),
    fig('q11-total', { year_from: 2011, year_to: 2011, value: 31.25 * M }),
    fig('q11-puding', { year_from: 2011, year_to: 2011, value: 0.53 * M, donor: '370212', recipients: ['520422'], category: 'village_development' }),
    fig('q11-investment', { year_from: 2011, year_to: 2011, value: 1150 * M, recipients: ['520000'], category: 'trade_investment', metric: 'investment_cny' }),
    fig('nb10-funds', { donor: '330200', value: 81.85 * M, recipients: ['520000'], category: 'programme_total' }),
    fig('nb10-drought', { donor: '330200', value: 10.22 * M, recipients: ['522600'], category: 'disaster_relief', maybe_part_of: 'nb10-funds' }),
    fig('nb-since-2006', { donor: '330200', year_from: 2006, year_to: 2010, value: 51.53 * M, recipients: ['522600'], category: 'village_development' }),
  ],
};
const model = buildModel(dataset);
const QD = '370200';
const NB = '330200';
const funds = { metric: 'funds_cny', categories: [] };
const cell = (t: ReturnType<typeof timeline>, year: number, city: string) => t.cells.find((c) => c.year === year && c.city === city)!;

describe('coverage', () => {
  it('knows which city has records for which year, from single-year figures only', () => {
    const c = recordYears(dataset.figures, model.places);
    expect([...c.get(QD)!].sort()).toEqual([2009, 2010, 2011]);
    // The 2006–2010 figure marks no single year: Ningbo's only year is 2010.
    expect([...c.get(NB)!]).toEqual([2010]);
    expect(citiesWithoutRecord(c, [QD, NB], 2011)).toEqual([NB]);
    expect(citiesWithoutRecord(c, [QD, NB], 2010)).toEqual([]);
    expect(citiesWithoutRecord(c, [QD, NB], 'all')).toEqual([]);
  });
});

describe('timeline', () => {
  const t = timeline(model, funds);

  it('has a column for every data year and a row for every partner city', () => {
    expect(t.years).toEqual([2009, 2010, 2011]);
    expect(t.cities).toEqual([QD, NB]);
    expect(t.cells).toHaveLength(6);
  });

  it('counts a whole once and never adds its parts beside it (16.8 million, not 33.6)', () => {
    expect(cell(t, 2010, QD).total).toBe(16.8 * M);
    expect(cell(t, 2010, QD).counted.map((f) => f.id)).toEqual(['q10-total']);
  });

  it('keeps an open overlap (maybe_part_of in the data) apart: shown, not added; other figures add up', () => {
    const nb = cell(t, 2010, NB);
    expect(nb.total).toBe(81.85 * M);
    expect(nb.apart.map((f) => f.id)).toEqual(['nb10-drought']);
    const qd = cell(t, 2011, QD);
    expect(qd.total).toBe(31.78 * M);
    expect(qd.apart).toEqual([]);
  });

  it('tells "no record" from "no figure in this measure"', () => {
    expect(cell(t, 2011, NB).status).toBe('no-record');
    expect(cell(t, 2009, NB).status).toBe('no-record');
    expect(cell(t, 2011, NB).total).toBeNull();
    const trade = timeline(model, { metric: 'funds_cny', categories: ['trade_investment'] });
    expect(cell(trade, 2011, QD).status).toBe('none');
    expect(cell(trade, 2011, NB).status).toBe('no-record');
    expect(cell(timeline(model, { metric: 'investment_cny', categories: [] }), 2011, QD).total).toBe(1150 * M);
  });

  it('draws a multi-year figure as one band over its period, never divided among its years', () => {
    expect(t.bands).toHaveLength(1);
    expect(t.bands[0]).toMatchObject({ city: NB, from: 2006, to: 2010, total: 51.53 * M });
    // The band is not in any year's bar.
    expect(t.cells.some((c) => c.counted.some((f) => f.id === 'nb-since-2006'))).toBe(false);
  });

  it('follows the kinds of aid like the map does: parts count when their whole is filtered out', () => {
    const relief = timeline(model, { metric: 'funds_cny', categories: ['disaster_relief'] });
    expect(cell(relief, 2010, NB).total).toBe(10.22 * M);
  });

  it('serves a panel with the figures of one place', () => {
    const anshun = timeline(model, funds, dataset.figures.filter((f) => f.recipients.length === 1 && f.recipients[0] === '520400'), [QD]);
    expect(anshun.cells.map((c) => [c.year, c.status, c.total])).toEqual([
      [2009, 'none', null],
      [2010, 'value', 8.4 * M],
      [2011, 'none', null],
    ]);
    expect(anshun.max).toBe(8.4 * M);
  });
});

describe('timeline on the shipped data', () => {
  it("matches the city panels: Ningbo 2010 with its drought relief and social money apart, Qingdao 2011 as given in all", () => {
    const m = shippedModel();
    const t = timeline(m, funds);
    expect(cell(t, 2010, NB)).toMatchObject({ status: 'value', total: 81_850_000, qualifier: 'exact', partial: false });
    expect(cell(t, 2010, NB).apart.map((f) => f.id)).toEqual(['nb10-drought-total', 'nb10-zhu-schools', 'nb10-social-aid']);
    // 31.25 (Anshun + Tongren) + 0.12 (Guanling) + 0.53 and 0.10 (Puding); Shinan's 1.2 for Pingba may be inside the 31.25.
    expect(cell(t, 2011, QD)).toMatchObject({ status: 'value', total: 32_000_000, qualifier: 'exact', partial: false });
    expect(cell(t, 2011, QD).counted.map((f) => f.id)).toEqual(['qd11-funds-total', 'qd11-chengyang-guanling', 'qd11-laoshan-puding-water', 'qd11-puding-computers-value']);
    expect(cell(t, 2011, QD).apart.map((f) => f.id)).toEqual(['qd11-shinan-pingba']);
    expect(cell(t, 2011, NB).status).toBe('no-record');
  });
});

describe('scene under a one-year filter', () => {
  it('fades the lines of a partner city without records that year, and only then', () => {
    const faded = (m: typeof model, year: number | 'all') => {
      const s = buildScene(m, { ...defaultState('en'), year });
      return { noRecord: s.noRecord, arcs: s.arcs.filter((a) => a.noRecord).map((a) => a.id) };
    };
    expect(faded(model, 2011)).toEqual({ noRecord: [NB], arcs: ['330200-522600'] });
    expect(faded(model, 2009)).toEqual({ noRecord: [NB], arcs: ['330200-522600'] });
    expect(faded(model, 2010)).toEqual({ noRecord: [], arcs: [] });
    expect(faded(model, 'all')).toEqual({ noRecord: [], arcs: [] });
    // The shipped data: Ningbo's entry reports 2010 only.
    const shipped = faded(shippedModel(), 2011);
    expect(shipped.noRecord).toEqual([NB]);
    expect(shipped.arcs.length).toBeGreaterThan(0);
    expect(shipped.arcs.every((id) => id.startsWith('3302'))).toBe(true);
  });
});

describe('citiesFor', () => {
  it('names the partner cities a place can have records from', () => {
    const m = shippedModel();
    expect(citiesFor(m, '520400')).toEqual([QD]); // Anshun
    expect(citiesFor(m, '520422')).toEqual([QD]); // Puding, a county of Anshun
    expect(citiesFor(m, '522600')).toEqual([NB]); // Qiandongnan
    expect(citiesFor(m, '520000')).toEqual([QD, NB]);
    expect(citiesFor(m, '370212')).toEqual([QD]); // Laoshan district
    expect(citiesFor(m, '520100')).toEqual([]); // Guiyang: no partner in these records
  });
});

describe('measureOffers', () => {
  it('offers the measures that have figures when a kind of aid has none in the current one', () => {
    const trade = { year: 2011 as const, categories: ['trade_investment'], metric: 'funds_cny' };
    expect(measureOffers(model, trade)).toEqual([{ metric: 'investment_cny', total: 1150 * M, qualifier: 'exact' }]);
    // Qingdao's 16.8 million once (its parts inside it) and Ningbo's 81.85 million; the drought relief that may be inside it apart.
    expect(measureOffers(model, { year: 2010, categories: [], metric: 'investment_cny' })).toEqual([{ metric: 'funds_cny', total: 98_650_000, qualifier: 'exact' }]);
    const shipped = measureOffers(shippedModel(), trade);
    expect(shipped.map((o) => [o.metric, o.total])).toEqual([
      ['investment_cny', 1_150_000_000],
      ['investment_projects', 2],
      ['attendees', 400],
    ]);
  });
});

describe('a faded line’s tooltip', () => {
  it('says why the line is faded', () => {
    const m = shippedModel();
    const state = { ...defaultState('en'), year: 2011 as const };
    const scene = buildScene(m, state);
    const frame = { state, scene, lang: 'en' as const, tr: (k: MessageKey, v?: Record<string, string | number>) => t('en', k, v) };
    // The tooltip reads only the model from the context.
    const ctx = { model: m } as unknown as UiContext;
    const ningbo = scene.arcs.find((a) => a.donor === NB)!;
    expect(tooltipLines(ctx, frame, { type: 'arc', id: ningbo.id }).at(-1)).toBe('No Ningbo record for 2011');
    const qingdao = scene.arcs.find((a) => a.donor === QD)!;
    expect(tooltipLines(ctx, frame, { type: 'arc', id: qingdao.id })).toEqual(['Qingdao → Anshun · stated pairing']);
  });
});
