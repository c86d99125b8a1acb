import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { t, type Lang } from '../../src/i18n/messages.ts';
import { buildScene } from '../../src/scene/scene.ts';
import { tableRows } from '../../src/scene/table.ts';
import { defaultState, type AppState } from '../../src/state/url-state.ts';
import { figureValue, fillCoverage, sourceLine } from '../../src/view/describe.ts';
import { shippedModel } from '../unit/fixtures.ts';
import { launchBrowser, openPage, waitForMap } from './browser.ts';
import { readZip } from './zip.ts';

/*
 * "Download slides (.pptx)": the deck opened as the zip it is. One slide per story step, each with
 * its caption, the legend and the source as text, the map as a picture, and every figure of the
 * step (id and value, as the map's own scene counts it) in the speaker notes.
 */

const model = shippedModel();
const story = JSON.parse(readFileSync('data/stories.json', 'utf8')).stories[0];
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The text of a slide or notes part: its <a:t> runs, entities decoded. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
    .join('\n');
}

/** "id: value" for every figure the map counts under this state: what the notes must hold. */
function figureLines(state: Partial<AppState>, lang: Lang): string[] {
  const scene = buildScene(model, { ...defaultState(lang), ...state });
  return tableRows(model, scene).flatMap((r) => r.figures.map((f) => `${f.id}: ${figureValue(model, f, lang)}`));
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('slides (.pptx)', () => {
  it("downloads a story's deck from the URL: one slide per step with caption, legend, source and a 300 dpi map, figures in the notes", async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=en&story=tour&export=pptx`, { acceptDownloads: true });
    const download = await page.waitForEvent('download', { timeout: 60_000 });
    expect(download.suggestedFilename()).toBe('guizhou-pairing-tour-en.pptx');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['exportDone'])).toBe('guizhou-pairing-tour-en.pptx');
    const files = readZip(readFileSync((await download.path())!));
    const slides = [...files.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides).toHaveLength(story.steps.length);
    // The data fill the story's and the source line's placeholders, as on the caption card.
    const source = sourceLine(model, (k, v) => t('en', k, v), 'en');
    story.steps.forEach((step: { state: Partial<AppState>; caption_en: string }, i: number) => {
      const slide = textOf(files.get(`ppt/slides/slide${i + 1}.xml`)!.toString('utf8'));
      expect(slide, `slide ${i + 1}`).toContain(fillCoverage(model, step.caption_en, 'en'));
      expect(slide).toContain(fillCoverage(model, story.title_en, 'en'));
      expect(slide).toContain(source);
      for (const text of [t('en', 'legend.markers', { metric: 'Aid funds' }).replace('Aid funds', ''), t('en', 'legend.partners'), t('en', 'legend.stated'), t('en', 'legend.activity'), t('en', 'legend.noFigure')]) {
        expect(slide).toContain(text);
      }
      const notes = textOf(files.get(`ppt/notesSlides/notesSlide${i + 1}.xml`)!.toString('utf8'));
      const expected = figureLines(step.state, 'en');
      expect(expected.length, `step ${i + 1} shows figures`).toBeGreaterThan(0);
      for (const line of expected) expect(notes, `notes of slide ${i + 1}`).toContain(line);
    });
    // Step 3 is Puding in 2011: the two figures its circle adds up.
    expect(textOf(files.get('ppt/notesSlides/notesSlide3.xml')!.toString('utf8'))).toContain('qd11-laoshan-puding-water: ¥530,000');
    const images = [...files.keys()].filter((n) => n.startsWith('ppt/media/') && n.endsWith('.png'));
    expect(images).toHaveLength(story.steps.length);
    for (const name of images) expect(pngSize(files.get(name)!)).toEqual({ width: 2520, height: 1605 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('writes the current view as a slide in the language chosen in the dialog, and loads the pptx code only then', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=en&year=2011&place=520422&view=guizhou`, { acceptDownloads: true });
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await waitForMap(page);
    await page.getByRole('button', { name: 'Export' }).click();
    expect(scripts.filter((u) => /pptx/.test(u))).toEqual([]);
    // axe-core in the dialog with its slides and offline rows: no serious or critical violation.
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Element, opts: object): Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
      return (await axe.run(document.querySelector('dialog.export')!, { resultTypes: ['violations'] })).violations;
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.locator('#slides-lang').selectOption('zh');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'This view as a slide (.pptx)' }).click()]);
    expect(download.suggestedFilename()).toBe('guizhou-pairing-2011-all-aid-funds-zh.pptx');
    expect(scripts.filter((u) => /pptx/.test(u))).toHaveLength(1);
    const files = readZip(readFileSync((await download.path())!));
    expect([...files.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toEqual(['ppt/slides/slide1.xml']);
    const slide = textOf(files.get('ppt/slides/slide1.xml')!.toString('utf8'));
    expect(slide).toContain('选中：普定县');
    expect(slide).toContain(sourceLine(model, (k, v) => t('zh', k, v), 'zh'));
    expect(slide).toContain(t('zh', 'legend.partners'));
    const notes = textOf(files.get('ppt/notesSlides/notesSlide1.xml')!.toString('utf8'));
    for (const line of figureLines({ year: 2011 }, 'zh')) expect(notes).toContain(line);
    expect(errors).toEqual([]);
    await page.close();
  });
});
