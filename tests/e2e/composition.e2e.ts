import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { overlaps, readDrawing, setUp, within, type Box, type Drawing } from './driver.ts';

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

const e2e = setUp();

/** The live map's drawing, its area being the map's element. */
const LIVE = { area: '#map, .svg-host' };

const area = (r: Box) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
const clipped = (r: Box, to: Box): Box => ({ left: Math.max(r.left, to.left), top: Math.max(r.top, to.top), right: Math.min(r.right, to.right), bottom: Math.min(r.bottom, to.bottom) });

/** Every paired prefecture, partner city and twinned district is named; no name overlaps another or a circle (nor leaves the map, with `inMap`). */
function expectEveryNameClear(d: Drawing, where: string, inMap: boolean) {
  const named = new Set(d.labels.map((n) => n.id));
  for (const id of [...PAIRED_PREFECTURES, ...CITIES, ...DISTRICTS]) expect(named, `${where}: name of ${id}`).toContain(id);
  for (const [i, a] of d.labels.entries()) {
    for (const b of d.labels.slice(i + 1)) expect(overlaps(a, b, 0.5), `${a.text} overlaps ${b.text}`).toBe(false);
    for (const c of d.marks) expect(overlaps(a, c, 0.5), `${a.text} overlaps circle ${c.key}`).toBe(false);
    if (inMap) expect(within(a, d.area!, 1), `${a.text} inside the map`).toBe(true);
  }
}

describe('the composed map', () => {
  for (const size of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    it(`gives Guizhou at least half of the map at ${size[0]}×${size[1]}`, async () => {
      const app = await e2e.open({ lang: 'en', size });
      const d = await app.drawing(LIVE);
      const share = area(clipped(d.guizhou, d.area!)) / area(d.area!);
      expect(share).toBeGreaterThanOrEqual(0.5);
      await app.close();
    });
  }

  const sizes = [
    ['desktop', 1280, 800, ''],
    ['phone', 390, 844, ''],
    ['embed 800×500', 800, 500, 'embed=1'],
    ['embed 400×300', 400, 300, 'embed=1'],
  ] as const;
  for (const lang of ['en', 'zh'] as const) {
    for (const [name, w, h, query] of sizes) {
      it(`names every paired prefecture, partner city and twinned district without overlaps (${name}, ${lang})`, async () => {
        const app = await e2e.open({ lang, query, size: [w, h] });
        expectEveryNameClear(await app.drawing(LIVE), `${name} ${lang}`, true);
        if (lang === 'en' && name === 'embed 400×300') await app.shot('composition-embed-400');
        await app.done();
      });
    }
  }

  it('draws money where it went: under 2011, Qingdao\'s group figure and every mark lie inside Guizhou\'s box', async () => {
    for (const size of [
      [1280, 800],
      [390, 844],
    ] as const) {
      const app = await e2e.open({ lang: 'en', query: 'year=2011', size });
      const d = await app.drawing(LIVE);
      const group = d.marks.find((c) => c.key === '520400;520600');
      expect(group, 'the circle for Anshun + Tongren').toBeDefined();
      const g = d.guizhou;
      for (const c of d.marks) expect(c.x >= g.left && c.x <= g.right && c.y >= g.top && c.y <= g.bottom, `circle ${c.key} inside Guizhou's box at ${size[0]}`).toBe(true);
      await app.close();
    }
  });

  it('names the same places in the SVG export, without overlaps', async () => {
    const app = await e2e.open({ lang: 'zh', size: [1280, 800] });
    await app.page.getByRole('button', { name: '导出' }).click();
    const svg = await app.download(() => app.page.getByRole('button', { name: 'SVG（矢量）' }).click());
    await app.page.setContent(`<!doctype html><body style="margin:0">${svg.text}</body>`);
    expectEveryNameClear(await readDrawing(app.page, { root: null, area: 'svg' }), 'export', false);
    await app.close();
  });

  it('draws every twinned district at least 20 px across in its inset', async () => {
    for (const size of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      const app = await e2e.open({ lang: 'en', size });
      const sizes = await app.page.evaluate((ids) => ids.map((id) => {
        const r = document.querySelector(`.inset-districts path[data-id="${id}"]`)?.getBoundingClientRect();
        return { id, across: r ? Math.max(r.width, r.height) : 0 };
      }), DISTRICTS);
      for (const { id, across } of sizes) expect(across, `district ${id} at ${size[0]}`).toBeGreaterThanOrEqual(20);
      await app.close();
    }
  });

  it('shows a chosen place: outlined, named, and clear of the panel or the phone sheet', async () => {
    const desktop = await e2e.open({ lang: 'en', size: [1280, 800] });
    await desktop.page.locator('#place-search').fill('Qianxinan');
    await desktop.page.locator('#place-search').press('Enter');
    await expect.poll(() => desktop.panelTitle()).toContain('Qianxinan');
    const seen = async () =>
      desktop.page.evaluate(() => {
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
    await desktop.page.waitForTimeout(800); // the map frames Guizhou beside the opened panel
    const desk = await seen();
    expect(desk.outline).not.toBeNull();
    expect(overlaps(desk.nameBox!, desk.panel, 0.5)).toBe(false);
    expect(desk.outline!.right).toBeLessThanOrEqual(desk.panel.left);
    await desktop.close();

    // The map was moved to Guiyang, so Libo (at Guizhou's southern edge) is not in view until it is chosen.
    const phone = await e2e.open({ lang: 'en', query: 'at=106.7,26.6,7.2', size: [390, 844] });
    // Libo lies at Guizhou's southern edge, under the sheet until the map moves.
    await phone.page.locator('#place-search').fill('Libo');
    await phone.page.locator('#place-search').press('Enter');
    await expect.poll(() => phone.panelTitle()).toContain('Libo');
    const onPhone = async () =>
      phone.page.evaluate(() => {
        const n = document.querySelector('.svg-layer #labels text.selected-name')?.getBoundingClientRect();
        const sheet = document.querySelector('#details')!.getBoundingClientRect();
        const map = document.querySelector('#map')!.getBoundingClientRect();
        return n ? n.bottom <= sheet.top && n.top >= map.top : false;
      });
    await expect.poll(onPhone, { timeout: 5000 }).toBe(true);
    await phone.close();
  });
});
