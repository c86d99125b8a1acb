import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { lowerBound } from '../../src/data/aggregate.ts';
import type { Discrepancy, Figure, Place, Source } from '../../src/data/schema.ts';
import type { Dataset } from '../../src/data/validate.ts';
import { t, type Lang, type MessageKey } from '../../src/i18n/messages.ts';
import { heldInPart, partialYears } from '../../src/scene/coverage.ts';
import { contradictionsFor, placeDetails } from '../../src/scene/details.ts';
import { buildModel, type Model } from '../../src/scene/model.ts';
import { buildScene } from '../../src/scene/scene.ts';
import { tableTotal } from '../../src/scene/table.ts';
import { timeline } from '../../src/scene/timeline.ts';
import { defaultState, type AppState } from '../../src/state/url-state.ts';
import { createPanel } from '../../src/ui/panel.ts';
import type { Frame, UiContext } from '../../src/view/context.ts';
import { aggregateValue } from '../../src/view/describe.ts';
import { shippedModel } from './fixtures.ts';

/*
 * The data cautions: totals over an entry we hold only in part read "at least" (from sources.csv,
 * not from named years), and the contradictions a text makes are shown in the panels they bear on.
 */

const M = 1_000_000;
const QD = '370200';
const NB = '330200';

/* A made-up dataset: Qingdao's 2010 entry ("p10") is held only in part, the others whole. */
const place = (id: string, level: Place['level'], parent: string | null, en: string): Place & { line: number } => ({
  id, level, parent, name_zh: en, name_en: en, short_zh: en, short_en: en, name_2010_zh: '', name_2010_en: '', level_2010: null,
  shape: 'polygon', lon: 106, lat: 26, line: 0,
});
const source = (id: string, complete: boolean): Source & { line: number } => ({
  id, title: id, title_zh: id, publisher: 'P', publisher_zh: 'P', yearbook: 'Y', yearbook_zh: 'Y', edition: 'E', edition_zh: 'E', url: '', language: 'en',
  complete, held_en: complete ? 'all' : 'the opening', held_zh: complete ? '全文' : '开头', line: 0,
});
let line = 1;
const fig = (id: string, over: Partial<Figure>): Figure & { line: number } => ({
  id, source: 'p10', section: 'Overview', year_from: 2010, year_to: 2010, donor: QD, recipients: ['520400', '520600'],
  category: 'government_funds', metric: 'funds_cny', value: 0, qualifier: 'exact', part_of: null, maybe_part_of: null, note_en: 'n', note_zh: 'n', line: line++, ...over,
});
const madeUp: Dataset = {
  sections: [],
  discrepancies: [],
  sources: [source('q11', true), source('p10', false), source('n10', true)],
  categories: ['government_funds', 'programme_total', 'village_development'].map((id) => ({ id, label_en: id, label_zh: id, description_en: '', line: 1 })),
  metrics: [
    { id: 'funds_cny', unit: 'cny', label_en: 'Aid funds', label_zh: '帮扶资金', label_one_en: 'Aid funds', additive: true, line: 1 },
    { id: 'people_trained', unit: 'people', label_en: 'People trained', label_zh: '培训人数', label_one_en: 'Person trained', additive: true, line: 2 },
  ],
  places: [
    place('520000', 'province', null, 'Guizhou'),
    place('520400', 'prefecture', '520000', 'Anshun'),
    place('520600', 'prefecture', '520000', 'Tongren'),
    place('522600', 'prefecture', '520000', 'Qiandongnan'),
    place('370200', 'city', null, 'Qingdao'),
    place('330200', 'city', null, 'Ningbo'),
  ],
  pairings: [],
  figures: [
    fig('q10', { value: 16.8 * M }),
    fig('q10-anshun', { value: 8.4 * M, recipients: ['520400'], part_of: 'q10' }),
    fig('q10-trained', { value: 650, qualifier: 'more_than', metric: 'people_trained', category: 'village_development' }),
    fig('q11', { source: 'q11', year_from: 2011, year_to: 2011, value: 31.25 * M }),
    fig('n10', { source: 'n10', donor: NB, recipients: ['522600'], value: 81.85 * M, category: 'programme_total' }),
    fig('n10-people', { source: 'n10', donor: NB, recipients: ['522600'], value: 635, metric: 'people_trained', category: 'village_development' }),
    fig('q06-10', { year_from: 2006, year_to: 2010, value: 40 * M, category: 'village_development' }),
  ],
};
const model = buildModel(madeUp);
const cell = (tl: ReturnType<typeof timeline>, year: number, city: string) => tl.cells.find((c) => c.year === year && c.city === city)!;

