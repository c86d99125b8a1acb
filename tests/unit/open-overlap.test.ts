import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregate, indexFigures, type Filter } from '../../src/data/aggregate.ts';
import { parseCsv } from '../../src/data/csv.ts';
import { TABLES, type Figure, type TableName } from '../../src/data/schema.ts';
import { loadDataset, type DataTexts } from '../../src/data/validate.ts';
import { headerName } from '../../src/data/header.ts';
import { t } from '../../src/i18n/messages.ts';
import { tableCsv } from '../../src/export/table-csv.ts';
import { placeDetails } from '../../src/scene/details.ts';
import { buildScene } from '../../src/scene/scene.ts';
import { tableRows, tableTotal } from '../../src/scene/table.ts';
import { defaultState, type AppState } from '../../src/state/url-state.ts';
import { aggregateValue, recipientsLabel } from '../../src/view/describe.ts';
import { shippedModel } from './fixtures.ts';

/*
 * One number everywhere: a figure the text leaves open whether another contains
 * (`maybe_part_of`) is shown beside it, never added; every view says what its number is.
 */

const model = shippedModel();
const texts = Object.fromEntries((Object.keys(TABLES) as TableName[]).map((n) => [n, readFileSync(`data/${TABLES[n].file}`, 'utf8')])) as DataTexts;

const fig = (over: Partial<Figure> & Pick<Figure, 'id' | 'value'>): Figure => ({
  source: 's',
  section: 'Overview',
  year_from: 2010,
  year_to: 2010,
  donor: '330200',
  recipients: ['520000'],
  category: 'programme_total',
  metric: 'funds_cny',
  qualifier: 'exact',
  part_of: null,
  maybe_part_of: null,
  note_en: 'n',
  note_zh: 'n',
  ...over,
});
const funds = { id: 'funds_cny', additive: true };
const all: Filter = { year: 'all', categories: [], metric: 'funds_cny' };
const run = (figures: Figure[], filter: Partial<Filter> = {}) => aggregate(figures, indexFigures(figures), funds, { ...all, ...filter });

describe('aggregation of an open overlap', () => {
  const data = [
    fig({ id: 'programme', value: 81 }),
    fig({ id: 'gov', value: 43, part_of: 'programme', category: 'government_funds' }),
    fig({ id: 'drought', value: 10, maybe_part_of: 'programme', category: 'disaster_relief' }),
    fig({ id: 'drought-part', value: 2, part_of: 'drought', category: 'disaster_relief' }),
  ];

  it('keeps the maybe-contained figure out of the total and lists it apart', () => {
    const r = run(data);
    expect(r.total).toBe(81);
    expect(r.openOverlap.map((f) => f.id)).toEqual(['drought']);
    expect(r.contained.map((f) => f.id).sort()).toEqual(['drought-part', 'gov']);
  });

  it('adds it like any figure when neither the figure it may be inside nor a part of that is selected', () => {
    const r = run(data, { categories: ['disaster_relief'] });
    expect(r.total).toBe(10);
    expect(r.openOverlap).toEqual([]);
  });

  it('holds it apart beside a selected part of the figure it may be inside: it may lie in that part too', () => {
    const r = run(data, { categories: ['government_funds', 'disaster_relief'] });
    expect(r.total).toBe(43);
    expect(r.openOverlap.map((f) => f.id)).toEqual(['drought']);
  });

  it('also holds it apart when only a whole containing its maybe-whole is selected', () => {
    const nested = [
      fig({ id: 'programme', value: 81 }),
      fig({ id: 'gov', value: 43, part_of: 'programme', category: 'government_funds' }),
      fig({ id: 'x', value: 5, maybe_part_of: 'gov', category: 'disaster_relief' }),
    ];
    const r = run(nested, { categories: ['programme_total', 'disaster_relief'] });
    expect(r.total).toBe(81);
    expect(r.openOverlap.map((f) => f.id)).toEqual(['x']);
  });
});

