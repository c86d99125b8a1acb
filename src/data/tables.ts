import { parseCsv } from './csv.ts';
import type { Problem } from './problems.ts';
import { TABLES, columnsOf, optionalColumnsOf, type TableName } from './schema.ts';
import type { z } from 'zod';

export type Row<T> = T & { line: number };

/** A row that failed validation, kept as the user typed it so that nothing is lost. */
export interface InvalidRow {
  line: number;
  values: Record<string, string>;
}

export interface TableResult<T> {
  rows: Row<T>[];
  invalid: InvalidRow[];
  problems: Problem[];
}

type Parsed<N extends TableName> = z.infer<(typeof TABLES)[N]['schema']>;

/** Reads one data file: every row is parsed by the file's schema; bad rows are reported and kept aside. */
export function readTable<N extends TableName>(name: N, text: string, file: string): TableResult<Parsed<N>> {
  const { header, records } = parseCsv(text);
  const columns = columnsOf(name);
  const problems: Problem[] = [];
  const optional = optionalColumnsOf(name);
  const missing = columns.filter((c) => !header.includes(c) && !optional.includes(c));
  for (const c of missing) problems.push({ file, line: 1, field: c, message: 'missing column' });
  for (const c of header) {
    if (!columns.includes(c)) problems.push({ file, line: 1, field: c, message: `unknown column (expected ${columns.join(', ')})` });
  }
  const rows: Row<Parsed<N>>[] = [];
  const invalid: InvalidRow[] = [];
  if (missing.length > 0) {
    return { rows, invalid: records.map((r) => ({ line: r.line, values: r.values })), problems };
  }
  const schema = TABLES[name].schema;
  for (const record of records) {
    const rowProblems: Problem[] = [];
    if (record.values['__extra'] !== undefined) {
      rowProblems.push({ file, line: record.line, field: null, message: `more cells than the ${header.length} columns` });
    }
    const result = schema.safeParse(record.values);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.length > 0 ? String(issue.path[0]) : null;
        rowProblems.push({ file, line: record.line, field, message: issue.message });
      }
    }
    if (result.success && rowProblems.length === 0) rows.push({ ...(result.data as Parsed<N>), line: record.line });
    else {
      invalid.push({ line: record.line, values: record.values });
      problems.push(...rowProblems);
    }
  }
  return { rows, invalid, problems };
}
