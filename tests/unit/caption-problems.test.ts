import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStories } from '../../src/story/check-stories.ts';
import { captionProblems } from '../../src/story/step-facts.ts';
import { shippedModel } from './fixtures.ts';

const model = shippedModel();
const shipped = JSON.parse(readFileSync('data/stories.json', 'utf8'));

describe('caption problems (the editor, Open data… and the build check stories with them)', () => {
  it('finds none in the shipped stories', () => {
    for (const story of shipped.stories) expect(captionProblems(model, story)).toEqual([]);
    expect(checkStories(shipped, model).problems).toEqual([]);
  });

  it('names the number its step does not show, with the story, the step from 1 and the language', () => {
    const story = structuredClone(shipped.stories[0]);
    const step = story.steps[1];
    const amount = /¥[\d.,]+ million/.exec(step.caption_en)![0];
    step.caption_en = step.caption_en.replace(amount, '¥14.5 million');
    story.steps = [story.steps[0], step];
    expect(captionProblems(model, story)).toEqual([`${story.id} step 2: caption_en: "¥14.5 million" is not shown on this step's map or card`]);
    expect(checkStories({ stories: [story] }, model, 'my-stories.json').problems).toEqual([
      `my-stories.json: ${story.id} step 2: caption_en: "¥14.5 million" is not shown on this step's map or card`,
    ]);
  });
});
