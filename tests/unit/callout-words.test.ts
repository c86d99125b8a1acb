import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { defaultState, drawMapSvg, type MapSize } from '../snapshots/draw-map.ts';

/*
 * What a shared figure's card says on a small map. A phone's map (390 px) showed "¥76.45m" boxed
 * over another province with nothing to say it was Anshun's and Tongren's: a small map's card names
 * what it covers where there is room, and where its words leave none its values stay framed (a bare
 * circle would stand on a prefecture's land).
 */

interface Card {
  anchor: string;
  framed: boolean;
  words: string[];
}

function cards(lang: 'en' | 'zh', size: MapSize, view: 'guizhou' | 'overview' = 'guizhou'): Card[] {
  const { document } = parseHTML(`<!doctype html><html><body>${drawMapSvg({ ...defaultState(lang), view }, size)}</body></html>`);
  return [...document.querySelectorAll('#callouts .callout')].map((g) => ({
    anchor: g.getAttribute('data-anchor') ?? '',
    framed: g.querySelector('.callout-frame') !== null,
    words: [...g.querySelectorAll('text')].map((t) => t.textContent ?? ''),
  }));
}

const PROGRAMME = 'programme:330200';
const ANSHUN_TONGREN = '520400;520600';

describe('a shared figure’s card on a small map', () => {
  it('names what it covers where there is room: a phone’s map in both views and languages', () => {
    for (const lang of ['en', 'zh'] as const)
      for (const view of ['guizhou', 'overview'] as const) {
        const shown = cards(lang, { width: 390, height: 490 }, view);
        const programme = shown.find((c) => c.anchor === PROGRAMME);
        expect(programme?.framed, `${lang} ${view}`).toBe(true);
        expect(programme?.words, `${lang} ${view}`).toContain(lang === 'en' ? 'All Guizhou' : '贵州全省');
      }
    // In true geography every card has room for its words: Anshun and Tongren are named.
    const overview = cards('en', { width: 390, height: 490 }, 'overview');
    expect(overview.find((c) => c.anchor === ANSHUN_TONGREN)?.words.join(' ')).toMatch(/Anshun \+\s*Tongren/);
  });

  it('keeps its values framed where its words leave no room, rather than a bare circle on the land (390×560)', () => {
    const shown = cards('en', { width: 390, height: 560 });
    const anshunTongren = shown.find((c) => c.anchor === ANSHUN_TONGREN);
    expect(anshunTongren?.framed).toBe(true);
    expect(shown.find((c) => c.anchor === PROGRAMME)?.words).toContain('All Guizhou');
  });

  it('names every card around a small embed’s Guizhou in true geography (400×300), where the land beside it is free', () => {
    const shown = cards('en', { width: 400, height: 300 }, 'overview');
    expect(shown.length).toBe(3);
    for (const c of shown) {
      expect(c.framed, c.anchor).toBe(true);
      expect(c.words.length, c.anchor).toBeGreaterThan(0);
    }
  });
});
