import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, differingShare, distinctColours, overlaps, readDrawing, setUp, within, type View } from './driver.ts';

/*
 * The first view drawn into index.html at build time (scripts/draw-first-view.ts): on screen before
 * any script has run, and the same map the app then draws.
 */

const e2e = setUp();

const DESKTOP = [1280, 800] as const;
const LARGE = [1920, 1080] as const;
const LOCALES = { en: 'en-GB', zh: 'zh-CN' } as const;

/** A page whose own script never arrives: what is on screen is the HTML and its inline scripts alone. */
function withoutAppScript(view: View) {
  return e2e.open({ ...view, wait: false, before: (page: Page) => page.route('**/assets/index-*.js', (r) => r.abort()) });
}

const firstPaint = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
const sortedTexts = (xs: { text: string }[]) => xs.map((x) => x.text).sort();

// Windows where the first view is drawn at exactly the live map's size: its two reference windows
// (the large one in Chinese only: the English one differs from it in its header alone) and two frames
// of the default view embedded, the smallest and the largest drawn.
// And a step of the built-in story in present mode, beside its caption card.
const EXACT = [
  { size: DESKTOP, lang: 'en', link: '' },
  { size: DESKTOP, lang: 'zh', link: '' },
  { size: LARGE, lang: 'zh', link: '' },
  { size: [400, 300], lang: 'en', link: 'embed=1' },
  { size: DESKTOP, lang: 'zh', link: 'embed=1' },
  { size: DESKTOP, lang: 'en', link: 'story=tour&step=3' },
  // And filtered views: a year and a kind of aid, a year alone at the large size, and one that
  // nothing matches (the map says so from the first paint).
  { size: DESKTOP, lang: 'zh', link: 'year=2011&category=education' },
  { size: LARGE, lang: 'en', link: 'year=2010' },
  { size: DESKTOP, lang: 'en', link: 'year=2011&category=social_donations' },
] as const;
const kindOf = (link: string) => (link === 'embed=1' ? 'embed' : link.startsWith('story') ? 'story' : link ? 'filter' : 'default');
const what = (link: string) => ({ embed: 'default map embedded', story: `story's step (${link})`, filter: `filtered map (${link})`, default: 'default map' })[kindOf(link)];

