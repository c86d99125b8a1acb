import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/messages.ts';
import { buildScene } from '../../src/scene/scene.ts';
import { defaultState, type AppState } from '../../src/state/url-state.ts';
import { citation } from '../../src/ui/describe.ts';
import { shippedModel } from './fixtures.ts';

const model = shippedModel();
const frameFor = (state: AppState) => ({ state, scene: buildScene(model, state), tr: (k: Parameters<typeof t>[1], v?: Record<string, string | number>) => t(state.lang, k, v), lang: state.lang });
const day = new Date(Date.UTC(2026, 10, 25, 12));

describe('citation of the current view', () => {
  it('names the view, both source documents, their publisher, the link and the day, in English', () => {
    const text = citation(model, frameFor({ ...defaultState('en'), year: 2011 }), 'https://example.org/map?year=2011', day);
    expect(text).toBe(
      'Guizhou Pairing Map: Aid funds, 2011, all kinds of aid. Data: “Qingdao – Guizhou Pairing-off Poverty Alleviation”; “Ningbo-Guizhou Pairing-off Poverty Alleviation” ' +
        '(International Poverty Reduction Center in China (IPRCC)). https://example.org/map?year=2011 (accessed 25 November 2026).',
    );
  });

  it('follows the language, the filter and a title from the link', () => {
    const state = { ...defaultState('zh'), categories: ['disaster_relief'], title: '宁波抗旱' };
    const text = citation(model, frameFor(state), 'https://example.org/', day);
    expect(text).toContain('宁波抗旱：帮扶资金，全部年份，救灾。');
    expect(text).toContain('《Ningbo-Guizhou Pairing-off Poverty Alleviation》');
    expect(text).toContain('访问日期：2026年11月25日');
  });
});
