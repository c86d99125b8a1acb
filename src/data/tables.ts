import { parseCsv, type CsvTable } from './csv.ts';
import { headerName } from './header.ts';
import type { Problem } from './problems.ts';
import { TABLES, columnsOf, optionalColumnsOf, type TableName } from './schema.ts';
import type { z } from 'zod';

export type Row<T> = T & { line: number };

/** A row that failed validation, kept as the user typed it so that nothing is lost. */
export interface InvalidRow {
  file: string;
  line: number;
  values: Record<string, string>;
}

/** One CSV file read for a table; a table may come from several files, read in order. */
export interface CsvSource {
  file: string;
  csv: CsvTable;
}

/** Parses a data file's text, with column names as the schemas spell them (`headerName`). */
export function readCsv(file: string, text: string): CsvSource {
  return { file, csv: parseCsv(text, headerName) };
}

export interface TableResult<T> {
  rows: Row<T>[];
  invalid: InvalidRow[];
  problems: Problem[];
  /** The file each valid row comes from. */
  fileOf: Map<object, string>;
}

type Parsed<N extends TableName> = z.infer<(typeof TABLES)[N]['schema']>;

/**
 * Reads one table from its files: every row is parsed by the table's schema; bad rows are reported
 * and kept aside. Every record of every file ends up in `rows` or `invalid`, never nowhere.
 */
export function readTable<N extends TableName>(name: N, sources: readonly CsvSource[]): TableResult<Parsed<N>> {
  const out: TableResult<Parsed<N>> = { rows: [], invalid: [], problems: [], fileOf: new Map() };
  for (const source of sources) readFile(name, source, out);
  return out;
}

function readFile<N extends TableName>(name: N, { file, csv }: CsvSource, out: TableResult<Parsed<N>>): void {
  const { header, records } = csv;
  const columns = columnsOf(name);
  const problems = out.problems;
  const optional = optionalColumnsOf(name);
  const missing = columns.filter((c) => !header.includes(c) && !optional.includes(c));
  if (csv.headerUnclosedQuote) problems.push({ file, line: 1, field: header.at(-1) ?? null, message: 'a quoted column name is never closed' });
  for (const c of missing) problems.push({ file, line: 1, field: c, message: 'missing column' });
  const positions = new Map<string, number[]>();
  header.forEach((h, i) => positions.set(h, [...(positions.get(h) ?? []), i]));
  for (const [h, at] of positions) {
    if (!columns.includes(h)) problems.push({ file, line: 1, field: h, message: `unknown column (expected ${columns.join(', ')})` });
    if (at.length > 1) problems.push({ file, line: 1, field: h, message: `column appears ${at.length} times (columns ${at.map((i) => i + 1).join(', ')})` });
  }
  const repeated = [...positions].filter(([, at]) => at.length > 1);
  if (missing.length > 0) {
    for (const r of records) out.invalid.push({ file, line: r.line, values: r.values });
    return;
  }
  const schema = TABLES[name].schema;
  for (const record of records) {
    const rowProblems: Problem[] = [];
    const say = (field: string | null, message: string) => rowProblems.push({ file, line: record.line, field, message });
    const cells = record.cells;
    if (record.unclosedQuote) {
      say(header[cells.length - 1] ?? null, 'a quoted cell opened on this line is never closed; the rest of the line was read as that cell');
    }
    if (cells.length > header.length) {
      const extra = cells.slice(header.length);
      say(null, `${extra.length} more cell${extra.length === 1 ? '' : 's'} than the ${header.length} columns: ${extra.map((c) => JSON.stringify(c.length > 40 ? `${c.slice(0, 40)}…` : c)).join(', ')}`);
    } else if (cells.length < header.length && !record.unclosedQuote) {
      say(null, `has ${cells.length} cell${cells.length === 1 ? '' : 's'}, the header has ${header.length} columns`);
    }
    for (const [h, at] of repeated) {
      const seen = [...new Set(at.map((i) => cells[i] ?? ''))];
      if (seen.length > 1) say(h, `the ${at.length} "${h}" columns differ: ${seen.map((v) => JSON.stringify(v)).join(', ')}`);
    }
    // A short row would otherwise list every missing cell as empty; the count says what is wrong.
    const result = rowProblems.length > 0 && cells.length < header.length ? null : schema.safeParse(record.values);
    if (result && !result.success) {
      for (const issue of result.error.issues) say(issue.path.length > 0 ? String(issue.path[0]) : null, issue.message);
    }
    if (result?.success && rowProblems.length === 0) {
      // The parsed object is ours alone: adding the line in place saves a copy of every row.
      const row = Object.assign(result.data as Parsed<N>, { line: record.line });
      out.rows.push(row);
      out.fileOf.set(row, file);
    } else {
      out.invalid.push({ file, line: record.line, values: record.values });
      problems.push(...rowProblems);
    }
  }
}