describe('maybe_part_of in figures.csv', () => {
  const withRow = (line: string) => ({ ...texts, figures: `${texts.figures.trimEnd()}\n${line}\n` });
  const row = (id: string, value: string, partOf: string, maybe: string, metric = 'funds_cny') =>
    `${id},nb2010,Overview,2010,2010,330200,520000,programme_total,${metric},${value},exact,${partOf},A test figure.,测试数据。,${maybe}`;
  const problemsOf = (t: DataTexts) => loadDataset(t).problems.map((p) => `${p.field}: ${p.message}`);

  it('is set wherever a text gives a figure beside a whole without saying it is inside (checked against the texts, docs/data.md)', () => {
    expect(model.dataset.figures.filter((f) => f.maybe_part_of !== null).map((f) => [f.id, f.maybe_part_of])).toEqual([
      // Qingdao 2011: Shinan's increase for Pingba beside the districts' 1.85 million increase.
      ['qd11-shinan-pingba', 'qd11-funds-increase-districts'],
      // Ningbo 2010: drought relief beside the project total; rural projects beside the government projects.
      ['nb10-drought-total', 'nb10-funds'],
      ['nb10-rural-projects', 'nb10-gov-projects'],
      // Courses beside the 635 trained; the headmasters' two groups beside the four groups of temporary cadres.
      ['nb10-course-trainees', 'nb10-trained'],
      ['nb10-xiangshan-huangping', 'nb10-trained'],
      ['nb10-jiangbei-ceheng', 'nb10-trained'],
      ['nb10-cixi-leishan', 'nb10-trained'],
      ['nb10-headmaster-groups', 'nb10-cadre-groups'],
      // Mr Zhu's school money and the other social aid beside the 38.7 million of social projects.
      ['nb10-zhu-schools', 'nb10-social-funds'],
      ['nb10-social-aid', 'nb10-social-funds'],
    ]);
  });

  it('must name an existing figure of the same metric, not itself, not its own whole, and form no cycle', () => {
    expect(problemsOf(withRow(row('t1', '5', '', 'nope')))).toEqual(['maybe_part_of: no figure with id "nope"']);
    expect(problemsOf(withRow(row('t1', '5', '', 't1')))).toEqual(['maybe_part_of: names the figure itself']);
    expect(problemsOf(withRow(row('t1', '5', '', 'nb10-funds', 'projects')))).toEqual(['maybe_part_of: joins metric projects to a figure of metric funds_cny']);
    expect(problemsOf(withRow(row('t1', '5', 'nb10-gov-funds', 'nb10-funds')))).toEqual(['maybe_part_of: "nb10-funds" already contains it through part_of']);
    expect(problemsOf(withRow(row('t1', '5', '', 'nb10-rural-funds')))).toEqual([]);
    const real = withRow(row('t1', '50000000', '', 't2') + '\n' + row('t2', '6000000', 't1', ''));
    // t2 goes with its rejected whole, as any part does.
    expect(problemsOf(real)).toEqual(['maybe_part_of: forms a cycle: "t2" is part of it through part_of', 'part_of: its whole "t1" has a problem']);
  });

  it('is optional: a figures file written before the column existed is read as before', () => {
    const lines = texts.figures.split('\n');
    const without = lines.map((l) => l.replace(/,[^,]*$/, '')).join('\n');
    expect(parseCsv(without).header).not.toContain('maybe_part_of');
    const { dataset, problems } = loadDataset({ ...texts, figures: without });
    expect(problems).toEqual([]);
    expect(dataset.figures.every((f) => f.maybe_part_of === null)).toBe(true);
  });

  it('has a Chinese column name for users’ files', () => {
    expect(['编号', '可能所属'].map(headerName)).toEqual(['id', 'maybe_part_of']);
  });
});

