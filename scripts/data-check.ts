/**
 * `npm run data:check`: validates every file in data/ and prints each problem as
 * `data/figures.csv:17: value: expected a number, got "1,2"`, all at once; exits 1 if there is any.
 * Usage: tsx scripts/data-check.ts [data-dir]
 */
import { formatProblem } from '../src/data/problems.ts';
import { loadDataDir } from './read-data.ts';

const dir = process.argv[2] ?? 'data';
const { dataset, problems } = loadDataDir(dir);
for (const p of problems) console.error(formatProblem(p));
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s) in ${dir}/. Fix them and run again.`);
  process.exit(1);
}
console.log(
  `data OK: ${dataset.figures.length} figures, ${dataset.pairings.length} pairings, ${dataset.places.length} places, ` +
    `${dataset.sources.length} sources, ${dataset.categories.length} categories, ${dataset.metrics.length} metrics`,
);
