import type { Model } from '../scene/model.ts';
import { vocabularyOf } from '../scene/vocabulary.ts';
import { captionProblems } from './step-facts.ts';
import { readStories, type Story } from '../data/stories.ts';

/**
 * A stories file checked as the build checks data/stories.json: the schema, every step against the
 * data's vocabulary, and the caption-numbers rule. Problems name the file, story, step and field.
 */
export function checkStories(json: unknown, model: Model, file = 'data/stories.json'): { stories: Story[]; problems: string[] } {
  const read = readStories(json, vocabularyOf(model));
  const problems = read.problems.map((p) => p.replace(/^data\/stories\.json/, file));
  if (problems.length > 0) return { stories: [], problems };
  const numbers = read.stories.flatMap((s) => captionProblems(model, s)).map((p) => `${file}: ${p}`);
  return { stories: numbers.length === 0 ? read.stories : [], problems: numbers };
}

/** The stories of a file that pass on their own (the others stay out of use, and the editor lists their problems). */
export function usableStories(json: unknown, model: Model): Story[] {
  const list = (json as { stories?: unknown } | null)?.stories;
  if (!Array.isArray(list)) return [];
  return list.flatMap((s: unknown) => checkStories({ stories: [s] }, model).stories);
}
