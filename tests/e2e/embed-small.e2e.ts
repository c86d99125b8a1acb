import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { overlaps, setUp, within, type App, type Box } from './driver.ts';

/*
 * Embeds down to 320 px wide read cleanly, in English and in Chinese, in the default view and under a
 * year: no leader runs across the province, no words lie over each other, a scale bar or the map's
 * buttons, Guizhou fills a good part of the frame, and the key is one visible button away.
 */

const e2e = setUp();

/** A value's or a name's leader may join it to its place over a short way only: longer, it crosses the province and reads as another place's. */
const MAX_LEADER = 32;

interface Seen {
  frame: { width: number; height: number };
  map: Box;
  guizhou: Box;
  title: { lines: number; text: string; full: string | null };
  texts: (Box & { kind: string; text: string })[];
  /** The inset's scale bars and MapLibre's controls (its scale bar, buttons, attribution) and ours. */
  bars: (Box & { kind: string })[];
  leaders: { key: string; length: number }[];
}

/** What a reader of the embed sees of the map, in page pixels. */
function look(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const shown = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && e.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && (e.textContent ?? '').trim() !== '';
    };
    const layer = document.querySelector('.svg-layer')!;
    const kinds: [string, string][] = [
      ['#labels text', 'name'],
      ['#marker-values text', 'value'],
      ['#callouts text', 'card'],
      ['.inset-title', 'inset title'],
      ['.inset-distance', 'inset distance'],
      ['.inset-year-total', 'year total'],
      ['.inset-scale text', 'inset scale'],
    ];
    const texts = kinds.flatMap(([sel, kind]) => [...layer.querySelectorAll(sel)].filter(shown).map((t) => ({ kind, text: t.textContent ?? '', ...box(t) })));
    const bars = [
      ...[...layer.querySelectorAll('.inset-scale path')].map((p) => ({ kind: 'inset scale bar', ...box(p) })),
      ...[...document.querySelectorAll('.map-area .maplibregl-ctrl, .map-area .map-key')]
        .filter((c) => c.getBoundingClientRect().width > 0 && c.checkVisibility())
        .map((c) => ({ kind: (c.className.match(/maplibregl-ctrl-\w+|map-key/) ?? ['control'])[0], ...box(c) })),
    ];
    const leaders = [...layer.querySelectorAll('#leaders path')].map((p) => {
      const n = (p.getAttribute('d') ?? '').match(/-?[\d.]+/g)!.map(Number);
      return { key: p.getAttribute('data-key') ?? '', length: Math.hypot(n[2]! - n[0]!, n[3]! - n[1]!) };
    });
    const counties = [...layer.querySelectorAll('#counties path')].map(box).filter((b) => b.right > b.left);
    const guizhou = {
      left: Math.min(...counties.map((b) => b.left)),
      top: Math.min(...counties.map((b) => b.top)),
      right: Math.max(...counties.map((b) => b.right)),
      bottom: Math.max(...counties.map((b) => b.bottom)),
    };
    const title = document.querySelector('.app-header .title')!;
    const lineHeight = parseFloat(getComputedStyle(title).lineHeight) || parseFloat(getComputedStyle(title).fontSize) * 1.3;
    return {
      frame: { width: window.innerWidth, height: window.innerHeight },
      map: box(document.querySelector('#map')!),
      guizhou,
      title: { lines: Math.round(title.getBoundingClientRect().height / lineHeight), text: title.textContent ?? '', full: title.getAttribute('title') },
      texts,
      bars,
      leaders,
    };
  });
}

const area = (b: Box) => Math.max(0, b.right - b.left) * Math.max(0, b.bottom - b.top);
const clip = (b: Box, to: Box): Box => ({ left: Math.max(b.left, to.left), top: Math.max(b.top, to.top), right: Math.min(b.right, to.right), bottom: Math.min(b.bottom, to.bottom) });
const where = (b: Box) => `[${Math.round(b.left)},${Math.round(b.top)}–${Math.round(b.right)},${Math.round(b.bottom)}]`;

