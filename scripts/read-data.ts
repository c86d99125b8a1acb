import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCsv, type Encoding } from '../src/data/decode.ts';
import { t } from '../src/i18n/messages.ts';
import { TABLES, type TableName } from '../src/data/schema.ts';
import { loadDataset, type DataTexts, type LoadResult } from '../src/data/validate.ts';

/** A data file that cannot be read at all (missing, or not text): its path and why, for a one-line message. */
export class DataFileError extends Error {}

/**
 * A data file's text, decoded exactly as the "Open data…" dialog decodes a user's file (same
 * encodings, same refusals), so that `data:check`, the build and the import give one verdict.
 */
export function readDataFile(path: string): { text: string; encoding: Encoding } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataFileError(`${path}: ${code === 'ENOENT' ? 'no such file (every data folder needs it)' : (e as Error).message}`);
  }
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) {
    const vars: Record<string, number> = decoded.reason === 'bad-bytes' ? { offset: decoded.offset, line: decoded.line } : {};
    throw new DataFileError(`${path}: ${t('en', `import.refused.${decoded.reason}`, vars)}`);
  }
  return decoded;
}

export function readDataTexts(dir = 'data', onEncoding?: (path: string, encoding: Encoding) => void): DataTexts {
  return Object.fromEntries(
    (Object.keys(TABLES) as TableName[]).map((name) => {
      const path = join(dir, TABLES[name].file);
      const { text, encoding } = readDataFile(path);
      if (encoding !== 'utf-8') onEncoding?.(path, encoding);
      return [name, text];
    }),
  ) as DataTexts;
}

/** Loads and validates the data files of a folder, naming each file by its path there. */
export function loadDataDir(dir = 'data', onEncoding?: (path: string, encoding: Encoding) => void): LoadResult {
  return loadDataset(readDataTexts(dir, onEncoding), (name) => join(dir, TABLES[name].file));
}