describe('entries held only in part', () => {
  it('are the years of the figures of a source sources.csv marks incomplete, by partner city', () => {
    const partial = partialYears(madeUp.figures, madeUp.sources, model.places);
    // The 2006–2010 figure marks no single year, but the document reports 2010, its last year.
    expect([...partial.entries()].map(([city, years]) => [city, [...years]])).toEqual([[QD, [2010]]]);
    expect(heldInPart(partial, [QD, NB], 2010)).toEqual([{ city: QD, year: 2010 }]);
    expect(heldInPart(partial, [QD, NB], 2011)).toEqual([]);
    expect(heldInPart(partial, [NB], 'all')).toEqual([]);
    expect(heldInPart(partial, [QD, NB], 'all')).toEqual([{ city: QD, year: 2010 }]);
    // Nothing is named in the code: mark the 2011 source incomplete and 2011 is held in part too.
    const both = partialYears(madeUp.figures, madeUp.sources.map((s) => (s.id === 'q11' ? { ...s, complete: false } : s)), model.places);
    expect(heldInPart(both, [QD], 'all')).toEqual([{ city: QD, year: 2010 }, { city: QD, year: 2011 }]);
  });

  it('make a total a lower bound: exact becomes "at least"; "more than" and "about" stay', () => {
    expect(lowerBound('exact')).toBe('at_least');
    expect(lowerBound('at_least')).toBe('at_least');
    expect(lowerBound('more_than')).toBe('more_than');
    expect(lowerBound('about')).toBe('about');
  });

  it('read "at least" in the year chart’s cells for that city and year only', () => {
    const tl = timeline(model, { metric: 'funds_cny', categories: [] });
    expect(cell(tl, 2010, QD)).toMatchObject({ total: 16.8 * M, qualifier: 'at_least', partial: true });
    expect(cell(tl, 2011, QD)).toMatchObject({ total: 31.25 * M, qualifier: 'exact', partial: false });
    expect(cell(tl, 2010, NB)).toMatchObject({ total: 81.85 * M, qualifier: 'exact', partial: false });
    // A lower bound given by the text stays "more than".
    expect(cell(timeline(model, { metric: 'people_trained', categories: [] }), 2010, QD)).toMatchObject({ total: 650, qualifier: 'more_than', partial: true });
    // No figure of the kind in the part we hold: flagged, with no total to qualify.
    expect(cell(timeline(model, { metric: 'funds_cny', categories: ['programme_total'] }), 2010, QD)).toMatchObject({ status: 'none', total: null, qualifier: 'exact', partial: true });
    // A band from a document held in part is a lower bound too.
    expect(tl.bands).toEqual([expect.objectContaining({ city: QD, from: 2006, to: 2010, total: 40 * M, qualifier: 'at_least', partial: true })]);
  });

  it('say in a place’s panel which entries behind it are held only in part, its total staying its mark’s (one number everywhere)', () => {
    const anshun2010 = placeDetails(model, '520400', { year: 2010, categories: [], metric: 'funds_cny' })!;
    expect(anshun2010.heldInPart).toEqual([{ city: QD, year: 2010 }]);
    expect(anshun2010.overall).toMatchObject({ total: 8.4 * M, qualifier: 'exact' });
    expect(anshun2010.totals).toEqual([{ category: 'government_funds', value: 8.4 * M, qualifier: 'exact' }]);
    expect(aggregateValue(model, anshun2010.overall!, 'en')).toBe('¥8.4 million');
    // 2011 is held whole (Qingdao's panel: its 31.25 million); all years include 2010.
    expect(placeDetails(model, QD, { year: 2011, categories: [], metric: 'funds_cny' })!.heldInPart).toEqual([]);
    expect(placeDetails(model, '520400', { year: 'all', categories: [], metric: 'funds_cny' })!.heldInPart.length).toBeGreaterThan(0);
    // Ningbo's places rest on a whole entry.
    const qdn = placeDetails(model, '522600', { year: 2010, categories: [], metric: 'funds_cny' })!;
    expect([qdn.heldInPart, qdn.overall!.qualifier]).toEqual([[], 'exact']);
  });

  it('leave a giver’s rows per mark as the marks say them', () => {
    const qd = placeDetails(model, QD, { year: 2010, categories: [], metric: 'funds_cny' })!;
    expect(qd.heldInPart).toEqual([{ city: QD, year: 2010 }]);
    expect(qd.given.map((r) => [r.anchor, r.qualifier])).toEqual([['520400;520600', 'exact'], ['520400', 'exact']]);
  });

  it('read "at least" in the table’s total when any partner city has such a year under the filter', () => {
    const total = (year: AppState['year'], categories: string[] = []) => tableTotal(model, buildScene(model, { ...defaultState('en'), year, categories }))!;
    expect(total(2010)).toMatchObject({ heldInPart: [{ city: QD, year: 2010 }], aggregate: { total: 98.65 * M, qualifier: 'at_least' } });
    // Only Ningbo's figure is counted, but Qingdao's cut entry for that year may hold more of the kind.
    expect(total(2010, ['programme_total']).aggregate).toMatchObject({ total: 81.85 * M, qualifier: 'at_least' });
    expect(total(2011)).toMatchObject({ heldInPart: [], aggregate: { total: 31.25 * M, qualifier: 'exact' } });
    expect(total('all').multiYear).toEqual([expect.objectContaining({ value: 40 * M, qualifier: 'at_least' })]);
  });
});

