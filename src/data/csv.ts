import { dsvFormat } from 'd3-dsv';

/** One record of a CSV file, with the physical line on which it starts (header = line 1). */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

const csv = dsvFormat(',');

/**
 * Parses CSV text as spreadsheets write it: optional UTF-8 BOM, CRLF or LF line ends, quoted fields
 * that hold commas, quotes and newlines. Line numbers count the newlines inside quoted fields so that
 * an error message points at the line a person sees in an editor.
 */
export function parseCsv(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = csv.parseRows(body);
  const header = (rows[0] ?? []).map((h) => h.trim());
  const records: CsvRecord[] = [];
  let line = 1 + newlinesIn(rows[0] ?? []);
  for (const row of rows.slice(1)) {
    line += 1;
    const start = line;
    line += newlinesIn(row);
    if (row.length === 1 && row[0] === '') continue; // blank line
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = row[i] ?? '';
    });
    if (row.length > header.length) values['__extra'] = row.slice(header.length).join(',');
    records.push({ line: start, values });
  }
  return { header, records };
}

function newlinesIn(row: string[]): number {
  let n = 0;
  for (const field of row) n += (field.match(/\r\n|\r|\n/g) ?? []).length;
  return n;
}

/** Writes rows back to CSV with the given column order (quotes only where needed). */
export function formatCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  const body = rows.map((r) => columns.map((c) => String(r[c] ?? '')));
  return csv.formatRows([columns.slice(), ...body]) + '\n';
}
