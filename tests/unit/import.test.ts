import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralise, parseCsv, readCell } from '../../src/data/csv.ts';
import { decodeCsv, MAX_BYTES } from '../../src/data/decode.ts';
import { headerName } from '../../src/data/header.ts';
import { formatProblem } from '../../src/data/problems.ts';
import { columnsOf, TABLES, type TableName } from '../../src/data/schema.ts';
import type { DataTexts } from '../../src/data/validate.ts';
import { xmlText } from '../../src/export/xml-text.ts';
import type { ImportMode } from '../../src/data/user-files.ts';
import { combine, identifyTable, reportCsv } from '../../src/import/combine.ts';

const builtin = Object.fromEntries((Object.keys(TABLES) as TableName[]).map((n) => [n, readFileSync(`data/${TABLES[n].file}`, 'utf8')])) as DataTexts;
const bytes = (s: string) => new TextEncoder().encode(s);
const HEADER = 'id,source,section,year_from,year_to,donor,recipients,category,metric,value,qualifier,part_of,note_en,note_zh';
const row = (id: string, value = '500000', extra: Partial<Record<'year' | 'recipients' | 'metric' | 'part_of' | 'note_en', string>> = {}) =>
  `${id},nb2010,Overview,${extra.year ?? '2012'},${extra.year ?? '2012'},330200,${extra.recipients ?? '522600'},education,${extra.metric ?? 'funds_cny'},${value},exact,${extra.part_of ?? ''},${extra.note_en ?? 'A note.'},说明。`;
const builtinFigures = parseCsv(builtin.figures).records.length;
const figures = (text: string, name = 'mine.csv') => ({ table: 'figures' as const, name, text });
const problems = (text: string, mode: ImportMode = 'merge') => combine(builtin, [figures(text)], mode).problems.map(formatProblem);
/** The "all rows" download of a table, read back: header and rows of cells as the user typed them. */
const download = (text: string) => {
  const rows = parseCsv(text).records.map((r) => r.cells.map(readCell));
  return { header: parseCsv(text).header, rows };
};

