import { BUILTIN_TEXTS } from '../data/builtin.ts';
import type { Dataset } from '../data/validate.ts';
import { buildModel } from '../scene/model.ts';
import { vocabularyOf } from '../scene/vocabulary.ts';
import { readStories, type Story } from '../data/stories.ts';
import type { ImportedFiles } from '../data/user-files.ts';
import { combine } from './combine.ts';

/**
 * The built-in data joined with (or replaced by) a user's own files. Loaded only when there are
 * some, so that the parser and validator are not part of every visit. Rows with problems stay off
 * the map and are counted; a story that needs places, years or kinds of aid the data no longer
 * has is left out.
 */
export function withUserData(stored: ImportedFiles, builtinStories: Story[]): { dataset: Dataset; stories: Story[]; invalidRows: number } {
  const { dataset, counts } = combine(BUILTIN_TEXTS, stored.files, stored.mode);
  const vocab = vocabularyOf(buildModel(dataset));
  const stories = builtinStories.filter((s) => readStories({ stories: [s] }, vocab).problems.length === 0);
  const invalidRows = counts.reduce((n, c) => n + c.invalid, 0);
  return { dataset, stories, invalidRows };
}
