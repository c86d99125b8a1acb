import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot, waitForMap } from './browser.ts';

/* The embed, as a host page on another origin would use it: the snippet from the Share dialog, in a sandboxed iframe. */

let browser: Browser;
let host: Server | null = null;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  host?.close();
});

function serveHost(html: string): Promise<string> {
  return new Promise((resolve) => {
    host = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    }).listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(host!.address() as AddressInfo).port}/`));
  });
}

describe('embedding', () => {
  it('gives a snippet that works in a sandboxed iframe on another origin, which resizes to the height the map asks for', async () => {
    const { page: app } = await openPage(browser, `${inject('baseUrl')}/?lang=en&year=2011&view=guizhou`);
    await waitForMap(app);
    await app.getByRole('button', { name: 'Share / Embed' }).click();
    const snippet = await app.locator('#share-embed').inputValue();
    expect(snippet).toContain('embed=1');
    expect(snippet).toContain('sandbox="allow-scripts');
    const cite = await app.locator('#share-cite').inputValue();
    expect(cite).toMatch(/^Guizhou Pairing Map: Aid funds, 2011, all kinds of aid\. Data: .*IPRCC.*year=2011.*\(accessed \d{1,2} \w+ \d{4}\)\.$/);
    await screenshot(app, 'share-dialog-en');
    await app.keyboard.press('Escape');
    await expect.poll(() => app.locator('dialog[open]').count()).toBe(0);
    await app.close();

    const hostUrl = await serveHost(`<!doctype html><meta charset="utf-8"><title>Host</title><body style="margin:0;width:900px"><h1>A host page</h1>${snippet}</body>`);
    expect(new URL(hostUrl).origin).not.toBe(new URL(inject('baseUrl')).origin);
    const { page, errors } = await openPage(browser, hostUrl, { viewport: { width: 900, height: 900 } });
    const frame = page.frameLocator('iframe');
    await frame.locator('html[data-map-ready="true"]').waitFor({ timeout: 30_000 });
    // 900 px wide: a 16:10 map (563 px) plus the embed's title bar.
    await expect.poll(() => page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height)).toBeGreaterThan(563);
    const inner = frame.locator('.app-header');
    expect(await inner.locator('.embed-open').isVisible()).toBe(true);
    expect(await inner.locator('.header-actions').isVisible()).toBe(false);
    expect(await frame.locator('.legend-source').isVisible()).toBe(true);
    await screenshot(page, 'embed-in-host-en');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('applies the link state and the title, and a still map does not pan', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=zh&embed=1&interactive=0&title=${encodeURIComponent('<b>青岛</b> 2011')}&year=2011`, {
      viewport: { width: 400, height: 300 },
    });
    await waitForMap(page);
    // The title is text, never markup.
    expect(await page.locator('.title').textContent()).toBe('<b>青岛</b> 2011');
    expect(await page.getByTestId('legend-filter').textContent()).toBe('当前显示：2011年；全部帮扶类别');
    const before = await page.evaluate(() => location.search);
    await page.mouse.move(200, 150);
    await page.mouse.down();
    await page.mouse.move(120, 100, { steps: 5 });
    await page.mouse.up();
    expect(await page.evaluate(() => location.search)).toBe(before);
    // A still map offers no zoom buttons; both partner cities keep their names at this size.
    expect(await page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(0);
    await expect.poll(() => page.locator('#labels text, .inset-title').allTextContents()).toEqual(expect.arrayContaining(['青岛', '宁波']));
    await screenshot(page, 'embed-still-zh-400x300');
    expect(errors).toEqual([]);
    await page.close();
  });
});
