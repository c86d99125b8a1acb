import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/i18n/messages.ts';
import { PRESETS } from '../../src/export/layout.ts';
import { mapFileName, offlineFileName, slideFileName, storyDeckFileName, tableFileName, type MapFileState } from '../../src/view/file-names.ts';

const base: MapFileState = { view: 'guizhou', camera: null, place: null, year: 'all', categories: [], metric: 'funds_cny' };
const SAFE = /^[a-z0-9][a-z0-9.+-]*\.(png|svg|pptx|csv|html)$/;

describe('file names', () => {
  it('say view, year, kinds of aid, measure, size and language', () => {
    expect(mapFileName({ ...base, year: 2011 }, { ext: 'png', size: { width: 1920, height: 1080 }, lang: 'en' })).toBe('guizhou-pairing-guizhou-view-2011-all-aid-funds-1920x1080-en.png');
    expect(
      mapFileName({ ...base, view: 'overview', categories: ['government_funds', 'education'], metric: 'people_trained', place: '520422' }, { ext: 'svg', size: { width: 1080, height: 1350 }, lang: 'zh', transparent: true }),
    ).toBe('guizhou-pairing-overview-all-education+government-funds-people-trained-place-520422-1080x1350-transparent-zh.svg');
    expect(mapFileName({ ...base, camera: { lon: 107.123, lat: 26.5, zoom: 6.84 } }, { ext: 'png', size: { width: 1080, height: 1080 }, lang: 'en' })).toBe(
      'guizhou-pairing-guizhou-view-at-107.12e-26.50n-z6.8-all-all-aid-funds-1080x1080-en.png',
    );
    expect(slideFileName({ ...base, year: 2011 }, 'zh')).toBe('guizhou-pairing-guizhou-view-2011-all-aid-funds-slide-16x9-zh.pptx');
    expect(storyDeckFileName('tour', 'en')).toBe('guizhou-pairing-story-tour-16x9-en.pptx');
    expect(tableFileName({ ...base, year: 2010 }, 'en')).toBe('guizhou-pairing-table-2010-all-aid-funds-en.csv');
  });

  it('never give two different exports one name', () => {
    // Every combination of the parts a map image depends on, at every preset size, in both languages.
    const states: MapFileState[] = [];
    for (const view of ['guizhou', 'overview'] as const)
      for (const camera of [null, { lon: 107, lat: 26.5, zoom: 6 }, { lon: 107, lat: 26.5, zoom: 7 }, { lon: 120.4, lat: 36.1, zoom: 6 }])
        for (const place of [null, '520422', '520400'])
          for (const year of ['all', 2009, 2010, 2011] as const)
            for (const categories of [[], ['education'], ['government_funds'], ['education', 'government_funds']])
              for (const metric of ['funds_cny', 'investment_cny', 'projects']) states.push({ view, camera, place, year, categories, metric });
    const names = new Set<string>();
    let count = 0;
    for (const s of states)
      for (const size of PRESETS)
        for (const lang of LANGS)
          for (const ext of ['png', 'svg'] as const)
            for (const transparent of [false, true]) {
              const n = mapFileName(s, { ext, size, lang, transparent });
              expect(n).toMatch(SAFE);
              names.add(n);
              count++;
            }
    expect(names.size).toBe(count);
    const slides = new Set(states.flatMap((s) => LANGS.map((l) => slideFileName(s, l))));
    expect(slides.size).toBe(states.length * LANGS.length);
    const tables = new Set(states.filter((s) => s.view === 'guizhou' && s.camera === null && s.place === null).flatMap((s) => LANGS.map((l) => tableFileName(s, l))));
    expect(tables.size).toBe(4 * 4 * 3 * LANGS.length);
    for (const n of [...slides, ...tables]) expect(n).toMatch(SAFE);
  });

  it('are safe slugs whatever ids a user brings', () => {
    const odd = mapFileName({ ...base, categories: ['教育', 'A b/c\\d'], metric: '../../etc', place: 'x"y' }, { ext: 'png', size: { width: 1200, height: 900 }, lang: 'zh' });
    expect(odd).toMatch(SAFE);
    expect(odd).not.toMatch(/\.\.|\/|\\|"/);
    expect(mapFileName({ ...base, categories: ['教育'] }, { ext: 'png', size: { width: 1, height: 1 }, lang: 'en' })).not.toBe(
      mapFileName({ ...base, categories: ['扶贫'] }, { ext: 'png', size: { width: 1, height: 1 }, lang: 'en' }),
    );
    expect(storyDeckFileName('My Story!', 'en')).toMatch(SAFE);
  });

  it('name an offline copy after the data it holds', () => {
    expect(offlineFileName('guizhou-pairing-map.html', null)).toBe('guizhou-pairing-map.html');
    const a = offlineFileName('guizhou-pairing-map.html', '{"a":1}');
    expect(a).toMatch(/^guizhou-pairing-map-own-data-[0-9a-f]{8}\.html$/);
    expect(offlineFileName('guizhou-pairing-map.html', '{"a":1}')).toBe(a);
    expect(offlineFileName('guizhou-pairing-map.html', '{"a":2}')).not.toBe(a);
  });
});