describe('entries held only in part, in the shipped data', () => {
  const shipped = shippedModel();

  it('are Qingdao 2009 and 2010 (sources.csv: qd2009 and qd2010 are not complete)', () => {
    const tl = timeline(shipped, { metric: 'funds_cny', categories: [] });
    expect([2009, 2010, 2011].map((y) => [y, cell(tl, y, QD).total, cell(tl, y, QD).qualifier])).toEqual([
      [2009, 28.4 * M, 'at_least'],
      [2010, 16.8 * M, 'at_least'],
      [2011, 32 * M, 'exact'],
    ]);
    expect(cell(tl, 2010, NB)).toMatchObject({ total: 81.85 * M, qualifier: 'exact' });
    const scene = buildScene(shipped, { ...defaultState('en'), year: 2010 });
    expect(tableTotal(shipped, scene)!.aggregate).toMatchObject({ total: 98.65 * M, qualifier: 'at_least' });
  });
});

describe('contradictions a text makes, in the panel’s data', () => {
  const shipped = shippedModel();
  const ids = (place: string) => placeDetails(shipped, place, { year: 'all', categories: [], metric: 'funds_cny' })!.contradictions.map((d) => `${d.source}/${d.figure.join(';')}`);
  const fiveKinds = 'qd2010/qd10-projects';
  const seventyPercent = 'nb2010/nb10-rural-share;nb10-rural-funds;nb10-gov-funds';

  it('shows each where a figure it names is listed: the places, their counties, the giving city', () => {
    expect(ids('520400')).toEqual([fiveKinds]); // Anshun: the 111 projects are for Anshun and Tongren
    expect(ids('520422')).toEqual([fiveKinds]); // Puding, a county of Anshun
    expect(ids(QD)).toEqual([fiveKinds]);
    expect(ids(NB)).toEqual([seventyPercent]);
    expect(ids('520000')).toEqual([seventyPercent]); // the Ningbo figures are for Guizhou as a whole
    expect(ids('522600')).toEqual([]); // Qiandongnan lists none of the figures named
    // parts_exceed_whole is shown at its figure, not here.
    expect(shipped.dataset.discrepancies.filter((d) => d.check === 'parts_exceed_whole')).toHaveLength(1);
  });

  it('shows a row naming no figure wherever a figure of its source is listed', () => {
    const row: Discrepancy & { line: number } = { figure: [], check: 'text_inconsistent', source: 'qd2011', section: 'Overview', note_en: 'x', note_zh: 'x', line: 9 };
    const m: Model = { ...shipped, dataset: { ...shipped.dataset, discrepancies: [...shipped.dataset.discrepancies, row] } };
    const fig = (id: string) => shipped.figures.get(id)!;
    expect(contradictionsFor(m, [fig('qd11-laoshan-puding-water')])).toEqual([row]);
    expect(contradictionsFor(m, [fig('nb10-gov-funds')]).map((d) => d.source)).toEqual(['nb2010']);
    expect(contradictionsFor(m, [fig('nb10-funds')])).toEqual([]);
  });
});

