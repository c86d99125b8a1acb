import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/messages.ts';
import { placeDetails } from '../../src/scene/details.ts';
import { buildScene } from '../../src/scene/scene.ts';
import { searchPlaces } from '../../src/scene/search.ts';
import { defaultState } from '../../src/state/url-state.ts';
import type { UiContext } from '../../src/view/context.ts';
import { tooltipLines } from '../../src/ui/tooltip.ts';
import { shippedModel } from './fixtures.ts';

/* What hovering a line says, and that Guizhou itself can be found. */

const model = shippedModel();

describe('hovering a partner line', () => {
  it('names the giver, then the recipient, then the evidence, on one line', () => {
    for (const lang of ['en', 'zh'] as const) {
      const state = defaultState(lang);
      const frame = { state, scene: buildScene(model, state), tr: (k: Parameters<typeof t>[1], v?: Record<string, string | number>) => t(lang, k, v), lang };
      const lines = tooltipLines({ model } as UiContext, frame, { type: 'arc', id: '370200-520400' });
      expect(lines).toEqual([lang === 'en' ? 'Qingdao → Anshun · stated pairing' : '青岛 → 安顺 · 原文明确结对']);
    }
  });
});

describe('searching for Guizhou', () => {
  it('finds the province first, in English, Chinese and Pinyin with its level', () => {
    for (const q of ['Guizhou', '贵州', 'guizhou sheng', '贵州省', 'Guizhou Province']) expect(searchPlaces(model.dataset.places, q)[0]?.id, q).toBe('520000');
  });
  it('does not offer the context provinces, which have nothing to open', () => {
    expect(searchPlaces(model.dataset.places, '浙江').filter((p) => p.level === 'province')).toEqual([]);
    expect(searchPlaces(model.dataset.places, 'qingdao shi')[0]?.id).toBe('370200');
  });
});

describe('the Guizhou panel', () => {
  it('names the partner city of each paired prefecture, and lists the figures for Guizhou as a whole', () => {
    const d = placeDetails(model, '520000', { year: 'all', categories: [], metric: 'funds_cny' })!;
    expect(d.partners.map((p) => `${p.other.id}→${p.pairing.recipient}`).sort()).toEqual(['330200→522300', '330200→522600', '370200→520400', '370200→520600']);
    expect(d.overall!.total).toBe(81_850_000);
    expect(d.figures.every((n) => n.figure.recipients.includes('520000'))).toBe(true);
  });
});
