import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { formatProblem } from '../../src/data/problems.ts';
import { buildSeedNumbers, readSeeds, SEED_NUMBERS_FILE, seedsDir, seedsPresent, type SeedNumbers } from '../../scripts/seeds.ts';
import { loadDataDir } from '../../scripts/read-data.ts';
import { findNumbers } from '../../src/data/seed-numbers.ts';

const { dataset, problems } = loadDataDir('data');
const seeds: SeedNumbers = JSON.parse(readFileSync(SEED_NUMBERS_FILE, 'utf8'));
const allowlist = parseCsv(readFileSync('data/number-allowlist.csv', 'utf8')).records.map((r) => r.values);

describe('the shipped data', () => {
  it('passes every check of npm run data:check', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('cites, for every figure, a section that exists in its source', () => {
    for (const f of dataset.figures) {
      expect(Object.keys(seeds.sources[f.source]?.sections ?? {}), f.id).toContain(f.section);
    }
  });

  it('has each figure value written in the section it cites', () => {
    const missing = dataset.figures.filter(
      (f) => !(seeds.sources[f.source]?.sections[f.section] ?? []).some((t) => t.value === f.value),
    );
    expect(missing.map((f) => `${f.id}: ${f.value} not in ${f.source} / ${f.section}`)).toEqual([]);
  });

  it('accounts for every number in both texts: a figure or an allowlisted reason for each occurrence', () => {
    const uncovered: string[] = [];
    for (const [source, { sections }] of Object.entries(seeds.sources)) {
      for (const [section, tokens] of Object.entries(sections)) {
        const occurrences = new Map<number, string[]>();
        for (const t of tokens) occurrences.set(t.value, [...(occurrences.get(t.value) ?? []), t.text]);
        for (const [value, texts] of occurrences) {
          const figures = dataset.figures.filter((f) => f.source === source && f.section === section && f.value === value).length;
          const allowed = allowlist
            .filter((a) => a['source'] === source && a['section'] === section && findNumbers(a['text'] ?? '')[0]?.value === value)
            .reduce((n, a) => n + Number(a['count']), 0);
          if (figures + allowed < texts.length) {
            uncovered.push(`${source} / ${section}: ${texts.join(', ')} (${texts.length}×, ${figures} figure(s), ${allowed} allowlisted)`);
          }
        }
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('gives a reason for every allowlisted number, and each names a number that is really there', () => {
    for (const a of allowlist) {
      expect(a['reason']?.length, JSON.stringify(a)).toBeGreaterThan(10);
      const tokens = seeds.sources[a['source'] ?? '']?.sections[a['section'] ?? ''] ?? [];
      const n = tokens.filter((t) => t.text === a['text']).length;
      expect(n, `${a['source']} / ${a['section']}: "${a['text']}"`).toBeGreaterThanOrEqual(Number(a['count']));
    }
  });

  it('never names a removed or misspelt place: every place a figure names is in the gazetteer', () => {
    const ids = new Set(dataset.places.map((p) => p.id));
    for (const f of dataset.figures) for (const id of [f.donor, ...f.recipients]) expect(ids.has(id), `${f.id}: ${id}`).toBe(true);
  });

  it('keeps investment apart from aid: no investment figure is part of an aid figure or the other way round', () => {
    const byId = new Map(dataset.figures.map((f) => [f.id, f]));
    for (const f of dataset.figures) {
      if (f.part_of) expect(byId.get(f.part_of)?.metric, f.id).toBe(f.metric);
      if (f.metric === 'investment_cny') expect(f.category, f.id).toBe('trade_investment');
    }
  });
});

describe.runIf(seedsPresent())('the data against the source texts themselves', () => {
  it('data/seed-numbers.json is what npm run data:seeds makes from the texts', () => {
    expect(buildSeedNumbers(seedsDir())).toEqual(seeds);
  });

  it('describes figures and contradictions in its own words: no note repeats eight or more consecutive words of a text', () => {
    const words = (s: string) => s.toLowerCase().match(/[a-z0-9.]+/g) ?? [];
    const shingles = new Set<string>();
    for (const { text } of readSeeds()) {
      const w = words(text);
      for (let i = 0; i + 8 <= w.length; i++) shingles.add(w.slice(i, i + 8).join(' '));
    }
    const copied: string[] = [];
    const notes = [
      ...dataset.figures.map((f) => ({ id: f.id, note: f.note_en })),
      ...dataset.discrepancies.map((d, i) => ({ id: `discrepancies.csv row ${i + 1}`, note: d.note_en })),
    ];
    for (const { id, note } of notes) {
      const w = words(note);
      for (let i = 0; i + 8 <= w.length; i++) if (shingles.has(w.slice(i, i + 8).join(' '))) copied.push(`${id}: ${w.slice(i, i + 8).join(' ')}`);
    }
    expect(copied).toEqual([]);
  });
});

describe('place codes match the places the notes describe', () => {
  // A wrong but existing code (a neighbouring county's) passes every id check; the names in the notes catch it.
  it('names, in both notes, every county or district a figure is for or from', () => {
    const byId = new Map(dataset.places.map((p) => [p.id, p]));
    const wrong: string[] = [];
    for (const f of dataset.figures) {
      for (const id of [f.donor, ...f.recipients]) {
        const p = byId.get(id);
        if (!p || (p.level !== 'county' && p.level !== 'district')) continue;
        if (!f.note_en.includes(p.short_en)) wrong.push(`${f.id}: note_en does not name ${p.short_en} (${id})`);
        if (!f.note_zh.includes(p.short_zh)) wrong.push(`${f.id}: note_zh does not name ${p.short_zh} (${id})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('names, for every county pairing, both ends in a figure of the same source', () => {
    for (const p of dataset.pairings.filter((x) => x.level === 'county')) {
      const f = dataset.figures.find((x) => x.source === p.source && (x.donor === p.donor || x.recipients.includes(p.donor)) && x.recipients.includes(p.recipient));
      expect(f, `${p.donor} → ${p.recipient}`).toBeDefined();
    }
  });
});
