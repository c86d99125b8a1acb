import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinData } from '../../scripts/builtin-data.ts';

/** Runs the Vite plugin's load hook as a build would, and returns the module code and emitted files. */
function load(dir: string, inline: boolean): { code: string; emitted: { name?: string; fileName?: string; source: string }[] } {
  const plugin = builtinData(dir, { inline });
  const emitted: { name?: string; fileName?: string; source: string }[] = [];
  (plugin.configResolved as unknown as (c: { command: string }) => void)({ command: 'build' });
  const context = {
    addWatchFile: () => undefined,
    emitFile: (f: { name?: string; fileName?: string; source: string }) => (emitted.push(f), 'ref1'),
  };
  const code = (plugin.load as unknown as (this: typeof context, id: string) => string).call(context, '\0virtual:builtin-data');
  return { code, emitted };
}

describe('the built-in data as the app receives it (scripts/builtin-data.ts)', () => {
  it('is the shipped data, parsed and checked, with the stories; a file of its own for the deployed app', () => {
    const { code, emitted } = load('data', false);
    expect(code).toContain('import.meta.ROLLUP_FILE_URL_ref1');
    expect(emitted).toHaveLength(1);
    const { dataset, stories } = JSON.parse(emitted[0]!.source);
    const lines = readFileSync('data/figures.csv', 'utf8').trim().split('\n').length - 1;
    expect(dataset.figures).toHaveLength(lines);
    expect(dataset.figures.find((f: { id: string }) => f.id === 'qd11-funds-total')).toMatchObject({ value: 31250000, year_from: 2011, line: expect.any(Number) });
    expect(stories.map((s: { id: string }) => s.id)).toEqual(['tour']);
  });

  it('is a JSON block beside the script in the single offline file, read from the page, never run', () => {
    const { code, emitted } = load('data', true);
    expect(emitted.map((e) => e.fileName)).toEqual(['assets/builtin-data.json']);
    expect(JSON.parse(emitted[0]!.source).stories.map((s: { id: string }) => s.id)).toEqual(['tour']);
    expect(code).toContain('JSON.parse(document.getElementById("gpm-data").textContent)');
    expect(code).not.toContain('qd11-funds-total');
  });

  it('stops the build when a story caption quotes a number the step does not hold', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpm-data-'));
    cpSync('data', dir, { recursive: true });
    const file = join(dir, 'stories.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('¥16.4 million first arranged', '¥16.5 million first arranged'));
    expect(() => load(dir, false)).toThrow(/gpm-data-\w+\/stories\.json: tour step 2: caption_en: "¥16\.5 million" is not shown on this step's map or card/);
  });

  it('stops the build with file, line and field when the data have a problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gpm-data-'));
    cpSync('data', dir, { recursive: true });
    const file = join(dir, 'figures.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2]!.replace(',16400000,', ',"1,2",');
    writeFileSync(file, lines.join('\n'));
    expect(() => load(dir, false)).toThrow(/gpm-data-\w+\/figures\.csv:3: value: expected a number, got "1,2"/);
  });
});
