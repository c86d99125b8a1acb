/**
 * `npm run data:seeds`: reads the yearbook texts in ../shared/seeds (or SEEDS_DIR) and writes
 * data/seed-numbers.json: for each source, the numbers written in each section (no sentences), plus
 * the text's SHA-256 so that tests notice when a text changes. Tests use this file when the texts
 * themselves are absent, and compare it with the texts when they are present.
 */
import { writeFileSync } from 'node:fs';
import { buildSeedNumbers, SEED_NUMBERS_FILE, seedsDir } from './seeds.ts';

const dir = seedsDir();
const result = buildSeedNumbers(dir);
writeFileSync(SEED_NUMBERS_FILE, JSON.stringify(result, null, 2) + '\n');
for (const [id, s] of Object.entries(result.sources)) {
  const n = Object.values(s.sections).reduce((a, t) => a + t.length, 0);
  console.log(`${id}: ${s.file}, ${Object.keys(s.sections).length} sections, ${n} numbers`);
}
console.log(`wrote ${SEED_NUMBERS_FILE}`);
