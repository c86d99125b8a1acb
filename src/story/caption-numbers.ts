import type { Lang } from '../i18n/messages.ts';

/*
 * The numbers a caption states, read the way each language writes them, and the check that each one
 * is shown on that step's map or card: a caption may only repeat what the data give. Pure; the story
 * test runs it over data/stories.json, and a story editor can run it as the author types.
 *
 * Read: digits only ("two companies", "两家" are words, not figures). English: "¥31.25 million",
 * "¥1.15 billion", "¥530,000", counts ("103 model villages"), years 1990–2099. Chinese: "3,125万元",
 * "11.5亿元", "53万元", counts ("103个"), years ("2011年", "2006—2010年").
 */

export type NumberKind = 'amount' | 'count' | 'year';

export interface CaptionNumber {
  /** As written in the caption, e.g. "¥31.25 million", "3,125万元". */
  text: string;
  kind: NumberKind;
  /** Amounts in yuan, counts and years as plain numbers. */
  value: number;
}

/** Values the step shows: amounts in yuan and counts (from its map and card), and the years it covers. */
export interface ShownValues {
  amounts: readonly number[];
  counts: readonly number[];
  years: readonly number[];
}

const DIGITS = String.raw`\d(?:[\d,]*\d)?(?:\.\d+)?`;
const EN = new RegExp(String.raw`¥\s?(${DIGITS})(?:\s?(million|billion|bn|m)\b)?|(${DIGITS})`, 'g');
const ZH = new RegExp(String.raw`(${DIGITS})\s?(亿元|万元|元|亿|万)?`, 'g');
const EN_SCALE: Record<string, number> = { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9 };
const ZH_SCALE: Record<string, number> = { 亿元: 1e8, 亿: 1e8, 万元: 1e4, 万: 1e4, 元: 1 };

const plain = (digits: string) => Number(digits.replace(/,/g, ''));
// Decimal scaling (16.4 × 1e6) is done on the digits, so 16.4 million is exactly 16400000.
const scaled = (digits: string, factor: number) => Math.round(plain(digits) * factor * 100) / 100;
const isYear = (digits: string) => /^(19|20)\d\d$/.test(digits);

export function captionNumbers(caption: string, lang: Lang): CaptionNumber[] {
  const out: CaptionNumber[] = [];
  if (lang === 'zh') {
    for (const m of caption.matchAll(ZH)) {
      const [text, digits = '', unit] = m;
      if (unit) out.push({ text, kind: 'amount', value: scaled(digits, ZH_SCALE[unit]!) });
      else out.push({ text: digits, kind: isYear(digits) ? 'year' : 'count', value: plain(digits) });
    }
    return out;
  }
  for (const m of caption.matchAll(EN)) {
    const [text, money, scale, digits] = m;
    if (money !== undefined) out.push({ text, kind: 'amount', value: scaled(money, scale ? EN_SCALE[scale]! : 1) });
    else if (digits !== undefined) out.push({ text: digits, kind: isYear(digits) ? 'year' : 'count', value: plain(digits) });
  }
  return out;
}

/** The caption's numbers that the step does not show: an empty list means the caption is backed by the data. */
export function unshownNumbers(caption: string, lang: Lang, shown: ShownValues): CaptionNumber[] {
  const pool: Record<NumberKind, readonly number[]> = { amount: shown.amounts, count: shown.counts, year: shown.years };
  // A count that happens to look like a year ("2011 computers") is still a count if the data give it.
  return captionNumbers(caption, lang).filter((n) => !pool[n.kind].some((v) => same(v, n.value)) && !(n.kind === 'year' && shown.counts.some((v) => same(v, n.value))));
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
