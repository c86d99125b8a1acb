import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { firstStory, setUp } from './driver.ts';

/*
 * Present mode and the offline copy draw what the app draws for the same state: the same circles and
 * values (a part's "of which"), the shared figures in cards, the lines bundled into the insets, and
 * under a year the lines without a record that year faded.
 */

const e2e = setUp();
const story = firstStory();

interface Encodings {
  /** Each circle's kind and fill, by the scene's key. */
  circles: Record<string, string>;
  /** Each written value, by its marker's key. */
  values: Record<string, string>;
  /** The shared figures' cards, by anchor. */
  cards: string[];
  /** Each line: its opacity, whether it is marked faded, whether it is bundled into its inset, its dashes. */
  lines: Record<string, { opacity: number; faded: boolean; bundled: boolean; dashed: boolean }>;
}

function encodings(page: Page): Promise<Encodings> {
  return page.evaluate(() => {
    const layer = [...document.querySelectorAll('.svg-layer')].find((l) => l.checkVisibility())!;
    const all = (sel: string) => [...layer.querySelectorAll(sel)];
    return {
      circles: Object.fromEntries(all('#markers circle').map((c) => [c.getAttribute('data-key'), `${c.getAttribute('data-kind')} ${c.getAttribute('fill')} ${c.getAttribute('fill-opacity')}`])),
      values: Object.fromEntries(all('#marker-values text').map((t) => [t.getAttribute('data-key'), t.textContent ?? ''])),
      cards: all('.callout').map((g) => g.getAttribute('data-anchor') ?? '').sort(),
      lines: Object.fromEntries(
        all('#arcs path').map((p) => [
          p.getAttribute('data-arc'),
          { opacity: Number(p.getAttribute('stroke-opacity')), faded: p.getAttribute('data-no-record') === 'true', bundled: p.hasAttribute('data-join'), dashed: p.hasAttribute('stroke-dasharray') },
        ]),
      ),
    };
  });
}

/** The app's drawing and another's agree on every encoding; values may be left out for room, never written otherwise. */
function expectSame(app: Encodings, other: Encodings, where: string) {
  expect(Object.keys(app.circles).length, `${where}: circles drawn`).toBeGreaterThan(0);
  expect(Object.keys(other.values).length, `${where}: values written`).toBeGreaterThan(0);
  expect(other.circles, `${where}: circles`).toEqual(app.circles);
  expect(other.cards, `${where}: cards`).toEqual(app.cards);
  expect(other.lines, `${where}: lines`).toEqual(app.lines);
  for (const [key, text] of Object.entries(other.values)) expect(text, `${where}: value of ${key}`).toBe(app.values[key] ?? text);
  // A card writes its values whatever the room.
  for (const key of Object.keys(app.values).filter((k) => app.cards.some((c) => k.split('@')[0] === c))) expect(other.values[key], `${where}: card value ${key}`).toBe(app.values[key]);
}

/** Under 2010 some lines fade (to at most 35 %) and the rest do not. */
function expectFaded(e: Encodings, where: string) {
  const lines = Object.values(e.lines);
  const faded = lines.filter((l) => l.faded);
  expect(faded.length, `${where}: faded lines`).toBeGreaterThan(0);
  expect(faded.length).toBeLessThan(lines.length);
  for (const l of faded) expect(l.opacity, where).toBeLessThanOrEqual(0.35);
  for (const l of lines.filter((x) => !x.faded)) expect(l.opacity, where).toBeGreaterThan(0.5);
  expect(lines.every((l) => l.bundled), `${where}: every line bundled into its inset`).toBe(true);
}

describe('the same encodings everywhere', () => {
  it('present mode draws a step as the app draws its state: circles, values, cards, bundled and faded lines', async () => {
    // The tour's step under 2010: lines recorded only for 2011 fade.
    const i = story.steps.findIndex((s: { state: { year: number | string } }) => s.state.year === 2010);
    const { state } = story.steps[i];
    const query = `year=2010&category=${state.categories.join(',')}&metric=${state.metric}${state.place ? `&place=${state.place}` : ''}`;
    // In Chinese (present.e2e presents in English): the encodings are the same in either language.
    for (const lang of ['zh'] as const) {
      const app = await e2e.open({ lang, query, size: [1920, 1080] });
      await app.idle();
      const seen = await encodings(app.page);
      expectFaded(seen, `app ${lang}`);
      await app.close();
      const present = await e2e.open({ lang, query: `story=${story.id}&step=${i + 1}`, size: [1920, 1080] });
      await present.idle();
      expect(await present.page.locator('.presenter').isVisible()).toBe(true);
      const shown = await encodings(present.page);
      expectFaded(shown, `present ${lang}`);
      expectSame(seen, shown, `present ${lang}`);
      await present.done();
    }
  });

  it('the offline copy draws as the served app, in the default view and under 2010', async () => {
    const file = resolve('dist-standalone/guizhou-pairing-map.html');
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:standalone\` first (npm test does).`);
    // The default view in English and 2010 in Chinese: both languages and both kinds of view, in half the page loads of every pair.
    for (const [query, lang] of [['', 'en'], ['year=2010', 'zh']] as const) {
      const app = await e2e.open({ lang, query, size: [1280, 800] });
      await app.idle();
      const seen = await encodings(app.page);
      await app.close();
      const copy = await e2e.open({ url: `${pathToFileURL(file).href}?lang=${lang}${query ? `&${query}` : ''}`, size: [1280, 800], offline: true });
      await copy.idle();
      const shown = await encodings(copy.page);
      if (query) expectFaded(shown, `offline copy ${lang}`);
      expectSame(seen, shown, `offline copy ${lang} ${query}`);
      // Same room, same drawing: the same values are written.
      expect(Object.keys(shown.values).sort(), `offline copy ${lang} ${query}: values`).toEqual(Object.keys(seen.values).sort());
      expect(copy.blocked).toEqual([]);
      await copy.done();
    }
  });
});
