import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES, type TableName } from '../src/data/schema.ts';
import { loadDataset, type DataTexts, type LoadResult } from '../src/data/validate.ts';

export function readDataTexts(dir = 'data'): DataTexts {
  return Object.fromEntries(
    (Object.keys(TABLES) as TableName[]).map((name) => [name, readFileSync(join(dir, TABLES[name].file), 'utf8')]),
  ) as DataTexts;
}

/** Loads and validates the data files of a folder, naming each file by its path there. */
export function loadDataDir(dir = 'data'): LoadResult {
  return loadDataset(readDataTexts(dir), (name) => join(dir, TABLES[name].file));
}
