import { describe, expect, it } from 'vitest';
import { distinctColours, setUp } from './driver.ts';

const e2e = setUp();

describe('the built app', () => {
  for (const [name, size] of [
    ['desktop', [1440, 900]],
    ['phone', [390, 844]],
  ] as const) {
    it(`loads offline on a ${name} with a painted WebGL map, no console errors and no request beyond its origin`, async () => {
      const app = await e2e.open({ lang: 'en', size });
      expect(await app.renderer()).toBe('webgl');
      const canvas = app.page.locator('.maplibregl-canvas');
      await expect.poll(() => canvas.count()).toBe(1);
      // A painted map has many colours; a blank or failed canvas has one or two.
      const colours = await distinctColours(app.page, await canvas.screenshot());
      expect(colours).toBeGreaterThan(50);
      await app.shot(`smoke-${name}`);
      expect(app.foreign).toEqual([]);
      await app.done();
    });
  }

  it('draws Guizhou, its 9 prefectures and 88 counties and the partner districts, even without WebGL', async () => {
    const app = await e2e.open({ lang: 'zh', webgl: false });
    expect(await app.renderer()).toBe('svg');
    const counts = await app.page.evaluate(() => ({
      provinces: document.querySelectorAll('.svg-map #provinces path').length,
      // Borders are drawn once each, as one line per level, over the areas.
      borders: ['prefectures', 'counties', 'districts'].filter((g) => (document.querySelector(`.svg-map .${g}-borders`)?.getAttribute('d')?.length ?? 0) > 1000),
      counties: document.querySelectorAll('.svg-map #counties path').length,
      districts: document.querySelectorAll('.svg-map #districts path').length,
    }));
    expect(counts).toEqual({ provinces: 34, borders: ['prefectures', 'counties', 'districts'], counties: 88, districts: 20 });
    await expect.poll(() => app.notice.isVisible()).toBe(true);
    await app.shot('smoke-no-webgl-zh');
    await app.done();
  });

  it('ships the geometry prepared: borders worked out (no visitor’s browser meshes the arcs) and flat arcs', async () => {
    const app = await e2e.open({ lang: 'en', wait: false });
    const { borders, flat } = await app.page.evaluate(async () => {
      const href = document.querySelector('link[href*="pairing.topo"]')!.getAttribute('href')!;
      const topo = (await (await fetch(href)).json()) as { borders?: Record<string, number[][]>; arcs: unknown[][] };
      return { borders: Object.fromEntries(Object.entries(topo.borders ?? {}).map(([k, v]) => [k, v.length])), flat: topo.arcs.every((a) => a.every((v) => typeof v === 'number')) };
    });
    expect(Object.keys(borders).sort()).toEqual(['counties', 'districts', 'prefectures']);
    for (const n of Object.values(borders)) expect(n).toBeGreaterThan(0);
    expect(flat).toBe(true);
    await app.done();
  });
});
