import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { launchBrowser, openPage, screenshot, waitForMap } from './browser.ts';

/*
 * What a viewer reads from the composed map: Guizhou large, the paired prefectures, partner cities
 * and twinned districts named without overlapping a name or a circle, and money drawn where it went
 * (inside Guizhou's box, never at the donor city), at every size we support and in the SVG export.
 */

const rows = (file: string) => parseCsv(readFileSync(`data/${file}`, 'utf8')).records.map((r) => r.values);
const places = new Map(rows('places.csv').map((p) => [p['id']!, p]));
const pairings = rows('pairings.csv');
const PAIRED_PREFECTURES = [...new Set(pairings.map((p) => (p['level'] === 'prefecture' ? p['recipient']! : places.get(p['recipient']!)?.['parent'] ?? '')))].filter(Boolean);
const CITIES = [...new Set(pairings.map((p) => (places.get(p['donor']!)?.['level'] === 'city' ? p['donor']! : places.get(p['donor']!)?.['parent'] ?? '')))];
const DISTRICTS = [...new Set(pairings.map((p) => p['donor']!).filter((id) => places.get(id)?.['level'] === 'district'))];

let browser: Browser;
const base = () => inject('baseUrl');
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Rect = { left: number; top: number; right: number; bottom: number };

/** The boxes a viewer sees: names (with their place id), circles, Guizhou's counties and the map, in page pixels. */
async function drawn(page: Page, root = '#map, .svg-host') {
  return page.evaluate((sel) => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const scope = document.querySelector('.svg-layer') ?? document;
    const names = [...scope.querySelectorAll('#labels text, .inset-title')].map((t) => ({ id: t.getAttribute('data-id') ?? '', text: t.textContent ?? '', ...box(t) }));
    const circles = [...scope.querySelectorAll('#markers circle')].map((c) => ({ key: c.getAttribute('data-key') ?? '', ...box(c) }));
    const counties = [...scope.querySelectorAll('#counties path')].map(box).filter((b) => b.right > b.left);
    const guizhou = {
      left: Math.min(...counties.map((b) => b.left)),
      top: Math.min(...counties.map((b) => b.top)),
      right: Math.max(...counties.map((b) => b.right)),
      bottom: Math.max(...counties.map((b) => b.bottom)),
    };
    const map = box(document.querySelector(sel)!);
    return { names, circles, guizhou, map };
  }, root);
}

const area = (r: Rect) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
const intersect = (a: Rect, b: Rect, slack = 0.5) => a.left + slack < b.right && b.left + slack < a.right && a.top + slack < b.bottom && b.top + slack < a.bottom;
const clipped = (r: Rect, to: Rect): Rect => ({ left: Math.max(r.left, to.left), top: Math.max(r.top, to.top), right: Math.min(r.right, to.right), bottom: Math.min(r.bottom, to.bottom) });

