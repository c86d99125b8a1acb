/*
 * Finds every number written in a yearbook text, section by section, so that tests can prove each
 * one is either a figure in data/figures.csv or listed, with a reason, in data/number-allowlist.csv.
 * Pure functions: the script `npm run data:seeds` and the data tests share them.
 */

export interface NumberToken {
  /** The number as written, e.g. "16.4 million", "a dozen", "70%". */
  text: string;
  /** Its value in base units (16.4 million → 16400000). */
  value: number;
}

export interface SeedSections {
  title: string;
  sections: Record<string, NumberToken[]>;
}

/** The page footer of the yearbook's web edition (address, phone, licence): not part of any section. */
export const FOOTER = '(page footer)';
const FOOTER_START = '扫描下载手机客户端';

const UNITS: Record<string, number> = {
  ten: 10,
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
};

const WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, thousand: 1000, dozen: 12,
  first: 1, second: 2, secondly: 2, third: 3, thirdly: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7,
  eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
};

const WORD = Object.keys(WORDS).join('|');
const SCALE = 'hundred|thousand|million|billion';
// Digits (with thousands separators and decimals, optional scale word, % or ordinal suffix), or number words.
const NUMBER = new RegExp(
  String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+(${SCALE})\b)?(%|st\b|nd\b|rd\b|th\b)?` +
    String.raw`|\b(a\s+dozen|(?:${WORD})(?:\s+(?:${SCALE}))?)\b`,
  'gi',
);

export function findNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [whole, digits, scale, , words] = m;
    if (digits !== undefined) {
      const base = Number(digits.replace(/,/g, ''));
      const value = scale ? base * (UNITS[scale.toLowerCase()] ?? 1) : base;
      out.push({ text: whole.trim(), value: round(value) });
    } else if (words !== undefined) {
      const parts = words.toLowerCase().split(/\s+/);
      const value = parts[0] === 'a' ? 12 : parts.reduce((v, p, i) => (i === 0 ? (WORDS[p] ?? 0) : v * (UNITS[p] ?? 1)), 0);
      out.push({ text: whole.trim(), value });
    }
  }
  return out;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** Splits a yearbook text into its title, its 【headed】 sections and the page footer, and finds their numbers. */
export function sectionsOf(text: string): SeedSections {
  const footerAt = text.indexOf(FOOTER_START);
  const body = footerAt >= 0 ? text.slice(0, footerAt) : text;
  const lines = body.split(/\r?\n/);
  const title = (lines[0] ?? '').trim();
  const sections: Record<string, NumberToken[]> = {};
  const rest = lines.slice(1).join('\n');
  const heading = /【([^】]+)】/g;
  const marks = [...rest.matchAll(heading)];
  marks.forEach((m, i) => {
    const name = (m[1] ?? '').trim();
    const start = (m.index ?? 0) + m[0].length;
    const end = marks[i + 1]?.index ?? rest.length;
    sections[name] = [...(sections[name] ?? []), ...findNumbers(rest.slice(start, end))];
  });
  if (findNumbers(title).length > 0) sections['(title)'] = findNumbers(title);
  if (footerAt >= 0) sections[FOOTER] = findNumbers(text.slice(footerAt));
  return { title, sections };
}

/** Titles are compared without regard to the kind of dash or spacing the text uses. */
export function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s\u2010-\u2015-]+/g, ' ').trim();
  return norm(a) === norm(b);
}
