import { readFileSync } from 'node:fs';
import type { Browser, Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { distinctColours, launchBrowser, openPage, screenshot, waitForMap } from './browser.ts';

/* Exports for slides: PNG at presets and SVG, from the URL (for scripts) and from the Export button. */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function saved(download: Download): Promise<Buffer> {
  return readFileSync((await download.path())!);
}

describe('export', () => {
  it('writes a 1920×1080 PNG from the URL, with a sensible name, that is not blank', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=en&year=2011&export=png&size=1920x1080`, { acceptDownloads: true });
    const download = await page.waitForEvent('download', { timeout: 40_000 });
    expect(download.suggestedFilename()).toBe('guizhou-pairing-2011-funds.png');
    const png = await saved(download);
    expect(pngSize(png)).toEqual({ width: 1920, height: 1080 });
    expect(await distinctColours(page, png)).toBeGreaterThan(50);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['exportDone'])).toBe('guizhou-pairing-2011-funds.png');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('writes an SVG from the Export button with county paths, legend text and the source as real elements', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=zh&metric=projects`, { acceptDownloads: true });
    await waitForMap(page);
    await page.getByRole('button', { name: '导出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG（矢量）' }).click()]);
    expect(download.suggestedFilename()).toBe('guizhou-pairing-all-projects.svg');
    const text = (await saved(download)).toString('utf8');
    const parsed = await page.evaluate((svgText) => {
      const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        counties: doc.querySelectorAll('#counties path').length,
        legend: doc.querySelector('#legend')?.textContent ?? '',
        source: doc.querySelector('#source')?.textContent ?? '',
      };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.counties).toBe(88);
    expect(parsed.legend).toContain('圆面积：帮扶项目');
    expect(parsed.source).toContain('中国扶贫开发年鉴');
    await screenshot(page, 'export-dialog-zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads the table view as CSV: the rows on screen, with raw values, figure ids and sources', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=zh&year=2010&table=1`, { acceptDownloads: true });
    await waitForMap(page);
    const shown = await page.locator('#table-view tbody tr').count();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('guizhou-pairing-2010-funds.csv');
    const text = (await saved(download)).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\n');
    expect(lines[0]).toBe(
      'place_ids,place_en,place_zh,applies_to,part_of,part_of_kind,partner_city,partner_en,partner_zh,metric,value,qualifier,period,filter_year,filter_categories,figure_ids,sources',
    );
    // The rows on screen, then the totals: the 81.85 million, and the 10.22 million the text leaves open beside it.
    expect(lines.filter((l) => !l.startsWith(',,,total'))).toHaveLength(shown + 1);
    expect(lines.filter((l) => l.startsWith(',,,total')).map((l) => l.split(',').slice(3, 13).join(','))).toEqual([
      'total,,,,,,funds_cny,81850000,exact,2010',
      'total_open_overlap,,,,,,funds_cny,10220000,exact,2010',
    ]);
    // Ningbo's whole programme for 2010, as data/figures.csv records it: for Guizhou as a whole, given by Ningbo.
    expect(lines.some((l) => l.startsWith('520000,Guizhou as a whole,贵州全省,programme,,,330200,Ningbo,宁波,funds_cny,81850000,exact,2010,'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
