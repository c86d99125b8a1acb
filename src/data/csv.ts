/** One record of a CSV file, with the physical line on which it starts (header = line 1). */
export interface CsvRecord {
  line: number;
  /** The cells in file order (a column named twice keeps both). */
  cells: string[];
  /** The cells by column name (the first of a repeated name); `__extra` holds cells beyond the header. */
  values: Record<string, string>;
  /** A quoted cell on this line is never closed: the rest of the line was read as that cell. */
  unclosedQuote: boolean;
}

export interface CsvTable {
  header: string[];
  /** A quoted column name is never closed (the header was read to the end of its line). */
  headerUnclosedQuote: boolean;
  records: CsvRecord[];
}

/**
 * Parses CSV text as spreadsheets write it: optional UTF-8 BOM, CRLF or LF line ends, quoted fields
 * that hold commas, quotes and newlines. Line numbers count the newlines inside quoted fields so that
 * an error message points at the line a person sees in an editor.
 *
 * A quote that is never closed would swallow the rest of the file into one cell; instead the cell
 * ends with its line, the record is flagged, and reading goes on with the next line, so that every
 * later row is still read and counted. `header` is passed through `headerName` (e.g. to forgive case).
 */
export function parseCsv(text: string, headerName: (h: string) => string = (h) => h.trim()): CsvTable {
  const rows = parseRows(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const first = rows[0];
  const header = (first?.cells ?? []).map(headerName);
  const records: CsvRecord[] = [];
  for (const row of rows.slice(1)) {
    if (row.blank) continue;
    records.push({ line: row.line, cells: row.cells, unclosedQuote: row.unclosedQuote, values: valuesOf(header, row.cells) });
  }
  return { header, headerUnclosedQuote: first?.unclosedQuote ?? false, records };
}

/**
 * The cells by column name. Every name is an own property, so that a column named `__proto__` or
 * `toString` is only a name (a null-prototype object would do the same, but V8 keeps those in slow
 * dictionary mode, which made 100,000 rows markedly slower to validate).
 */
export function valuesOf(header: readonly string[], cells: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  const has = (name: string) => Object.prototype.hasOwnProperty.call(values, name);
  header.forEach((name, i) => {
    if (has(name)) return;
    if (name === '__proto__') Object.defineProperty(values, name, { value: cells[i] ?? '', enumerable: true, writable: true, configurable: true });
    else values[name] = cells[i] ?? '';
  });
  if (cells.length > header.length) values['__extra'] = cells.slice(header.length).join(',');
  return values;
}

interface RawRow {
  line: number;
  cells: string[];
  unclosedQuote: boolean;
  /** An empty line (not a line holding `""`). */
  blank: boolean;
}

function parseRows(text: string): RawRow[] {
  const rows: RawRow[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const from = i;
    const cells: string[] = [];
    let unclosedQuote = false;
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        const open = i;
        const openLine = line;
        i++;
        let closed = false;
        while (i < n) {
          const q = text.indexOf('"', i);
          const chunk = text.slice(i, q === -1 ? n : q);
          line += newlines(chunk);
          cell += chunk;
          if (q === -1) {
            i = n;
            break;
          }
          if (text[q + 1] === '"') {
            cell += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          closed = true;
          break;
        }
        if (!closed) {
          // Back to the line the quote opened on: the cell is the rest of that line.
          unclosedQuote = true;
          line = openLine;
          const end = lineEnd(text, open);
          cell = text.slice(open + 1, end);
          i = end;
        }
        // Text after the closing quote (`"a"b`) is kept, as spreadsheets do.
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      } else {
        const cellStart = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        cell = text.slice(cellStart, i);
      }
      cells.push(cell);
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    const blank = i === from;
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    rows.push({ line: start, cells, unclosedQuote, blank });
    line++;
  }
  return rows;
}

function newlines(s: string): number {
  let count = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 10 || (c === 13 && s.charCodeAt(k + 1) !== 10)) count++;
  }
  return count;
}

function lineEnd(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  const ends = [lf, cr].filter((x) => x !== -1);
  return ends.length === 0 ? text.length : Math.min(...ends);
}

/*
 * A spreadsheet runs a cell that starts like a formula (=, +, -, @, tab, carriage return), even in a
 * CSV file; such a cell is written with a leading apostrophe, which spreadsheets show as plain text.
 * Plain numbers (-5, +3.2) stay as they are. Leading apostrophes count, so that the rule can be undone
 * exactly (`readCell`): nothing a user typed is lost, only made harmless.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const needsGuard = (s: string) => FORMULA.test(s) && !PLAIN_NUMBER.test(s);

export function neutralise(s: string): string {
  return needsGuard(s) ? `'${s}` : s;
}

/** The cell as it was before `neutralise`. */
export function readCell(s: string): string {
  return s.startsWith("'") && needsGuard(s.slice(1)) ? s.slice(1) : s;
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows as CSV, cells made harmless for spreadsheets, quoted only where needed. */
export function formatRows(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((r) => r.map((c) => quote(neutralise(c))).join(',')).join('\n') + '\n';
}

/** Writes rows back to CSV with the given column order. */
export function formatCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  const get = (r: Record<string, unknown>, c: string) => (Object.prototype.hasOwnProperty.call(r, c) ? String(r[c] ?? '') : '');
  return formatRows([columns, ...rows.map((r) => columns.map((c) => get(r, c)))]);
}
