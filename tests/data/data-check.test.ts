import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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

describe('npm run data:check', () => {
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
    expect(r.out).toContain('value: its parts add up to 33250000, more than its value 31250000');
  });
});
