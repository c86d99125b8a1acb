import { formatCsv, parseCsv } from '../data/csv.ts';
import type { Problem } from '../data/problems.ts';
import { columnsOf, TABLES, type TableName } from '../data/schema.ts';
import { loadDataset, type DataTexts, type LoadResult } from '../data/validate.ts';
import type { ImportTable } from './decode.ts';

export type ImportMode = 'replace' | 'merge';

export interface UserFile {
  table: ImportTable;
  name: string;
  text: string;
}

/**
 * The user's files with the built-in data: `replace` uses a user's file instead of ours, `merge` adds
 * its rows after ours. Validation is the very code of `npm run data:check`; every problem in a user's
 * row is reported against that user's file and the line it has there.
 */
export function combine(builtin: DataTexts, files: readonly UserFile[], mode: ImportMode): LoadResult & { texts: DataTexts } {
  const texts: DataTexts = { ...builtin };
  const offsets = new Map<TableName, { name: string; offset: number; userLines: number[] }>();
  for (const f of files) {
    const user = parseCsv(f.text);
    if (mode === 'replace') {
      texts[f.table] = f.text;
      offsets.set(f.table, { name: f.name, offset: 0, userLines: [] });
      continue;
    }
    // Merge: user rows in our column order, after ours; unknown or missing columns still get reported.
    const columns = [...new Set([...columnsOf(f.table), ...user.header])];
    const ours = parseCsv(builtin[f.table]).records.map((r) => r.values);
    const merged = formatCsv(columns, [...ours, ...user.records.map((r) => r.values)]);
    texts[f.table] = merged;
    offsets.set(f.table, { name: f.name, offset: ours.length, userLines: user.records.map((r) => r.line) });
  }
  const result = loadDataset(texts, (name) => offsets.get(name)?.name ?? `data/${TABLES[name].file}`, { sectionNames: false });
  if (mode === 'merge') {
    for (const [table, o] of offsets) {
      const lineToIndex = new Map(parseCsv(texts[table]).records.map((r, i) => [r.line, i]));
      result.problems = result.problems.map((p) => relocate(p, o, lineToIndex, `data/${TABLES[table].file}`));
    }
  }
  return { ...result, texts };
}

function relocate(p: Problem, o: { name: string; offset: number; userLines: number[] }, lineToIndex: Map<number, number>, builtinFile: string): Problem {
  if (p.file !== o.name || p.line === null || p.line === 1) return p;
  const index = lineToIndex.get(p.line);
  if (index === undefined || index < o.offset) return { ...p, file: builtinFile, line: index === undefined ? p.line : index + 2 };
  return { ...p, line: o.userLines[index - o.offset] ?? p.line };
}

/** The validation report as CSV: file, line, field, problem. */
export function reportCsv(problems: readonly Problem[]): string {
  return formatCsv(['file', 'line', 'field', 'problem'], problems.map((p) => ({ file: p.file, line: p.line ?? '', field: p.field ?? '', problem: p.message })));
}