/** What breaks the rules at this view, in words (empty when it reads cleanly). */
function problems(seen: Seen): string[] {
  const out: string[] = [];
  const frame: Box = { left: 0, top: 0, right: seen.frame.width, bottom: seen.frame.height };
  // 1. Leaders: short, never across the province.
  for (const l of seen.leaders) if (l.length > MAX_LEADER) out.push(`leader of ${l.key} is ${Math.round(l.length)} px long`);
  // 2. Words clear of each other, of the scale bars and of the map's buttons (only those the frame shows).
  const texts = seen.texts.filter((t) => overlaps(t, frame) && overlaps(t, seen.map));
  for (const [i, a] of texts.entries()) {
    for (const b of texts.slice(i + 1)) if (overlaps(a, b, 0.5)) out.push(`${a.kind} "${a.text}" ${where(a)} overlaps ${b.kind} "${b.text}" ${where(b)}`);
    for (const c of seen.bars) if (overlaps(a, c, 0.5)) out.push(`${a.kind} "${a.text}" ${where(a)} lies over the ${c.kind} ${where(c)}`);
  }
  // 3. Guizhou at least 40 % of the frame's width, all of it inside the frame.
  const share = (seen.guizhou.right - seen.guizhou.left) / seen.frame.width;
  if (share < 0.4) out.push(`Guizhou is ${(share * 100).toFixed(0)} % of the frame's width`);
  if (!within(seen.guizhou, frame, 1)) out.push(`Guizhou ${where(seen.guizhou)} leaves the frame`);
  // The title stands on one line; cut short, it says the whole in its tooltip.
  if (seen.title.lines > 1) out.push(`the title "${seen.title.text}" takes ${seen.title.lines} lines`);
  if (seen.title.full !== seen.title.text) out.push(`the title's tooltip "${seen.title.full}" is not its text "${seen.title.text}"`);
  return out;
}

/** The key is offered by a visible button in the frame, reached by Tab and opened by Enter, and it comes into the frame. */
async function keyFromKeyboard(app: App): Promise<void> {
  const { page } = app;
  const buttons = page.locator('button[aria-controls="map-legend"], button[aria-controls="legend-keys"]');
  const inFrame = await buttons.evaluateAll((list) =>
    list.flatMap((b, i) => {
      const r = b.getBoundingClientRect();
      const visible = r.width > 0 && b.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
      return visible && (b as HTMLButtonElement).tabIndex >= 0 ? [i] : [];
    }),
  );
  expect(inFrame.length, 'a key button inside the frame').toBeGreaterThan(0);
  const button = buttons.nth(inFrame[0]!);
  // Reached by Tab, opened by Enter.
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await button.evaluate((b) => document.activeElement === b);
  }
  expect(reached, 'the key button is reached by Tab').toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#legend-keys').isVisible()).toBe(true);
  // The key comes into the frame.
  await expect
    .poll(() => page.locator('#legend-keys').evaluate((k) => k.getBoundingClientRect().top < window.innerHeight && k.getBoundingClientRect().bottom > 0), { timeout: 5000 })
    .toBe(true);
}

const SIZES = [
  [320, 240],
  [320, 400],
  [400, 300],
] as const;

describe('small embeds', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const size of SIZES) {
      const keyed = size[0] === 320 && size[1] === 240;
      it(`read cleanly at ${size[0]}×${size[1]} (${lang})${keyed ? ', and offer the key by a visible button, from the keyboard' : ''}`, async () => {
        const found: string[] = [];
        for (const query of ['', 'year=2010']) {
          const app = await e2e.open({ lang, query: `embed=1${query ? `&${query}` : ''}`, size });
          await app.idle();
          const seen = await look(app.page);
          const name = `${size[0]}×${size[1]} ${lang}${query ? ` ${query}` : ''}`;
          const frame: Box = { left: 0, top: 0, right: seen.frame.width, bottom: seen.frame.height };
          const width = (seen.guizhou.right - seen.guizhou.left) / seen.frame.width;
          const ofMap = area(clip(seen.guizhou, seen.map)) / area(seen.map);
          const ofFrame = area(clip(seen.map, frame)) / area(frame);
          console.log(`${name}: Guizhou ${(width * 100).toFixed(1)} % of the frame's width, ${(ofMap * 100).toFixed(1)} % of the map's box; map ${Math.round(seen.map.right - seen.map.left)}×${Math.round(seen.map.bottom - seen.map.top)} (${(ofFrame * 100).toFixed(0)} % of the frame)`);
          found.push(...problems(seen).map((p) => `${name}: ${p}`));
          await app.shot(`embed-small-${size[0]}x${size[1]}-${lang}${query ? '-2010' : ''}`);
          // On the same page (a page load less): the smallest frame offers the key from the keyboard.
          if (keyed && !query) await keyFromKeyboard(app);
          await app.done();
        }
        expect(found).toEqual([]);
      });
    }
  }
});
