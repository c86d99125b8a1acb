import type { AppState } from '../state/url-state.ts';
import type { Story, StoryStep } from '../data/stories.ts';

/*
 * The story editor's operations, pure: each returns a new story. A step saves what a story step can
 * hold (named view, year, kinds of aid, measure, place), as data/stories.json does.
 */

export function stepOf(state: AppState, caption_en: string, caption_zh: string): StoryStep {
  return {
    state: { view: state.view, year: state.year, categories: [...state.categories].sort(), metric: state.metric, place: state.place },
    caption_en,
    caption_zh,
  };
}

export function addStep(story: Story, step: StoryStep): Story {
  return { ...story, steps: [...story.steps, step] };
}

/** Moves step `from` by `by` places (−1 up, +1 down); out of range changes nothing. */
export function moveStep(story: Story, from: number, by: number): Story {
  const to = from + by;
  if (from < 0 || from >= story.steps.length || to < 0 || to >= story.steps.length) return story;
  const steps = [...story.steps];
  const [step] = steps.splice(from, 1);
  steps.splice(to, 0, step!);
  return { ...story, steps };
}

export function deleteStep(story: Story, index: number): Story {
  return { ...story, steps: story.steps.filter((_, i) => i !== index) };
}

export function setCaption(story: Story, index: number, lang: 'en' | 'zh', text: string): Story {
  return { ...story, steps: story.steps.map((s, i) => (i === index ? { ...s, [`caption_${lang}`]: text } : s)) };
}

/** A new, empty story with an id that no story in use has (my-story, my-story-2, …). */
export function newStory(taken: readonly string[], title_en: string, title_zh: string): Story {
  let id = 'my-story';
  for (let n = 2; taken.includes(id); n++) id = `my-story-${n}`;
  return { id, title_en, title_zh, steps: [] };
}

/** The file the editor downloads: the same shape and layout as data/stories.json. */
export function storiesFileText(stories: readonly Story[]): string {
  return `${JSON.stringify({ stories }, null, 2)}\n`;
}
