import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataDir, readDataTexts } from '../../scripts/read-data.ts';
import { decodeCsv } from '../../src/data/decode.ts';
import { formatProblem } from '../../src/data/problems.ts';
import { t } from '../../src/i18n/messages.ts';
import { combine } from '../../src/import/combine.ts';

/** Runs the real `data:check` script on a folder and returns its exit code and output. */
function dataCheck(dir: string): { code: number; out: string } {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/data-check.ts', dir], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

function brokenCopy(edit: (csv: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gpm-data-'));
  cpSync('data', dir, { recursive: true });
  const file = join(dir, 'figures.csv');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

// Each case starts the check in its own Node process (tsx compiling it afresh): seconds on a busy machine.
describe('npm run data:check', { timeout: 30_000 }, () => {
  it('is clean on the shipped data', () => {
    const r = dataCheck('data');
    expect(r.out).toMatch(/data OK: \d+ figures/);
    expect(r.code).toBe(0);
  });

  it('reports every problem of a broken copy with file, line, field and reason, and exits non-zero', () => {
    const dir = brokenCopy((csv) => {
      const lines = csv.split('\n');
      lines[2] = lines[2]!.replace(',16400000,', ',"1,2",'); // qd11-funds-arranged
      lines[3] = lines[3]!.replace(',government_funds,', ',no_such_category,');
      lines[5] = lines[5]!.replace(',qd11-funds-total,', ',qd11-missing-whole,');
      lines[7] = lines[7]!.replace(',2011,2011,', ',2011,2009,');
      return lines.join('\n');
    });
    const r = dataCheck(dir);
    expect(r.code).toBe(1);
    const f = join(dir, 'figures.csv');
    expect(r.out).toContain(`${f}:3: value: expected a number, got "1,2"`);
    expect(r.out).toContain(`${f}:4: category: no category "no_such_category" in categories.csv`);
    expect(r.out).toContain(`${f}:6: part_of: no figure with id "qd11-missing-whole"`);
    expect(r.out).toMatch(new RegExp(`${f.replace(/[/.]/g, '\\$&')}:8: year_to: .*(ends \\(2009\\) before it starts|at least)`));
    expect(r.out).toContain(`${f}:4: part_of: its whole "qd11-funds-arranged" has a problem (line 3)`);
    expect(r.out).toMatch(/\d+ problem\(s\)/);
  });

  it('catches parts that add up to more than their whole', () => {
    const dir = brokenCopy((csv) => csv.replace(',13000000,exact,qd11-funds-total,', ',15000000,exact,qd11-funds-total,'));
    const r = dataCheck(dir);
    expect(r.code).toBe(1);
    // The part that takes the sum past its whole is the one reported (rows added later never knock out earlier ones).
    expect(r.out).toContain(`${join(dir, 'figures.csv')}:6: value: with it, the parts of "qd11-funds-total" add up to 31400000, more than its value 31250000`);
  });

  it('refuses a number that is not finite or out of range, with file:line (finding 1)', () => {
    const dir = brokenCopy((csv) => csv.replace(',31250000,exact,,', `,${'9'.repeat(400)},exact,,`));
    const r = dataCheck(dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${join(dir, 'figures.csv')}:2: value: "${'9'.repeat(40)}…" is too large: numbers must be below 10^15`);
  });

  it('refuses a control character in a name (finding 6)', () => {
    const dir = brokenCopy((csv) => csv);
    const places = join(dir, 'places.csv');
    writeFileSync(places, readFileSync(places, 'utf8').replace(',Guiyang,', ',Gui\u000byang,'));
    const r = dataCheck(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/places\.csv:\d+: short_en: holds the control character U\+000B/);
  });

  it('refuses a file that is neither UTF-8 nor cleanly GBK, with the offset of the first bad byte (finding 4)', () => {
    const dir = brokenCopy((csv) => csv);
    const file = join(dir, 'figures.csv');
    const text = readFileSync(file);
    writeFileSync(file, Buffer.concat([text.subarray(0, 200), Buffer.from([0xff]), text.subarray(200)]));
    const r = dataCheck(dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}: not valid UTF-8 (first bad byte at offset 200, line 2)`);
  });

  it('says which file is missing, in one line, without a stack trace (finding 8)', () => {
    const dir = brokenCopy((csv) => csv);
    rmSync(join(dir, 'metrics.csv'));
    const r = dataCheck(dir);
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe(`${join(dir, 'metrics.csv')}: no such file (every data folder needs it)\n\nFix it and run again.`);
  });
});

describe('data:check and the import give one verdict for the same file', () => {
  const HEADER = 'id,source,section,year_from,year_to,donor,recipients,category,metric,value,qualifier,part_of,note_en,note_zh';
  const row = (id: string, value: string, note = 'A note.') => `${id},nb2010,Overview,2012,2012,330200,522600,education,funds_cny,${value},exact,,${note},说明。`;
  const files: Record<string, Buffer> = {
    valid: Buffer.from([HEADER, row('v1', '100'), row('v2', '200')].join('\n')),
    huge: Buffer.from([HEADER, row('h1', '9'.repeat(400)), row('h2', `1${'0'.repeat(307)}`)].join('\n')),
    control: Buffer.from([HEADER, row('c1', '5', 'Bell\u0007')].join('\n')),
    repeated: Buffer.from([`${HEADER},value`, `${row('r1', '5')},6`].join('\n')),
    extra: Buffer.from([HEADER, `${row('e1', '5')},surplus`].join('\n')),
    unclosed: Buffer.from([HEADER, row('u1', '5', '"open'), row('u2', '6')].join('\n')),
    badBytes: Buffer.concat([Buffer.from(`${HEADER}\n${row('b1', '5', '青岛')}`), Buffer.from([0xff, 0x0a])]),
  };
  it.each(Object.keys(files))('%s', (name) => {
    const bytes = files[name]!;
    const dir = brokenCopy((csv) => csv);
    const path = join(dir, 'figures.csv');
    writeFileSync(path, bytes);
    // The shipped contradictions name shipped figures; a folder whose figures are replaced has none (as an import that replaces them).
    writeFileSync(join(dir, 'discrepancies.csv'), 'figure,check\n');
    let check: string[];
    try {
      check = loadDataDir(dir).problems.map((p) => formatProblem({ ...p, file: p.file.replace(dir, 'data') }));
    } catch (e) {
      check = [(e as Error).message.replace(dir, 'data')];
    }
    const decoded = decodeCsv(bytes);
    const imported = decoded.ok
      ? combine(readDataTexts('data'), [{ table: 'figures', name: 'data/figures.csv', text: decoded.text }], 'replace').problems.map(formatProblem)
      : [`data/figures.csv: ${t('en', `import.refused.${decoded.reason}`, decoded.reason === 'bad-bytes' ? { offset: decoded.offset, line: decoded.line } : {})}`];
    expect(imported).toEqual(check);
    expect(check.length === 0).toBe(name === 'valid');
  });
});
