import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/problems.ts';
import { partsSum } from '../../src/data/parts.ts';
import { loadDataset } from '../../src/data/validate.ts';
import { readDataTexts } from '../../scripts/read-data.ts';
import type { SeedNumbers } from '../../scripts/seeds.ts';

const texts = readDataTexts('data');
const check = (edit: Partial<typeof texts>, sectionNames = true) =>
  loadDataset({ ...texts, ...edit }, undefined, { sectionNames }).problems.map(formatProblem);

describe('sources, their sections and recorded contradictions', () => {
  const { dataset } = loadDataset(texts);

  it('holds at least three years of Qingdao entries, each source with a URL and what part of it we hold', () => {
    const qingdao = dataset.sources.filter((s) => s.title.startsWith('Qingdao'));
    const years = new Set(dataset.figures.filter((f) => qingdao.some((s) => s.id === f.source)).map((f) => f.year_to));
    expect([...years].sort()).toEqual([2009, 2010, 2011]);
    for (const s of dataset.sources) {
      expect(s.url, s.id).toMatch(/^https:\/\/yearbook\.iprcc\.org\.cn\/zggjfpzxnj\/\d{4}njyw\//);
      expect(s.held_en.length, s.id).toBeGreaterThan(5);
    }
    // The 2009 and 2010 pages are held only as their openings.
    expect(dataset.sources.filter((s) => !s.complete).map((s) => s.id)).toEqual(['qd2009', 'qd2010']);
  });

  it('has the numbers of every section of every source in seed-numbers.json, texts or not', () => {
    const seeds = JSON.parse(readFileSync('data/seed-numbers.json', 'utf8')) as SeedNumbers;
    expect(Object.keys(seeds.sources).sort()).toEqual(dataset.sources.map((s) => s.id).sort());
    // The openings we hold only as numbers: 2010's 111 projects and the six listed counts are there.
    expect(seeds.sources['qd2010']?.sections['Overview']?.map((t) => t.value)).toEqual(
      expect.arrayContaining([16800000, 8400000, 111, 22, 21, 10, 1, 2, 57, 641000]),
    );
  });

  it('names every section in Chinese, and says which one is missing', () => {
    expect(check({})).toEqual([]);
    const sections = texts.sections.replace(/^qd2010,Overview,概述\n/m, '');
    const problems = check({ sections });
    const missing = problems.filter((p) => p.includes(': section: no Chinese name for section "Overview" of qd2010 in sections.csv'));
    // 11 figures and 2 pairings cite it; the rest are their parts and the flag on qd10-projects, left without a figure.
    expect(missing.length).toBe(13);
    expect(problems.filter((p) => !missing.includes(p)).every((p) => p.includes('part_of: its whole') || p.includes('discrepancies.csv:2: figure: no valid figure'))).toBe(true);
    // A user's own figures cannot bring a sections.csv: their sections are shown as written.
    expect(check({ sections }, false)).toEqual([]);
  });

  it('shows a contradiction the text makes instead of rejecting it: 111 projects whose parts add to 113', () => {
    expect(partsSum(dataset.figures, 'qd10-projects')).toBe(113);
    expect(dataset.figures.find((f) => f.id === 'qd10-projects')?.value).toBe(111);
    expect(dataset.discrepancies.map((d) => d.figure)).toEqual(['qd10-projects']);
    const unflagged = check({ discrepancies: 'figure,check\n' });
    expect(unflagged.some((p) => p.includes('figures.csv') && p.includes('the parts of "qd10-projects" add up to 113, more than its value 111'))).toBe(true);
  });

  it('refuses a stale flag: a figure whose parts fit in it has no contradiction to record', () => {
    const problems = check({ discrepancies: 'figure,check\nqd10-projects,parts_exceed_whole\nqd11-funds-total,parts_exceed_whole\n' });
    expect(problems).toEqual([
      'data/discrepancies.csv:3: check: the parts of "qd11-funds-total" add up to 31250000, not more than its value 31250000: nothing to record',
    ]);
  });
});