describe('reading a user file', () => {
  it('reads UTF-8 with or without a BOM, UTF-16 with a BOM, and clean GBK, and says which', () => {
    expect(decodeCsv(bytes('\ufeffa,b\n1,2'))).toEqual({ ok: true, text: 'a,b\n1,2', encoding: 'utf-8' });
    // "编号,数值" in GBK.
    const gbk = new Uint8Array([0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xca, 0xfd, 0xd6, 0xb5, 0x0a]);
    expect(decodeCsv(gbk)).toEqual({ ok: true, text: '编号,数值\n', encoding: 'gbk' });
    // The GBK for 青岛 holds a well-formed UTF-8 sequence by chance (E0 B5 BA): still GBK.
    expect(decodeCsv(new Uint8Array([...bytes('a,'), 0xc7, 0xe0, 0xb5, 0xba]))).toEqual({ ok: true, text: 'a,青岛', encoding: 'gbk' });
    const le = new Uint8Array([0xff, 0xfe, ...[...'a,青\n1,2'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeCsv(le)).toEqual({ ok: true, text: 'a,青\n1,2', encoding: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, ...[...'a,岛'].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    expect(decodeCsv(be)).toEqual({ ok: true, text: 'a,岛', encoding: 'utf-16be' });
  });

  it('refuses text that would be corrupted, with the offset and line of the first bad byte', () => {
    // Latin-1 "Café Zürich": as GBK it would read "Caf� Z黵ich".
    const latin1 = new Uint8Array([...bytes('name,city\nx,Caf'), 0xe9, ...bytes(' Z'), 0xfc, ...bytes('rich\n')]);
    expect(decodeCsv(latin1)).toEqual({ ok: false, reason: 'bad-bytes', offset: 15, line: 2 });
    // One stray byte in a UTF-8 file: as GBK 青岛 would read 闈掑矝.
    const stray = new Uint8Array([...bytes('a,b\n青岛,1\n'), 0xff, ...bytes(',2\n')]);
    expect(decodeCsv(stray)).toEqual({ ok: false, reason: 'bad-bytes', offset: 13, line: 3 });
    // UTF-8 Chinese with one GBK-plausible stray byte still decodes cleanly as GBK: refused all the same.
    const plausible = new Uint8Array([...bytes('a,b\n青岛,1\n贵州,'), 0x81, 0x41, ...bytes('\n')]);
    expect(decodeCsv(plausible)).toMatchObject({ ok: false, reason: 'bad-bytes', line: 3 });
  });

  it('refuses empty, binary, non-CSV and huge files with a reason', () => {
    expect(decodeCsv(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toEqual({ ok: false, reason: 'binary' });
    expect(decodeCsv(bytes('just some words\nmore'))).toEqual({ ok: false, reason: 'not-csv' });
    expect(decodeCsv(new Uint8Array(MAX_BYTES + 1))).toEqual({ ok: false, reason: 'too-large' });
  });

  it('maps Chinese column names to the documented ones and tells the files apart', () => {
    const { header } = parseCsv('编号,来源,栏目,起始年份,截止年份,帮扶方,受援地,类别,指标,数值,限定,所属,说明（英文）,说明（中文）\r\nx', headerName);
    expect(header.join(',')).toBe(HEADER);
    expect(identifyTable(HEADER.split(','), 'whatever.csv')).toBe('figures');
    expect(identifyTable('donor,recipient,level,from_year,to_year,evidence,source,section'.split(','), 'a.csv')).toBe('pairings');
    expect(identifyTable(['a', 'b'], 'my-places.csv')).toBe('places');
    expect(identifyTable(['a', 'b'], 'x.csv')).toBeNull();
  });

  it('reads a quoted header with a comma as one column, and __proto__ / toString as plain names', () => {
    const t = parseCsv('"a,b",__proto__,toString\n1,2,3\n');
    expect(t.header).toEqual(['a,b', '__proto__', 'toString']);
    expect(t.records[0]!.cells).toEqual(['1', '2', '3']);
    expect(t.records[0]!.values['__proto__']).toBe('2');
    expect(t.records[0]!.values['toString']).toBe('3');
  });

  it('ends an unterminated quote with its line, flags it, and reads every later row', () => {
    const t = parseCsv(['h,k', '1,"two', 'lines"', '2,"never closed', '3,c', '4,d'].join('\n'));
    expect(t.records.map((r) => [r.line, r.cells, r.unclosedQuote])).toEqual([
      [2, ['1', 'two\nlines'], false],
      [4, ['2', 'never closed'], true],
      [5, ['3', 'c'], false],
      [6, ['4', 'd'], false],
    ]);
  });

  it('makes formula-like cells harmless, reversibly, and leaves plain numbers alone', () => {
    expect(neutralise('=1+1')).toBe("'=1+1");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('-5')).toBe('-5');
    expect(neutralise('-x')).toBe("'-x");
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '1', 'a', '.') }), (s) => {
        expect(readCell(neutralise(s))).toBe(s);
      }),
    );
  });
});

