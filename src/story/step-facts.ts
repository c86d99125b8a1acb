import { formatPeriod } from '../i18n/format.ts';
import { LANGS, type Lang } from '../i18n/messages.ts';
import { relatedFigures } from '../scene/details.ts';
import type { Model } from '../scene/model.ts';
import { buildScene, type Scene } from '../scene/scene.ts';
import { defaultState, type AppState } from '../state/url-state.ts';
import { categoryLabel, metricLabel, metricValue, placeName, unitOf } from '../view/describe.ts';
import { captionNumbers, unshownNumbers, type ShownValues } from './caption-numbers.ts';
import type { Story } from '../data/stories.ts';
import { stepPatch } from '../state/story-step.ts';

/*
 * What a story step's card shows beside its caption: the values the caption cites, each taken from
 * the data under the step's own filter (the circles of the step's scene, and the figures that name
 * the step's place), formatted as the map and the panel format them. A caption number the data do
 * not give finds nothing here, and the story test fails.
 */

export interface StepFact {
  /** The value in words, as the panel writes it: "¥31.25 million", "3,125万元", "30". */
  value: string;
  /** What it is: places, kind of aid or measure, period. */
  about: string;
}

interface Candidate {
  value: number;
  amount: boolean;
  fact: StepFact;
  years: [number, number];
}

function candidates(model: Model, scene: Scene, state: AppState, lang: Lang): Candidate[] {
  const sep = lang === 'zh' ? '，' : ' · ';
  const out: Candidate[] = scene.markers.map((m) => ({
    value: m.value,
    amount: unitOf(model, state.metric) === 'cny',
    fact: { value: metricValue(model, m.value, state.metric, m.qualifier, lang), about: [m.label, m.period].filter((s) => s !== '').join(sep) },
    years: yearsOf(m.period),
  }));
  const place = state.place === null ? undefined : model.places.get(state.place);
  if (!place) return out;
  const inYear = (from: number, to: number) => state.year === 'all' || (from <= state.year && state.year <= to);
  for (const { figure: f } of relatedFigures(model, place)) {
    if (!inYear(f.year_from, f.year_to)) continue;
    if (state.categories.length > 0 && !state.categories.includes(f.category)) continue;
    const amount = unitOf(model, f.metric) === 'cny';
    const what = amount ? categoryLabel(model, f.category, lang) : metricLabel(model, f.metric, lang);
    const places = f.recipients.map((id) => placeName(model, id, lang)).join(lang === 'zh' ? '、' : ' + ');
    out.push({
      value: f.value,
      amount,
      fact: { value: metricValue(model, f.value, f.metric, f.qualifier, lang), about: [places, what, formatPeriod(f.year_from, f.year_to, lang)].join(sep) },
      years: [f.year_from, f.year_to],
    });
  }
  return out;
}

/** "2006–2010" → [2006, 2010]; "2011" → [2011, 2011]. */
function yearsOf(period: string): [number, number] {
  const ys = (period.match(/\d{4}/g) ?? []).map(Number);
  return [ys[0] ?? NaN, ys[ys.length - 1] ?? NaN];
}

/** The facts behind one step's caption, in the caption's order, and everything the step shows (for the check). */
export function stepFacts(model: Model, scene: Scene, state: AppState, caption: string, lang: Lang): { facts: StepFact[]; shown: ShownValues } {
  const all = candidates(model, scene, state, lang);
  const facts: StepFact[] = [];
  for (const n of captionNumbers(caption, lang)) {
    if (n.kind === 'year') continue;
    const hit = all.find((c) => c.amount === (n.kind === 'amount') && c.value === n.value);
    if (hit && !facts.some((f) => f.value === hit.fact.value && f.about === hit.fact.about)) facts.push(hit.fact);
  }
  const cited = all.filter((c) => facts.includes(c.fact));
  const years = [...(state.year === 'all' ? [] : [state.year]), ...cited.flatMap((c) => c.years)];
  return {
    facts,
    shown: {
      amounts: cited.filter((c) => c.amount).map((c) => c.value),
      counts: cited.filter((c) => !c.amount).map((c) => c.value),
      years: [...new Set(years.filter((y) => Number.isFinite(y)))],
    },
  };
}

/**
 * A caption's typed numbers that its step does not show; empty when the data back every one. The
 * `{years}`-style placeholders are not typed: the data fill them.
 */
export function unbackedNumbers(model: Model, state: AppState, caption: string, lang: Lang): string[] {
  const { shown } = stepFacts(model, buildScene(model, state), state, caption, lang);
  return unshownNumbers(caption, lang, shown).map((n) => n.text);
}

/** One line per caption number that its step does not show, naming the story, the step (from 1) and the language. */
export function captionProblems(model: Model, story: Story): string[] {
  return story.steps.flatMap((step, i) =>
    LANGS.flatMap((lang) => {
      const state = { ...defaultState(lang), ...stepPatch(story, i) };
      return unbackedNumbers(model, state, lang === 'en' ? step.caption_en : step.caption_zh, lang).map(
        (text) => `${story.id} step ${i + 1}: caption_${lang}: "${text}" is not shown on this step's map or card`,
      );
    }),
  );
}
