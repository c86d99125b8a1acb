import { describe, expect, it } from 'vitest';
import { setUp, viewUrl, type App } from './driver.ts';

/*
 * A story made in the app: three views added as steps, captioned in both languages, one moved up,
 * a caption with a wrong number refused (named), downloaded as stories.json, opened again in a
 * fresh tab with "Open data…", and presented.
 */

const e2e = setUp();

const STEPS = [
  { query: 'view=overview', en: 'Two partner cities and their lines.', zh: '两座对口城市及其连线。' },
  { query: 'view=guizhou&year=2011&place=520422', en: 'Puding: ¥530,000 for drinking water in 2011.', zh: '普定：2011年饮水工程53万元。' },
  { query: 'view=overview&year=2010&category=disaster_relief&place=522600', en: 'Drought relief: ¥2 million to each prefecture.', zh: '抗旱救灾：各200万元。' },
];

async function openEditor(app: App) {
  await app.page.getByRole('button', { name: 'My story' }).click();
  await app.page.locator('dialog.story-editor').waitFor();
}

async function caption(app: App, step: number, lang: 'en' | 'zh', text: string) {
  await app.page.locator(`#editor-caption-${step}-${lang}`).fill(text);
}

describe('stories made in the app', () => {
  it('three steps captioned in both languages, one reordered, survive download → Open data… → present', async () => {
    const app = await e2e.open({ lang: 'en' });
    const { page } = app;
    for (const [i, step] of STEPS.entries()) {
      // A new view, then the editor: the tab keeps the story between page loads.
      await app.goto({ lang: 'en', query: step.query });
      await openEditor(app);
      if (i === 0) await page.locator('#editor-title-en').fill('Drought and water');
      if (i === 0) await page.locator('#editor-title-zh').fill('抗旱与饮水');
      await page.getByRole('button', { name: 'Add this view as a step' }).click();
      await caption(app, i, 'en', step.en);
      await caption(app, i, 'zh', step.zh);
      await page.locator('dialog.story-editor .panel-close').click();
    }
    await openEditor(app);
    expect(await page.locator('.story-step').count()).toBe(3);
    // A number that is not in the step's data is named, and the story cannot be played or downloaded.
    await caption(app, 2, 'en', 'Drought relief: ¥3 million to each prefecture.');
    await expect.poll(() => page.getByTestId('editor-numbers-2').textContent()).toBe('Not in this step’s data: ¥3 million');
    expect(await page.getByTestId('editor-status').textContent()).toContain('"¥3 million" is not shown on this step\'s map or card');
    expect(await page.getByRole('button', { name: 'Download stories.json' }).isDisabled()).toBe(true);
    await caption(app, 2, 'en', STEPS[2]!.en);
    await expect.poll(() => page.getByTestId('editor-numbers-2').isHidden()).toBe(true);
    expect(await page.getByTestId('editor-preview-2-en').textContent()).toBe(STEPS[2]!.en);
    expect(await page.getByTestId('editor-preview-2-zh').textContent()).toBe(STEPS[2]!.zh);
    // The preview reads as the caption card will: the words left to the data are filled, never shown as {years}.
    await caption(app, 0, 'en', 'Two partner cities, {years}.');
    await expect.poll(() => page.getByTestId('editor-preview-0-en').textContent()).toBe('Two partner cities, 2009–2011.');
    await caption(app, 0, 'en', STEPS[0]!.en);
    // The drought step moves up to second place.
    await page.getByTestId('editor-step-2').getByRole('button', { name: 'Move up' }).click();
    expect(await page.locator('.story-step textarea[lang="en"]').evaluateAll((a) => a.map((x) => (x as HTMLTextAreaElement).value))).toEqual([STEPS[0]!.en, STEPS[2]!.en, STEPS[1]!.en]);
    await app.shot('story-editor-en');
    // axe-core in the open editor: no serious or critical violation (labels, contrast, names).
    expect(await app.axeViolations('dialog.story-editor')).toEqual([]);
    const stories = await app.download(() => page.getByRole('button', { name: 'Download stories.json' }).click());
    expect(stories.name).toBe('stories.json');
    const file = JSON.parse(stories.text);
    expect(file.stories).toHaveLength(1);
    expect(file.stories[0].steps.map((s: { caption_zh: string }) => s.caption_zh)).toEqual([STEPS[0]!.zh, STEPS[2]!.zh, STEPS[1]!.zh]);
    expect(file.stories[0].steps[1].state).toEqual({ view: 'overview', year: 2010, categories: ['disaster_relief'], metric: 'funds_cny', place: '522600' });
    await app.done();

    // A fresh tab: nothing kept; the file opened with "Open data…" and presented.
    // The app's stylesheet is written into the page: neither the page nor the story code loaded on
    // use (which lists it among its dependencies) fetches it again.
    const stylesheets: string[] = [];
    const fresh = await e2e.open({ lang: 'en', before: (p) => p.on('request', (r) => /\/assets\/index-[^/]*\.css$/.test(r.url()) && stylesheets.push(r.url())) });
    const report = await fresh.importFiles([{ name: 'stories.json', type: 'application/json', bytes: stories.text }], { wait: 'none' });
    await expect.poll(() => report.locator('.import-summary').textContent()).toContain('stories.json: 1 stories ready');
    expect(stylesheets).toEqual([]);
    expect(await fresh.page.locator('link[rel="stylesheet"][href*="/index-"]:not([disabled]), link[rel="stylesheet"][href^="./assets/index-"]:not([disabled])').count()).toBe(0);
    await fresh.page.getByRole('button', { name: 'Use and present' }).click();
    const cap = fresh.page.getByTestId('story-caption');
    await expect.poll(() => cap.textContent(), { timeout: 30_000 }).toBe(STEPS[0]!.en);
    expect(await fresh.page.locator('#story-title').textContent()).toBe('Drought and water');
    await fresh.page.keyboard.press('ArrowRight');
    await expect.poll(() => cap.textContent()).toBe(STEPS[2]!.en);
    await fresh.page.keyboard.press('ArrowRight');
    await expect.poll(() => cap.textContent()).toBe(STEPS[1]!.en);
    await fresh.shot('story-editor-presented-en');
    await fresh.page.goto(viewUrl({ lang: 'zh', query: 'story=my-story&step=2' })); // steps count from 1 in links, as on the card
    await expect.poll(() => cap.textContent(), { timeout: 30_000 }).toBe(STEPS[2]!.zh);
    await fresh.done();
  });
});
