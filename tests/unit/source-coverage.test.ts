import { describe, expect, it } from 'vitest';
import { t, type Lang, type MessageKey } from '../../src/i18n/messages.ts';
import { sourceCoverage as coverageOf, yearRuns } from '../../src/scene/source-coverage.ts';
import { indexPlaces, partnerships } from '../../src/scene/places.ts';
import { readStories } from '../../src/data/stories.ts';
import { coverageYears, fillCoverage, metricLabelFor, partnerCitiesText, sectionName, sourceCitation, sourceLine, yearsText } from '../../src/view/describe.ts';
import { shippedModel } from './fixtures.ts';

const model = shippedModel();
const tr = (lang: Lang) => (k: MessageKey, v?: Record<string, string | number>) => t(lang, k, v);

describe('coverage, read from the data', () => {
  it('knows which document reports which year for which city', () => {
    const c = model.coverage;
    expect(c.years).toEqual([2009, 2010, 2011]);
    expect(c.cities.map((p) => p.short_en)).toEqual(['Qingdao', 'Ningbo']);
    expect(c.entries.map((e) => `${e.source.id}:${e.city?.short_en}:${e.year}`)).toEqual(['qd2009:Qingdao:2009', 'qd2010:Qingdao:2010', 'qd2011:Qingdao:2011', 'nb2010:Ningbo:2010']);
  });

  it('says years as runs', () => {
    expect(yearRuns([2013, 2009, 2010, 2011, 2010])).toEqual([[2009, 2011], [2013, 2013]]);
    expect(yearsText([2009, 2010, 2011, 2013], 'en')).toBe('2009–2011, 2013');
    expect(yearsText([2009, 2011], 'zh')).toBe('2009、2011年');
  });

  it('gives the subtitle, source line and "Name in …" their years and cities', () => {
    expect(t('en', 'app.subtitle', { cities: partnerCitiesText(model, 'en'), years: coverageYears(model, 'en') })).toBe(
      'East–west pairing-off poverty alleviation: Qingdao and Ningbo with Guizhou, 2009–2011',
    );
    expect(t('zh', 'app.subtitle', { cities: partnerCitiesText(model, 'zh'), years: coverageYears(model, 'zh') })).toBe('青岛、宁波与贵州的东西部对口帮扶，2009—2011年');
    expect(sourceLine(model, tr('en'), 'en')).toBe(
      'Source: China Poverty Alleviation Yearbook, International Poverty Reduction Center in China (IPRCC): entries for Qingdao–Guizhou 2009–2011 and Ningbo–Guizhou 2010',
    );
    expect(sourceLine(model, tr('zh'), 'zh')).toBe('资料来源：《中国扶贫开发年鉴》（中国国际扶贫中心）青岛—贵州2009—2011年、宁波—贵州2010年条目');
    expect(t('zh', 'panel.name2010', { years: coverageYears(model, 'zh') })).toBe('2009—2011年名称');
  });

  it('changes with the data: a city that gives in 2012 under a new source adds its entry and year', () => {
    const places = indexPlaces(model.dataset.places);
    const extra = { ...model.dataset.sources[0]!, id: 'nb2012', title: 'Ningbo-Guizhou Pairing-off Poverty Alleviation', title_zh: '宁波—贵州对口帮扶' };
    const figure = { ...model.dataset.figures.find((f) => f.id === 'nb10-funds')!, id: 'nb12-funds', source: 'nb2012', year_from: 2012, year_to: 2012 };
    const c = coverageOf([...model.dataset.sources, extra], [...model.dataset.figures, figure], places);
    expect(c.years).toEqual([2009, 2010, 2011, 2012]);
    expect(yearsText(c.years, 'en')).toBe('2009–2012');
    expect(sourceLine({ ...model, coverage: c }, tr('en'), 'en')).toContain('Qingdao–Guizhou 2009–2011 and Ningbo–Guizhou 2010, 2012');
  });

  it('fills the story\'s words from the data, and a story with an unknown word is refused', () => {
    expect(fillCoverage(model, '{cities}, {years}: {entries}. {other}', 'en')).toBe('Qingdao and Ningbo, 2009–2011: Qingdao–Guizhou 2009–2011 and Ningbo–Guizhou 2010. {other}');
    const story = { stories: [{ id: 's', title_en: 'A {year}', title_zh: '甲', steps: [{ state: { view: 'overview', year: 'all', categories: [], metric: 'funds_cny', place: null }, caption_en: 'x', caption_zh: '{entries}' }] }] };
    const { problems } = readStories(story, { years: [2010], categories: [], metrics: ['funds_cny'], places: new Set() });
    expect(problems).toEqual(['data/stories.json: s: title_en: unknown placeholder {year} (expected {years}, {cities}, {entries})']);
  });
});

describe('Chinese through and through', () => {
  it('names sources and sections in Chinese, in English as the text does', () => {
    const f = { source: 'qd2010', section: 'Construction of “development-oriented poverty alleviation villages”' };
    expect(sectionName(model, f.source, f.section, 'zh')).toBe('“扶贫开发村”建设');
    expect(sourceCitation(model, { source: 'nb2010', section: 'Drought relief' }, t('zh', 'panel.section'), 'zh')).toBe('《中国扶贫开发年鉴》2011年卷（英文网络版）“宁波—贵州对口帮扶”，栏目“抗旱救灾”');
    expect(sourceCitation(model, { source: 'nb2010', section: 'Drought relief' }, t('en', 'panel.section'), 'en')).toBe(
      'Ningbo-Guizhou Pairing-off Poverty Alleviation, China Poverty Alleviation Yearbook 2011 edition (English web version), section “Drought relief”',
    );
  });

  it('counts in English with the right plural', () => {
    expect(metricLabelFor(model, 'training_courses', 1, 'exact', 'en')).toBe('Training course');
    expect(metricLabelFor(model, 'training_courses', 3, 'exact', 'en')).toBe('Training courses');
    expect(metricLabelFor(model, 'people_trained', 1, 'more_than', 'en')).toBe('People trained');
    expect(metricLabelFor(model, 'training_courses', 1, 'exact', 'zh')).toBe('培训班');
    expect(metricLabelFor(model, 'funds_cny', 1, 'exact', 'en')).toBe('Aid funds');
  });
});

describe('partnerships', () => {
  it('merge the rows of every text into one per pair, with the years the texts give', () => {
    const byId = new Map(partnerships(model.dataset.pairings).map((p) => [`${p.donor}-${p.recipient}`, p]));
    const anshun = byId.get('370200-520400')!;
    expect([anshun.from_year, anshun.to_year, anshun.evidence]).toEqual([2009, 2011, 'stated']);
    expect(anshun.records.map((r) => `${r.source}:${r.evidence}`)).toEqual(['qd2009:stated', 'qd2010:activity', 'qd2011:stated']);
    const qiandongnan = byId.get('330200-522600')!;
    expect([qiandongnan.from_year, qiandongnan.to_year]).toEqual([2006, 2010]);
    expect(qiandongnan.records.map((r) => `${r.from_year}-${r.to_year}:${r.evidence}`)).toEqual(['2006-2010:activity', '2010-2010:stated']);
  });
});
