import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { overlaps, serveHtml, setUp } from './driver.ts';

/*
 * Embeds that fit an article: in a column of 720 and 320 px, the iframe is as tall as what
 * the embed shows (its source line visible without scrolling), the attribution is folded clear of
 * Guizhou, and the snippet carries a static image for pages without scripts. Offline, the Share
 * dialog explains instead of handing out file:// paths.
 */

const e2e = setUp();

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
    const app = await e2e.open({ lang: 'en', query: 'year=2011' });
    await app.page.getByRole('button', { name: 'Share / Embed' }).click();
    const snippet = await app.page.locator('#share-embed').inputValue();
    // Pages that strip scripts show a PNG of the view, which the dialog downloads under the name the snippet uses.
    const image = /<noscript><img src="([^"]+\.png)"/.exec(snippet)?.[1];
    expect(image).toBe('guizhou-pairing-guizhou-view-2011-all-aid-funds-1200x900-en.png');
    const png = await app.download(() => app.page.getByRole('button', { name: 'Download the PNG' }).click());
    expect(png.name).toBe(image);
    await app.close();

    for (const column of [720, 320]) {
      const url = await serveHtml(
        `<!doctype html><meta charset="utf-8"><title>Host</title><body style="margin:0"><article style="width:${column}px;margin:0 auto"><p>Before.</p>${snippet}<p>After.</p></article></body>`,
      );
      const host = await e2e.open({ url, wait: false, size: [Math.max(360, column + 40), 1400] });
      const frame = host.page.frames().find((f) => f !== host.page.mainFrame())!;
      await frame.waitForFunction(() => document.documentElement.dataset['renderer'] === 'webgl', null, { timeout: 30_000 });
      await frame.waitForSelector('.maplibregl-ctrl-attrib', { state: 'attached' });
      // The host resized the iframe to the height the embed posted: nothing to scroll, the source line in view.
      await expect.poll(async () => (await inside(frame)).scrollable, { timeout: 10_000 }).toBe(false);
      const seen = await inside(frame);
      expect(seen.source.bottom, `${column} px`).toBeLessThanOrEqual(seen.viewport);
      expect(seen.source.top).toBeGreaterThanOrEqual(seen.map.bottom);
      expect(overlaps(seen.attribution, seen.guizhou), `${column} px: attribution ${JSON.stringify(seen.attribution)} over Guizhou ${JSON.stringify(seen.guizhou)}`).toBe(false);
      await host.shot(`embed-column-${column}-en`);
      await host.done();
    }
  });

  it('has every key the map uses in its legend, folding away on a narrow page', async () => {
    const app = await e2e.open({ lang: 'zh', query: 'embed=1', size: [320, 700] });
    expect(await app.page.locator('#legend-keys').isVisible()).toBe(false);
    await app.page.getByRole('button', { name: '显示图例' }).click();
    for (const key of ['数据适用范围', '县域着色：帮扶资金', '据帮扶活动推断']) await expect.poll(() => app.page.getByText(key).first().isVisible()).toBe(true);
    // No county is drawn hatched (without a figure) in this view, so the key has no entry for one.
    expect(await app.page.locator('#legend-keys').getByText('无记录数据').count()).toBe(0);
    await app.done();
  });

  it('explains, in the offline file, that links and embeds need a served copy', async () => {
    const file = resolve('dist-standalone/guizhou-pairing-map.html');
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:standalone\` first (npm test does).`);
    const app = await e2e.open({ url: `${pathToFileURL(file).href}?lang=en`, size: [1280, 800] });
    await app.page.getByRole('button', { name: 'Share / Embed' }).click();
    expect(await app.page.getByTestId('share-offline').textContent()).toContain('web server');
    expect(await app.page.locator('#share-link, #share-embed').count()).toBe(0);
    expect(await app.page.locator('#share-cite').inputValue()).not.toContain('file:');
    await app.close();
  });
});
