import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { differingShare, distinctColours, launchBrowser, screenshot, waitForMap } from './browser.ts';

/*
 * The first view drawn into index.html at build time (scripts/draw-first-view.ts): on screen before
 * any script has run, and the same map the app then draws.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const DESKTOP = { width: 1280, height: 800 };
const LARGE = { width: 1920, height: 1080 };
const LOCALES = { en: 'en-GB', zh: 'zh-CN' } as const;

/** A page whose own script never arrives: what is on screen is the HTML and its inline scripts alone. */
async function withoutAppScript(url: string, locale: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  await page.route('**/assets/index-*.js', (r) => r.abort());
  await page.goto(url);
  return page;
}

interface Drawn {
  names: string[];
  marks: { key: string; r: number; x: number; y: number }[];
  values: string[];
  area: { left: number; top: number; right: number; bottom: number };
  nameBoxes: [number, number, number, number][];
}

/** Names, circles and value labels of the map drawn in `selector` (its ids prefixed with `prefix`), in page coordinates. */
function readMap(page: Page, selector: string, prefix = ''): Promise<Drawn> {
  return page.evaluate(([sel, pre]) => {
    const root = [...document.querySelectorAll<HTMLElement>(sel)].find((e) => e.checkVisibility({ visibilityProperty: true }));
    if (!root) throw new Error(`no visible ${sel}`);
    const a = root.closest('.map-area')!.getBoundingClientRect();
    const box = (e: Element) => e.getBoundingClientRect();
    const labels = [...root.querySelectorAll(`#${pre}labels text, .inset-title`)];
    return {
      names: labels.map((t) => t.textContent ?? '').sort(),
      marks: [...root.querySelectorAll(`#${pre}markers circle`)].map((c) => {
        const b = box(c);
        return { key: c.getAttribute('data-key') ?? '', r: b.width / 2, x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }),
      values: [...root.querySelectorAll(`#${pre}marker-values text`)].map((t) => t.textContent ?? '').sort(),
      area: { left: a.left, top: a.top, right: a.right, bottom: a.bottom },
      nameBoxes: labels.map((t) => {
        const b = box(t);
        return [b.left, b.top, b.right, b.bottom] as [number, number, number, number];
      }),
    };
  }, [selector, prefix] as const);
}

describe('the first view in index.html', () => {
  // Its two reference windows, where the first view is drawn at exactly the live map's size.
  for (const [viewport, lang] of [DESKTOP, LARGE].flatMap((v) => (['en', 'zh'] as const).map((l) => [v, l] as const)))
    it(`shows the whole default map (${lang}, ${viewport.width}×${viewport.height}) 50 ms after the first paint, before the app's script, and the live map agrees with it`, async () => {
      const url = `${inject('baseUrl')}/`;
      const first = await withoutAppScript(url, LOCALES[lang], viewport);
      await first.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      await first.waitForTimeout(50);
      const shot = await first.screenshot();
      await screenshot(first, `first-view-${lang}-${viewport.width}-50ms`);
      expect(await first.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-Hans' : 'en');
      expect(await distinctColours(first, shot)).toBeGreaterThan(40);
      const pre = await readMap(first, '.first-view-map', `first-view-${lang}-`);
      await first.close();

      // The whole map: Guizhou's prefectures and both partner cities named, every circle and name in the map area, no two names overlapping.
      expect(pre.names.length).toBeGreaterThanOrEqual(10);
      for (const city of lang === 'en' ? ['Qingdao', 'Ningbo', 'Zunyi', 'Qiandongnan'] : ['青岛', '宁波', '遵义', '黔东南']) expect(pre.names.some((n) => n.includes(city))).toBe(true);
      expect(pre.marks.length).toBeGreaterThan(5);
      const inside = (x: number, y: number) => x >= pre.area.left && x <= pre.area.right && y >= pre.area.top && y <= pre.area.bottom;
      for (const m of pre.marks) expect(inside(m.x, m.y), m.key).toBe(true);
      for (const [l, t, r, b] of pre.nameBoxes) expect(inside(l, t) && inside(r, b)).toBe(true);
      pre.nameBoxes.forEach((a, i) =>
        pre.nameBoxes.slice(i + 1).forEach((b) => expect(a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1).toBe(false)),
      );

      const context = await browser.newContext({ viewport, locale: LOCALES[lang] });
      const page = await context.newPage();
      await page.goto(url);
      await waitForMap(page);
      // Gone once the live map is drawn (after a 0.15 s fade where it was scaled).
      await expect.poll(() => page.locator('.first-view, .first-view-map').count()).toBe(0);
      const live = await readMap(page, '.svg-layer');
      await screenshot(page, `first-view-${lang}-${viewport.width}-live`);
      // What the viewer sees, pixel by pixel: the map (where the live one adds its zoom buttons, scale
      // bar and attribution only) and the header and controls beside it. A layer drawn unclipped or
      // in the other language's place, or left out, differs over a tenth of the map or more.
      const liveShot = await page.screenshot();
      const mapRect = { x: Math.round(live.area.left), y: Math.round(live.area.top), width: Math.round(live.area.right - live.area.left) - 60, height: Math.round(live.area.bottom - live.area.top) - 40 };
      const mapDiffers = await differingShare(page, shot, liveShot, mapRect);
      const sideDiffers = await differingShare(page, shot, liveShot, { x: 0, y: 0, width: viewport.width, height: Math.round(live.area.top) });
      await context.close();
      expect(mapDiffers).toBeLessThan(0.01);
      expect(sideDiffers).toBeLessThan(0.01);

      expect(live.names).toEqual(pre.names);
      expect(live.values).toEqual(pre.values);
      expect(live.marks.map((m) => m.key).sort()).toEqual(pre.marks.map((m) => m.key).sort());
      // The map area has its language's reference size here: the first view is the live map to the pixel.
      const tolerance = 1;
      for (const m of live.marks) {
        const p = pre.marks.find((q) => q.key === m.key)!;
        expect(Math.abs(p.x - m.x), m.key).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(p.y - m.y), m.key).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(p.r - m.r), m.key).toBeLessThanOrEqual(0.5);
      }
    });

  it('loads the app once its map is on screen, and at once where the window hides that map', async () => {
    const timing = async (viewport: { width: number; height: number }) => {
      const context = await browser.newContext({ viewport, locale: 'en-GB' });
      // When the app's script element enters the page, and when the first paint had been reported by then.
      await context.addInitScript({
        content: `new MutationObserver((_, o) => { if (document.querySelector('script[src*="/assets/index-"]')) { o.disconnect(); window.__inserted = performance.now(); window.__paintedBefore = performance.getEntriesByName('first-contentful-paint').length > 0; } }).observe(document, { childList: true, subtree: true });`,
      });
      const page = await context.newPage();
      await page.goto(`${inject('baseUrl')}/`);
      await waitForMap(page);
      const t = await page.evaluate(() => {
        const w = window as unknown as { __inserted: number; __paintedBefore: boolean };
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { inserted: w.__inserted, paintedBefore: w.__paintedBefore, interactive: nav.domInteractive };
      });
      await context.close();
      return t;
    };
    // Shown (the reference window): the app's script enters the page only once the first paint is reported.
    const shown = await timing(DESKTOP);
    expect(shown.paintedBefore).toBe(true);
    // Hidden (a 1600×900 window lies between the sizes it scales to): it enters from <head>, while the page is parsed.
    const hidden = await timing({ width: 1600, height: 900 });
    expect(hidden.paintedBefore).toBe(false);
    expect(hidden.inserted).toBeLessThan(hidden.interactive);
    // Meanwhile the map area is the sea's colour, not a white hole.
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.route('**/assets/index-*.js', (r) => r.abort());
    await page.goto(`${inject('baseUrl')}/`);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const area = (await page.locator('.first-view .map-area').boundingBox())!;
    const middle = await page.screenshot({ clip: { x: area.x + area.width / 2 - 100, y: area.y + area.height / 2 - 100, width: 200, height: 200 } });
    expect(await distinctColours(page, middle)).toBe(1);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.first-view .map-area > .map')!).backgroundColor)).toBe('rgb(223, 232, 238)');
    await context.close();
  });

  it('says, where JavaScript is off, that the map needs it (the first view is written by script)', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}/`);
    await expect.poll(() => page.locator('.noscript').isVisible()).toBe(true);
    expect(await page.locator('.noscript').textContent()).toContain('This map needs JavaScript');
    await context.close();
  });

  it('is skipped, before the first paint, by links to another view and by embeds', async () => {
    for (const query of ['?lang=en&year=2010', '?lang=en&view=guizhou', '?embed=1', '?lang=en&place=520103']) {
      const page = await withoutAppScript(`${inject('baseUrl')}/${query}`, 'en-GB');
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0 || document.readyState === 'complete');
      expect(await page.evaluate(() => [...document.querySelectorAll('.first-view')].some((e) => e.checkVisibility())), query).toBe(false);
      await page.close();
    }
  });
});
