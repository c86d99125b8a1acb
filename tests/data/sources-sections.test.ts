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
    // 11 figures and 2 pairings cite it; the rest are their parts and the two rows on qd10-projects, left without a figure.
    expect(missing.length).toBe(13);
    const rest = problems.filter((p) => !missing.includes(p));
    expect(rest.filter((p) => !p.includes('part_of: its whole'))).toEqual([
      'data/discrepancies.csv:2: figure: no valid figure with id "qd10-projects" in figures.csv',
      'data/discrepancies.csv:3: figure: no valid figure with id "qd10-projects" in figures.csv',
    ]);
    // A user's own figures cannot bring a sections.csv: their sections are shown as written.
    expect(check({ sections }, false)).toEqual([]);
  });

  it('shows a contradiction the text makes instead of rejecting it: 111 projects whose parts add to 113', () => {
    expect(partsSum(dataset.figures, 'qd10-projects')).toBe(113);
    expect(dataset.figures.find((f) => f.id === 'qd10-projects')?.value).toBe(111);
    expect(dataset.discrepancies.filter((d) => d.check === 'parts_exceed_whole').map((d) => d.figure)).toEqual([['qd10-projects']]);
    const unflagged = check({ discrepancies: 'figure,check\n' });
    expect(unflagged.some((p) => p.includes('figures.csv') && p.includes('the parts of "qd10-projects" add up to 113, more than its value 111'))).toBe(true);
  });

  it('refuses a stale flag: a figure whose parts fit in it has no contradiction to record', () => {
    const problems = check({ discrepancies: 'figure,check\nqd10-projects,parts_exceed_whole\nqd11-funds-total,parts_exceed_whole\n' });
    expect(problems).toEqual([
      'data/discrepancies.csv:3: check: the parts of "qd11-funds-total" add up to 31250000, not more than its value 31250000: nothing to record',
    ]);
  });

  describe('a text that contradicts itself (text_inconsistent)', () => {
    const header = 'figure,check,source,section,note_en,note_zh\n';
    const withRow = (row: string) => check({ discrepancies: `${texts.discrepancies.trimEnd()}\n${row}\n` });
    const line = dataset.discrepancies.length + 2;

    it('records the two the texts make, each where it stands, in both languages', () => {
      const rows = dataset.discrepancies.filter((d) => d.check === 'text_inconsistent');
      expect(rows.map((d) => [d.source, d.section, d.figure])).toEqual([
        ['qd2010', 'Overview', ['qd10-projects']],
        ['nb2010', 'Construction of model villages and poverty alleviation by industrialization', ['nb10-rural-share', 'nb10-rural-funds', 'nb10-gov-funds']],
      ]);
      const seeds = JSON.parse(readFileSync('data/seed-numbers.json', 'utf8')) as SeedNumbers;
      for (const d of rows) {
        // The section is one of the text's own, and the description is ours in both languages.
        expect(Object.keys(seeds.sources[d.source]?.sections ?? {}), d.source).toContain(d.section);
        expect(d.note_en.length).toBeGreaterThan(40);
        expect(d.note_zh).toMatch(/[\u4e00-\u9fff]/);
      }
      // The 70% the text states and the share its own amounts give.
      expect(Math.round((31_190_000 / 43_150_000) * 1000) / 10).toBe(72.3);
    });

    it('needs a known source and one of its sections, and a description in both languages', () => {
      const row = (source: string, section: string, en = 'Our words.', zh = '我们的话。', figures = '') => `${figures},text_inconsistent,${source},${section},${en},${zh}`;
      expect(withRow(row('qd2010', 'Overview'))).toEqual([]);
      expect(withRow(row('', 'Overview'))).toEqual([`data/discrepancies.csv:${line}: source: text_inconsistent names the source that contradicts itself`]);
      expect(withRow(row('nope', 'Overview'))).toEqual([`data/discrepancies.csv:${line}: source: no source with id "nope" in sources.csv`]);
      expect(withRow(row('qd2010', ''))).toEqual([`data/discrepancies.csv:${line}: section: text_inconsistent names the section where the contradiction stands`]);
      expect(withRow(row('qd2010', 'Drought relief'))).toEqual([`data/discrepancies.csv:${line}: section: no section "Drought relief" of qd2010 in sections.csv`]);
      expect(withRow(row('qd2010', 'Overview', ''))).toEqual([`data/discrepancies.csv:${line}: note_en: describe the contradiction in English, in our own words`]);
      expect(withRow(row('qd2010', 'Overview', 'Our words.', ''))).toEqual([`data/discrepancies.csv:${line}: note_zh: describe the contradiction in Chinese, in our own words`]);
    });

    it('names only existing figures of its own source', () => {
      const row = (figures: string) => `${figures},text_inconsistent,qd2010,Overview,Our words.,我们的话。`;
      expect(withRow(row('qd10-projects;qd10-funds'))).toEqual([]);
      expect(withRow(row('qd10-nope'))).toEqual([`data/discrepancies.csv:${line}: figure: no valid figure with id "qd10-nope" in figures.csv`]);
      expect(withRow(row('qd10-projects;nb10-funds'))).toEqual([
        `data/discrepancies.csv:${line}: figure: "nb10-funds" comes from nb2010, not from qd2010: a text contradicts itself only with its own figures`,
      ]);
      expect(withRow(row('qd10-projects;qd10-projects'))).toEqual([`data/discrepancies.csv:${line}: figure: names a figure twice`]);
    });

    it('keeps parts_exceed_whole to one figure and no description (the panel says the sum)', () => {
      expect(check({ discrepancies: `${header}qd10-projects;qd10-funds,parts_exceed_whole,,,,\n` })).toEqual([
        'data/discrepancies.csv:2: figure: parts_exceed_whole names the one figure whose parts exceed it, got 2',
      ]);
      expect(check({ discrepancies: `${header}qd10-projects,parts_exceed_whole,qd2010,,,\n` })).toEqual([
        "data/discrepancies.csv:2: source: must be empty for parts_exceed_whole: the figure's own source and section apply, and the panel says what the parts add up to",
      ]);
      // A file with only the first two columns is read as before.
      expect(check({ discrepancies: 'figure,check\nqd10-projects,parts_exceed_whole\n' })).toEqual([]);
    });
  });
});
