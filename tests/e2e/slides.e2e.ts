import { describe, expect, it } from 'vitest';
import { t, type Lang } from '../../src/i18n/messages.ts';
import { keySections, wordsText } from '../../src/scene/key.ts';
import { buildScene } from '../../src/scene/scene.ts';
import { tableRows } from '../../src/scene/table.ts';
import { defaultState, type AppState } from '../../src/state/url-state.ts';
import { figureValue, fillCoverage, sourceLine } from '../../src/view/describe.ts';
import { shippedModel } from '../unit/fixtures.ts';
import { firstStory, pngSize, setUp } from './driver.ts';
import { readZip } from './zip.ts';

/*
 * "Download slides (.pptx)": the deck opened as the zip it is. One slide per story step, each with
 * its caption, the legend and the source as text, the map as a picture, and every figure of the
 * step (id and value, as the map's own scene counts it) in the speaker notes.
 */

const model = shippedModel();
const story = firstStory();
const e2e = setUp();

/** The text of a slide or notes part: its <a:t> runs, entities decoded. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
    .join('\n');
}

/** Every title and entry of the key of a view under this state, in English. */
function keyTexts(state: Partial<AppState>): string[] {
  const full = { ...defaultState('en'), ...state };
  return keySections(model, full, buildScene(model, full)).flatMap((s) => [s.title, ...s.entries.map((e) => e.words)].map((w) => wordsText(w, 'en')));
}

/** "id: value" for every figure the map counts under this state: what the notes must hold. */
function figureLines(state: Partial<AppState>, lang: Lang): string[] {
  const scene = buildScene(model, { ...defaultState(lang), ...state });
  return tableRows(model, scene).flatMap((r) => r.figures.map((f) => `${f.id}: ${figureValue(model, f, lang)}`));
}

describe('slides (.pptx)', () => {
  it("downloads a story's deck from the URL: one slide per step with caption, legend, source and a 300 dpi map, figures in the notes", async () => {
    const app = await e2e.open({ lang: 'en', query: 'story=tour&export=pptx', wait: false });
    const deck = await app.download(undefined, 60_000);
    expect(deck.name).toBe('guizhou-pairing-story-tour-16x9-en.pptx');
    await expect.poll(() => app.page.evaluate(() => document.documentElement.dataset['exportDone'])).toBe('guizhou-pairing-story-tour-16x9-en.pptx');
    const files = readZip(deck.bytes);
    const part = (name: string) => textOf(files.get(name)!.toString('utf8'));
    const slides = [...files.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides).toHaveLength(story.steps.length);
    // What a person reads in the deck (slides, speaker notes, the deck's title) has the story's placeholders filled.
    for (const name of [...files.keys()].filter((n) => /^ppt\/(slides|notesSlides)\/\w+\.xml$/.test(n))) expect(part(name), name).not.toMatch(/[{}]/);
    const core = files.get('docProps/core.xml')!.toString('utf8');
    expect(/<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1]).toBe(fillCoverage(model, story.title_en, 'en'));
    // The data fill the story's and the source line's placeholders, as on the caption card.
    const source = sourceLine(model, (k, v) => t('en', k, v), 'en');
    story.steps.forEach((step: { state: Partial<AppState>; caption_en: string }, i: number) => {
      const slide = part(`ppt/slides/slide${i + 1}.xml`);
      expect(slide, `slide ${i + 1}`).toContain(fillCoverage(model, step.caption_en, 'en'));
      expect(slide).toContain(fillCoverage(model, story.title_en, 'en'));
      expect(slide).toContain(source);
      // The view's key, every section title and entry of it (what the step's map draws).
      for (const text of keyTexts(step.state)) expect(slide, `slide ${i + 1}`).toContain(text);
      const notes = part(`ppt/notesSlides/notesSlide${i + 1}.xml`);
      const expected = figureLines(step.state, 'en');
      expect(expected.length, `step ${i + 1} shows figures`).toBeGreaterThan(0);
      for (const line of expected) expect(notes, `notes of slide ${i + 1}`).toContain(line);
    });
    // Step 3 is Puding in 2011: the two figures its circle adds up.
    expect(part('ppt/notesSlides/notesSlide3.xml')).toContain('qd11-laoshan-puding-water: ¥530,000');
    const images = [...files.keys()].filter((n) => n.startsWith('ppt/media/') && n.endsWith('.png'));
    expect(images).toHaveLength(story.steps.length);
    for (const name of images) expect(pngSize(files.get(name)!)).toEqual({ width: 2520, height: 1605 });
    await app.done();
  });

  it('writes the current view as a slide in the language chosen in the dialog, and loads the pptx code only then', async () => {
    const scripts: string[] = [];
    const app = await e2e.open({
      lang: 'en',
      query: 'year=2011&place=520422&view=guizhou',
      before: (page) => page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url())),
    });
    const { page } = app;
    await page.getByRole('button', { name: 'Export' }).click();
    expect(scripts.filter((u) => /pptx/.test(u))).toEqual([]);
    // axe-core in the dialog with its slides and offline rows: no serious or critical violation.
    expect(await app.axeViolations('dialog.export')).toEqual([]);
    await page.locator('#slides-lang').selectOption('zh');
    const deck = await app.download(() => page.getByRole('button', { name: 'This view as a slide (.pptx)' }).click(), 60_000);
    expect(deck.name).toBe('guizhou-pairing-guizhou-view-2011-all-aid-funds-place-520422-slide-16x9-zh.pptx');
    expect(scripts.filter((u) => /pptx/.test(u))).toHaveLength(1);
    const files = readZip(deck.bytes);
    expect([...files.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toEqual(['ppt/slides/slide1.xml']);
    const slide = textOf(files.get('ppt/slides/slide1.xml')!.toString('utf8'));
    expect(slide).toContain('选中：普定县');
    expect(slide).toContain(sourceLine(model, (k, v) => t('zh', k, v), 'zh'));
    expect(slide).toContain(t('zh', 'legend.partners'));
    const notes = textOf(files.get('ppt/notesSlides/notesSlide1.xml')!.toString('utf8'));
    for (const line of figureLines({ year: 2011 }, 'zh')) expect(notes).toContain(line);
    await app.done();
  });
});
