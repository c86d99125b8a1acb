import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, indexFigures, sumValues, type Filter } from '../../src/data/aggregate.ts';
import { formatCsv, parseCsv, readCell } from '../../src/data/csv.ts';
import type { Figure } from '../../src/data/schema.ts';
import { defaultState, parseState, serializeState, type AppState, type Vocabulary } from '../../src/state/url-state.ts';

/* Property-based tests: the CSV reader, the URL state parser and the aggregation rules hold for any input. */

describe('CSV reader', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '9', ',', '"', '\n', '\r\n', ' ', '普', '定', '<', '>', ';', "'"), maxLength: 12 });
  it('reads back whatever it writes: commas, quotes, newlines, CJK (formula-like cells guarded, reversibly)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 8 }), (rows) => {
        const columns = ['a', 'b', 'c'];
        const text = formatCsv(columns, rows.map(([a, b, c]) => ({ a, b, c })));
        const table = parseCsv(text);
        expect(table.records.map((r) => [r.values['a'], r.values['b'], r.values['c']].map((c) => readCell(c!)))).toEqual(rows);
      }),
    );
  });
  it('numbers each record by the line it starts on, counting newlines inside quotes', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 8 }), (breaks) => {
        const lines = breaks.map((n, i) => `"${'x\n'.repeat(n)}${i}",v`);
        const { records } = parseCsv(`h,k\n${lines.join('\n')}\n`);
        let line = 2;
        records.forEach((r, i) => {
          expect(r.line).toBe(line);
          line += 1 + breaks[i]!;
        });
      }),
    );
  });
  it('ignores a BOM and Windows line ends', () => {
    expect(parseCsv('\ufeffid,v\r\n1,"a,b"\r\n2,c\r\n').records.map((r) => [r.line, r.values['id'], r.values['v']])).toEqual([
      [2, '1', 'a,b'],
      [3, '2', 'c'],
    ]);
  });
});

describe('URL state', () => {
  const vocab: Vocabulary = {
    years: [2010, 2011],
    categories: ['education', 'government_funds', 'industry'],
    metrics: ['funds_cny', 'projects'],
    places: new Set(['520422', '370200', '522600']),
    stories: ['tour'],
  };
  const state = fc.record({
    lang: fc.constantFrom('en' as const, 'zh' as const),
    year: fc.constantFrom('all' as const, 2010, 2011),
    categories: fc.subarray(['education', 'government_funds', 'industry']),
    metric: fc.constantFrom('funds_cny', 'projects'),
    place: fc.constantFrom(null, '520422', '370200'),
    view: fc.constantFrom('overview' as const, 'guizhou' as const),
    camera: fc.option(fc.record({ lon: fc.integer({ min: 1000, max: 1200 }).map((v) => v / 10), lat: fc.integer({ min: 200, max: 400 }).map((v) => v / 10), zoom: fc.integer({ min: 20, max: 140 }).map((v) => v / 10) })),
    rescale: fc.boolean(),
    table: fc.boolean(),
    embed: fc.boolean(),
    title: fc.option(fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.trim()).filter((s) => s !== '')),
    interactive: fc.boolean(),
  });
  it('parses what it serializes into the same state', () => {
    fc.assert(
      fc.property(state, (partial) => {
        const s: AppState = { ...defaultState('en'), ...partial };
        const back = parseState(serializeState(s), vocab, 'en');
        expect(back.ignored).toEqual([]);
        expect(back.state).toEqual(s);
      }),
    );
  });
  it('never throws on any query string, and only ever yields values from the vocabulary', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.webQueryParameters(), (raw, web) => {
        for (const q of [raw, `?${web}`]) {
          const { state: s } = parseState(q, vocab, 'zh');
          expect(s.year === 'all' || vocab.years.includes(s.year)).toBe(true);
          expect(s.categories.every((c) => vocab.categories.includes(c))).toBe(true);
          expect(vocab.metrics).toContain(s.metric);
          expect(s.place === null || vocab.places.has(s.place)).toBe(true);
        }
      }),
    );
    // A hundred random links take about 4 s on a busy two-core machine: more time, the same checks.
  }, 30_000);
});

describe('aggregation', () => {
  // Random forests of figures: each may be part of an earlier one, with a value no larger than its whole.
  const forest = fc
    .array(fc.record({ parent: fc.nat(), share: fc.integer({ min: 1, max: 100 }), cat: fc.constantFrom('a', 'b', 'c'), multi: fc.boolean(), year: fc.constantFrom(2010, 2011) }), {
      minLength: 1,
      maxLength: 25,
    })
    .map((specs) => {
      const figures: Figure[] = [];
      specs.forEach((s, i) => {
        const whole = i > 0 && s.parent % 3 !== 0 ? figures[s.parent % i] : undefined;
        figures.push({
          id: `f${i}`,
          source: 's',
          section: 'x',
          year_from: whole ? whole.year_from : s.multi ? 2006 : s.year,
          year_to: whole ? whole.year_to : s.multi ? 2010 : s.year,
          donor: '330200',
          recipients: ['522600'],
          category: s.cat,
          metric: 'funds_cny',
          value: whole ? Math.floor((whole.value * s.share) / 400) : s.share * 1000,
          qualifier: 'exact',
          part_of: whole ? whole.id : null,
          maybe_part_of: null,
          note_en: 'n',
          note_zh: 'n',
        });
      });
      return figures;
    });
  const metric = { id: 'funds_cny', additive: true };
  const filters = fc.record({ year: fc.constantFrom('all' as const, 2010, 2011), categories: fc.subarray(['a', 'b', 'c']), metric: fc.constant('funds_cny') });

  it('never exceeds the sum of the top-level figures it could draw on', () => {
    fc.assert(
      fc.property(forest, filters, (figures, filter: Filter) => {
        const r = aggregate(figures, indexFigures(figures), metric, filter);
        const topLevel = figures.filter((f) => f.part_of === null && f.year_from === f.year_to);
        expect(r.total ?? 0).toBeLessThanOrEqual(sumValues(topLevel));
      }),
    );
  });
  it('over all categories is at least the total of any one category', () => {
    fc.assert(
      fc.property(forest, fc.constantFrom('a', 'b', 'c'), (figures, cat) => {
        const all = aggregate(figures, indexFigures(figures), metric, { year: 'all', categories: [], metric: 'funds_cny' });
        const one = aggregate(figures, indexFigures(figures), metric, { year: 'all', categories: [cat], metric: 'funds_cny' });
        expect(all.total ?? 0).toBeGreaterThanOrEqual(one.total ?? 0);
      }),
    );
  });
  it('does not change when a part is added under a counted whole', () => {
    fc.assert(
      fc.property(forest, fc.nat(), (figures, pick) => {
        const all: Filter = { year: 'all', categories: [], metric: 'funds_cny' };
        const before = aggregate(figures, indexFigures(figures), metric, all).total;
        const whole = figures[pick % figures.length]!;
        const part: Figure = { ...whole, id: 'extra', value: Math.floor(whole.value / 2), part_of: whole.id };
        const more = [...figures, part];
        expect(aggregate(more, indexFigures(more), metric, all).total).toBe(before);
      }),
    );
  });
});
