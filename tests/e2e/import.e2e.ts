import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clickAndReload, launchBrowser, openPage, screenshot, waitForMap } from './browser.ts';

/* Users' own files: a broken CSV is reported row by row and its valid rows shown; hostile strings stay text. */

const HEADER = 'id,source,section,year_from,year_to,donor,recipients,category,metric,value,qualifier,part_of,note_en,note_zh';
const XSS = '<img src=x onerror=alert(1)>';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function importFiles(page: Page, files: { name: string; text: string }[], mode: 'merge' | 'replace' = 'merge') {
  await page.getByRole('button', { name: 'Open data…' }).click();
  await page.locator('#import-mode').selectOption(mode);
  await page.locator('#import-files').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.text, 'utf8') })));
  await page.getByTestId('import-report').locator('.import-summary').first().waitFor();
}

describe('users’ own data', () => {
  it('lists every problem of a broken file by file, line and field, lets the report be downloaded, and shows the valid rows', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=en`, { acceptDownloads: true });
    await waitForMap(page);
    const csv = [
      HEADER,
      'u1,nb2010,Overview,2012,2012,330200,522600,education,funds_cny,500000,exact,,A new school fund.,新的助学资金。',
      'u2,nb2010,Overview,2012,2012,330200,522600,education,funds_cny,"1,2",exact,,Bad value.,坏数值。',
      'u3,nb2010,Overview,2012,2012,330200,999999,education,funds_cny,100,exact,,Unknown place.,未知地点。',
    ].join('\r\n');
    await importFiles(page, [{ name: 'figures.csv', text: `\ufeff${csv}` }]);
    const report = page.getByTestId('import-report');
    expect(await report.locator('.import-problems li').allTextContents()).toEqual([
      'figures.csv:3: value: expected a number, got "1,2"',
      'figures.csv:4: recipients: no place with id 999999 in places.csv',
    ]);
    expect(await report.locator('.import-summary').textContent()).toBe('figures.csv (UTF-8): 1 rows ready for the map, 2 rows with problems (kept in the download).');
    const [download] = await Promise.all([page.waitForEvent('download'), report.getByText('Download the report').click()]);
    expect(download.suggestedFilename()).toBe('validation-report.csv');
    await screenshot(page, 'import-report-en');
    await clickAndReload(page, () => report.getByRole('button', { name: 'Show on the map' }).click());
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('Showing your data: figures.csv. 2 rows with problems');
    await page.getByRole('button', { name: '2012', exact: true }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __gpm: { markers(): string[] } }).__gpm.markers())).toEqual(['522600']);
    await clickAndReload(page, () => page.getByTestId('notice').getByRole('button', { name: 'Back to the built-in data' }).click());
    expect(await page.locator('button[data-year="2012"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses files that are not CSV with a clear reason', async () => {
    const { page } = await openPage(browser, `${inject('baseUrl')}/?lang=zh`);
    await waitForMap(page);
    await page.getByRole('button', { name: '打开数据…' }).click();
    await page.locator('#import-files').setInputFiles([
      { name: 'book.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) },
      { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
    ]);
    await expect.poll(() => page.getByTestId('import-report').locator('.import-problem').allTextContents()).toEqual([
      'book.xlsx: 不是文本文件（如为电子表格，请先另存为CSV）。',
      'empty.csv: 文件为空。',
    ]);
    await page.close();
  });

  it('shows hostile strings literally in the panel, tooltip, table and SVG map, and runs none of them', async () => {
    const noGl = await launchBrowser({ webgl: false });
    try {
      const { page, errors } = await openPage(noGl, `${inject('baseUrl')}/?lang=en`);
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      await waitForMap(page);
      const places = ['id,level,parent,name_zh,name_en,short_zh,short_en,name_2010_zh,name_2010_en,level_2010,shape,lon,lat', `330299,district,330200,<script>alert(2)</script>,${XSS},<b>x</b>,${XSS},,,,point,121.6,29.9`].join('\n');
      const figures = [HEADER, `h1,nb2010,Overview,2010,2010,330299,522600,education,funds_cny,5000000,exact,,${XSS},<script>alert(3)</script>`].join('\n');
      await importFiles(page, [
        { name: 'places.csv', text: places },
        { name: 'figures.csv', text: figures },
      ]);
      await clickAndReload(page, () => page.getByTestId('import-report').getByRole('button', { name: 'Show on the map' }).click());
      await page.goto(`${inject('baseUrl')}/?lang=en&place=330299`);
      await waitForMap(page);
      await expect.poll(() => page.locator('#details h2').textContent()).toBe(XSS);
      expect(await page.locator('#details [data-figure="h1"] .figure-note').textContent()).toBe(XSS);
      const ring = page.locator('.svg-map #markers circle[data-key="522600"]');
      await ring.hover({ force: true });
      await page.getByRole('button', { name: 'Table view' }).click();
      expect(await page.locator('#table-view').textContent()).toContain('Qiandongnan');
      expect(await page.locator('img[src="x"], script:not([src]):not([type])').count()).toBe(0);
      expect(dialogs).toBe(0);
      await screenshot(page, 'import-hostile-en');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await noGl.close();
    }
  });
});
