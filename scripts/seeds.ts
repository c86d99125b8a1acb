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

/**
 * Numbers of each text in `dir`, beside the entries already in data/seed-numbers.json for sources
 * whose text is not there: the openings of the 2009 and 2010 Qingdao pages were read from stored web
 * pages and only their numbers are kept, so a run on ../shared/seeds must not drop them.
 *
 * A text is matched to its row in data/sources.csv by its file name (`qd2010.txt`), else by the
 * SHA-256 recorded for it before, else by its title line (which must then name one source only:
 * the Qingdao entries of three years share a title).
 */
export function buildSeedNumbers(
  dir: string,
  sourcesCsv = readFileSync('data/sources.csv', 'utf8'),
  previous: SeedNumbers['sources'] = existsSync(SEED_NUMBERS_FILE) ? (JSON.parse(readFileSync(SEED_NUMBERS_FILE, 'utf8')) as SeedNumbers).sources : {},
): SeedNumbers {
  const sources = parseCsv(sourcesCsv).records.map((r) => r.values);
  const found: SeedNumbers['sources'] = {};
  for (const { file, text } of readSeeds(dir)) {
    const { title, sections } = sectionsOf(text);
    const sha256 = createHash('sha256').update(text).digest('hex');
    const byName = sources.find((s) => `${s['id']}.txt` === file);
    const byHash = Object.entries(previous).find(([, e]) => e.sha256 === sha256)?.[0];
    const byTitle = sources.filter((s) => sameTitle(s['title'] ?? '', title));
    const id = byName?.['id'] ?? byHash ?? (byTitle.length === 1 ? byTitle[0]?.['id'] : undefined);
    if (id === undefined) {
      const why = byTitle.length === 0 ? 'has the title' : `is the only one with the title (${byTitle.map((s) => s['id']).join(', ')} share it; name the file <id>.txt)`;
      throw new Error(`${file}: no row in data/sources.csv ${why} "${title}"`);
    }
    found[id] = { file, sha256, sections };
  }
  const out: SeedNumbers = {
    note: 'Numbers found in each section of the source texts, made by `npm run data:seeds`; do not edit by hand.',
    sources: {},
  };
  // In the order of sources.csv, so that adding a text elsewhere does not reorder the file.
  for (const s of sources) {
    const id = s['id'] ?? '';
    const entry = found[id] ?? previous[id];
    if (entry) out.sources[id] = entry;
  }
  return out;
}
