import type { Qualifier } from '../data/schema.ts';
import { t, type Lang } from './messages.ts';

/*
 * Numbers as each language writes them: English "¥31.25 million", Chinese "3,125万元" (亿元 from
 * 100 million up); counts with separators.
 */

/**
 * A number with up to `digits` decimals and thousands separators, exactly as
 * Intl.NumberFormat('en' or 'zh-CN', { maximumFractionDigits: digits }) writes it: both languages
 * group with commas, and Intl rounds the number's shortest decimal form half away from zero (1.005
 * → 1.01, where toFixed gives 1.00). Not Intl itself: making the first Intl formatter loads locale
 * data, which cost ~70 ms of the first paint on a slow machine.
 */
export function decimal(value: number, digits: number): string {
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential().split('e');
  const all = mantissa.replace('.', '');
  const kept = Number(exponent) + 1 + digits; // digits up to the last decimal kept
  let scaled = kept < 0 ? 0n : BigInt(all.slice(0, kept).padEnd(kept, '0') || '0');
  if (kept >= 0 && (all[kept] ?? '0') >= '5') scaled += 1n;
  const text = scaled.toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = text.slice(text.length - digits).replace(/0+$/, '');
  return `${value < 0 || Object.is(value, -0) ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export function formatYuan(value: number, lang: Lang): string {
  if (lang === 'zh') {
    if (value >= 1e8) return `${decimal(value / 1e8, 4)}亿元`;
    if (value >= 1e4) return `${decimal(value / 1e4, 2)}万元`;
    return `${decimal(value, 0)}元`;
  }
  if (value >= 1e9) return `¥${decimal(value / 1e9, 3)} billion`;
  if (value >= 1e6) return `¥${decimal(value / 1e6, 2)} million`;
  return `¥${decimal(value, 0)}`;
}

/** A compact label for a circle, exact to the figure: "¥31.25m" / "3,125万". */
export function formatYuanShort(value: number, lang: Lang): string {
  if (lang === 'zh') return value >= 1e8 ? `${decimal(value / 1e8, 4)}亿` : `${decimal(value / 1e4, 2)}万`;
  if (value >= 1e9) return `¥${decimal(value / 1e9, 3)}bn`;
  if (value >= 1e6) return `¥${decimal(value / 1e6, 4)}m`;
  return `¥${decimal(value / 1e3, 1)}k`;
}

export type Unit = 'cny' | 'count' | 'people' | 'percent';

/** A value with its unit, e.g. "¥31.25 million", "309", "70%". Counts carry no noun: labels say what is counted. */
export function formatNumber(value: number, unit: Unit, lang: Lang): string {
  if (unit === 'cny') return formatYuan(value, lang);
  if (unit === 'percent') return `${decimal(value, 1)}%`;
  return decimal(value, 2);
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
  clothing_items: '件',
};

export function measureWord(metric: string, unit: Unit, lang: Lang): string {
  if (lang !== 'zh') return '';
  return MEASURE_ZH[metric] ?? (unit === 'people' ? '人' : unit === 'count' ? '个' : '');
}

let pluralRules: Intl.PluralRules | undefined;

/**
 * Whether an English count takes the singular: "1 training course", "more than 1 … courses".
 * Intl.PluralRules made on first use (like Intl.NumberFormat, its locale data is not free at start-up).
 */
export function isSingularEn(value: number, qualifier: Qualifier): boolean {
  if (qualifier === 'more_than') return false;
  return (pluralRules ??= new Intl.PluralRules('en')).select(value) === 'one';
}

export function formatPeriod(from: number, to: number, lang: Lang): string {
  if (from === to) return lang === 'zh' ? `${from}年` : String(from);
  return lang === 'zh' ? `${from}—${to}年` : `${from}–${to}`;
}

/** "25 November 2026" / "2026年11月25日". */
export function formatDate(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'long' }).format(date);
}
