import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../src/data/csv.ts';
import { columnsOf, TABLES, type TableName } from '../../src/data/schema.ts';
import { baseUrl, setUp } from './driver.ts';

/*
 * Coverage comes from the data: the app built on a copy of data/ with one more source (a Ningbo
 * entry reporting 2012) says 2012 in its subtitle, source line, filter, citation, "Name in …",
 * export and story, where the shipped build says 2009–2011. Nothing in the code names a year.
 */

let server: PreviewServer;
let extraUrl = '';
let dir = '';

/** Appends rows to a data file in its own column order (whatever columns the file has by then). */
function addRows(name: TableName, rows: Record<string, string>[]) {
  const file = join(dir, 'data', TABLES[name].file);
  const old = parseCsv(readFileSync(file, 'utf8')).records.map((r) => r.values);
  writeFileSync(file, formatCsv(columnsOf(name), [...old, ...rows]));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gpm-coverage-'));
  cpSync('data', join(dir, 'data'), { recursive: true });
  const nb = parseCsv(readFileSync('data/sources.csv', 'utf8')).records.map((r) => r.values).find((s) => s['id'] === 'nb2010')!;
  addRows('sources', [{ ...nb, id: 'nb2012', edition: '2013 edition (English web version)', edition_zh: '2013年卷（英文网络版）', url: 'https://example.org/nb2012' }]);
  addRows('sections', [{ source: 'nb2012', section: 'Overview', section_zh: '概述' }]);
  addRows('figures', [
    {
      id: 'nb12-test', source: 'nb2012', section: 'Overview', year_from: '2012', year_to: '2012', donor: '330200', recipients: '522600',
      category: 'government_funds', metric: 'funds_cny', value: '5000000', qualifier: 'exact', part_of: '', note_en: 'A test figure.', note_zh: '测试数据。',
    },
  ]);
  process.env['GPM_DATA_DIR'] = join(dir, 'data');
  // No filtered link is opened here: their 236 first views would take most of this build.
  process.env['GPM_FILTERED_FIRST_VIEWS'] = '0';
  const outDir = join(dir, 'dist');
  try {
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    delete process.env['GPM_DATA_DIR'];
    delete process.env['GPM_FILTERED_FIRST_VIEWS'];
  }
  server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('vite preview did not report a port');
  extraUrl = `http://127.0.0.1:${address.port}`;
}, 240_000);

const e2e = setUp();

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every text that says what the records cover, as a visitor sees it. */
async function coverageTexts(base: string) {
  const app = await e2e.open({ base, lang: 'en', query: 'place=520600' });
  const { page } = app;
  const text = (selector: string) => page.locator(selector).first().textContent();
  const out = {
    subtitle: await text('.subtitle'),
    source: await text('.legend-source'),
    filter: await app.legendFilter(),
    name: await text('.panel-2010'),
    citation: '',
    exportTitle: '',
    exportSource: '',
    storyTitle: '',
    storyCaption: '',
  };
  await page.locator('[data-action="share"]').click();
  out.citation = await page.locator('#share-cite').inputValue();
  await page.keyboard.press('Escape');
  await page.locator('[data-action="export"]').click();
  const svg = await app.download(() => page.getByRole('button', { name: 'SVG (vector)' }).click());
  const parsed = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return { lines: [...doc.querySelectorAll('svg > text')].map((t) => t.textContent ?? ''), source: doc.querySelector('#source')?.textContent ?? '' };
  }, svg.text);
  out.exportTitle = parsed.lines.slice(0, 2).join(' | ');
  out.exportSource = parsed.source;
  await app.goto({ lang: 'en', query: 'story=tour&step=0' });
  out.storyTitle = (await text('.story-title')) ?? '';
  out.storyCaption = (await page.getByTestId('story-caption').textContent()) ?? '';
  await app.done();
  return out;
}

const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What every text says where the records cover `years`, Ningbo's entries being those of `ningbo`. */
const saying = (years: string, ningbo: string) => ({
  subtitle: `East–west pairing-off poverty alleviation: Qingdao and Ningbo with Guizhou, ${years}`,
  source: expect.stringContaining(`entries for Qingdao–Guizhou 2009–2011 and Ningbo–Guizhou ${ningbo}`),
  filter: `Showing: all years (${years}); all kinds of aid`,
  name: `Name in ${years}: Tongren Prefecture`,
  citation: expect.stringMatching(new RegExp(`^${literally(`Guizhou Pairing Map: Aid funds, all years (${years}), all kinds of aid. `)}`)),
  exportTitle: expect.stringContaining(`all years (${years})`),
  storyTitle: `Pairing-off aid to Guizhou from Qingdao and Ningbo, ${years}`,
  storyCaption: expect.stringMatching(new RegExp(`^${literally(`The yearbook's entries for Qingdao–Guizhou 2009–2011 and Ningbo–Guizhou ${ningbo}. `)}`)),
});

describe('coverage comes from the data', () => {
  it('says 2009–2011 on the shipped data, and 2012 once a source and a figure for 2012 are added', async () => {
    const shipped = await coverageTexts(baseUrl());
    const extra = await coverageTexts(extraUrl);
    expect(shipped).toMatchObject(saying('2009–2011', '2010'));
    expect(extra).toMatchObject(saying('2009–2012', '2010, 2012'));
    expect(shipped.citation).not.toContain('(2012 entry)');
    expect(extra.citation).toContain('“Ningbo-Guizhou Pairing-off Poverty Alleviation” (2012 entry), China Poverty Alleviation Yearbook, 2013 edition (English web version), https://example.org/nb2012');
    expect(extra.exportSource).toContain('Ningbo–Guizhou 2010, 2012');
  }, 180_000);
});