describe('combining user data with the built-in data', () => {
  const user = [
    HEADER,
    row('u1'),
    row('u2', '"1,2"'),
    '"u3",nb2010,Overview,2012,2012,330200,999999,education,funds_cny,100,exact,,"Note with a comma, and a',
    'newline",多行。',
    row('qd11-funds-total', '1'),
  ].join('\n');

  it('merges: valid rows join ours; each problem names the user file and its own line', () => {
    const r = combine(builtin, [figures(user)], 'merge');
    expect(r.dataset.figures.some((f) => f.id === 'u1')).toBe(true);
    expect(r.dataset.figures.some((f) => f.id === 'qd11-funds-total' && f.value === 31_250_000)).toBe(true);
    expect(r.problems.map(formatProblem)).toEqual([
      'mine.csv:3: value: expected a number, got "1,2"',
      'mine.csv:6: id: "qd11-funds-total" is already used on line 2 of data/figures.csv',
      'mine.csv:4: recipients: no place with id 999999 in places.csv',
    ]);
    expect(r.counts).toEqual([{ name: 'mine.csv', table: 'figures', valid: 1, invalid: 3 }]);
    // Nothing typed is lost: the download holds ours and every user row, valid or not.
    expect(r.allRows.figures).toContain('Note with a comma, and a\nnewline');
    expect(download(r.allRows.figures!).rows).toHaveLength(builtinFigures + 4);
  });

  it('replaces: only the user rows are shown', () => {
    const r = combine(builtin, [figures(user)], 'replace');
    expect(r.dataset.figures.map((f) => f.id)).toEqual(['u1', 'qd11-funds-total']);
    expect(download(r.allRows.figures!).rows).toHaveLength(4);
  });

  it('uses every file given for one table, in order, in both modes (finding 3)', () => {
    const a = figures([HEADER, row('a1'), row('a2')].join('\n'), 'figures.csv');
    const b = figures([HEADER, row('b1')].join('\n'), 'figures.csv (2)');
    for (const mode of ['merge', 'replace'] as const) {
      const r = combine(builtin, [a, b], mode);
      const ids = r.dataset.figures.map((f) => f.id);
      expect(ids.filter((id) => /^[ab]\d$/.test(id))).toEqual(['a1', 'a2', 'b1']);
      expect(r.counts.map((c) => [c.name, c.valid, c.invalid])).toEqual([
        ['figures.csv', 2, 0],
        ['figures.csv (2)', 1, 0],
      ]);
      expect(download(r.allRows.figures!).rows).toHaveLength((mode === 'merge' ? builtinFigures : 0) + 3);
    }
  });

  it('reports extra cells in merge mode too, and keeps them in the download (finding 3)', () => {
    const r = combine(builtin, [figures([HEADER, `${row('x1')},surplus,more`].join('\n'))], 'merge');
    expect(r.problems.map(formatProblem)).toEqual(['mine.csv:2: 2 more cells than the 14 columns: "surplus", "more"']);
    const d = download(r.allRows.figures!);
    expect(d.header.slice(-2)).toEqual(['extra_1', 'extra_2']);
    expect(d.rows.at(-1)!.slice(-2)).toEqual(['surplus', 'more']);
  });

  it('reports a column given twice, uses no copy that disagrees, and keeps both in the download (finding 3)', () => {
    const text = [`${HEADER},value`, `${row('d1', '5')},7`, `${row('d2', '5')},5`].join('\n');
    const r = combine(builtin, [figures(text)], 'replace');
    expect(r.problems.map(formatProblem)).toEqual(['mine.csv:1: value: column appears 2 times (columns 10, 15)', 'mine.csv:2: value: the 2 "value" columns differ: "5", "7"']);
    expect(r.dataset.figures.map((f) => [f.id, f.value])).toEqual([['d2', 5]]);
    const d = download(r.allRows.figures!);
    expect(d.header.filter((h) => h === 'value')).toHaveLength(2);
    expect(d.rows[0]!.filter((c) => c === '7')).toHaveLength(1);
  });

  it('names an unterminated quote by line and column, and reads the rows after it (finding 3)', () => {
    const text = [HEADER, row('q1'), row('q2', '5', { note_en: '"Opened' }), row('q3'), row('q4'), row('q5'), row('q6'), row('q7')].join('\n');
    const r = combine(builtin, [figures(text)], 'replace');
    expect(r.problems.map(formatProblem)).toEqual(['mine.csv:3: note_en: a quoted cell opened on this line is never closed; the rest of the line was read as that cell']);
    expect(r.counts[0]).toMatchObject({ valid: 6, invalid: 1 });
    expect(download(r.allRows.figures!).rows).toHaveLength(7);
  });

  it('keeps __proto__ and toString columns as plain names in the download (finding 8)', () => {
    const r = combine(builtin, [figures([`${HEADER},__proto__,toString`, `${row('p1')},x,y`].join('\n'))], 'replace');
    const d = download(r.allRows.figures!);
    // Column names are forgiven their case, as documented.
    expect(d.header.slice(-2)).toEqual(['__proto__', 'tostring']);
    expect(d.rows[0]!.slice(-2)).toEqual(['x', 'y']);
    expect(r.problems.map(formatProblem)).toContain(`mine.csv:1: __proto__: unknown column (expected ${columnsOf('figures').join(', ')})`);
  });

  it('refuses numbers that are not finite or out of their unit’s range, by file and line (finding 1)', () => {
    expect(problems([HEADER, row('n1', '9'.repeat(400)), row('n2', `1${'0'.repeat(307)}`), row('n3', '1000000000000000')].join('\n'))).toEqual([
      `mine.csv:2: value: "${'9'.repeat(40)}…" is too large: numbers must be below 10^15`,
      `mine.csv:3: value: "1${'0'.repeat(39)}…" is too large: numbers must be below 10^15`,
      'mine.csv:4: value: "1000000000000000" is too large: numbers must be below 10^15',
    ]);
    expect(problems([HEADER, row('n4', '101', { metric: 'percent' }), row('n5', '2000000000', { metric: 'projects' })].join('\n'))).toEqual([
      'mine.csv:2: value: 101 is out of range: a percent value must be at most 100 percent',
      'mine.csv:3: value: 2000000000 is out of range: a projects value must be below 10^9',
    ]);
  });

  it('never lets a user row knock a built-in figure off the map: the conflict is the user row’s (finding 5)', () => {
    const r = combine(builtin, [figures([HEADER, row('over', '1', { year: '2011', recipients: '520400;520600', part_of: 'qd11-funds-total' })].join('\n'))], 'merge');
    expect(r.problems.map(formatProblem)).toEqual(['mine.csv:2: value: with it, the parts of "qd11-funds-total" add up to 31250001, more than its value 31250000 (if the text itself says so, record it in discrepancies.csv)']);
    expect(r.dataset.figures).toHaveLength(builtinFigures);
    expect(r.counts[0]).toMatchObject({ valid: 0, invalid: 1 });
  });

  it('rejects control characters in any field, allowing tab and line breaks only in notes (finding 6)', () => {
    const places = 'id,level,parent,name_zh,name_en,short_zh,short_en,name_2010_zh,name_2010_en,level_2010,shape,lon,lat\n330299,district,330200,区,District,区,Short\u000bName,,,,point,121.6,29.9\n';
    const r = combine(builtin, [{ table: 'places', name: 'places.csv', text: places }], 'merge');
    expect(r.problems.map(formatProblem)).toEqual(['places.csv:2: short_en: holds the control character U+000B at position 6 (tabs and line breaks are allowed only in notes)']);
    expect(problems([HEADER, row('c1', '5', { note_en: '"Two\nlines\tand a tab"' })].join('\n'))).toEqual([]);
  });

  it('writes the validation report with formula-like cells made harmless (finding 7)', () => {
    const r = combine(builtin, [figures([`${HEADER},=HYPERLINK("x")`, row('r1')].join('\n'), '=evil.csv')], 'replace');
    const report = reportCsv(r.problems);
    expect(report).toContain(`'=evil.csv,1,"'=hyperlink(""x"")"`);
    expect(parseCsv(report).records.every((rec) => rec.cells.every((c) => !/^[=+\-@]/.test(c)))).toBe(true);
  });
});