describe('the first view in index.html', () => {
  for (const { size, lang, link } of EXACT)
    it(`shows the whole ${what(link)} (${lang}, ${size[0]}×${size[1]}) 50 ms after the first paint, before the app's script, and the live map agrees with it`, async () => {
      const context = { locale: LOCALES[lang] };
      const url = link ? `${baseUrl()}/?${link}` : undefined;
      const kind = kindOf(link);
      const name = kind === 'default' ? '' : `${kind}-`;
      const first = await withoutAppScript({ size, context, url });
      await firstPaint(first.page);
      await first.page.waitForTimeout(50);
      const shot = await first.page.screenshot();
      await first.shot(`first-view-${name}${lang}-${size[0]}-50ms`);
      expect(await first.page.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-Hans' : 'en');
      expect(await distinctColours(first.page, shot)).toBeGreaterThan(40);
      const pre = await readDrawing(first.page, { root: '.first-view-map', prefix: `first-view-${lang}-` });
      // What the map says where nothing matches its filter.
      const emptySays = await first.page.evaluate(() => [...document.querySelectorAll('.first-view .empty-message')].filter((e) => e.checkVisibility()).map((e) => e.textContent).join(''));
      await first.close();

      // The whole map: Guizhou's prefectures and both partner cities named, every circle and name in the map area, no two names overlapping.
      const names = sortedTexts(pre.labels);
      const area = pre.area!;
      expect(names.length).toBeGreaterThanOrEqual(10);
      for (const city of lang === 'en' ? ['Qingdao', 'Ningbo', 'Tongren', 'Qiandongnan'] : ['青岛', '宁波', '铜仁', '黔东南']) expect(names.some((n) => n.includes(city))).toBe(true);
      // (The story's step is of one year, with a place open: four circles; a filter may have none.)
      expect(pre.marks.length).toBeGreaterThanOrEqual({ story: 4, filter: 0, embed: 6, default: 6 }[kind]);
      if (pre.marks.length === 0) expect(emptySays).toContain(lang === 'en' ? 'No recorded figure' : '没有');
      else expect(emptySays).toBe('');
      for (const m of pre.marks) expect(within({ left: m.x, right: m.x, top: m.y, bottom: m.y }, area), m.key).toBe(true);
      for (const l of pre.labels) expect(within(l, area)).toBe(true);
      pre.labels.forEach((a, i) => pre.labels.slice(i + 1).forEach((b) => expect(overlaps(a, b, 1)).toBe(false)));

      const app = await e2e.open({ size, context, url });
      // Gone once the live map is drawn (after a 0.15 s fade where it was scaled).
      await expect.poll(() => app.page.locator('.first-view, .first-view-map').count()).toBe(0);
      const live = await app.drawing();
      await app.shot(`first-view-${name}${lang}-${size[0]}-live`);
      // What the viewer sees, pixel by pixel: the map (where the live one adds its zoom buttons, scale
      // bar and attribution only) and the header and controls beside it. A layer drawn unclipped or
      // in the other language's place, or left out, differs over a tenth of the map or more.
      const liveShot = await app.page.screenshot();
      const a = live.area!;
      const mapRect = { x: Math.round(a.left), y: Math.round(a.top), width: Math.round(a.right - a.left) - 60, height: Math.round(a.bottom - a.top) - 40 };
      const mapDiffers = await differingShare(app.page, shot, liveShot, mapRect);
      const sideDiffers = await differingShare(app.page, shot, liveShot, { x: 0, y: 0, width: size[0], height: Math.round(a.top) });
      await app.close();
      expect(mapDiffers).toBeLessThan(0.01);
      expect(sideDiffers).toBeLessThan(0.01);

      expect(sortedTexts(live.labels)).toEqual(names);
      expect(sortedTexts(live.values)).toEqual(sortedTexts(pre.values));
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
    const timing = async (size: readonly [number, number]) => {
      // When the app's script element enters the page, and when the first paint had been reported by then.
      const content = `new MutationObserver((_, o) => { if (document.querySelector('script[src*="/assets/index-"]')) { o.disconnect(); window.__inserted = performance.now(); window.__paintedBefore = performance.getEntriesByName('first-contentful-paint').length > 0; } }).observe(document, { childList: true, subtree: true });`;
      const app = await e2e.open({ size, context: { locale: 'en-GB' }, before: (page) => page.addInitScript({ content }) });
      const t = await app.page.evaluate(() => {
        const w = window as unknown as { __inserted: number; __paintedBefore: boolean };
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { inserted: w.__inserted, paintedBefore: w.__paintedBefore, interactive: nav.domInteractive };
      });
      await app.close();
      return t;
    };
    // Shown (the reference window): the app's script enters the page only once the first paint is reported.
    const shown = await timing(DESKTOP);
    expect(shown.paintedBefore).toBe(true);
    // Hidden (a 1600×900 window lies between the sizes it scales to): it enters from <head>, while the page is parsed.
    const hidden = await timing([1600, 900]);
    expect(hidden.paintedBefore).toBe(false);
    expect(hidden.inserted).toBeLessThan(hidden.interactive);
    // Meanwhile the map area is the sea's colour, not a white hole.
    const { page } = await withoutAppScript({ size: [1600, 900], context: { locale: 'en-GB' } });
    await firstPaint(page);
    const area = (await page.locator('.first-view .map-area').boundingBox())!;
    const middle = await page.screenshot({ clip: { x: area.x + area.width / 2 - 100, y: area.y + area.height / 2 - 100, width: 200, height: 200 } });
    expect(await distinctColours(page, middle)).toBe(1);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.first-view .map-area > .map')!).backgroundColor)).toBe('rgb(223, 232, 238)');
    await page.close();
  });

  it('scales its compact key with its map where the window is near a reference size (1440×900): under the insets, clear of them', async () => {
    const { page } = await withoutAppScript({ size: [1440, 900], context: { locale: 'en-GB' } });
    await firstPaint(page);
    const boxes = await page.evaluate(() => {
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      return { key: box(document.querySelector('.first-view-map .compact-key')!), insets: [...document.querySelectorAll('.first-view-map .inset-outline')].map(box), area: box(document.querySelector('.first-view .map-area')!) };
    });
    await page.close();
    expect(boxes.insets).toHaveLength(2);
    expect(within(boxes.key, boxes.area)).toBe(true);
    for (const inset of boxes.insets) expect(overlaps(boxes.key, inset)).toBe(false);
    // In the insets' column, under the lower one.
    expect(boxes.key.left).toBeGreaterThanOrEqual(boxes.insets[1]!.left - 1);
    expect(boxes.key.top).toBeGreaterThan(boxes.insets[1]!.bottom);
  });

  it('hands over, where it was scaled (a story step at 1440×900), to a live map framed as without it: Guizhou clear of the insets and the caption card', async () => {
    const app = await e2e.open({ lang: 'en', query: 'story=tour&step=2', size: [1440, 900] });
    expect(await app.page.evaluate(() => document.documentElement.getAttribute('data-first-view-size'))).toBe('story-tour-2-standard');
    await expect.poll(() => app.page.locator('.first-view-map').count()).toBe(0);
    const { guizhou } = await app.drawing();
    const boxes = await app.page.evaluate(() =>
      [...document.querySelectorAll('.svg-layer .inset-outline, .presenter')].map((e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
    );
    await app.close();
    // The first view's card and key, scaled in its picture, were once read as the page's own: the live
    // map was framed around them, and Guizhou ran under an inset.
    expect(boxes).toHaveLength(3);
    for (const b of boxes) expect(overlaps(guizhou, b, 1), JSON.stringify({ guizhou, b })).toBe(false);
  });

  it('keeps a deep link’s names, values and circles where its first map put them when MapLibre arrives (a place open, embedded at 400×300)', async () => {
    const app = await e2e.open({ lang: 'en', query: 'embed=1&year=2010&place=520422', size: [400, 300], wait: false });
    await app.page.waitForFunction(() => performance.getEntriesByName('map:first-complete').length > 0);
    const where = (d: Awaited<ReturnType<typeof app.drawing>>) =>
      [...d.labels.map((l) => `${l.text}@${Math.round(l.left)},${Math.round(l.top)}`), ...d.values.map((v) => `${v.key}:${v.text}`), ...d.marks.map((m) => `${m.key}@${Math.round(m.x)},${Math.round(m.y)}`)].sort();
    const first = where(await app.drawing());
    await app.ready();
    await app.idle();
    const later = where(await app.drawing());
    await app.close();
    expect(first.length).toBeGreaterThan(10);
    expect(later).toEqual(first);
  });

  /** The page with its first view painted and a file (the app's script, unless told) held back until `release`. */
  async function heldBack(file = '**/assets/index-*.js') {
    let release!: () => void;
    const clicked = new Promise<void>((r) => (release = r));
    const { page } = await e2e.open({
      size: DESKTOP,
      context: { locale: 'en-GB' },
      wait: false,
      before: (p: Page) => p.route(file, async (route) => {
        await clicked;
        await route.continue();
      }),
    });
    await firstPaint(page);
    // Whether the live map had been drawn when the panel was first painted (looked at in each frame).
    await page.evaluate(() => {
      const w = window as unknown as { __liveMapAtPanel?: boolean };
      const frame = () => {
        if (document.querySelector('#details:not([hidden]) h2')) w.__liveMapAtPanel = document.querySelector('.svg-host .svg-layer') !== null;
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    return { page, release };
  }

  it('answers a click made on a circle of the first view before the app had started', async () => {
    const { page, release } = await heldBack();
    const circle = page.locator('.first-view-map circle[data-target="marker"]').first();
    const key = (await circle.getAttribute('data-key'))!;
    const box = (await circle.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.evaluate(() => document.querySelector('#details:not([hidden])'))).toBeNull();
    release();
    // The circle opens its place: the panel shows, and the link names it.
    await page.locator('#details:not([hidden]) h2').waitFor({ timeout: 20_000 });
    const place = new URL(page.url()).searchParams.get('place');
    expect(place).not.toBeNull();
    expect(key.startsWith(place!) || key.includes(place!)).toBe(true);
    await page.close();
  });

  /** A spot where a county's own area is what the first view shows on top (no circle or name over it). */
  function countySpot(page: Page) {
    return page.evaluate(() => {
      // Hit-tested as the app does, once it has moved the map out of the inert first view.
      const map = document.querySelector<HTMLElement>('.first-view-map')!;
      const view = map.closest('.first-view');
      view?.removeAttribute('inert');
      map.style.pointerEvents = 'auto';
      try {
        for (const path of document.querySelectorAll<SVGPathElement>('.first-view-map path[data-target="place"]')) {
          const r = path.getBoundingClientRect();
          for (let i = 1; i < 8; i++)
            for (let j = 1; j < 8; j++) {
              const [x, y] = [r.left + (r.width * i) / 8, r.top + (r.height * j) / 8];
              const top = document.elementsFromPoint(x, y).find((e) => map.contains(e) && e !== map);
              if (top === path && path.dataset['id']?.length === 6) return { x, y, id: path.dataset['id'] };
            }
        }
        return null;
      } finally {
        map.style.pointerEvents = '';
        view?.setAttribute('inert', '');
      }
    });
  }

  it('answers a click on a county of the first view by that county, its panel painted before the live map is drawn', async () => {
    const { page, release } = await heldBack();
    const spot = await countySpot(page);
    expect(spot).not.toBeNull();
    await page.mouse.click(spot!.x, spot!.y);
    release();
    await page.locator('#details:not([hidden]) h2').waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).searchParams.get('place')).toBe(spot!.id);
    expect((await page.locator('#details h2').textContent())?.trim().length).toBeGreaterThan(0);
    // Answered from the first view: the panel came before the live map (which comes with the place open).
    expect(await page.evaluate(() => (window as unknown as { __liveMapAtPanel?: boolean }).__liveMapAtPanel)).toBe(false);
    await page.locator('.svg-host .svg-layer path.selected').first().waitFor({ state: 'attached', timeout: 20_000 });
    await page.close();
  });

  it('answers a click on the first view made while the live map is drawn in steps: that county opens, and the live map is drawn with it', async () => {
    const { page, release } = await heldBack('**/assets/pairing.topo*.json');
    // The app is up (its page around the first view's map), the geometry still to come.
    await page.locator('.svg-host .first-view-map').waitFor({ state: 'attached', timeout: 20_000 });
    const spot = await countySpot(page);
    expect(spot).not.toBeNull();
    // The click comes in the first task after the live map's layer is made: between two of its drawing's steps.
    await page.evaluate(({ x, y }) => {
      const w = window as unknown as { __layerAtClick?: number };
      const seen = new MutationObserver(() => {
        const layer = document.querySelector('.svg-host .svg-layer');
        if (!layer) return;
        seen.disconnect();
        setTimeout(() => {
          w.__layerAtClick = layer.childElementCount;
          (document.elementFromPoint(x, y) ?? document.body).dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true }));
        });
      });
      seen.observe(document.body, { childList: true, subtree: true });
    }, spot!);
    release();
    await page.locator('#details:not([hidden]) h2').waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).searchParams.get('place')).toBe(spot!.id);
    // The live map had not been drawn yet when the click came (drawn in one task, it would have been).
    expect(await page.evaluate(() => (window as unknown as { __layerAtClick?: number }).__layerAtClick)).toBe(0);
    const selected = page.locator('.svg-host .svg-layer path.selected');
    await selected.first().waitFor({ state: 'attached', timeout: 20_000 });
    expect(await selected.evaluateAll((ps) => ps.map((p) => p.getAttribute('data-id')))).toContain(spot!.id);
    await page.close();
  });

  it('answers a click on the first view at once while the geometry is still to come, and leaves a click on the panel over it to the panel', async () => {
    const { page, release } = await heldBack('**/assets/pairing.topo*.json');
    await page.locator('.svg-host .first-view-map').waitFor({ state: 'attached', timeout: 20_000 });
    const spot = await countySpot(page);
    expect(spot).not.toBeNull();
    await page.mouse.click(spot!.x, spot!.y);
    // Answered with the geometry held back: the panel names the county, and there is no live map yet.
    await page.locator('#details:not([hidden]) h2').waitFor({ timeout: 5_000 });
    expect(new URL(page.url()).searchParams.get('place')).toBe(spot!.id);
    expect(await page.locator('.svg-host .svg-layer').count()).toBe(0);
    // Outlined with its panel, as the live map will: the county's own area, on the first view.
    const outlinedAsClicked = async () => {
      const outlined = await selectionBox(page, '.first-view-map');
      const area = (await page.locator(`.first-view-map path[data-target="place"][data-id="${spot!.id}"]`).first().boundingBox())!;
      expect(outlined.count).toBe(1);
      const box = outlined.box!;
      for (const [a, b] of [[box.left, area.x], [box.top, area.y], [box.right, area.x + area.width], [box.bottom, area.y + area.height]] as const) expect(Math.abs(a - b)).toBeLessThan(2);
    };
    await outlinedAsClicked();
    // The panel lies over the first view's map: a click on its heading is not one on what lies under it.
    const heading = (await page.locator('#details h2').boundingBox())!;
    await page.mouse.click(heading.x + heading.width / 2, heading.y + heading.height / 2);
    // Closed, the outline goes with the panel; opened again, it comes back.
    await page.keyboard.press('Escape');
    await page.locator('#details').waitFor({ state: 'hidden' });
    expect((await selectionBox(page, '.first-view-map')).count).toBe(0);
    await page.mouse.click(spot!.x, spot!.y);
    await page.locator('#details:not([hidden]) h2').waitFor({ timeout: 5_000 });
    await outlinedAsClicked();
    release();
    const selected = page.locator('.svg-host .svg-layer path.selected');
    await selected.first().waitFor({ state: 'attached', timeout: 20_000 });
    expect(new URL(page.url()).searchParams.get('place')).toBe(spot!.id);
    expect(await selected.evaluateAll((ps) => ps.map((p) => p.getAttribute('data-id')))).toContain(spot!.id);
    await page.close();
  });

  /** The box of the selection's outline: the first view's (before the app) or the live map's. */
  const selectionBox = (page: Page, root: '.first-view-map' | '.svg-layer') =>
    page.evaluate((root) => {
      const paths = [...document.querySelectorAll(`${root} g[id$="selection"] path`)];
      const r = paths[0]?.getBoundingClientRect();
      return { count: paths.length, box: r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null };
    }, root);
  const mapBox = (page: Page) => page.locator('.map-area').first().evaluate((e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; });

  it('shows a deep link’s county outlined on its filtered first view, and the app opens it there: the panel beside it, the live map’s outline where the first one was', async () => {
    const url = `${baseUrl()}/?lang=en&year=2010&place=520422`;
    const first = await withoutAppScript({ size: DESKTOP, context: { locale: 'en-GB' }, url });
    await firstPaint(first.page);
    const pre = await selectionBox(first.page, '.first-view-map');
    // Outlined as the live map outlines it: Puding's own area, inside the map.
    const area = await first.page.locator('.first-view-map #first-view-en-counties path[data-id="520422"]').boundingBox();
    expect(pre.count).toBe(1);
    expect(area).not.toBeNull();
    const [box, map] = [pre.box!, await mapBox(first.page)];
    for (const [a, b] of [[box.left, area!.x], [box.top, area!.y], [box.right, area!.x + area!.width], [box.bottom, area!.y + area!.height]] as const) expect(Math.abs(a - b)).toBeLessThan(2);
    expect(within(box, map)).toBe(true);
    // The same filter's map as its link without the place: nothing but the outline added.
    expect(await first.page.locator('.first-view[data-lang="en"] .year-col[data-year="2010"][aria-pressed="true"]').count()).toBe(1);
    await first.shot('first-view-place-en-1280-50ms');
    await first.close();

    const app = await e2e.open({ size: DESKTOP, context: { locale: 'en-GB' }, url });
    await expect.poll(() => app.page.locator('.first-view, .first-view-map').count()).toBe(0);
    expect((await app.page.locator('#details h2').textContent())?.trim()).toBe('Puding County');
    const live = await selectionBox(app.page, '.svg-layer');
    await app.shot('first-view-place-en-1280-live');
    // No jump at the handover: the county stays where the first view outlined it.
    expect(live.count).toBe(1);
    for (const k of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(live.box![k] - box[k]), k).toBeLessThan(2);
    const panel = await app.page.locator('#details').boundingBox();
    expect(live.box!.right).toBeLessThan(panel!.x);
    await app.close();
  });

  it('outlines a prefecture and the province as the live map does; leaves a county the panel would cover, and a partner city’s place, to the app', async () => {
    // Anshun, whole, and Guizhou: outlined where the live map then outlines them.
    for (const query of ['?lang=en&year=2010&place=520400', '?lang=zh&place=520000']) {
      const url = `${baseUrl()}/${query}`;
      const first = await withoutAppScript({ size: DESKTOP, context: { locale: 'en-GB' }, url });
      await firstPaint(first.page);
      const pre = await selectionBox(first.page, '.first-view-map');
      await first.close();
      const app = await e2e.open({ size: DESKTOP, context: { locale: 'en-GB' }, url });
      await expect.poll(() => app.page.locator('.first-view, .first-view-map').count()).toBe(0);
      const live = await selectionBox(app.page, '.svg-layer');
      await app.close();
      expect([pre.count, live.count], query).toEqual([1, 1]);
      for (const k of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(live.box![k] - pre.box![k]), `${query} ${k}`).toBeLessThan(2);
    }
    // Tianzhu lies where the panel opens at 1280×800: the live map pans to it, so the first view's map
    // would jump. So would a partner city's place (Qingdao, Chengyang in its inset): the live map
    // composes the view beside the panel, the insets out from under it.
    for (const query of ['?lang=zh&place=522627', '?lang=en&place=370200', '?lang=en&year=2011&place=370214']) {
      const { page } = await withoutAppScript({ size: DESKTOP, context: { locale: 'en-GB' }, url: `${baseUrl()}/${query}` });
      await page.waitForFunction(() => document.readyState !== 'loading');
      expect(await page.evaluate(() => [...document.querySelectorAll('.first-view-map')].some((e) => e.checkVisibility({ visibilityProperty: true }))), query).toBe(false);
      await page.close();
    }
    const tianzhu = await e2e.open({ size: DESKTOP, context: { locale: 'zh-CN' }, url: `${baseUrl()}/?lang=zh&place=522627` });
    const shown = await selectionBox(tianzhu.page, '.svg-layer');
    const panel = await tianzhu.page.locator('#details').boundingBox();
    expect(shown.box!.right).toBeLessThan(panel!.x);
    await tianzhu.close();
    // Chengyang, outlined in Qingdao's inset, which stands beside the panel; Qingdao, its inset's frame drawn as the selection.
    const chengyang = await e2e.open({ size: DESKTOP, context: { locale: 'en-GB' }, url: `${baseUrl()}/?lang=en&year=2011&place=370214` });
    const district = await selectionBox(chengyang.page, '.svg-layer');
    const inset = await chengyang.page.locator('.svg-layer .inset[data-city="370200"] .inset-outline').boundingBox();
    const besides = (await chengyang.page.locator('#details').boundingBox())!;
    expect(district.count).toBe(1);
    expect(within(district.box!, { left: inset!.x, top: inset!.y, right: inset!.x + inset!.width, bottom: inset!.y + inset!.height })).toBe(true);
    expect(inset!.x + inset!.width).toBeLessThan(besides.x);
    await chengyang.close();
    const qingdao = await e2e.open({ size: DESKTOP, context: { locale: 'en-GB' }, url: `${baseUrl()}/?lang=en&place=370200` });
    const frame = qingdao.page.locator('.svg-layer .inset[data-city="370200"] .inset-outline');
    expect(await frame.getAttribute('stroke-width')).toBe('2.6');
    expect((await frame.boundingBox())!.x + (await frame.boundingBox())!.width).toBeLessThan((await qingdao.page.locator('#details').boundingBox())!.x);
    await qingdao.close();
  });

  it('says, where JavaScript is off, that the map needs it (the first view is written by script)', async () => {
    const { page } = await e2e.open({ size: DESKTOP, context: { javaScriptEnabled: false }, wait: false });
    await expect.poll(() => page.locator('.noscript').isVisible()).toBe(true);
    expect(await page.locator('.noscript').textContent()).toContain('This map needs JavaScript');
    await page.close();
  });

  it('is skipped, before the first paint, by links to another view, embedded or not', async () => {
    for (const query of ['?lang=en&year=2010&category=education,industry', '?lang=en&metric=projects', '?lang=en&view=guizhou', '?embed=1&year=2010', '?lang=en&place=520000&metric=projects', '?embed=1&place=520422', '?lang=en&year=2010&place=520422&metric=projects']) {
      const { page } = await withoutAppScript({ url: `${baseUrl()}/${query}`, context: { locale: 'en-GB' }, size: DESKTOP });
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0 || document.readyState === 'complete');
      expect(await page.evaluate(() => [...document.querySelectorAll('.first-view')].some((e) => e.checkVisibility())), query).toBe(false);
      await page.close();
    }
  });
});
