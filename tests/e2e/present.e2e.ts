import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { captionNumbers } from '../../src/story/caption-numbers.ts';
import { launchBrowser, openPage, screenshot, waitForMap } from './browser.ts';

/* Present mode for a room (issue 14): the card names the subject and shows the values its caption cites; big names; back where you were. */

const story = JSON.parse(readFileSync('data/stories.json', 'utf8')).stories[0];
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('present mode', () => {
  it('names each step, shows the values its caption cites, draws names of 18 px and more at 1920×1080, and Escape returns to the view before', async () => {
    const start = '?lang=en&year=2010&category=disaster_relief&place=520422&at=106.5,26.8,7';
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/${start}`, { viewport: { width: 1920, height: 1080 } });
    await waitForMap(page);
    await page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(() => page.getByTestId('story-count').textContent()).toBe(`1 of ${story.steps.length}`);
    expect(new URL(page.url()).searchParams.get('step')).toBe('1');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('story-count').textContent()).toBe(`3 of ${story.steps.length}`);
    expect(new URL(page.url()).searchParams.get('step')).toBe('3');
    expect(await page.getByTestId('story-subject').textContent()).toBe('Puding County');
    // Every amount and count the caption states stands on the card, as the data give it.
    const facts = (await page.getByTestId('story-facts').textContent()) ?? '';
    for (const n of captionNumbers(story.steps[2].caption_en, 'en').filter((x) => x.kind !== 'year')) expect(facts).toContain(n.text);
    await expect.poll(() => page.getByTestId('story-legend').textContent()).toContain('Qingdao');
    await page.evaluate(() => (window as unknown as { __gpm: { idle(): Promise<void> } }).__gpm.idle());
    const sizes = await page.locator('#labels text').evaluateAll((ts) => ts.map((t) => Number(t.getAttribute('font-size'))));
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
    await screenshot(page, 'present-step-3-en-1920');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.presenter').isVisible()).toBe(false);
    // The user's own filters, place and camera, exactly.
    const back = new URL(page.url()).searchParams;
    for (const [k, v] of new URLSearchParams(start)) expect(back.get(k), k).toBe(v);
    expect(back.has('story')).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone, the caption is a strip along the bottom and the step is framed in the map above it', async () => {
    const i = story.steps.findIndex((s: { state: { place: string | null } }) => s.state.place === '330200');
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=zh&story=${story.id}&step=${i + 1}`, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await waitForMap(page);
    await page.evaluate(() => (window as unknown as { __gpm: { idle(): Promise<void> } }).__gpm.idle());
    const layout = await page.evaluate(() => {
      const card = document.querySelector('.presenter')!.getBoundingClientRect();
      const map = document.querySelector('#map')!.getBoundingClientRect();
      const w = window as unknown as { __gpm: { project(id: string): [number, number] } };
      const [, y] = w.__gpm.project('330200');
      return { card: { top: card.top, bottom: card.bottom, width: card.width }, map: { top: map.top, bottom: map.bottom }, ningbo: map.top + y, viewport: innerHeight };
    });
    expect(layout.card.width).toBeGreaterThanOrEqual(389);
    expect(layout.card.bottom).toBeGreaterThanOrEqual(layout.viewport - 1);
    expect(layout.card.top).toBeGreaterThan(layout.viewport / 2);
    // The map reaches down to the card (no blank band) and the step's subject is drawn above it.
    expect(layout.map.bottom).toBeGreaterThanOrEqual(layout.card.top);
    expect(layout.ningbo).toBeGreaterThan(layout.map.top);
    expect(layout.ningbo).toBeLessThan(layout.card.top);
    await screenshot(page, 'present-phone-zh');
    expect(errors).toEqual([]);
    await page.close();
  });
});
