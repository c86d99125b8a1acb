import { describe, expect, it } from 'vitest';
import { captionNumbers } from '../../src/story/caption-numbers.ts';
import { CAPTION_CARD_HEIGHTS } from '../../scripts/first-view-kinds.ts';
import { firstStory, setUp } from './driver.ts';

/* Present mode for a room: the card names the subject and shows the values its caption cites; big names; back where you were. */

const story = firstStory();
const e2e = setUp();

describe('present mode', () => {
  it('has the caption card as tall, at each built-in step, as the first views drawn at build time expect, and the zoom buttons at the map’s edge', async () => {
    const measured: Record<string, Record<string, number>> = {};
    for (const lang of ['en', 'zh'] as const) {
      const app = await e2e.open({ lang, query: `story=${story.id}&step=1`, size: [1280, 800] });
      const { page } = app;
      for (let i = 1; i <= story.steps.length; i++) {
        await expect.poll(() => app.param('step')).toBe(String(i));
        (measured[`${story.id}-${i}`] ??= {})[lang] = await page.locator('.presenter').evaluate((c) => c.getBoundingClientRect().height);
        // The zoom buttons keep to the map's right edge: with a place open, the hidden panel once moved them 390 px in.
        const zoomGap = await page.locator('.maplibregl-ctrl-top-right').evaluate((c) => document.querySelector('.map-area')!.getBoundingClientRect().right - c.getBoundingClientRect().right);
        expect(zoomGap, `step ${i} (${lang})`).toBeLessThan(20);
        await page.keyboard.press('ArrowRight');
      }
      await app.done();
    }
    // Off by more than a pixel, the step's first view keeps its names clear of a card of another size
    // than the live map does: the table below is what this machine measures (scripts/first-view-kinds.ts).
    const off = Object.entries(measured).filter(([k, m]) => !CAPTION_CARD_HEIGHTS[k] || Object.entries(m).some(([lang, h]) => Math.abs(h - CAPTION_CARD_HEIGHTS[k]![lang as 'en' | 'zh']) > 1));
    expect(off, `CAPTION_CARD_HEIGHTS should be ${JSON.stringify(measured)}`).toEqual([]);
  });

  it('names each step, shows the values its caption cites, draws names of 18 px and more at 1920×1080, and Escape returns to the view before', async () => {
    const start = 'year=2010&category=disaster_relief&place=520422&at=106.5,26.8,7';
    const app = await e2e.open({ lang: 'en', query: start, size: [1920, 1080] });
    const { page } = app;
    const count = () => page.getByTestId('story-count').textContent();
    await page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(count).toBe(`1 of ${story.steps.length}`);
    expect(app.param('step')).toBe('1');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(count).toBe(`3 of ${story.steps.length}`);
    expect(app.param('step')).toBe('3');
    expect(await page.getByTestId('story-subject').textContent()).toBe('Puding County');
    // Every amount and count the caption states stands on the card, as the data give it.
    const facts = (await page.getByTestId('story-facts').textContent()) ?? '';
    for (const n of captionNumbers(story.steps[2].caption_en, 'en').filter((x) => x.kind !== 'year')) expect(facts).toContain(n.text);
    await expect.poll(() => page.getByTestId('story-legend').textContent()).toContain('Qingdao');
    await app.idle();
    const sizes = (await app.labels()).filter((l) => !l.inset).map((l) => l.fontSize);
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
    await app.shot('present-step-3-en-1920');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.presenter').isVisible()).toBe(false);
    // The user's own filters, place and camera, exactly.
    for (const [k, v] of new URLSearchParams(`lang=en&${start}`)) expect(app.param(k), k).toBe(v);
    expect(app.param('story')).toBeNull();
    await app.done();
  });

  it('on a phone, the caption is a strip along the bottom and the step is framed in the map above it', async () => {
    const i = story.steps.findIndex((s: { state: { place: string | null } }) => s.state.place === '330200');
    const app = await e2e.open({ lang: 'zh', query: `story=${story.id}&step=${i + 1}`, size: [390, 844], context: { isMobile: true, hasTouch: true } });
    await app.idle();
    const [, ningbo] = await app.project('330200');
    const layout = await app.page.evaluate(() => {
      const card = document.querySelector('.presenter')!.getBoundingClientRect();
      const map = document.querySelector('#map')!.getBoundingClientRect();
      return { card: { top: card.top, bottom: card.bottom, width: card.width }, map: { top: map.top, bottom: map.bottom }, viewport: innerHeight };
    });
    expect(layout.card.width).toBeGreaterThanOrEqual(389);
    expect(layout.card.bottom).toBeGreaterThanOrEqual(layout.viewport - 1);
    expect(layout.card.top).toBeGreaterThan(layout.viewport / 2);
    // The map reaches down to the card (no blank band) and the step's subject is drawn above it.
    expect(layout.map.bottom).toBeGreaterThanOrEqual(layout.card.top);
    expect(ningbo).toBeGreaterThan(layout.map.top);
    expect(ningbo).toBeLessThan(layout.card.top);
    await app.shot('present-phone-zh');
    await app.done();
  });
});
