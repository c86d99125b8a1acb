import { describe, expect, it } from 'vitest';
import { browserLang, defaultState, parseState, serializeState, type Vocabulary } from '../../src/state/url-state.ts';

const vocab: Vocabulary = {
  years: [2010, 2011],
  categories: ['education', 'government_funds'],
  metrics: ['funds_cny', 'projects'],
  places: new Set(['520422', '370200']),
  stories: ['tour'],
};

describe('URL state', () => {
  it('reads every key of a full link', () => {
    const { state, ignored } = parseState(
      '?lang=zh&year=2011&category=government_funds,education&metric=projects&place=520422&view=guizhou&at=106.7,26.6,7.5&scale=filter&table=1&embed=1&title=Hi&interactive=0&story=tour&step=2&subtitle=Sub&note=N&bg=transparent',
      vocab,
      'en',
    );
    expect(ignored).toEqual([]);
    expect(state).toEqual({
      lang: 'zh',
      year: 2011,
      categories: ['education', 'government_funds'],
      metric: 'projects',
      place: '520422',
      view: 'guizhou',
      camera: { lon: 106.7, lat: 26.6, zoom: 7.5 },
      rescale: true,
      table: true,
      embed: true,
      title: 'Hi',
      interactive: false,
      story: 'tour',
      step: 1,
      subtitle: 'Sub',
      note: 'N',
      transparent: true,
    });
  });

  it('ignores what it does not understand, says so, and keeps the rest', () => {
    const { state, ignored } = parseState('?year=1900&place=999999&metric=villages_surveyed&at=106,26,40&foo=bar&category=education,nope&lang=fr&year=2010', vocab, 'en');
    expect(state.year).toBe('all');
    expect(state.place).toBeNull();
    expect(state.metric).toBe('funds_cny');
    expect(state.camera).toBeNull();
    expect(state.categories).toEqual([]);
    expect(state.lang).toBe('en');
    expect(ignored).toEqual([
      'year=1900',
      'place=999999',
      'metric=villages_surveyed',
      'at=106,26,40',
      'foo=bar',
      'category=education,nope',
      'lang=fr',
      'year=2010',
    ]);
  });

  it('shortens very long values in the notice and ignores them', () => {
    const { ignored, state } = parseState(`?title=${'x'.repeat(500)}`, vocab, 'en');
    expect(state.title).toBeNull();
    expect(ignored[0]!.length).toBeLessThan(50);
  });

  it('reads an export request', () => {
    const { state, command, ignored } = parseState('?export=png&size=1920x1080', vocab, 'en');
    expect(command).toEqual({ format: 'png', size: { width: 1920, height: 1080 } });
    expect(state).toEqual(defaultState('en'));
    expect(parseState('?export=gif&size=99999x1', vocab, 'en').ignored).toEqual(['export=gif', 'size=99999x1']);
    expect(ignored).toEqual([]);
  });

  it('round-trips: parsing what it writes gives the same state', () => {
    const s = { ...defaultState('zh'), year: 2010, categories: ['education'], place: '370200', camera: { lon: 110.1234, lat: 30.5, zoom: 5.25 } };
    expect(parseState(serializeState(s), vocab, 'en').state).toEqual(s);
    expect(serializeState(defaultState('en'))).toBe('lang=en');
  });

  it('takes the language from the browser when the link does not say', () => {
    expect(browserLang(['zh-CN', 'en'])).toBe('zh');
    expect(browserLang(['de-DE', 'en-GB'])).toBe('en');
    expect(browserLang(['fr'])).toBe('en');
  });
});
