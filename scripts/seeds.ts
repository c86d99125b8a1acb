import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCsv } from '../src/data/csv.ts';
import { sameTitle, sectionsOf, type NumberToken } from '../src/data/seed-numbers.ts';

export const SEED_NUMBERS_FILE = 'data/seed-numbers.json';

export interface SeedNumbers {
  note: string;
  sources: Record<string, { file: string; sha256: string; sections: Record<string, NumberToken[]> }>;
}

/** The yearbook texts live outside the repo, beside it in ../shared/seeds (override: SEEDS_DIR). */
export function seedsDir(): string {
  return resolve(process.env['SEEDS_DIR'] ?? join(import.meta.dirname, '..', '..', 'shared', 'seeds'));
}

export function seedsPresent(dir = seedsDir()): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.txt'));
}

export function readSeeds(dir = seedsDir()): { file: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

/** Each text is matched to its row in data/sources.csv by its title line. */
export function buildSeedNumbers(dir: string, sourcesCsv = readFileSync('data/sources.csv', 'utf8')): SeedNumbers {
  const sources = parseCsv(sourcesCsv).records.map((r) => r.values);
  const out: SeedNumbers = {
    note: 'Numbers found in each section of the source texts, made by `npm run data:seeds`; do not edit by hand.',
    sources: {},
  };
  for (const { file, text } of readSeeds(dir)) {
    const { title, sections } = sectionsOf(text);
    const source = sources.find((s) => sameTitle(s['title'] ?? '', title));
    if (!source) throw new Error(`${file}: no row in data/sources.csv has the title "${title}"`);
    const sha256 = createHash('sha256').update(text).digest('hex');
    out.sources[source['id'] ?? ''] = { file, sha256, sections };
  }
  return out;
}
