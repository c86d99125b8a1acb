import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimal, formatNumber, formatPeriod, formatValue, formatYuan, formatYuanShort, measureWord } from '../../src/i18n/format.ts';

describe('number formats', () => {
  it('write yuan as each language does', () => {
    expect(formatYuan(31_250_000, 'en')).toBe('¥31.25 million');
    expect(formatYuan(31_250_000, 'zh')).toBe('3,125万元');
    expect(formatYuan(1_150_000_000, 'en')).toBe('¥1.15 billion');
    expect(formatYuan(1_150_000_000, 'zh')).toBe('11.5亿元');
    expect(formatYuan(120_000, 'en')).toBe('¥120,000');
    expect(formatYuan(120_000, 'zh')).toBe('12万元');
    expect(formatYuan(5_000, 'zh')).toBe('5,000元');
  });
  it('keep short labels exact to the figure', () => {
    expect(formatYuanShort(31_250_000, 'en')).toBe('¥31.25m');
    expect(formatYuanShort(81_850_000, 'zh')).toBe('8,185万');
  });
  it('write counts, shares and qualifiers', () => {
    expect(formatNumber(200_000, 'people', 'en')).toBe('200,000');
    expect(formatNumber(70, 'percent', 'zh')).toBe('70%');
    expect(formatValue(60, 'count', 'more_than', 'en')).toBe('more than 60');
    expect(formatValue(60, 'count', 'more_than', 'zh')).toBe('60以上');
    expect(formatValue(12, 'count', 'about', 'zh')).toBe('约12');
    expect(formatValue(15_000_000, 'cny', 'more_than', 'en')).toBe('more than ¥15 million');
  });
  it('give Chinese counts their measure words, and English none', () => {
    expect(formatValue(309, 'count', 'exact', 'zh', measureWord('projects', 'count', 'zh'))).toBe('309个');
    expect(formatValue(635, 'people', 'exact', 'zh', measureWord('people_trained', 'people', 'zh'))).toBe('635人');
    expect(formatValue(30, 'count', 'exact', 'zh', measureWord('computers', 'count', 'zh'))).toBe('30台');
    expect(formatValue(60, 'count', 'more_than', 'zh', measureWord('towns', 'count', 'zh'))).toBe('60个以上');
    expect(formatValue(200_000, 'people', 'more_than', 'en', measureWord('beneficiaries', 'people', 'en'))).toBe('more than 200,000');
    expect(formatValue(31_250_000, 'cny', 'exact', 'zh', measureWord('funds_cny', 'cny', 'zh'))).toBe('3,125万元');
  });
  it('write years and periods', () => {
    expect(formatPeriod(2010, 2010, 'en')).toBe('2010');
    expect(formatPeriod(2006, 2010, 'en')).toBe('2006–2010');
    expect(formatPeriod(2006, 2010, 'zh')).toBe('2006—2010年');
  });
});

describe('decimal', () => {
  it('writes every number exactly as Intl does in English and Chinese, ties and large values included', () => {
    const intl = (lang: string, digits: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits });
    const cases: [number, number][] = [[1.005, 2], [2.5, 0], [0.125, 2], [31.25, 2], [8185, 2], [1_234_567.891, 1], [0, 2], [-3.456, 1], [999.9999, 3]];
    for (const [v, d] of cases) for (const lang of ['en', 'zh-CN']) expect(decimal(v, d)).toBe(intl(lang, d).format(v));
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 4 }), (v, d) => {
        expect(decimal(v, d)).toBe(intl('en', d).format(v));
        expect(decimal(v, d)).toBe(intl('zh-CN', d).format(v));
      }),
      { numRuns: 2000 },
    );
  });
});
