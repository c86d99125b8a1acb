import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/messages.ts';
import { buildScene } from '../../src/scene/scene.ts';
import { defaultState } from '../../src/state/url-state.ts';
import { captionNumbers, unshownNumbers } from '../../src/story/caption-numbers.ts';
import { stepPatch } from '../../src/state/story-step.ts';
import type { Story } from '../../src/data/stories.ts';
import { stepFacts } from '../../src/story/step-facts.ts';
import { shippedModel } from './fixtures.ts';

const model = shippedModel();
const stories: Story[] = JSON.parse(readFileSync('data/stories.json', 'utf8')).stories;

describe('captionNumbers', () => {
  it('reads English amounts, counts and years', () => {
    expect(captionNumbers('In 2011 Qingdao gave ¥31.25 million, ¥16.4 million, ¥530,000 and ¥1.15 billion to 103 villages', 'en')).toEqual([
      { text: '2011', kind: 'year', value: 2011 },
      { text: '¥31.25 million', kind: 'amount', value: 31_250_000 },
      { text: '¥16.4 million', kind: 'amount', value: 16_400_000 },
      { text: '¥530,000', kind: 'amount', value: 530_000 },
      { text: '¥1.15 billion', kind: 'amount', value: 1_150_000_000 },
      { text: '103', kind: 'count', value: 103 },
    ]);
  });
  it('reads Chinese amounts in 万元 and 亿元, counts and years', () => {
    expect(captionNumbers('2006—2010年宁波投入5,153万元建设103个示范村，签约11.5亿元，筹集53万元', 'zh')).toEqual([
      { text: '2006', kind: 'year', value: 2006 },
      { text: '2010', kind: 'year', value: 2010 },
      { text: '5,153万元', kind: 'amount', value: 51_530_000 },
      { text: '103', kind: 'count', value: 103 },
      { text: '11.5亿元', kind: 'amount', value: 1_150_000_000 },
      { text: '53万元', kind: 'amount', value: 530_000 },
    ]);
  });
  it('lists what a step does not show, by kind: an amount is not matched by a count of the same size', () => {
    const shown = { amounts: [2_000_000], counts: [30], years: [2010] };
    expect(unshownNumbers('In 2010, ¥2 million and 30 schools', 'en', shown)).toEqual([]);
    expect(unshownNumbers('In 2011, ¥30 and 2 schools', 'en', shown).map((n) => n.text)).toEqual(['2011', '¥30', '2']);
  });
});

describe('every story caption is backed by the data its step shows', () => {
  for (const story of stories) {
    story.steps.forEach((step, i) => {
      for (const lang of LANGS) {
        it(`${story.id} step ${i + 1} (${lang})`, () => {
          const state = { ...defaultState(lang), ...stepPatch(story, i) };
          const caption = lang === 'zh' ? step.caption_zh : step.caption_en;
          const { facts, shown } = stepFacts(model, buildScene(model, state), state, caption, lang);
          expect(unshownNumbers(caption, lang, shown)).toEqual([]);
          // Each cited amount or count is on the card.
          expect(facts.length).toBe(new Set(captionNumbers(caption, lang).filter((n) => n.kind !== 'year').map((n) => n.value)).size);
        });
      }
    });
  }

  it('fails a caption that cites a number the data do not give for the step', () => {
    const story = stories[0]!;
    const i = story.steps.findIndex((s) => s.caption_en.includes('51.53'));
    const state = { ...defaultState('en'), ...stepPatch(story, i) };
    const wrong = story.steps[i]!.caption_en.replace('51.53', '51.35');
    const { shown } = stepFacts(model, buildScene(model, state), state, wrong, 'en');
    expect(unshownNumbers(wrong, 'en', shown).map((n) => n.text)).toEqual(['¥51.35 million']);
  });
});
