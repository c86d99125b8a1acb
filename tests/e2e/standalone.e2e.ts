import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, waitForMap } from './browser.ts';

/* The single-file map for meetings without internet: opened from file:// with every network request refused. */

const FILE = resolve('dist-standalone/guizhou-pairing-map.html');
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(FILE)) throw new Error(`${FILE} is missing: run \`npm run build:standalone\` first (npm test does).`);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('standalone offline file', () => {
  it('shows the full interactive map from file:// with the network blocked, and a county click opens its details', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const attempted: string[] = [];
    await context.route(/^https?:/, (route) => {
      attempted.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${pathToFileURL(FILE).href}?lang=en&view=guizhou&at=105.75,26.3,8`);
    await waitForMap(page);
    expect(await page.evaluate(() => document.documentElement.dataset['renderer'])).toBe('webgl');
    const point = await page.evaluate(() => {
      const w = window as unknown as { __gpm: { project(id: string): [number, number] } };
      const r = document.querySelector('#map')!.getBoundingClientRect();
      const p = w.__gpm.project('520422');
      return [r.left + p[0], r.top + p[1]];
    });
    await page.mouse.click(point[0]!, point[1]!);
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('Puding County');
    await expect.poll(() => page.getByTestId('panel-total').textContent()).toBe('¥630,000');
    await screenshot(page, 'standalone-file');
    expect(attempted).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