describe('every row and every cell is accounted for (property)', () => {
  // Cells that stress the reader: quotes, commas, newlines, formula starts, CJK, huge numbers, controls.
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', '9', ',', '"', '\n', ' ', '青', '=', '-', '@', '\u000b', "'"), maxLength: 8 }),
    fc.constantFrom('', '9'.repeat(400), '1e5', '-1', 'NaN', '2011', '522600', 'funds_cny'),
  );
  const quote = (c: string) => (/[",\n\r]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c);
  const file = fc.record({
    header: fc.oneof(fc.constant(columnsOf('figures')), fc.shuffledSubarray([...columnsOf('figures'), 'value', 'extra', '__proto__'], { minLength: 1 })),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 17 }), { maxLength: 12 }),
    unclosed: fc.option(fc.nat(), { nil: undefined }),
  });

  it('rows in = rows in the download, each user cell kept in its row, whatever the mode', () => {
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 3 }), fc.constantFrom<ImportMode>('merge', 'replace'), (files, mode) => {
        const texts = files.map((f) => {
          const lines = f.rows.map((r) => r.map(quote).join(','));
          // A broken row: an opening quote that is never closed (only meaningful on the last line).
          if (f.unclosed !== undefined && lines.length > 0) lines[lines.length - 1] += ',"never closed';
          return [f.header.join(','), ...lines].join('\n');
        });
        const r = combine(builtin, texts.map((t, i) => figures(t, `f${i}.csv`)), mode);
        const rowsIn = files.reduce((n, f) => n + f.rows.length, 0);
        const d = download(r.allRows.figures!);
        const offset = mode === 'merge' ? builtinFigures : 0;
        expect(d.rows).toHaveLength(offset + rowsIn);
        expect(r.counts.reduce((n, c) => n + c.valid + c.invalid, 0)).toBe(rowsIn);
        let k = offset;
        files.forEach((f, i) => {
          f.rows.forEach((_, j) => {
            const out = d.rows[k++]!.filter((c) => c !== '').sort();
            const given = parseCsv(texts[i]!).records[j]!.cells.filter((c) => c !== '').sort();
            expect(out).toEqual(given);
          });
        });
      }),
      { numRuns: 60 },
    );
  }, 30_000);
});

describe('exports', () => {
  it('replace what XML 1.0 does not allow, and keep everything else', () => {
    expect(xmlText('a\u000bb\u0000c\ud800d\t\n\r青😀\ufffe')).toBe('a\ufffdb\ufffdc\ufffdd\t\n\r青😀\ufffd');
  });
});
