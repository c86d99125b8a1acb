import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { distinctColours, launchBrowser, openPage, screenshot, waitForMap } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the built app', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`loads offline on a ${name} with a painted WebGL map, no console errors and no request beyond its origin`, async () => {
      const { page, errors, foreign } = await openPage(browser, `${inject('baseUrl')}/?lang=en`, { viewport });
      await waitForMap(page);
      expect(await page.evaluate(() => document.documentElement.dataset['renderer'])).toBe('webgl');
      const canvas = page.locator('.maplibregl-canvas');
      await expect.poll(() => canvas.count()).toBe(1);
      // A painted map has many colours; a blank or failed canvas has one or two.
      const colours = await distinctColours(page, await canvas.screenshot());
      expect(colours).toBeGreaterThan(50);
      await screenshot(page, `smoke-${name}`);
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
      await page.close();
    });
  }

  it('draws Guizhou, its 9 prefectures and 88 counties and the partner districts, even without WebGL', async () => {
    const noGl = await launchBrowser({ webgl: false });
    try {
      const { page, errors } = await openPage(noGl, `${inject('baseUrl')}/?lang=zh`);
      await waitForMap(page);
      expect(await page.evaluate(() => document.documentElement.dataset['renderer'])).toBe('svg');
      const counts = await page.evaluate(() => ({
        provinces: document.querySelectorAll('.svg-map #provinces path').length,
        // Borders are drawn once each, as one line per level, over the areas.
        borders: ['prefectures', 'counties', 'districts'].filter((g) => (document.querySelector(`.svg-map .${g}-borders`)?.getAttribute('d')?.length ?? 0) > 1000),
        counties: document.querySelectorAll('.svg-map #counties path').length,
        districts: document.querySelectorAll('.svg-map #districts path').length,
      }));
      expect(counts).toEqual({ provinces: 34, borders: ['prefectures', 'counties', 'districts'], counties: 88, districts: 20 });
      await expect.poll(() => page.getByTestId('notice').isVisible()).toBe(true);
      await screenshot(page, 'smoke-no-webgl-zh');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await noGl.close();
    }
  });
});
