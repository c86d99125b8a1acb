import { formatCsv, formatRows } from '../data/csv.ts';
import type { Problem } from '../data/problems.ts';
import { columnsOf, TABLES, type TableName } from '../data/schema.ts';
import { readCsv, type CsvSource } from '../data/tables.ts';
import type { ImportMode, ImportTable, UserFile } from '../data/user-files.ts';
import { loadSources, type DataTexts, type LoadResult } from '../data/validate.ts';


export interface FileCount {
  name: string;
  table: ImportTable;
  /** Rows that go on the map, and rows kept aside with a problem: together, every row of the file. */
  valid: number;
  invalid: number;
}

export interface Combined extends LoadResult {
  counts: FileCount[];
  /** For each table the user's files touch: every row of it (ours first when merging) and every cell, as CSV. */
  allRows: Partial<Record<ImportTable, string>>;
}

/**
 * The user's files with the built-in data: `replace` uses a user's files instead of ours, `merge` adds
 * their rows after ours. Several files for one table are all used, in the order given. Validation is
 * the very code of `npm run data:check`; every problem in a user's row is reported against that
 * user's file and the line it has there.
 */
export function combine(builtin: DataTexts, files: readonly UserFile[], mode: ImportMode): Combined {
  const user = files.map((f) => ({ table: f.table, source: readCsv(f.name, f.text) }));
  const sources = {} as Record<TableName, CsvSource[]>;
  for (const name of Object.keys(TABLES) as TableName[]) {
    const mine = user.filter((u) => u.table === name).map((u) => u.source);
    const ours = readCsv(`data/${TABLES[name].file}`, builtin[name]);
    sources[name] = mine.length === 0 ? [ours] : mode === 'merge' ? [ours, ...mine] : mine;
  }
  // Our recorded contradictions name our figures: with those replaced, they have nothing to name.
  if (mode === 'replace' && user.some((u) => u.table === 'figures')) {
    sources.discrepancies = [readCsv(`data/${TABLES.discrepancies.file}`, builtin.discrepancies.split(/\r?\n/)[0] ?? '')];
  }
  // A user's own figures cannot bring a sections.csv: their sections show as written.
  const result = loadSources(sources, { sectionNames: false });
  const counts = user.map(({ table, source }) => {
    const invalid = (result.invalid[table] ?? []).filter((r) => r.file === source.file).length;
    return { name: source.file, table, valid: source.csv.records.length - invalid, invalid };
  });
  const allRows: Partial<Record<ImportTable, string>> = {};
  for (const { table } of user) allRows[table] ??= allRowsCsv(table, sources[table]);
  return { ...result, counts, allRows };
}

/**
 * Every record of every file as one CSV: our columns first, then any other column a file has (a
 * repeated name keeps each copy), then `extra_1`, `extra_2`… for cells beyond a file's header.
 */
export function allRowsCsv(table: TableName, sources: readonly CsvSource[]): string {
  const columns: string[] = [...columnsOf(table)];
  const nth = (name: string, k: number) => {
    let seen = -1;
    for (let j = 0; j < columns.length; j++) if (columns[j] === name && ++seen === k) return j;
    columns.push(name);
    return columns.length - 1;
  };
  const rows: string[][] = [];
  for (const { csv } of sources) {
    const count = new Map<string, number>();
    const at = csv.header.map((h) => {
      const k = count.get(h) ?? 0;
      count.set(h, k + 1);
      return nth(h, k);
    });
    const extraAt: number[] = [];
    for (const r of csv.records) {
      const row: string[] = [];
      r.cells.forEach((cell, i) => {
        const e = i - at.length;
        row[e < 0 ? at[i]! : (extraAt[e] ??= nth(`extra_${e + 1}`, 0))] = cell;
      });
      rows.push(row);
    }
  }
  return formatRows([columns, ...rows.map((r) => columns.map((_, j) => r[j] ?? ''))]);
}

/** Which of our files a CSV is, from its (normalised) columns, else its name. */
export function identifyTable(header: readonly string[], fileName: string): ImportTable | null {
  if (header.includes('metric') && header.includes('value')) return 'figures';
  if (header.includes('evidence') && header.includes('recipient')) return 'pairings';
  if (header.includes('shape') && header.includes('level')) return 'places';
  const name = fileName.toLowerCase();
  return name.includes('figure') ? 'figures' : name.includes('pairing') ? 'pairings' : name.includes('place') ? 'places' : null;
}

/** The validation report as CSV: file, line, field, problem. */
export function reportCsv(problems: readonly Problem[]): string {
  return formatCsv(['file', 'line', 'field', 'problem'], problems.map((p) => ({ file: p.file, line: p.line ?? '', field: p.field ?? '', problem: p.message })));
}
