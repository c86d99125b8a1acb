import { describe, expect, it } from 'vitest';
import { keySections, wordsText, type KeySection } from '../../src/scene/key.ts';
import { TIE_STYLE } from '../../src/map/line-style.ts';
import { CHOROPLETH } from '../../src/scene/colors.ts';
import { buildScene } from '../../src/scene/scene.ts';
import { defaultState, type AppState } from '../../src/state/url-state.ts';
import { shippedModel } from './fixtures.ts';

const model = shippedModel();

function keyOf(patch: Partial<AppState>, lang: 'en' | 'zh' = 'en') {
  const state = { ...defaultState(lang), ...patch };
  const scene = buildScene(model, state);
  return { scene, sections: keySections(model, state, scene) };
}
const kinds = (sections: KeySection[]) => sections.flatMap((s) => s.entries.map((e) => (e.kind === 'mark' ? `mark-${e.mark}` : e.kind === 'line' ? `line-${e.evidence}` : e.kind)));

describe('the key', () => {
  it('for 2010 keys what the 2010 map draws and nothing it does not', () => {
    const { scene, sections } = keyOf({ year: 2010 });
    expect(sections.map((s) => s.id)).toEqual(['sizes', 'where', 'partners', 'shading']);
    const k = kinds(sections);
    // Cards for several places and for Guizhou as a whole, "of which" parts, and faded lines are drawn in 2010.
    expect(k).toEqual(expect.arrayContaining(['mark-place', 'mark-group', 'mark-programme', 'partOf', 'note', 'fadedLine', 'line-stated', 'line-activity']));
    expect(scene.arcs.some((a) => a.noRecord)).toBe(true);
    // No multi-year ring, no county of its own figure (so no shade class) is drawn in 2010.
    expect(scene.markers.some((m) => m.multiYear)).toBe(false);
    expect(k).not.toContain('mark-multi');
    const fills = new Set([...scene.counties.values()].map((c) => c.fill));
    const keyed = sections.find((s) => s.id === 'shading')!.entries.flatMap((e) => (e.kind === 'shade' ? [e.fill] : []));
    for (const fill of keyed.filter((f) => (CHOROPLETH as readonly string[]).includes(f))) expect(fills).toContain(fill);
    expect(keyed.filter((f) => (CHOROPLETH as readonly string[]).includes(f))).toEqual([]);
    const sizes = sections[0]!.entries.flatMap((e) => (e.kind === 'size' ? [e] : []));
    expect(sizes.map((s) => wordsText(s.words, 'en'))).toEqual(['¥80 million', '¥20 million', '¥3 million']);
    expect(new Set(sizes.map((s) => s.radius)).size).toBe(3);
  });

  it('for the default view keys multi-year rings, shade classes and qualified values, and no faded line', () => {
    const { sections } = keyOf({});
    const k = kinds(sections);
    expect(k).toEqual(expect.arrayContaining(['mark-multi', 'qualified', 'shade', 'city', 'district']));
    expect(k).not.toContain('fadedLine');
    expect(sections.find((s) => s.id === 'shading')!.entries.map((e) => wordsText(e.words, 'en'))).toContain('≤ ¥220,000');
  });

  it('explains each sign the marks carry, where the marks put it, in both languages', () => {
    // The key once said "+ marks more than or about" while the map wrote "about" as a leading ≈.
    const signs = new Set<string>();
    for (const metric of model.metrics.keys()) {
      for (const m of keyOf({ metric }).scene.markers) {
        if (m.valueLabel.endsWith('+')) signs.add('more');
        if (m.valueLabel.startsWith('≈')) signs.add('about');
      }
    }
    // The built-in data's one "about" figure is of a metric listed, never drawn; "more than" marks are drawn.
    expect(signs).toContain('more');
    const said = { en: wordsText({ key: 'legend.qualified' }, 'en'), zh: wordsText({ key: 'legend.qualified' }, 'zh') };
    expect(said.en).toMatch(/\+ after a value marks "more than"/);
    expect(said.en).toMatch(/≈ before it "about"/);
    expect(said.zh).toMatch(/数值后的 \+ 表示“以上”/);
    expect(said.zh).toMatch(/数值前的 ≈ 表示“约”/);
  });

  it('keys both kinds of line in one colour of a city that has both drawn, never in the ties\' grey', () => {
    for (const year of ['all', 2009, 2010, 2011] as const) {
      const { scene, sections } = keyOf({ year });
      const lines = sections.flatMap((s) => s.entries).flatMap((e) => (e.kind === 'line' ? [e] : []));
      expect(lines.length, `${year}`).toBeGreaterThan(0);
      expect(new Set(lines.map((l) => l.color)).size, `${year}: one colour`).toBe(1);
      for (const l of lines) expect(scene.arcs.some((a) => a.color === l.color && a.evidence === l.evidence), `${year} ${l.evidence}`).toBe(true);
      expect(lines[0]!.color).not.toBe(TIE_STYLE.stroke);
    }
  });

  it('says a city without records that year in its language', () => {
    const { sections } = keyOf({ year: 2009 }, 'zh');
    const cities = sections.find((s) => s.id === 'partners')!.entries.flatMap((e) => (e.kind === 'city' ? [[wordsText(e.words, 'zh'), e.faded]] : []));
    expect(cities).toContainEqual(['没有宁波2009年的记录', true]);
  });
});
