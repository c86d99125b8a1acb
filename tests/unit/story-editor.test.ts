import { describe, expect, it } from 'vitest';
import { checkStories } from '../../src/story/check-stories.ts';
import { addStep, deleteStep, moveStep, newStory, setCaption, stepOf, storiesFileText } from '../../src/story/editor-model.ts';
import { defaultState } from '../../src/state/url-state.ts';
import { shippedModel } from './fixtures.ts';

const model = shippedModel();
const state = (patch: Partial<ReturnType<typeof defaultState>>) => ({ ...defaultState('en'), ...patch });

describe('story editor operations', () => {
  const three = [2010, 2011, 'all' as const].reduce(
    (s, year, i) => addStep(s, stepOf(state({ year, categories: ['industry', 'education'] }), `en ${'abc'[i]}`, `zh ${'abc'[i]}`)),
    newStory(['tour'], 'Mine', '我的'),
  );

  it('saves what a story step holds, categories sorted, and picks an id no story has', () => {
    expect(three.id).toBe('my-story');
    expect(newStory(['my-story', 'my-story-2'], 'a', 'b').id).toBe('my-story-3');
    expect(three.steps[0]!.state).toEqual({ view: 'guizhou', year: 2010, categories: ['education', 'industry'], metric: 'funds_cny', place: null });
  });

  it('moves, deletes and captions steps without touching the others', () => {
    expect(moveStep(three, 2, -1).steps.map((s) => s.caption_en)).toEqual(['en a', 'en c', 'en b']);
    expect(moveStep(three, 0, -1)).toBe(three);
    expect(moveStep(three, 2, 1)).toBe(three);
    expect(deleteStep(three, 1).steps.map((s) => s.caption_zh)).toEqual(['zh a', 'zh c']);
    expect(setCaption(three, 1, 'zh', '新').steps.map((s) => s.caption_zh)).toEqual(['zh a', '新', 'zh c']);
    expect(three.steps.map((s) => s.caption_zh)).toEqual(['zh a', 'zh b', 'zh c']);
  });

  it('downloads a file that passes the checks of data/stories.json, and one with a wrong number that does not', () => {
    expect(checkStories(JSON.parse(storiesFileText([three])), model, 'stories.json')).toEqual({ stories: [three], problems: [] });
    const wrong = setCaption(three, 1, 'en', '¥12,345 for industry');
    expect(checkStories(JSON.parse(storiesFileText([wrong])), model, 'stories.json').problems).toEqual([
      'stories.json: my-story step 2: caption_en: "¥12,345" is not shown on this step\'s map or card',
    ]);
  });
});
