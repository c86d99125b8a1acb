import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot, waitForMap } from './browser.ts';

/*
 * "Save offline copy" after opening a CSV: the single file opens from file:// with every network
 * request refused and shows the user's figure in a panel; its policy allows no network source, its
 * data is a JSON block that never runs, its script is allowed by its hash. A copy saved from that
 * copy is the same file.
 */

const HEADER = 'id,source,section,year_from,year_to,donor,recipients,category,metric,value,qualifier,part_of,note_en,note_zh';
const ROW = 'my-zhenning-school,qd2011,Overview,2011,2011,370200,520423,education,funds_cny,777000,exact,,A school fund we recorded ourselves.,我们自己记录的助学资金。';
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'gpm-offline-'));
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function save(download: Download, name: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, readFileSync((await download.path())!));
  return path;
}

describe('offline copy', () => {
  it('saved after importing a CSV, opens from file:// with the network blocked and shows the imported figure in its panel', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=en`, { acceptDownloads: true });
    await waitForMap(page);
    await page.getByRole('button', { name: 'Open data…' }).click();
    await page.locator('#import-files').setInputFiles([{ name: 'my-figures.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${ROW}\n`, 'utf8') }]);
    await page.getByRole('button', { name: 'Show on the map' }).click();
    await waitForMap(page);
    await page.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save offline copy' }).click()]);
    expect(download.suggestedFilename()).toBe('guizhou-pairing-map.html');
    const file = await save(download, 'copy.html');
    expect(errors).toEqual([]);
    await page.close();

    const html = readFileSync(file, 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp).not.toMatch(/https?:|'unsafe-inline'[^;]*script|\*/);
    const script = /<script type="module" id="gpm-script">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    // The user's row travels as data, never as code.
    expect(/<script type="application\/json" id="gpm-data">[^<]*my-zhenning-school/.test(html)).toBe(true);
    expect(script).not.toContain('my-zhenning-school');

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const attempted: string[] = [];
    await context.route(/^https?:/, (route) => {
      attempted.push(route.request().url());
      return route.abort();
    });
    const copy = await context.newPage();
    const copyErrors: string[] = [];
    copy.on('console', (m) => m.type() === 'error' && copyErrors.push(m.text()));
    copy.on('pageerror', (e) => copyErrors.push(e.message));
    await copy.goto(`${pathToFileURL(file).href}?lang=en&year=2011&place=520423`);
    await waitForMap(copy);
    await expect.poll(() => copy.locator('#details h2').textContent()).toBe('Zhenning Buyei and Miao Autonomous County');
    await expect.poll(() => copy.getByTestId('panel-total').textContent()).toBe('¥777,000');
    expect(await copy.getByTestId('figures').textContent()).toContain('A school fund we recorded ourselves.');
    expect(await copy.getByTestId('notice').textContent()).toContain('my-figures.csv');
    await screenshot(copy, 'offline-copy-imported');

    // A copy of the copy: the same file (same script and hash, same data).
    await copy.getByRole('button', { name: 'Export' }).click();
    const [again] = await Promise.all([copy.waitForEvent('download'), copy.getByRole('button', { name: 'Save offline copy' }).click()]);
    expect(readFileSync(await save(again, 'copy-of-copy.html'), 'utf8')).toBe(html);
    expect(attempted).toEqual([]);
    expect(copyErrors).toEqual([]);
    await context.close();
  });
});