describe('the composed map', () => {
  for (const [w, h] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    it(`gives Guizhou at least half of the map at ${w}×${h}`, async () => {
      const { page } = await openPage(browser, `${base()}/?lang=en`, { viewport: { width: w, height: h } });
      await waitForMap(page);
      const d = await drawn(page);
      const share = area(clipped(d.guizhou, d.map)) / area(d.map);
      expect(share).toBeGreaterThanOrEqual(0.5);
      await page.close();
    });
  }

  const sizes = [
    ['desktop', 1280, 800, ''],
    ['phone', 390, 844, ''],
    ['embed 800×500', 800, 500, '&embed=1'],
    ['embed 400×300', 400, 300, '&embed=1'],
  ] as const;
  for (const lang of ['en', 'zh'] as const) {
    for (const [name, w, h, extra] of sizes) {
      it(`names every paired prefecture, partner city and twinned district without overlaps (${name}, ${lang})`, async () => {
        const { page, errors } = await openPage(browser, `${base()}/?lang=${lang}${extra}`, { viewport: { width: w, height: h } });
        await waitForMap(page);
        const d = await drawn(page);
        const named = new Set(d.names.map((n) => n.id));
        for (const id of [...PAIRED_PREFECTURES, ...CITIES, ...DISTRICTS]) expect(named, `${name} ${lang}: name of ${id}`).toContain(id);
        for (const [i, a] of d.names.entries()) {
          for (const b of d.names.slice(i + 1)) expect(intersect(a, b), `${a.text} overlaps ${b.text}`).toBe(false);
          for (const c of d.circles) expect(intersect(a, c), `${a.text} overlaps circle ${c.key}`).toBe(false);
          expect(a.left >= d.map.left - 1 && a.right <= d.map.right + 1 && a.top >= d.map.top - 1 && a.bottom <= d.map.bottom + 1, `${a.text} inside the map`).toBe(true);
        }
        if (lang === 'en' && name === 'embed 400×300') await screenshot(page, 'composition-embed-400');
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  it('draws money where it went: under 2011, Qingdao\'s group figure and every mark lie inside Guizhou\'s box', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const { page } = await openPage(browser, `${base()}/?lang=en&year=2011`, { viewport });
      await waitForMap(page);
      const d = await drawn(page);
      const group = d.circles.find((c) => c.key === '520400;520600');
      expect(group, 'the circle for Anshun + Tongren').toBeDefined();
      for (const c of d.circles) {
        const cx = (c.left + c.right) / 2;
        const cy = (c.top + c.bottom) / 2;
        expect(cx >= d.guizhou.left && cx <= d.guizhou.right && cy >= d.guizhou.top && cy <= d.guizhou.bottom, `circle ${c.key} inside Guizhou's box at ${viewport.width}`).toBe(true);
      }
      await page.close();
    }
  });

  it('names the same places in the SVG export, without overlaps', async () => {
    const { page } = await openPage(browser, `${base()}/?lang=zh`, { viewport: { width: 1280, height: 800 } });
    await waitForMap(page);
    await page.getByRole('button', { name: '导出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG（矢量）' }).click()]);
    const svgText = readFileSync((await download.path())!, 'utf8');
    await page.setContent(`<!doctype html><body style="margin:0">${svgText}</body>`);
    const d = await drawn(page, 'svg');
    const named = new Set(d.names.map((n) => n.id));
    for (const id of [...PAIRED_PREFECTURES, ...CITIES, ...DISTRICTS]) expect(named, `export: name of ${id}`).toContain(id);
    for (const [i, a] of d.names.entries()) {
      for (const b of d.names.slice(i + 1)) expect(intersect(a, b), `${a.text} overlaps ${b.text}`).toBe(false);
      for (const c of d.circles) expect(intersect(a, c), `${a.text} overlaps circle ${c.key}`).toBe(false);
    }
    await page.close();
  });

  it('draws every twinned district at least 20 px across in its inset', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 },
    ]) {
      const { page } = await openPage(browser, `${base()}/?lang=en`, { viewport });
      await waitForMap(page);
      const sizes = await page.evaluate((ids) => ids.map((id) => {
        const r = document.querySelector(`.inset-districts path[data-id="${id}"]`)?.getBoundingClientRect();
        return { id, across: r ? Math.max(r.width, r.height) : 0 };
      }), DISTRICTS);
      for (const { id, across } of sizes) expect(across, `district ${id} at ${viewport.width}`).toBeGreaterThanOrEqual(20);
      await page.close();
    }
  });

  it('shows a chosen place: outlined, named, and clear of the panel or the phone sheet', async () => {
    const { page } = await openPage(browser, `${base()}/?lang=en`, { viewport: { width: 1280, height: 800 } });
    await waitForMap(page);
    await page.locator('#place-search').fill('Qianxinan');
    await page.locator('#place-search').press('Enter');
    await expect.poll(() => page.locator('#details h2').textContent()).toContain('Qianxinan');
    const seen = async () =>
      page.evaluate(() => {
        const layer = document.querySelector('.svg-layer')!;
        const outline = layer.querySelector('#selection path')?.getBoundingClientRect();
        const name = layer.querySelector('#labels text.selected-name');
        const panel = document.querySelector('#details')!.getBoundingClientRect();
        const n = name?.getBoundingClientRect();
        return {
          outline: outline ? { left: outline.left, top: outline.top, right: outline.right, bottom: outline.bottom } : null,
          name: name?.getAttribute('data-id') ?? null,
          nameBox: n ? { left: n.left, top: n.top, right: n.right, bottom: n.bottom } : null,
          panel: { left: panel.left, top: panel.top, right: panel.right, bottom: panel.bottom },
        };
      });
    await expect.poll(async () => (await seen()).name, { timeout: 5000 }).toBe('522300');
    await page.waitForTimeout(800); // the map frames Guizhou beside the opened panel
    const desk = await seen();
    expect(desk.outline).not.toBeNull();
    expect(intersect(desk.nameBox!, desk.panel)).toBe(false);
    expect(desk.outline!.right).toBeLessThanOrEqual(desk.panel.left);
    await page.close();

    // The map was moved to Guiyang, so Libo (at Guizhou's southern edge) is not in view until it is chosen.
    const { page: phone } = await openPage(browser, `${base()}/?lang=en&at=106.7,26.6,7.2`, { viewport: { width: 390, height: 844 } });
    await waitForMap(phone);
    // Libo lies at Guizhou's southern edge, under the sheet until the map moves.
    await phone.locator('#place-search').fill('Libo');
    await phone.locator('#place-search').press('Enter');
    await expect.poll(() => phone.locator('#details h2').textContent()).toContain('Libo');
    const page2 = phone;
    const onPhone = async () =>
      page2.evaluate(() => {
        const n = document.querySelector('.svg-layer #labels text.selected-name')?.getBoundingClientRect();
        const sheet = document.querySelector('#details')!.getBoundingClientRect();
        const map = document.querySelector('#map')!.getBoundingClientRect();
        return n ? n.bottom <= sheet.top && n.top >= map.top : false;
      });
    await expect.poll(onPhone, { timeout: 5000 }).toBe(true);
    await phone.close();
  });
});