describe('the panel says what its total is', () => {
  it("Ningbo 2010: the 81.85 million with the drought relief and the social money beside it, never added, in both languages", () => {
    const d = placeDetails(model, '330200', { year: 2010, categories: [], metric: 'funds_cny' })!;
    expect(d.overall!.total).toBe(81_850_000);
    expect(aggregateValue(model, d.overall!, 'en')).toBe(
      '¥81.85 million + ¥10.22 million disaster relief (the text does not say whether it is included)' +
        ' + more than ¥26 million education (the text does not say whether it is included)' +
        ' + more than ¥12 million social donations (the text does not say whether it is included)',
    );
    expect(aggregateValue(model, d.overall!, 'zh')).toBe(
      '8,185万元 + 救灾1,022万元（原文未说明是否已包含在内） + 教育帮扶2,600万元以上（原文未说明是否已包含在内） + 社会帮扶1,200万元以上（原文未说明是否已包含在内）',
    );
    expect(d.given.map((r) => [r.anchor, r.value, r.status, r.whole])).toEqual([
      ['programme:330200', 81_850_000, 'counted', null],
      ['522300;522600', 10_220_000, 'open', 'programme:330200'],
      ['522300', 2_000_000, 'inside', '522300;522600'],
      ['522600', 2_000_000, 'inside', '522300;522600'],
    ]);
  });

  it('Qingdao 2011: the 32 million given in all is the marks it stands alone in, 31.25 + 0.63 + 0.12; Pingba’s 1.2 may be inside the 31.25', () => {
    const d = placeDetails(model, '370200', { year: 2011, categories: [], metric: 'funds_cny' })!;
    expect(d.overall!.total).toBe(32_000_000);
    const scene = buildScene(model, { ...defaultState('en'), year: 2011 });
    for (const r of d.given) expect(r.value).toBe(scene.markers.find((m) => m.key === r.anchor)!.value);
    const standing = d.given.filter((r) => r.status === 'counted');
    expect(standing.reduce((s, r) => s + r.value, 0)).toBe(d.overall!.total);
    expect(d.overall!.openOverlap.map((f) => f.id)).toEqual(['qd11-shinan-pingba']);
    expect(d.given.find((r) => r.anchor === '520403')).toMatchObject({ status: 'open', whole: '520400;520600' });
  });

  it('every row of a giver’s breakdown is a mark on the map with the same value, rings included', () => {
    for (const year of ['all', 2010, 2011] as const) {
      for (const metric of ['funds_cny', 'people_trained']) {
        const scene = buildScene(model, { ...defaultState('en'), year, metric });
        for (const city of ['370200', '330200']) {
          for (const r of placeDetails(model, city, scene.filter)!.given) expect(r.value, `${city} ${r.anchor}`).toBe(scene.markers.find((m) => m.key === r.anchor)?.value);
        }
      }
    }
    const all = placeDetails(model, '330200', { year: 'all', categories: [], metric: 'funds_cny' })!;
    expect(all.given.at(-1)).toMatchObject({ anchor: '522300;522600@2006-2010', value: 66_530_000, period: [2006, 2010] });
  });

  it("Guizhou as a whole is named as such, not as the giving city", () => {
    expect(recipientsLabel(model, ['520000'], 'en')).toBe('Guizhou as a whole');
    expect(recipientsLabel(model, ['520000'], 'zh')).toBe('贵州全省');
    expect(recipientsLabel(model, ['520400', '520600'], 'en')).toBe('Anshun + Tongren');
  });
});

