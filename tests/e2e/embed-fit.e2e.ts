import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot, waitForMap } from './browser.ts';

/*
 * Embeds that fit (issue 14): in an article column of 720 and 320 px, the iframe is as tall as what
 * the embed shows (its source line visible without scrolling), the attribution is folded clear of
 * Guizhou, and the snippet carries a static image for pages without scripts. Offline, the Share
 * dialog explains instead of handing out file:// paths.
 */

let browser: Browser;
const hosts: Server[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const h of hosts) h.close();
});

function serveHost(html: string): Promise<string> {
  return new Promise((done) => {
    const host = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    }).listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`));
    hosts.push(host);
  });
}

type Box = { left: number; top: number; right: number; bottom: number };
const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** What the embed shows inside its iframe, in the iframe's own coordinates. */
async function inside(frame: Frame) {
  return frame.evaluate(() => {
    const box = (e: Element | null) => {
      const r = e!.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    return {
      viewport: window.innerHeight,
      scrollable: document.documentElement.scrollHeight > window.innerHeight + 1,
      source: box(document.querySelector('[data-testid="legend-source"]')),
      attribution: box(document.querySelector('.maplibregl-ctrl-attrib')),
      guizhou: box(document.querySelector('#counties')),
      map: box(document.querySelector('#map')),
    };
  });
}

describe('embeds that fit', () => {
  it('sizes the iframe to what it shows in a 720 px and a 320 px column, with the attribution clear of Guizhou', async () => {
    const { page: app } = await openPage(browser, `${inject('baseUrl')}/?lang=en&year=2011`, { acceptDownloads: true });
    await waitForMap(app);
    await app.getByRole('button', { name: 'Share / Embed' }).click();
    const snippet = await app.locator('#share-embed').inputValue();
    // Pages that strip scripts show a PNG of the view, which the dialog downloads under the name the snippet uses.
    const image = /<noscript><img src="([^"]+\.png)"/.exec(snippet)?.[1];
    expect(image).toBe('guizhou-pairing-2011-all-aid-funds-en.png');
    const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Download the PNG' }).click()]);
    expect(download.suggestedFilename()).toBe(image);
    await app.close();

    for (const column of [720, 320]) {
      const hostUrl = await serveHost(
        `<!doctype html><meta charset="utf-8"><title>Host</title><body style="margin:0"><article style="width:${column}px;margin:0 auto"><p>Before.</p>${snippet}<p>After.</p></article></body>`,
      );
      const { page, errors } = await openPage(browser, hostUrl, { viewport: { width: Math.max(360, column + 40), height: 1400 } });
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      await frame.waitForFunction(() => document.documentElement.dataset['renderer'] === 'webgl', null, { timeout: 30_000 });
      await frame.waitForSelector('.maplibregl-ctrl-attrib', { state: 'attached' });
      // The host resized the iframe to the height the embed posted: nothing to scroll, the source line in view.
      await expect.poll(async () => (await inside(frame)).scrollable, { timeout: 10_000 }).toBe(false);
      const seen = await inside(frame);
      expect(seen.source.bottom, `${column} px`).toBeLessThanOrEqual(seen.viewport);
      expect(seen.source.top).toBeGreaterThanOrEqual(seen.map.bottom);
      expect(intersects(seen.attribution, seen.guizhou), `${column} px: attribution ${JSON.stringify(seen.attribution)} over Guizhou ${JSON.stringify(seen.guizhou)}`).toBe(false);
      await screenshot(page, `embed-column-${column}-en`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('has every key the map uses in its legend, folding away on a narrow page', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=zh&embed=1`, { viewport: { width: 320, height: 700 } });
    await waitForMap(page);
    expect(await page.locator('#legend-keys').isVisible()).toBe(false);
    await page.getByRole('button', { name: '显示图例' }).click();
    for (const key of ['数据适用范围', '县域着色：帮扶资金', '无记录数据', '据帮扶活动推断']) await expect.poll(() => page.getByText(key).first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains, in the offline file, that links and embeds need a served copy', async () => {
    const file = resolve('dist-standalone/guizhou-pairing-map.html');
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:standalone\` first (npm test does).`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${pathToFileURL(file).href}?lang=en`);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Share / Embed' }).click();
    expect(await page.getByTestId('share-offline').textContent()).toContain('web server');
    expect(await page.locator('#share-link, #share-embed').count()).toBe(0);
    expect(await page.locator('#share-cite').inputValue()).not.toContain('file:');
    await context.close();
  });
});
