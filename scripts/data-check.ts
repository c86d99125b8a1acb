/**
 * `npm run data:check`: validates every file in data/ and prints each problem as
 * `data/figures.csv:17: value: expected a number, got "1,2"`, all at once; exits 1 if there is any.
 * Usage: tsx scripts/data-check.ts [data-dir]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../src/data/problems.ts';
import { TABLES, type TableName } from '../src/data/schema.ts';
import { loadDataset, type DataTexts } from '../src/data/validate.ts';

const dir = process.argv[2] ?? 'data';
const texts = Object.fromEntries(
  (Object.keys(TABLES) as TableName[]).map((name) => [name, readFileSync(join(dir, TABLES[name].file), 'utf8')]),
) as DataTexts;
const { dataset, problems } = loadDataset(texts, (name) => join(dir, TABLES[name].file));
for (const p of problems) console.error(formatProblem(p));
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s) in ${dir}/. Fix them and run again.`);
  process.exit(1);
}
console.log(
  `data OK: ${dataset.figures.length} figures, ${dataset.pairings.length} pairings, ${dataset.places.length} places, ` +
    `${dataset.sources.length} sources, ${dataset.categories.length} categories, ${dataset.metrics.length} metrics`,
);
