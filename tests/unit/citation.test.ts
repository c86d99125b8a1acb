import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/messages.ts';
import { buildScene } from '../../src/scene/scene.ts';
import { defaultState, type AppState } from '../../src/state/url-state.ts';
import { citation } from '../../src/view/describe.ts';
import { shippedModel } from './fixtures.ts';

const model = shippedModel();
const frameFor = (state: AppState) => ({ state, scene: buildScene(model, state), tr: (k: Parameters<typeof t>[1], v?: Record<string, string | number>) => t(state.lang, k, v), lang: state.lang });
const day = new Date(Date.UTC(2026, 10, 25, 12));
const url = (path: string) => `https://yearbook.iprcc.org.cn/zggjfpzxnj/${path}.shtml`;

describe('citation of the current view', () => {
  it('names the view, every source document with its entry year, yearbook, edition and page, the publisher, the link and the day, in English', () => {
    const text = citation(model, frameFor({ ...defaultState('en'), year: 2011 }), 'https://example.org/map?year=2011', day);
    expect(text).toBe(
      'Guizhou Pairing Map: Aid funds, 2011, all kinds of aid. Data: ' +
        `“Qingdao-Guizhou Pairing-off Poverty Alleviation” (2009 entry), China Poverty Alleviation Yearbook, 2010 edition (English web version), ${url('2010njyw/wdxxzp/382711')}; ` +
        `“Qingdao - Guizhou Pairing-off Poverty Alleviation” (2010 entry), China Poverty Alleviation Yearbook, 2011 edition (English web version), ${url('2011njyw/wdxfpxzp/384924')}; ` +
        `“Qingdao – Guizhou Pairing-off Poverty Alleviation” (2011 entry), China Poverty Alleviation Yearbook, 2012 edition (English web version), ${url('2012njyw/ldxxzfpp/385076')}; ` +
        `“Ningbo-Guizhou Pairing-off Poverty Alleviation” (2010 entry), China Poverty Alleviation Yearbook, 2011 edition (English web version), ${url('2011njyw/wdxfpxzp/384926')} ` +
        '(International Poverty Reduction Center in China (IPRCC)). https://example.org/map?year=2011 (accessed 25 November 2026).',
    );
  });

  it('is Chinese in Chinese, with the original English title kept beside our translation', () => {
    const state = { ...defaultState('zh'), categories: ['disaster_relief'], title: '宁波抗旱' };
    const text = citation(model, frameFor(state), 'https://example.org/', day);
    expect(text).toContain('宁波抗旱：帮扶资金，全部年份（2009—2011年），救灾。');
    expect(text).toContain(`《中国扶贫开发年鉴》2011年卷（英文网络版）“宁波—贵州对口帮扶”（2010年条目；原题“Ningbo-Guizhou Pairing-off Poverty Alleviation”），${url('2011njyw/wdxfpxzp/384926')}`);
    expect(text).toContain('（中国国际扶贫中心）');
    expect(text).toContain('访问日期：2026年11月25日');
    // Apart from the original titles and the links, no Latin letters.
    const rest = text.replace(/原题“[^”]*”/g, '').replace(/https:\/\/\S+?(?=[，；（）]|$)/g, '');
    expect(rest).not.toMatch(/[A-Za-z]/);
  });
});
