import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/data/stories.ts';
import { defaultTexts } from '../../src/export/compose.ts';
import { deckTitle, slideContent, slideFrame } from '../../src/export/slide-content.ts';
import { LANGS } from '../../src/i18n/messages.ts';
import { stepPatch } from '../../src/state/story-step.ts';
import { defaultState } from '../../src/state/url-state.ts';
import { storyDeckFileName, slideFileName } from '../../src/view/file-names.ts';
import { shippedModel } from './fixtures.ts';

/*
 * Story titles and captions leave {years}, {cities} and {entries} to the data. Whatever a person
 * reads (a slide, its notes, a deck's title, a file name) has them filled: no brace survives.
 */

const model = shippedModel();
const stories: Story[] = JSON.parse(readFileSync('data/stories.json', 'utf8')).stories;
const BRACE = /[{}]/;

function texts(c: ReturnType<typeof slideContent>): Record<string, string> {
  return { title: c.title, subtitle: c.subtitle, caption: c.caption, source: c.source, notes: c.notes, legend: [c.legend.sizesTitle, ...c.legend.sizes.map((s) => s.label), ...c.legend.rows.map((e) => e.label)].join('\n') };
}

describe('no template placeholder reaches a reader', () => {
  it('the shipped stories use placeholders (else this test proves nothing)', () => {
    expect(stories.some((s) => BRACE.test(s.title_en) && BRACE.test(s.title_zh))).toBe(true);
    expect(stories.some((s) => s.steps.some((step) => BRACE.test(step.caption_en)))).toBe(true);
  });

  for (const lang of LANGS) {
    it(`every story deck's title, file name, slides and speaker notes (${lang})`, () => {
      for (const story of stories) {
        expect(deckTitle(model, defaultState(lang), lang, story)).not.toMatch(BRACE);
        expect(storyDeckFileName(story.id, lang)).not.toMatch(BRACE);
        story.steps.forEach((_, i) => {
          const state = { ...defaultState(lang), ...stepPatch(story, i) };
          const c = slideContent(model, slideFrame(model, state, lang), { story, step: i });
          for (const [field, text] of Object.entries(texts(c))) expect(text, `${story.id} step ${i + 1} ${field}`).not.toMatch(BRACE);
        });
      }
    });

    it(`the current view's slide and the export image's default texts, every year and measure (${lang})`, () => {
      for (const year of ['all', ...model.years] as const)
        for (const metric of ['funds_cny', 'projects', 'people_trained']) {
          const state = { ...defaultState(lang), year, metric };
          const frame = slideFrame(model, state, lang);
          for (const [field, text] of Object.entries(texts(slideContent(model, frame, null)))) expect(text, `${year} ${metric} ${field}`).not.toMatch(BRACE);
          for (const [field, text] of Object.entries(defaultTexts(model, frame))) expect(text, `export ${year} ${metric} ${field}`).not.toMatch(BRACE);
          expect(deckTitle(model, state, lang, null)).not.toMatch(BRACE);
          expect(slideFileName(state, lang)).not.toMatch(BRACE);
        }
    });
  }
});
