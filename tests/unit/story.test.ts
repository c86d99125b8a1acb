import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vocabularyOf } from '../../src/scene/vocabulary.ts';
import { readStories } from '../../src/data/stories.ts';
import { shippedModel } from './fixtures.ts';

const vocab = vocabularyOf(shippedModel());
const shipped = JSON.parse(readFileSync('data/stories.json', 'utf8'));

describe('stories', () => {
  it('the shipped story is valid against the data', () => {
    const { stories, problems } = readStories(shipped, vocab);
    expect(problems).toEqual([]);
    expect(stories[0]!.steps.length).toBeGreaterThanOrEqual(5);
  });
  it('rejects broken stories with the story, step and field named', () => {
    const broken = structuredClone(shipped);
    broken.stories[0].steps[1].state.year = 1990;
    broken.stories[0].steps[2].state.metric = 'villages_surveyed';
    broken.stories[0].steps[3].state.place = '999999';
    expect(readStories(broken, vocab).problems).toEqual([
      'data/stories.json: stories.0.steps.1.state.year: Too small: expected number to be >=1996',
    ]);
    broken.stories[0].steps[1].state.year = 2012;
    expect(readStories(broken, vocab).problems).toEqual([
      'data/stories.json: tour step 2: year: no figure for 2012',
      'data/stories.json: tour step 3: metric: unknown or non-additive metric "villages_surveyed"',
      'data/stories.json: tour step 4: place: no place 999999',
    ]);
  });
  it('quotes only values the data holds', () => {
    const values = new Set(shippedModel().dataset.figures.map((f) => f.value));
    for (const step of shipped.stories[0].steps) {
      for (const m of (step.caption_en as string).matchAll(/¥([\d.,]+) (million|billion)/g)) {
        const v = Math.round(Number(m[1]!.replace(/,/g, '')) * (m[2] === 'billion' ? 1e9 : 1e6));
        expect(values.has(v), m[0]).toBe(true);
      }
    }
  });
});
