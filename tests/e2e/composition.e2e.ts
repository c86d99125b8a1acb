import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { overlaps, readDrawing, setUp, within, type App, type Box, type Drawing } from './driver.ts';

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

// The default view at a size, opened once for the tests below that only read it (a load is ≈ 2.5 s of
// CI's 15 minutes); checked for errors and closed after them.
const shared = new Map<string, Promise<App>>();
function defaultView(lang: 'en' | 'zh', size: readonly [number, number]): Promise<App> {
  const key = `${lang} ${size[0]}×${size[1]}`;
  let app = shared.get(key);
  if (!app) shared.set(key, (app = e2e.open({ lang, size })));
  return app;
}
afterAll(async () => {
  for (const app of shared.values()) await (await app).done();
  shared.clear();
});

describe('the composed map', () => {
  for (const size of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    it(`gives Guizhou at least half of the map at ${size[0]}×${size[1]}`, async () => {
      const app = await defaultView('en', size);
      const d = await app.drawing(LIVE);
      const share = area(clipped(d.guizhou, d.area!)) / area(d.area!);
      expect(share).toBeGreaterThanOrEqual(0.5);
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
        const app = query === '' && w === 1280 ? await defaultView(lang, [w, h]) : await e2e.open({ lang, query, size: [w, h] });
        expectEveryNameClear(await app.drawing(LIVE), `${name} ${lang}`, true);
        if (lang === 'en' && name === 'embed 400×300') await app.shot('composition-embed-400');
        if (!(query === '' && w === 1280)) await app.done();
      });
    }
  }

  it('names each partner city in true geography by its own end of the lines, not the other city\'s', async () => {
    for (const [lang, size, embed] of [['zh', [320, 240], true], ['en', [400, 300], true], ['en', [1280, 800], false]] as const) {
      const app = await e2e.open({ lang, query: `view=overview${embed ? '&embed=1' : ''}`, size: [...size] });
      const d = await app.drawing(LIVE);
      const points = new Map<string, [number, number]>();
      for (const id of CITIES) points.set(id, await app.project(id));
      const gap = (b: Box, [x, y]: [number, number]) => Math.hypot(Math.max(b.left - x, 0, x - b.right), Math.max(b.top - y, 0, y - b.bottom));
      for (const id of CITIES) {
        const name = d.labels.find((l) => l.id === id && !l.inset);
        expect(name, `${lang} ${size}: name of ${id}`).toBeDefined();
        for (const other of CITIES.filter((o) => o !== id)) {
          // (At 320 × 240 Ningbo's name stood 10 px from Qingdao's end and 28 px from its own.)
          expect(gap(name!, points.get(id)!) + 4, `${lang} ${size}: ${name!.text} nearer its own end than ${other}'s`).toBeLessThan(gap(name!, points.get(other)!));
        }
      }
      await app.done();
    }
  });

  it('draws money where it went: a place\'s circle on it, a shared figure in a card off Guizhou\'s land, tied to each member', async () => {
    let bareProgrammes = 0;
    for (const [size, query] of [
      [[1280, 800], 'year=2011'],
      [[1280, 800], 'year=2010'],
      [[1920, 1080], 'year=all'],
      [[390, 844], 'year=2011'],
      // An embed with no room for the card of all Guizhou beside it: its circle alone.
      [[800, 500], 'embed=1'],
    ] as const) {
      const app = await e2e.open({ lang: 'en', query, size });
      const d = await app.drawing(LIVE);
      const g = d.guizhou;
      const kinds = await app.page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.svg-layer #markers circle')].map((c) => [c.getAttribute('data-key'), c.getAttribute('data-kind')])));
      for (const c of d.marks.filter((m) => kinds[m.key] === 'place')) {
        expect(c.x >= g.left && c.x <= g.right && c.y >= g.top && c.y <= g.bottom, `circle ${c.key} inside Guizhou's box at ${size[0]} ${query}`).toBe(true);
      }
      const cards = await app.page.evaluate(() =>
        [...document.querySelectorAll<SVGGElement>('.svg-layer .callout')].map((card) => {
          // A framed card, or (where a small map has no room for one) its circle alone.
          const anchorKey = card.getAttribute('data-anchor')!;
          const own = document.querySelector(`.svg-layer #markers circle[data-key="${anchorKey}"], .svg-layer #markers circle[data-key^="${anchorKey}@"]`)!;
          const frame = card.querySelector('.callout-frame');
          const [cx0, cy0, r0] = ['cx', 'cy', 'r'].map((a) => Number(own.getAttribute(a))) as [number, number, number];
          const [x, y, w, h] = frame
            ? (['x', 'y', 'width', 'height'].map((a) => Number(frame.getAttribute(a))) as [number, number, number, number])
            : [cx0 - r0 * 0.7, cy0 - r0 * 0.7, r0 * 1.4, r0 * 1.4];
          // Any point of the card on a county of Guizhou (the areas share the cards' coordinates).
          const counties = [...document.querySelectorAll<SVGPathElement>('.svg-layer #counties > path')];
          let onLand = 0;
          for (let px = x; px <= x + w; px += 6) for (let py = y; py <= y + h; py += 6) if (counties.some((p) => p.isPointInFill(new DOMPoint(px, py)))) onLand++;
          const anchor = card.getAttribute('data-anchor')!;
          const circle = document.querySelector(`.svg-layer #markers circle[data-key="${anchor}"], .svg-layer #markers circle[data-key^="${anchor}@"]`);
          return {
            anchor,
            onLand,
            inside: circle ? Number(circle.getAttribute('cx')) >= x && Number(circle.getAttribute('cx')) <= x + w && Number(circle.getAttribute('cy')) >= y && Number(circle.getAttribute('cy')) <= y + h : false,
            ties: [...card.querySelectorAll('.callout-tie')].map((t) => ({ to: t.getAttribute('data-to'), width: Number(t.getAttribute('stroke-width')) })),
            words: card.textContent ?? '',
            framed: frame !== null,
            value: document.querySelector(`.svg-layer #marker-values text[data-key="${anchor}"]`)?.textContent ?? null,
          };
        }),
      );
      const where = `${size[0]} ${query}`;
      expect(cards.length, where).toBeGreaterThan(0);
      for (const card of cards) {
        expect(card.onLand, `${card.anchor} card over Guizhou's land at ${where}`).toBe(0);
        expect(card.inside, `${card.anchor}'s circle in its card at ${where}`).toBe(true);
        if (card.anchor.includes(';')) {
          // A group's card names its members and is tied to each, at least 2 px wide (seen on a projector).
          expect(card.ties.map((t) => t.to).sort(), where).toEqual(card.anchor.split(';').sort());
          for (const t of card.ties) expect(t.width, where).toBeGreaterThanOrEqual(2);
          // A framed card names its members in words; a small map's card says its value only.
          if (card.framed && size[0] >= 1280) expect(card.words, where).toMatch(/\+/);
        }
        // Guizhou as a whole says so, in a card or beside its circle alone: a bare ¥81.85m beside
        // Liupanshui read as Liupanshui's.
        if (card.anchor.startsWith('programme:') && (card.framed ? size[0] >= 1280 : true)) {
          expect(card.words, `${card.anchor} at ${where}`).toMatch(/All (of )?Guizhou/);
          if (!card.framed) bareProgrammes++;
        }
      }
      if (query === 'year=2010') {
        const group = cards.find((c) => c.anchor === '520400;520600');
        expect(group?.value, 'the Qingdao 2010 group figure, in words in its card').toBe('¥16.8m');
        expect(group?.words).toContain('Anshun + Tongren');
        // Its parts say they are parts.
        const parts = await app.page.evaluate(() => ['520400', '520600'].map((id) => document.querySelector(`.svg-layer #marker-values text[data-key="${id}"]`)?.textContent));
        expect(parts).toEqual(['of which ¥8.4m', 'of which ¥8.4m']);
      }
      await app.close();
    }
    expect(bareProgrammes, 'a circle of all Guizhou drawn alone, and checked').toBeGreaterThan(0);
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

  it('keeps the composition steady when a place opens and closes, clears the tooltip, and opens a place from its name', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const app = await e2e.open({ lang, size: [1280, 800] });
      const insets = () => app.page.evaluate(() => [...document.querySelectorAll('.svg-layer .inset-outline')].map((r) => { const b = r.getBoundingClientRect(); return [b.left, b.top]; }));
      const before = await app.drawing(LIVE);
      const insetsBefore = await insets();
      // Hover a circle: its tooltip shows; then click Puding.
      await app.hover('520400');
      await expect.poll(() => app.page.locator('.tooltip').isVisible()).toBe(true);
      await app.click('520422');
      await expect.poll(() => app.panel.isVisible()).toBe(true);
      await app.idle();
      await expect.poll(() => app.page.locator('.tooltip').isVisible(), { message: 'the tooltip cleared by the change' }).toBe(false);
      const open = await app.drawing(LIVE);
      const scale = (open.guizhou.right - open.guizhou.left) / (before.guizhou.right - before.guizhou.left);
      expect(scale, `${lang}: Guizhou's scale with the panel open`).toBeGreaterThan(0.9);
      expect(scale).toBeLessThan(1.1);
      const dx = open.guizhou.left - before.guizhou.left;
      const dy = open.guizhou.top - before.guizhou.top;
      for (const [i, [x, y]] of (await insets()).entries()) {
        expect(Math.abs(x! - insetsBefore[i]![0]! - dx), `${lang}: inset ${i} stays beside Guizhou`).toBeLessThan(3);
        expect(Math.abs(y! - insetsBefore[i]![1]! - dy)).toBeLessThan(3);
      }
      // Closing: the same frame as before.
      await app.page.keyboard.press('Escape');
      await expect.poll(() => app.panel.isVisible()).toBe(false);
      await app.idle();
      const closed = await app.drawing(LIVE);
      expect(Math.abs(closed.guizhou.left - before.guizhou.left)).toBeLessThan(2);
      expect(Math.abs(closed.guizhou.right - before.guizhou.right)).toBeLessThan(2);
      // The word "Anshun" opens Anshun, not the county under it.
      const name = closed.labels.find((l) => l.id === '520400')!;
      await app.page.mouse.click((name.left + name.right) / 2, (name.top + name.bottom) / 2);
      await expect.poll(() => app.page.url()).toContain('place=520400');
      await app.done();
    }
  });

  it('shows a partner’s place in its inset beside the panel, and composes the view as before for a county opened from there and once closed', async () => {
    const app = await e2e.open({ lang: 'en', size: [1280, 800] });
    const before = await app.drawing(LIVE);
    const seen = () =>
      app.page.evaluate(() => {
        const box = (e: Element | null | undefined) => {
          const r = e?.getBoundingClientRect();
          return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
        };
        return {
          outline: box(document.querySelector('.svg-layer g[id$="selection"] path')),
          inset: box(document.querySelector('.svg-layer .inset[data-city="370200"] .inset-outline')),
          name: box(document.querySelector('.svg-layer #labels text.selected-name')),
          panel: box(document.querySelector('#details'))!,
        };
      });
    await app.click('520422');
    await expect.poll(() => app.panelTitle()).toContain('Puding');
    await app.idle();
    const puding = await app.drawing(LIVE);
    // Laoshan, Puding's partner, opened from the panel: outlined in Qingdao's inset, which stands beside the panel.
    await app.page.locator('#details button[data-place="370212"], #details a[data-place="370212"]').first().click();
    await expect.poll(() => app.panelTitle()).toContain('Laoshan');
    await app.idle();
    await app.page.waitForTimeout(800); // flown to the view composed beside the panel
    const laoshan = await seen();
    expect(laoshan.inset!.right).toBeLessThanOrEqual(laoshan.panel.left);
    expect(within(laoshan.outline!, laoshan.inset!, 1)).toBe(true);
    expect(laoshan.name, 'Laoshan named').not.toBeNull();
    expect(overlaps(laoshan.name!, laoshan.panel, 0.5)).toBe(false);
    // Guizhou too stays clear of the panel.
    expect((await app.drawing(LIVE)).guizhou.right).toBeLessThanOrEqual(laoshan.panel.left);
    // Back to Puding from its name in the panel: the view as it was composed with Puding open.
    await app.page.locator('#details button[data-place="520422"], #details a[data-place="520422"]').first().click();
    await expect.poll(() => app.panelTitle()).toContain('Puding');
    await app.idle();
    await app.page.waitForTimeout(800);
    const again = await app.drawing(LIVE);
    for (const k of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(again.guizhou[k] - puding.guizhou[k]), k).toBeLessThan(2);
    // Laoshan again, then closed: the view framed as before any place was open.
    await app.page.goBack();
    await expect.poll(() => app.panelTitle()).toContain('Laoshan');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.panel.isVisible()).toBe(false);
    await app.idle();
    await app.page.waitForTimeout(800);
    const closed = await app.drawing(LIVE);
    for (const k of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(closed.guizhou[k] - before.guizhou[k]), k).toBeLessThan(2);
    await app.done();
  });

  for (const lang of ['en', 'zh'] as const) {
    for (const size of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      it(`routes the lines for reading: into each inset by the edge facing Guizhou, crossing at most twice, clear of the paired places' names (${size[0]}×${size[1]}, ${lang})`, async () => {
        const app = await defaultView(lang, size);
        const where = `${size[0]}×${size[1]} ${lang}`;
        const lines = await drawnLines(app.page);
        expect(lines.length, where).toBe(new Set(pairings.map((p) => `${p['donor']}-${p['recipient']}`)).size);
        // Every line ends in its partner's inset, having entered it through the inset's left edge.
        for (const l of lines) {
          const inset = l.inset!;
          const first = l.points.findIndex(([x, y]) => x >= inset.left - 0.5 && x <= inset.right && y >= inset.top && y <= inset.bottom);
          expect(first, `${where}: ${l.id} reaches its inset`).toBeGreaterThan(0);
          expect(Math.abs(l.points[first]![0] - inset.left), `${where}: ${l.id} enters by the left edge`).toBeLessThan(3);
          expect(l.points.slice(first).every(([x, y]) => x >= inset.left - 0.5 && x <= inset.right + 0.5 && y >= inset.top - 0.5 && y <= inset.bottom + 0.5), `${where}: ${l.id} stays in once in`).toBe(true);
        }
        expect(crossingsOf(lines), where).toBeLessThanOrEqual(2);
        // No line runs through the name of a place that has one (nor through Guizhou's).
        const paired = new Set([...PAIRED_PREFECTURES, ...DISTRICTS, ...pairings.map((p) => p['recipient']!)]);
        const d = await app.drawing(LIVE);
        for (const name of d.labels.filter((n) => paired.has(n.id) && !n.inset)) {
          const inner: Box = { left: name.left + 1.5, top: name.top + 2, right: name.right - 1.5, bottom: name.bottom - 2 };
          for (const l of lines) expect(runsThrough(l.points, inner), `${where}: ${l.id} runs through "${name.text}"`).toBe(false);
        }
      });
    }
  }
});

