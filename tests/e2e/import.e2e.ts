import { describe, expect, it } from 'vitest';
import { FIGURES_HEADER as HEADER, setUp } from './driver.ts';

/* Users' own files: a broken CSV is reported row by row and its valid rows shown; hostile strings stay text. */

const XSS = '<img src=x onerror=alert(1)>';
const e2e = setUp();

describe('users’ own data', () => {
  it('lists every problem of a broken file by file, line and field, lets the report be downloaded, and shows the valid rows', async () => {
    const app = await e2e.open({ lang: 'en' });
    const csv = [
      HEADER,
      'u1,nb2010,Overview,2012,2012,330200,522600,education,funds_cny,500000,exact,,A new school fund.,新的助学资金。',
      'u2,nb2010,Overview,2012,2012,330200,522600,education,funds_cny,"1,2",exact,,Bad value.,坏数值。',
      'u3,nb2010,Overview,2012,2012,330200,999999,education,funds_cny,100,exact,,Unknown place.,未知地点。',
    ].join('\r\n');
    const report = await app.importFiles([{ name: 'figures.csv', bytes: `\ufeff${csv}` }], { mode: 'merge' });
    expect(await report.locator('.import-problems li').allTextContents()).toEqual([
      'figures.csv:3: value: expected a number, got "1,2"',
      'figures.csv:4: recipients: no place with id 999999 in places.csv',
    ]);
    expect(await report.locator('.import-summary').textContent()).toBe('figures.csv (UTF-8): 1 rows ready for the map, 2 rows with problems (kept in the download).');
    const validation = await app.download(() => report.getByText('Download the report').click());
    expect(validation.name).toBe('validation-report.csv');
    await app.shot('import-report-en');
    await app.showImport(report);
    await expect.poll(() => app.noticeText()).toContain('Showing your data: figures.csv. 2 rows with problems');
    await app.page.getByRole('button', { name: '2012', exact: true }).click();
    await expect.poll(() => app.markers()).toEqual(['522600']);
    await app.backToBuiltIn();
    expect(await app.page.locator('button[data-year="2012"]').count()).toBe(0);
    await app.done();
  });

  it('refuses files that are not CSV with a clear reason', async () => {
    const app = await e2e.open({ lang: 'zh' });
    const report = await app.importFiles(
      [
        { name: 'book.xlsx', type: 'application/octet-stream', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) },
        { name: 'empty.csv', bytes: Buffer.alloc(0) },
      ],
      { wait: 'none' },
    );
    await expect.poll(() => report.locator('.import-problem').allTextContents()).toEqual([
      'book.xlsx: 不是文本文件（如为电子表格，请先另存为CSV）。',
      'empty.csv: 文件为空。',
    ]);
    await app.close();
  });

  it('shows hostile strings literally in the panel, tooltip, table and SVG map, and runs none of them', async () => {
    let dialogs = 0;
    const app = await e2e.open({
      lang: 'en',
      webgl: false,
      before: (page) =>
        page.on('dialog', (d) => {
          dialogs++;
          void d.dismiss();
        }),
    });
    const { page } = app;
    const places = ['id,level,parent,name_zh,name_en,short_zh,short_en,name_2010_zh,name_2010_en,level_2010,shape,lon,lat', `330299,district,330200,<script>alert(2)</script>,${XSS},<b>x</b>,${XSS},,,,point,121.6,29.9`].join('\n');
    const figures = [HEADER, `h1,nb2010,Overview,2010,2010,330299,522600,education,funds_cny,5000000,exact,,${XSS},<script>alert(3)</script>`].join('\n');
    const report = await app.importFiles(
      [
        { name: 'places.csv', bytes: places },
        { name: 'figures.csv', bytes: figures },
      ],
      { mode: 'merge' },
    );
    await app.showImport(report);
    await app.goto({ lang: 'en', query: 'place=330299' });
    await expect.poll(() => app.panelTitle()).toBe(XSS);
    expect(await app.panel.locator('[data-figure="h1"] .figure-note').textContent()).toBe(XSS);
    const ring = page.locator('.svg-map #markers circle[data-key="522600"]');
    await ring.hover({ force: true });
    await page.getByRole('button', { name: 'Table view' }).click();
    expect(await page.locator('#table-view').textContent()).toContain('Qiandongnan');
    expect(await page.locator('img[src="x"], script:not([src]):not([type])').count()).toBe(0);
    expect(dialogs).toBe(0);
    await app.shot('import-hostile-en');
    await app.done();
  });
});
