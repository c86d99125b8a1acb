import type { Figure } from '../data/schema.ts';
import type { Model } from '../scene/model.ts';
import { buildScene } from '../scene/scene.ts';
import { defaultState, type AppState } from '../state/url-state.ts';
import type { StoryStep } from './schema.ts';

/*
 * The caption-numbers rule: a number typed in a story caption must be one the step's data holds.
 * "The step's data" is what the step's filter (year, kinds of aid) selects: every figure's value,
 * in any measure (captions quote counts beside money), each total the map draws for it (the same
 * scene the map, table and slides read), and the years those figures cover. Pure: the story editor
 * runs it as the user types; the data tests run it over data/stories.json.
 */

export interface CaptionFacts {
  values: ReadonlySet<number>;
  years: ReadonlySet<number>;
}

export interface CaptionNumber {
  /** As written, e.g. "¥31.25 million", "3,125万", "2011". */
  text: string;
  value: number;
  /** Written like a year (four digits, 1900–2100, no currency, separator or multiplier). */
  yearLike: boolean;
}

const MULTIPLIERS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, 万: 1e4, 亿: 1e8 };
const NUMBER = /([¥￥])?\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s?(?:thousand|million|billion)\b|万|亿)?/g;

/** Every number written in a caption (digits; number words are not figures here). */
export function numbersIn(caption: string): CaptionNumber[] {
  const out: CaptionNumber[] = [];
  for (const m of caption.matchAll(NUMBER)) {
    const [text, currency, whole, fraction, multiplier] = m;
    const digits = `${whole!.replace(/,/g, '')}${fraction ?? ''}`;
    const scale = multiplier ? MULTIPLIERS[multiplier.trim()]! : 1;
    // Rounded to the written decimals' scale, so that 1.15 billion is 1,150,000,000 and not 1,149,999,999.99.
    const value = Number((Number(digits) * scale).toFixed(Math.max(0, (fraction?.length ?? 1) - 1 - Math.log10(scale))));
    const yearLike = !currency && !multiplier && !fraction && /^\d{4}$/.test(whole!) && value >= 1900 && value <= 2100;
    out.push({ text: text.trim(), value, yearLike });
  }
  return out;
}

/** What a step's data holds: see the comment at the top. */
export function stepFacts(model: Model, step: Pick<AppState, 'year' | 'categories' | 'metric'>): CaptionFacts {
  const inFilter = (f: Figure) =>
    (step.categories.length === 0 || step.categories.includes(f.category)) && (step.year === 'all' || (f.year_from <= step.year && step.year <= f.year_to));
  const figures = model.dataset.figures.filter(inFilter);
  const values = new Set(figures.map((f) => f.value));
  const years = new Set(figures.flatMap((f) => [f.year_from, f.year_to]));
  if (step.year !== 'all') years.add(step.year);
  for (const metric of model.dataset.metrics) {
    if (!metric.additive) continue;
    const scene = buildScene(model, { ...defaultState('en'), year: step.year, categories: [...step.categories], metric: metric.id });
    for (const m of scene.markers) values.add(m.value);
  }
  return { values, years };
}

/** The numbers in a caption that the step's data does not hold, as written; empty when all match. */
export function unmatchedNumbers(caption: string, facts: CaptionFacts): string[] {
  return numbersIn(caption)
    .filter((n) => !facts.values.has(n.value) && !(n.yearLike && facts.years.has(n.value)))
    .map((n) => n.text);
}

/** One line per caption number that does not match, naming the step and the language. */
export function captionProblems(model: Model, storyId: string, steps: readonly StoryStep[]): string[] {
  const problems: string[] = [];
  steps.forEach((step, i) => {
    const facts = stepFacts(model, step.state);
    for (const lang of ['en', 'zh'] as const) {
      for (const text of unmatchedNumbers(lang === 'en' ? step.caption_en : step.caption_zh, facts)) {
        problems.push(`${storyId} step ${i + 1}: caption_${lang}: "${text}" is not a figure, total or year of this step's data`);
      }
    }
  });
  return problems;
}