interface DrawnLine {
  id: string;
  points: [number, number][];
  /** The frame of the inset the line ends in. */
  inset: Box | null;
}

/** The partner lines as drawn, each as 400 points along its path (page pixels). */
function drawnLines(page: Page): Promise<DrawnLine[]> {
  return page.evaluate(() => {
    const frames = [...document.querySelectorAll('.svg-layer .inset-outline')].map((r) => r.getBoundingClientRect());
    return [...document.querySelectorAll<SVGPathElement>('.svg-layer #arcs path')].map((path) => {
      const m = path.getScreenCTM()!;
      const length = path.getTotalLength();
      const points = Array.from({ length: 401 }, (_, i) => {
        const p = path.getPointAtLength((length * i) / 400);
        return [m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f] as [number, number];
      });
      const [x, y] = points[400]!;
      const frame = frames.find((f) => x >= f.left && x <= f.right && y >= f.top && y <= f.bottom);
      return { id: path.getAttribute('data-arc') ?? '', points, inset: frame ? { left: frame.left, top: frame.top, right: frame.right, bottom: frame.bottom } : null };
    });
  });
}

/**
 * Crossings between lines: two lines crossing at 20° or more, away from where lines start and end.
 * Lines that join one trunk meet at a glancing angle and run on as one; that is a bundle, not a crossing.
 */
