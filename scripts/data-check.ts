/**
 * `npm run data:check`: validates every file in data/ and prints each problem as
 * `data/figures.csv:17: value: expected a number, got "1,2"`, all at once; exits 1 if there is any.
 * Usage: tsx scripts/data-check.ts [data-dir]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../src/data/problems.ts';
import { buildModel } from '../src/scene/model.ts';
import { checkStories } from '../src/story/check-stories.ts';
import { DataFileError, loadDataDir } from './read-data.ts';

const dir = process.argv[2] ?? 'data';
let loaded: ReturnType<typeof loadDataDir>;
try {
  loaded = loadDataDir(dir, (path, encoding) => console.log(`${path}: read as ${encoding.toUpperCase()}`));
} catch (e) {
  // A missing or unreadable file is the user's to fix, not a bug: one line, no stack trace.
  if (!(e instanceof DataFileError)) throw e;
  console.error(`${e.message}\n\nFix it and run again.`);
  process.exit(1);
}
const { dataset, problems } = loaded;
const lines = problems.map(formatProblem);
// Stories are checked against the data they walk through, numbers in captions included (only where the folder has them).
let stories = 0;
try {
  const json: unknown = JSON.parse(readFileSync(join(dir, 'stories.json'), 'utf8'));
  const result = checkStories(json, buildModel(dataset), join(dir, 'stories.json'));
  lines.push(...result.problems);
  stories = result.stories.length;
} catch (e) {
  if ((e as NodeJS.ErrnoException).code !== 'ENOENT') lines.push(`${join(dir, 'stories.json')}: ${(e as Error).message}`);
}
for (const line of lines) console.error(line);
if (lines.length > 0) {
  console.error(`\n${lines.length} problem(s) in ${dir}/. Fix them and run again.`);
  process.exit(1);
}
console.log(
  `data OK: ${dataset.figures.length} figures, ${dataset.pairings.length} pairings, ${dataset.places.length} places, ` +
    `${dataset.sources.length} sources, ${dataset.categories.length} categories, ${dataset.metrics.length} metrics, ${stories} stories`,
);
