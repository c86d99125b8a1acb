import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { launchBrowser, openPage, screenshot } from './browser.ts';

/*
 * The map issue's end-to-end checks, on the built app in headless Chromium: a county's panel shows
 * the values the data holds; year and category change markers and legend; a deep link restores
 * the same state; the same on a phone.
 */

const figures = parseCsv(readFileSync('data/figures.csv', 'utf8')).records.map((r) => r.values);
let browser: Browser;
const base = () => inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function ready(page: Page) {
  await page.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 30_000 });
}

/** Where the live map draws a place's label point, in page coordinates. */
async function placePoint(page: Page, id: string): Promise<readonly [number, number]> {
  const point = await page.evaluate((placeId) => {
    const el = document.querySelector<HTMLElement>('#map');
    const w = window as unknown as { __gpm?: { project(id: string): [number, number] | null } };
    const p = w.__gpm?.project(placeId);
    if (!el || !p) return null;
    const r = el.getBoundingClientRect();
    return [r.left + p[0], r.top + p[1]] as const;
  }, id);
  expect(point, `map position of ${id}`).not.toBeNull();
  return point!;
}

async function clickPlace(page: Page, id: string) {
  const [x, y] = await placePoint(page, id);
  await page.mouse.click(x, y);
}

describe('the map', () => {
  it('opens a county with figures from a click and shows the values the data holds, with sources', async () => {
    const { page, errors, foreign } = await openPage(browser, `${base()}/?lang=en&view=guizhou&at=105.75,26.3,8`);
    await ready(page);
    const [x, y] = await placePoint(page, '520422');
    await page.mouse.move(x, y);
    // The pointer is over Puding's own circle: its name, the measure and the year.
    await expect.poll(() => page.locator('.tooltip').textContent()).toBe('PudingAid funds: ¥630,0002011');
    await clickPlace(page, '520422');
    const panel = page.locator('#details');
    await expect.poll(() => panel.isVisible()).toBe(true);
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Puding County');
    // Puding's own aid funds: the drinking-water donation and the computers' value (530,000 + 100,000).
    await expect.poll(() => page.getByTestId('panel-total').textContent()).toBe('¥630,000');
    const shown = await panel.locator('[data-figure]').evaluateAll((els) => els.map((e) => e.getAttribute('data-figure')));
    const puding = figures.filter((f) => f['recipients'] === '520422').map((f) => f['id']);
    for (const id of puding) expect(shown).toContain(id);
    await expect.poll(() => panel.locator('[data-figure="qd11-laoshan-puding-water"] .figure-source').textContent()).toContain('Social Poverty Alleviation');
    await screenshot(page, 'map-panel-puding-en');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('changes markers and legend with the year and the kind of aid, and says when nothing is left', async () => {
    const { page, errors } = await openPage(browser, `${base()}/?lang=en`);
    await ready(page);
    const legend = page.getByTestId('legend-filter');
    const markers = () => page.evaluate(() => (window as unknown as { __gpm?: { markers(): string[] } }).__gpm?.markers() ?? []);
    const all = await markers();
    expect(all).toContain('520400;520600');
    await page.getByRole('button', { name: '2010', exact: true }).click();
    await expect.poll(() => legend.textContent()).toBe('Showing: 2010; all kinds of aid');
    await expect.poll(markers).not.toContain('520400;520600');
    expect(await markers()).toContain('programme:330200');
    expect(page.url()).toContain('year=2010');
    await page.getByRole('button', { name: 'Education', exact: true }).click();
    await expect.poll(() => legend.textContent()).toBe('Showing: 2010; Education');
    expect(await markers()).toEqual(['programme:330200']);
    await page.getByRole('button', { name: 'Trade and investment', exact: true }).click();
    await page.getByRole('button', { name: 'Education', exact: true }).click();
    await expect.poll(() => page.locator('.empty-message').isVisible()).toBe(true);
    await screenshot(page, 'map-empty-filter');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('restores the same state from a deep link, and back/forward step through changes', async () => {
    const url = `${base()}/?lang=zh&year=2011&category=government_funds&metric=funds_cny&place=520403&view=guizhou`;
    const { page, errors } = await openPage(browser, url);
    await ready(page);
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('平坝区');
    await expect.poll(() => page.getByTestId('panel-total').textContent()).toBe('120万元');
    await expect.poll(() => page.getByTestId('legend-filter').textContent()).toBe('当前显示：2011年；政府帮扶资金');
    expect(await page.locator('#details').textContent()).toContain('平坝县');
    // The Guizhou view is framed beside the open panel: its easternmost county is not hidden under it.
    const panelLeft = (await page.locator('#details').boundingBox())!.x;
    expect((await placePoint(page, '522627'))[0]).toBeLessThan(panelLeft - 24);
    await page.getByRole('button', { name: '2010', exact: true }).click();
    await expect.poll(() => page.url()).toContain('year=2010');
    await page.goBack();
    await expect.poll(() => page.getByTestId('legend-filter').textContent()).toBe('当前显示：2011年；政府帮扶资金');
    await screenshot(page, 'map-deeplink-zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works on a phone: the panel is a bottom sheet', async () => {
    const { page, errors } = await openPage(browser, `${base()}/?lang=en&place=330200`, { viewport: { width: 390, height: 844 } });
    await ready(page);
    const box = await page.locator('#details').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeCloseTo(844, -1);
    expect(box!.width).toBeCloseTo(390, -1);
    // The drought relief the text leaves open is shown beside the 81.85 million, never added to it.
    await expect.poll(() => page.getByTestId('panel-total').textContent()).toBe('¥81.85 million + ¥10.22 million disaster relief (the text does not say whether it is included)');
    await screenshot(page, 'map-phone-ningbo-en');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pans when a drag starts on a county, without opening it, and keeps the drawing on its places through pans and zooms', async () => {
    const { page, errors } = await openPage(browser, `${base()}/?lang=en&view=guizhou`);
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.dataset['renderer'])).toBe('webgl');
    // The area drawn under a point (Puding's own circle lies on top of it).
    const areaAt = (x: number, y: number) =>
      page.evaluate(([px, py]) => document.elementsFromPoint(px!, py!).find((e) => e.matches('#counties path'))?.getAttribute('data-id') ?? null, [x, y]);
    const [x0, y0] = await placePoint(page, '520422');
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    // Towards the map's middle, so that Puding stays on screen when the zoom below doubles its distance from it.
    for (let i = 1; i <= 6; i++) await page.mouse.move(x0 + i * 25, y0 - i * 10);
    await page.mouse.up();
    // MapLibre moved the camera (the link says where) and the drag opened nothing.
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('at'))).not.toBeNull();
    expect(await page.locator('#details').isVisible()).toBe(false);
    const [x1, y1] = await placePoint(page, '520422');
    expect(Math.abs(x1 - (x0 + 150))).toBeLessThan(3);
    expect(Math.abs(y1 - (y0 - 60))).toBeLessThan(3);
    // The SVG drawing followed: Puding is drawn where MapLibre puts it.
    await expect.poll(() => areaAt(x1, y1)).toBe('520422');
    // Zoom in with the button; once the move ends, Puding is again under its own point.
    await page.locator('.maplibregl-ctrl-zoom-in').click();
    await expect.poll(() => page.evaluate(() => Number(new URLSearchParams(location.search).get('at')?.split(',')[2] ?? 0)), { timeout: 5000 }).toBeGreaterThan(7);
    const [x2, y2] = await placePoint(page, '520422');
    await expect.poll(() => areaAt(x2, y2)).toBe('520422');
    await page.mouse.click(x2, y2);
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('Puding County');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never lets a place name cover a circle: names move above the circle on their place', async () => {
    const { page } = await openPage(browser, `${base()}/?lang=en&view=guizhou&at=106.2,26.4,7.6`);
    await ready(page);
    for (const query of ['', 'year=2010&category=disaster_relief']) {
      if (query) {
        await page.goto(`${base()}/?lang=zh&view=guizhou&${query}`);
        await ready(page);
      }
      const overlaps = await page.evaluate(() => {
        const box = (e: Element) => e.getBoundingClientRect();
        const circles = [...document.querySelectorAll('#markers circle')].map(box).filter((r) => r.width > 0);
        const names = [...document.querySelectorAll('#labels text')].map((t) => ({ name: t.textContent, r: box(t) }));
        // Text boxes include the halo's ascent and descent: allow 2 px.
        const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 2 && b.left < a.right - 2 && a.top < b.bottom - 2 && b.top < a.bottom - 2;
        return { circles: circles.length, overlaps: names.filter((n) => circles.some((c) => hit(n.r, c))).map((n) => n.name) };
      });
      expect(overlaps.circles).toBeGreaterThan(0);
      expect(overlaps.overlaps).toEqual([]);
    }
    await page.close();
  });

  it("keeps place names out from under the map's buttons and attribution, moving a partner city's name to its other side", async () => {
    // At this size Qingdao's name would otherwise run under the zoom buttons.
    const { page } = await openPage(browser, `${base()}/?lang=zh&embed=1&year=2010`, { viewport: { width: 800, height: 500 } });
    await ready(page);
    await page.waitForSelector('.maplibregl-ctrl-zoom-in');
    const result = await page.evaluate(() => {
      const controls = [...document.querySelectorAll('.maplibregl-ctrl')].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0);
      const names = [...document.querySelectorAll('#labels text, .inset-title')].map((t) => ({ name: t.textContent, r: t.getBoundingClientRect() }));
      const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      return { controls: controls.length, names: names.map((n) => n.name), under: names.filter((n) => controls.some((c) => hit(n.r, c))).map((n) => n.name) };
    });
    expect(result.controls).toBeGreaterThanOrEqual(2);
    expect(result.names).toContain('青岛');
    expect(result.under).toEqual([]);
    await page.close();
  });
});