describe('table and CSV', () => {
  const frameOf = (state: AppState) => ({ state, scene: buildScene(model, state), tr: (k: Parameters<typeof t>[1], v?: Record<string, string | number>) => t(state.lang, k, v), lang: state.lang });
  const csvRows = (state: AppState) => parseCsv(tableCsv(model, frameOf(state)).text.slice(1)).records.map((r) => r.values);

  it('mark each part with the row of its whole, and an open overlap as open', () => {
    const rows = tableRows(model, buildScene(model, { ...defaultState('en'), year: 2010 }));
    const partOf = Object.fromEntries(rows.map((r) => [r.marker.key, r.partOf]));
    expect(partOf).toEqual({
      // Qingdao 2010: ¥16.8 million for Anshun + Tongren, ¥8.4 million of it for each.
      '520400;520600': null,
      '520400': { key: '520400;520600', kind: 'inside' },
      '520600': { key: '520400;520600', kind: 'inside' },
      'programme:330200': null,
      '522300;522600': { key: 'programme:330200', kind: 'open' },
      '522300': { key: '522300;522600', kind: 'inside' },
      '522600': { key: '522300;522600', kind: 'inside' },
    });
  });

  it('name a part of the maybe-whole when only that part is on the map', () => {
    const state = { ...defaultState('en'), year: 2010 as const, categories: ['government_funds', 'disaster_relief'] };
    const scene = buildScene(model, state);
    const rows = tableRows(model, scene);
    expect(rows.find((r) => r.marker.key === '522300;522600')!.partOf).toEqual({ key: 'programme:330200', kind: 'open' });
    const total = tableTotal(model, scene)!.aggregate;
    expect([total.total, total.openOverlap.map((f) => f.id)]).toEqual([43_150_000, ['nb10-drought-total']]);
  });

  it('total each figure once, with open overlaps beside and multi-year figures apart', () => {
    const all = tableTotal(model, buildScene(model, defaultState('en')))!;
    // Qingdao 28.4 (2009) + 16.8 (2010) + 32 (2011) + Ningbo 81.85 (2010)
    expect(all.aggregate.total).toBe(159_050_000);
    expect(all.aggregate.openOverlap.map((f) => f.id)).toEqual(['qd11-shinan-pingba', 'nb10-drought-total', 'nb10-zhu-schools', 'nb10-social-aid']);
    // 2009 and 2010 are held only in part: the all-years total is a lower bound.
    expect(all.aggregate.qualifier).toBe('at_least');
    expect(all.multiYear.map((m) => [`${m.from}-${m.to}`, m.value])).toEqual([['2006-2010', 66_530_000]]);
    const y2011 = tableTotal(model, buildScene(model, { ...defaultState('en'), year: 2011 }))!;
    // The sum of the rows that are part of nothing else.
    const rows = tableRows(model, buildScene(model, { ...defaultState('en'), year: 2011 }));
    expect(rows.filter((r) => r.partOf === null).reduce((s, r) => s + r.marker.value, 0)).toBe(y2011.aggregate.total);
  });

  it('write the same rows in CSV, with partner cities by name, the part-of column, raw periods and totals, in both languages alike', () => {
    const en = csvRows({ ...defaultState('en'), year: 'all' });
    const zh = csvRows({ ...defaultState('zh'), year: 'all' });
    expect(zh.map((r) => [r['place_ids'], r['period'], r['value'], r['part_of'], r['applies_to']])).toEqual(en.map((r) => [r['place_ids'], r['period'], r['value'], r['part_of'], r['applies_to']]));
    const programme = en.find((r) => r['applies_to'] === 'programme')!;
    expect(programme).toMatchObject({ place_ids: '520000', place_en: 'Guizhou as a whole', place_zh: '贵州全省', partner_city: '330200', partner_en: 'Ningbo', partner_zh: '宁波', period: '2010' });
    expect(en.find((r) => r['place_ids'] === '522300;522600' && r['applies_to'] === 'group')).toMatchObject({ part_of: '520000', part_of_kind: 'open', value: '10220000' });
    expect(en.find((r) => r['place_ids'] === '520403')).toMatchObject({ part_of: '520400;520600', part_of_kind: 'open' });
    expect(en.filter((r) => r['applies_to'] === 'multi_year').map((r) => r['period'])).toEqual(['2006-2010']);
    const scene = buildScene(model, defaultState('en'));
    expect(en.filter((r) => !r['applies_to']!.startsWith('total')).length).toBe(scene.markers.length);
    expect(en.filter((r) => r['applies_to']!.startsWith('total')).map((r) => [r['applies_to'], r['value'], r['period']])).toEqual([
      ['total', '159050000', '2009-2011'],
      ['total_open_overlap', '1200000', '2011'],
      ['total_open_overlap', '10220000', '2010'],
      ['total_open_overlap', '26000000', '2010'],
      ['total_open_overlap', '12000000', '2010'],
      ['total_multi_year', '66530000', '2006-2010'],
    ]);
    // The total row says it is a lower bound: 2009 and 2010 come from entries held in part.
    expect(en.find((r) => r['applies_to'] === 'total')).toMatchObject({ qualifier: 'at_least' });
  });
});
