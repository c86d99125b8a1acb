import type { Qualifier } from '../data/schema.ts';
import { t, type Lang } from './messages.ts';

/*
 * Numbers as each language writes them, through Intl:
 * English "¥31.25 million", Chinese "3,125万元" (亿元 from 100 million up); counts with separators.
 */

// Kept once made: a new Intl.NumberFormat costs far more than a format call, and a render formats hundreds.
const formats = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}${digits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits })));
  return f;
}

export function formatYuan(value: number, lang: Lang): string {
  if (lang === 'zh') {
    if (value >= 1e8) return `${nf(lang, 4).format(value / 1e8)}亿元`;
    if (value >= 1e4) return `${nf(lang, 2).format(value / 1e4)}万元`;
    return `${nf(lang, 0).format(value)}元`;
  }
  if (value >= 1e9) return `¥${nf(lang, 3).format(value / 1e9)} billion`;
  if (value >= 1e6) return `¥${nf(lang, 2).format(value / 1e6)} million`;
  return `¥${nf(lang, 0).format(value)}`;
}

/** A compact label for a circle, exact to the figure: "¥31.25m" / "3,125万". */
export function formatYuanShort(value: number, lang: Lang): string {
  if (lang === 'zh') return value >= 1e8 ? `${nf(lang, 4).format(value / 1e8)}亿` : `${nf(lang, 2).format(value / 1e4)}万`;
  if (value >= 1e9) return `¥${nf(lang, 3).format(value / 1e9)}bn`;
  if (value >= 1e6) return `¥${nf(lang, 4).format(value / 1e6)}m`;
  return `¥${nf(lang, 1).format(value / 1e3)}k`;
}

export type Unit = 'cny' | 'count' | 'people' | 'percent';

/** A value with its unit, e.g. "¥31.25 million", "309", "70%". Counts carry no noun: labels say what is counted. */
export function formatNumber(value: number, unit: Unit, lang: Lang): string {
  if (unit === 'cny') return formatYuan(value, lang);
  if (unit === 'percent') return `${nf(lang, 1).format(value)}%`;
  return nf(lang, 2).format(value);
}

/** Adds the qualifier the text gives: "more than ¥15 million", "1,500万元以上", "about 12". */
export function withQualifier(formatted: string, qualifier: Qualifier, lang: Lang): string {
  if (qualifier === 'exact') return formatted;
  return t(lang, `qualifier.${qualifier}`).replace('{value}', formatted);
}

/** `measure`: a Chinese measure word for counts ("309个", "635人"); English counts carry none. */
export function formatValue(value: number, unit: Unit, qualifier: Qualifier, lang: Lang, measure = ''): string {
  const number = formatNumber(value, unit, lang);
  return withQualifier(unit === 'count' || unit === 'people' ? number + measure : number, qualifier, lang);
}

/** Chinese measure words by metric; metrics not listed take 个 (things) or 人 (people). */
const MEASURE_ZH: Record<string, string> = {
  schools: '所',
  computers: '台',
  enterprises: '家',
  batches: '批',
  seminars: '期',
  training_courses: '期',
  meetings: '次',
  towns: '个',
};

export function measureWord(metric: string, unit: Unit, lang: Lang): string {
  if (lang !== 'zh') return '';
  return MEASURE_ZH[metric] ?? (unit === 'people' ? '人' : unit === 'count' ? '个' : '');
}

export function formatPeriod(from: number, to: number, lang: Lang): string {
  if (from === to) return lang === 'zh' ? `${from}年` : String(from);
  return lang === 'zh' ? `${from}—${to}年` : `${from}–${to}`;
}

/** "25 November 2026" / "2026年11月25日". */
export function formatDate(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'long' }).format(date);
}
