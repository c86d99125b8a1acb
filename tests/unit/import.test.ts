import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems.ts';
import { TABLES, type TableName } from '../../src/data/schema.ts';
import type { DataTexts } from '../../src/data/validate.ts';
import { combine } from '../../src/import/combine.ts';
import { decodeCsv, identifyTable, MAX_BYTES, normaliseHeader } from '../../src/import/decode.ts';

const builtin = Object.fromEntries((Object.keys(TABLES) as TableName[]).map((n) => [n, readFileSync(`data/${TABLES[n].file}`, 'utf8')])) as DataTexts;
const bytes = (s: string) => new TextEncoder().encode(s);
const HEADER = 'id,source,section,year_from,year_to,donor,recipients,category,metric,value,qualifier,part_of,note_en,note_zh';

describe('reading a user file', () => {
  it('accepts UTF-8 with or without a BOM, and falls back to GBK', () => {
    expect(decodeCsv(bytes('\ufeffa,b\n1,2'))).toEqual({ ok: true, text: 'a,b\n1,2', encoding: 'utf-8' });
    // "编号,数值" in GBK.
    const gbk = new Uint8Array([0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xca, 0xfd, 0xd6, 0xb5, 0x0a]);
    expect(decodeCsv(gbk)).toEqual({ ok: true, text: '编号,数值\n', encoding: 'gbk' });
  });
  it('refuses empty, binary, non-CSV and huge files with a reason', () => {
    expect(decodeCsv(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toEqual({ ok: false, reason: 'binary' });
    expect(decodeCsv(bytes('just some words\nmore'))).toEqual({ ok: false, reason: 'not-csv' });
    expect(decodeCsv(new Uint8Array(MAX_BYTES + 1))).toEqual({ ok: false, reason: 'too-large' });
  });
  it('maps Chinese column names to the documented ones and tells the files apart', () => {
    const text = normaliseHeader('编号,来源,栏目,起始年份,截止年份,帮扶方,受援地,类别,指标,数值,限定,所属,说明（英文）,说明（中文）\r\nx');
    expect(text).toBe(`${HEADER}\r\nx`);
    expect(identifyTable(HEADER, 'whatever.csv')).toBe('figures');
    expect(identifyTable('donor,recipient,level,from_year,to_year,evidence,source,section', 'a.csv')).toBe('pairings');
    expect(identifyTable('a,b', 'my-places.csv')).toBe('places');
    expect(identifyTable('a,b', 'x.csv')).toBeNull();
  });
});

describe('combining user data with the built-in data', () => {
  const user = [
    HEADER,
    'u1,nb2010,Overview,2012,2012,330200,522600,education,funds_cny,500000,exact,,A new figure.,新数据。',
    'u2,nb2010,Overview,2012,2012,330200,522600,education,funds_cny,"1,2",exact,,Bad value.,坏数值。',
    '"u3",nb2010,Overview,2012,2012,330200,999999,education,funds_cny,100,exact,,"Note with a comma, and a',
    'newline",多行。',
    'qd11-funds-total,nb2010,Overview,2012,2012,330200,522600,education,funds_cny,1,exact,,Clashes with a built-in id.,重复编号。',
  ].join('\n');

  it('merges: valid rows join ours; each problem names the user file and its own line', () => {
    const r = combine(builtin, [{ table: 'figures', name: 'mine.csv', text: user }], 'merge');
    expect(r.dataset.figures.some((f) => f.id === 'u1')).toBe(true);
    expect(r.dataset.figures.some((f) => f.id === 'qd11-funds-total' && f.value === 31_250_000)).toBe(true);
    expect(r.problems.map(formatProblem)).toEqual([
      'mine.csv:3: value: expected a number, got "1,2"',
      'mine.csv:6: id: "qd11-funds-total" is already used on line 2',
      'mine.csv:4: recipients: no place with id 999999 in places.csv',
    ]);
    // Nothing typed is lost: the combined file still holds every user row, valid or not.
    expect(r.texts.figures).toContain('Note with a comma, and a\nnewline');
    expect(r.invalid.figures?.length).toBe(3);
  });

  it('replaces: only the user rows are shown', () => {
    const r = combine(builtin, [{ table: 'figures', name: 'mine.csv', text: user }], 'replace');
    expect(r.dataset.figures.map((f) => f.id)).toEqual(['u1', 'qd11-funds-total']);
  });
});
