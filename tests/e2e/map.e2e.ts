import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { overlaps, setUp } from './driver.ts';

/*
 * The map's own end-to-end checks, on the built app in headless Chromium: a county's panel shows
 * the values the data holds; year and category change markers and legend; a deep link restores
 * the same state; the same on a phone.
 */

const figures = parseCsv(readFileSync('data/figures.csv', 'utf8')).records.map((r) => r.values);
const e2e = setUp();

describe('the map', () => {
  it('opens a county with figures from a click and shows the values the data holds, with sources', async () => {
    const app = await e2e.open({ lang: 'en', query: 'view=guizhou&at=105.75,26.3,8' });
    await app.hover('520422');
    // The pointer is over Puding's own circle: its name, the measure and the year.
    await expect.poll(() => app.tooltipText()).toBe('PudingAid funds: ¥630,0002011');
    await app.click('520422');
    const panel = app.panel;
    await expect.poll(() => panel.isVisible()).toBe(true);
    await expect.poll(() => app.panelTitle()).toBe('Puding County');
    // Puding's own aid funds: the drinking-water donation and the computers' value (530,000 + 100,000).
    await expect.poll(() => app.panelTotal()).toBe('¥630,000');
    const shown = await panel.locator('[data-figure]').evaluateAll((els) => els.map((e) => e.getAttribute('data-figure')));
    const puding = figures.filter((f) => f['recipients'] === '520422').map((f) => f['id']);
    for (const id of puding) expect(shown).toContain(id);
    await expect.poll(() => panel.locator('[data-figure="qd11-laoshan-puding-water"] .figure-source').textContent()).toContain('Social Poverty Alleviation');
    await app.shot('map-panel-puding-en');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    expect(app.foreign).toEqual([]);
    await app.done();
  });

  it('changes markers and legend with the year and the kind of aid, and says when nothing is left', async () => {
    const app = await e2e.open({ lang: 'en' });
    const { page } = app;
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const all = await app.markers();
    expect(all).toContain('520400;520600');
    await button('2010').click();
    await expect.poll(() => app.legendFilter()).toBe('Showing: 2010; all kinds of aid');
    // Puding's figures are all of 2011; Qingdao's 2010 funds are 8.4 million for each of Anshun and Tongren.
    await expect.poll(() => app.markers()).not.toContain('520422');
    expect(await app.markers()).toEqual(expect.arrayContaining(['programme:330200', '520400;520600', '520400', '520600']));
    expect(page.url()).toContain('year=2010');
    await button('Education').click();
    await expect.poll(() => app.legendFilter()).toBe('Showing: 2010; Education');
    expect(await app.markers()).toEqual(['programme:330200']);
    await button('Trade and investment').click();
    await button('Education').click();
    await expect.poll(() => page.locator('.empty-message').isVisible()).toBe(true);
    await app.shot('map-empty-filter');
    await app.done();
  });

  it('restores the same state from a deep link, and back/forward step through changes', async () => {
    const app = await e2e.open({ lang: 'zh', query: 'year=2011&category=government_funds&metric=funds_cny&place=520403&view=guizhou' });
    await expect.poll(() => app.panelTitle()).toBe('平坝区');
    await expect.poll(() => app.panelTotal()).toBe('120万元');
    await expect.poll(() => app.legendFilter()).toBe('当前显示：2011年；政府帮扶资金');
    expect(await app.panelText()).toContain('平坝县');
    // The composition stays where it was; the place opened is clear of the panel.
    const panelLeft = (await app.panel.boundingBox())!.x;
    expect((await app.project('520403'))[0]).toBeLessThan(panelLeft - 24);
    await app.page.getByRole('button', { name: '2010', exact: true }).click();
    await expect.poll(() => app.page.url()).toContain('year=2010');
    await app.page.goBack();
    await expect.poll(() => app.legendFilter()).toBe('当前显示：2011年；政府帮扶资金');
    await app.shot('map-deeplink-zh');
    await app.done();
  });

  it('works on a phone: the panel is a bottom sheet', async () => {
    const app = await e2e.open({ lang: 'en', query: 'place=330200', size: [390, 844] });
    const box = await app.panel.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeCloseTo(844, -1);
    expect(box!.width).toBeCloseTo(390, -1);
    // The drought relief the text leaves open is shown beside the 81.85 million, never added to it.
    await expect.poll(() => app.panelTotal()).toBe(
      '¥81.85 million + ¥10.22 million disaster relief (the text does not say whether it is included) + more than ¥26 million education (the text does not say whether it is included) + more than ¥12 million social donations (the text does not say whether it is included)',
    );
    await app.shot('map-phone-ningbo-en');
    await app.done();
  });

  it('draws a deep link’s map before its panel’s figures on a wide screen, and with them where the panel is a sheet as tall as its content or the first view shows the map', async () => {
    // When the live map first enters the page: was the panel open then, and did it hold its heading yet?
    const content = `new MutationObserver((_, o) => { if (document.querySelector('.svg-host svg.svg-map')) { o.disconnect(); const p = document.querySelector('#details'); window.__atMap = { open: !!p && !p.hidden, heading: !!p?.querySelector('h2') }; } }).observe(document, { childList: true, subtree: true });`;
    const atMap = async (query: string, size: [number, number]) => {
      const app = await e2e.open({ lang: 'en', query: `year=2010&place=520422${query}`, size, before: (page) => page.addInitScript({ content }) });
      const seen = await app.page.evaluate(() => (window as unknown as { __atMap: { open: boolean; heading: boolean } }).__atMap);
      // Either way the panel ends up whole, in its box.
      await expect.poll(() => app.page.locator('#details h2').textContent()).toBe('Puding County');
      const box = (await app.panel.boundingBox())!;
      await app.done();
      return { seen, box };
    };
    // 1280×800, another metric (no first view): the panel's box lies over the map at its own size; its figures follow the first paint.
    const wide = await atMap('&metric=projects', [1280, 800]);
    expect(wide.seen).toEqual({ open: true, heading: false });
    expect(wide.box.x + wide.box.width).toBeCloseTo(1280, -1);
    expect(wide.box.height).toBeGreaterThan(600);
    // The default metric: the first view shows the map (the county outlined), so the panel comes whole at once.
    expect((await atMap('', [1280, 800])).seen).toEqual({ open: true, heading: true });
    // A phone: the sheet's height is its content's, and the map keeps its names clear of it: filled before the map is drawn.
    const phone = await atMap('', [390, 844]);
    expect(phone.seen).toEqual({ open: true, heading: true });
  });

  it('pans when a drag starts on a county, without opening it, and keeps the drawing on its places through pans and zooms', async () => {
    const app = await e2e.open({ lang: 'en', query: 'view=guizhou' });
    const { page } = app;
    expect(await app.renderer()).toBe('webgl');
    // The area drawn under a point (Puding's own circle lies on top of it).
    const areaAt = (x: number, y: number) =>
      page.evaluate(([px, py]) => document.elementsFromPoint(px!, py!).find((e) => e.matches('#counties path'))?.getAttribute('data-id') ?? null, [x, y]);
    const [x0, y0] = await app.project('520422');
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    // Towards the map's middle, so that Puding stays on screen when the zoom below doubles its distance from it.
    for (let i = 1; i <= 6; i++) await page.mouse.move(x0 + i * 25, y0 - i * 10);
    // A pause before letting go: no inertia carries the map on (its amount depends on the machine's load).
    await page.waitForTimeout(300);
    await page.mouse.up();
    // MapLibre moved the camera (the link says where) and the drag opened nothing.
    const at = () => page.evaluate(() => new URLSearchParams(location.search).get('at'));
    await expect.poll(at).not.toBeNull();
    expect(await app.panel.isVisible()).toBe(false);
    const [x1, y1] = await app.project('520422');
    expect(Math.abs(x1 - (x0 + 150))).toBeLessThan(3);
    expect(Math.abs(y1 - (y0 - 60))).toBeLessThan(3);
    // The SVG drawing followed: Puding is drawn where MapLibre puts it.
    await expect.poll(() => areaAt(x1, y1)).toBe('520422');
    // Zoom in with the button; once the move ends, Puding is again under its own point.
    await page.locator('.maplibregl-ctrl-zoom-in').click();
    await expect.poll(async () => Number((await at())?.split(',')[2] ?? 0), { timeout: 5000 }).toBeGreaterThan(7);
    const [x2, y2] = await app.project('520422');
    await expect.poll(() => areaAt(x2, y2)).toBe('520422');
    await page.mouse.click(x2, y2);
    await expect.poll(() => app.panelTitle()).toBe('Puding County');
    await app.done();
  });

  it('never lets a place name cover a circle: names move above the circle on their place', async () => {
    const app = await e2e.open({ lang: 'en', query: 'view=guizhou&at=106.2,26.4,7.6' });
    for (const query of ['', 'year=2010&category=disaster_relief']) {
      if (query) await app.goto({ lang: 'zh', query: `view=guizhou&${query}` });
      const d = await app.drawing();
      const circles = d.marks.filter((c) => c.right > c.left);
      // Text boxes include the halo's ascent and descent: allow 2 px.
      const covering = d.labels.filter((n) => !n.inset && circles.some((c) => overlaps(n, c, 2))).map((n) => n.text);
      expect(circles.length).toBeGreaterThan(0);
      expect(covering).toEqual([]);
    }
    await app.close();
  });

  it("keeps place names out from under the map's buttons and attribution, moving a partner city's name to its other side", async () => {
    // At this size Qingdao's name would otherwise run under the zoom buttons.
    const app = await e2e.open({ lang: 'zh', query: 'embed=1&year=2010', size: [800, 500] });
    await app.page.waitForSelector('.maplibregl-ctrl-zoom-in');
    const controls = await app.page.evaluate(() => {
      const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      return [...document.querySelectorAll('.maplibregl-ctrl')].map((c) => box(c.getBoundingClientRect())).filter((r) => r.right > r.left);
    });
    const names = await app.labels();
    expect(controls.length).toBeGreaterThanOrEqual(2);
    expect(names.map((n) => n.text)).toContain('青岛');
    expect(names.filter((n) => controls.some((c) => overlaps(n, c))).map((n) => n.text)).toEqual([]);
    await app.close();
  });
});