describe('the panel says it (a DOM)', () => {
  const shipped = shippedModel();
  beforeAll(() => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    (globalThis as { document?: unknown }).document = document;
    // Nothing is laid out here: a chart's scroll to its year (at the next frame) has nothing to do.
    (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame = () => 0;
  });
  const panelText = (state: AppState) => {
    const panel = createPanel({ model: shipped, dispatch: () => {} } as unknown as UiContext);
    const frame: Frame = { state, scene: buildScene(shipped, state), lang: state.lang, tr: (k: MessageKey, v?: Record<string, string | number>) => t(state.lang, k, v) };
    panel.update(frame);
    return panel.el;
  };
  const open = (lang: Lang, place: string, year: AppState['year']) => panelText({ ...defaultState(lang), place, year });

  it('labels the contradictions in both languages, each with its source and section', () => {
    const en = open('en', '520400', 'all').querySelector('[data-testid="panel-contradictions"]')!;
    expect(en.querySelector('h3')!.textContent).toBe('The source contradicts itself');
    expect(en.textContent).toContain('announces them as five kinds, then lists six');
    expect(en.querySelector('a')!.getAttribute('href')).toBe('https://yearbook.iprcc.org.cn/zggjfpzxnj/2011njyw/wdxfpxzp/384924.shtml');
    expect(en.textContent).toContain('section “Overview”');
    const zh = open('zh', '520400', 'all').querySelector('[data-testid="panel-contradictions"]')!;
    expect(zh.querySelector('h3')!.textContent).toBe('原文自相矛盾');
    expect(zh.textContent).toContain('先称分为五类，随后却列出六类');
    expect(open('en', '522600', 'all').querySelector('[data-testid="panel-contradictions"]')).toBeNull();
  });

  it('says under a partial year’s total that more may exist, and why; a whole entry’s total says nothing more', () => {
    const anshun = open('en', '520400', 2010);
    expect(anshun.querySelector('[data-testid="panel-total"]')!.textContent).toBe('¥8.4 million');
    expect(anshun.querySelector('[data-testid="panel-held-in-part"]')!.textContent).toContain('we hold only part of the entry for Qingdao 2010');
    const zh = open('zh', '520400', 2010);
    expect(zh.querySelector('[data-testid="panel-total"]')!.textContent).toBe('840万元');
    expect(zh.querySelector('[data-testid="panel-held-in-part"]')!.textContent).toContain('青岛2010年');
    const qiandongnan = open('en', '522600', 2010);
    expect(qiandongnan.querySelector('[data-testid="panel-held-in-part"]')).toBeNull();
    expect(qiandongnan.querySelector('[data-testid="panel-total"]')!.textContent).toBe('¥2 million');
  });

  it('gives the year chart’s partial years as "at least" in its table for screen readers', () => {
    const qingdao = open('en', QD, 'all');
    const cells = [...qingdao.querySelectorAll('[data-testid="panel-year-chart"] tbody tr')].map((tr) => tr.textContent);
    expect(cells).toEqual(['2009at least ¥28.4 million', '2010at least ¥16.8 million', expect.stringMatching(/^2011¥32 million, plus ¥1.2 million/)]);
    expect(qingdao.querySelector('.key-partial')!.textContent).toBe('at least: only part of that year’s entry is held');
  });
});
