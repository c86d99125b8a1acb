import { describe, expect, it } from 'vitest';
import { aggregate, ancestorsOf, combinedQualifier, indexFigures, type Filter } from '../../src/data/aggregate.ts';
import type { Figure } from '../../src/data/schema.ts';

const fig = (over: Partial<Figure> & Pick<Figure, 'id' | 'value'>): Figure => ({
  source: 's',
  section: 'Overview',
  year_from: 2010,
  year_to: 2010,
  donor: '330200',
  recipients: ['522600'],
  category: 'government_funds',
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
const run = (figures: Figure[], filter: Partial<Filter> = {}, metric = funds, scope?: (f: Figure) => boolean) =>
  aggregate(figures, indexFigures(figures), metric, { ...all, ...filter }, scope);

describe('aggregate', () => {
  it('adds a whole once and leaves its parts out', () => {
    const data = [fig({ id: 'w', value: 100 }), fig({ id: 'a', value: 60, part_of: 'w' }), fig({ id: 'b', value: 40, part_of: 'w' })];
    const r = run(data);
    expect(r.total).toBe(100);
    expect(r.counted.map((f) => f.id)).toEqual(['w']);
    expect(r.contained.map((f) => f.id).sort()).toEqual(['a', 'b']);
  });

  it('counts the parts of a whole whose parts lie in other categories when the whole is filtered out', () => {
    const data = [
      fig({ id: 'w', value: 100, category: 'programme_total' }),
      fig({ id: 'gov', value: 60, part_of: 'w', category: 'government_funds' }),
      fig({ id: 'soc', value: 40, part_of: 'w', category: 'social_donations' }),
    ];
    expect(run(data, { categories: ['government_funds'] }).total).toBe(60);
    expect(run(data, { categories: ['government_funds', 'social_donations'] }).total).toBe(100);
    expect(run(data, { categories: ['programme_total', 'social_donations'] }).total).toBe(100);
    expect(run(data).total).toBe(100);
  });

  it('never adds a figure beside its grand-parent', () => {
    const data = [
      fig({ id: 'g', value: 100, category: 'x' }),
      fig({ id: 'p', value: 50, part_of: 'g', category: 'y' }),
      fig({ id: 'c', value: 20, part_of: 'p', category: 'z' }),
    ];
    expect(run(data, { categories: ['x', 'z'] }).total).toBe(100);
    expect(run(data, { categories: ['y', 'z'] }).total).toBe(50);
    expect(run(data, { categories: ['z'] }).total).toBe(20);
    expect(ancestorsOf(data[2]!, indexFigures(data)).map((f) => f.id)).toEqual(['p', 'g']);
  });

  it('keeps business investment out of aid funds', () => {
    const data = [fig({ id: 'aid', value: 10 }), fig({ id: 'inv', value: 1_000, metric: 'investment_cny', category: 'trade_investment' })];
    expect(run(data).total).toBe(10);
    expect(run(data, { metric: 'investment_cny' }, { id: 'investment_cny', additive: true }).total).toBe(1_000);
  });

  it('shows a multi-year figure apart under a one-year filter, never divided', () => {
    const data = [fig({ id: 'cum', value: 50, year_from: 2006, year_to: 2010 }), fig({ id: 'y', value: 10 })];
    const r2010 = run(data, { year: 2010 });
    expect(r2010.total).toBe(10);
    expect(r2010.outsidePeriod.map((f) => f.id)).toEqual(['cum']);
    expect(r2010.multiYear).toEqual([]);
    const rAll = run(data);
    expect(rAll.total).toBe(10);
    expect(rAll.multiYear.map((f) => f.id)).toEqual(['cum']);
    expect(run(data, { year: 2011 }).outsidePeriod).toEqual([]);
  });

  it('keeps a group figure whole: it is in a scope only as the group', () => {
    const data = [fig({ id: 'group', value: 30, recipients: ['522600', '522300'] }), fig({ id: 'one', value: 5 })];
    const only = (ids: string[]) => (f: Figure) => f.recipients.join(';') === ids.join(';');
    expect(run(data, {}, funds, only(['522600'])).total).toBe(5);
    expect(run(data, {}, funds, only(['522600', '522300'])).total).toBe(30);
  });

  it('lists but never sums a non-additive metric', () => {
    const data = [fig({ id: 'a', value: 12, metric: 'counties' }), fig({ id: 'b', value: 8, metric: 'counties' })];
    const r = run(data, { metric: 'counties' }, { id: 'counties', additive: false });
    expect(r.total).toBeNull();
    expect(r.counted).toHaveLength(2);
  });

  it('adds in hundredths so decimals do not drift', () => {
    const data = [fig({ id: 'a', value: 0.1 }), fig({ id: 'b', value: 0.2 })];
    expect(run(data).total).toBe(0.3);
  });

  it('says how exact a total is', () => {
    expect(combinedQualifier([{ qualifier: 'exact' }])).toBe('exact');
    expect(combinedQualifier([{ qualifier: 'exact' }, { qualifier: 'more_than' }])).toBe('more_than');
    expect(combinedQualifier([{ qualifier: 'at_least' }, { qualifier: 'about' }])).toBe('about');
    expect(combinedQualifier([])).toBe('exact');
  });
});