function crossingsOf(lines: readonly DrawnLine[]): number {
  const ends = lines.flatMap((l) => [l.points[0]!, l.points.at(-1)!]);
  let n = 0;
  for (const [i, a] of lines.entries()) {
    for (const b of lines.slice(i + 1)) {
      for (let p = 1; p < a.points.length; p++) {
        for (let q = 1; q < b.points.length; q++) {
          const x = crossing(a.points[p - 1]!, a.points[p]!, b.points[q - 1]!, b.points[q]!);
          if (!x || ends.some((e) => Math.hypot(e[0] - x.at[0], e[1] - x.at[1]) < 6)) continue;
          if (x.angle >= 20) n++;
        }
      }
    }
  }
  return n;
}

function crossing(p: [number, number], p2: [number, number], q: [number, number], q2: [number, number]): { at: [number, number]; angle: number } | null {
  const r = [p2[0] - p[0], p2[1] - p[1]];
  const s = [q2[0] - q[0], q2[1] - q[1]];
  const den = r[0]! * s[1]! - r[1]! * s[0]!;
  if (Math.abs(den) < 1e-9) return null;
  const t = ((q[0] - p[0]) * s[1]! - (q[1] - p[1]) * s[0]!) / den;
  const u = ((q[0] - p[0]) * r[1]! - (q[1] - p[1]) * r[0]!) / den;
  if (t < 0 || t >= 1 || u < 0 || u >= 1) return null;
  const angle = (Math.abs(Math.atan2(r[1]!, r[0]!) - Math.atan2(s[1]!, s[0]!)) * 180) / Math.PI;
  return { at: [p[0] + t * r[0]!, p[1] + t * r[1]!], angle: Math.min(angle % 180, 180 - (angle % 180)) };
}

/** Does a line of points run through a box? (Points 1 px apart or less: one inside is enough.) */
function runsThrough(points: readonly [number, number][], b: Box): boolean {
  return points.some(([x, y], i) => {
    if (i === 0) return false;
    const [px, py] = points[i - 1]!;
    // Sub-steps along the segment, so that a long step cannot jump over a small box.
    const n = Math.ceil(Math.hypot(x - px, y - py));
    for (let k = 0; k <= n; k++) {
      const sx = px + ((x - px) * k) / Math.max(1, n);
      const sy = py + ((y - py) * k) / Math.max(1, n);
      if (sx > b.left && sx < b.right && sy > b.top && sy < b.bottom) return true;
    }
    return false;
  });
}
