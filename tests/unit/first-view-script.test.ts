import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FIRST_VIEW_SCRIPT } from '../../scripts/first-view.ts';
import { IMPORT_KEY } from '../../src/import/store.ts';
import { browserLang, defaultState, parseState, serializeState } from '../../src/state/url-state.ts';

/** Runs the first view's inline script as a page would, before the app: the language it sets, and whether it leaves the first view on. */
function run(search: string, languages: string[], stored: string | null = null) {
  const classes = new Set<string>();
  const html = { lang: 'en', classList: { add: (c: string) => classes.add(c) } };
  runInNewContext(FIRST_VIEW_SCRIPT, {
    document: { documentElement: html },
    location: { search },
    navigator: { languages },
    sessionStorage: { getItem: (k: string) => (k === IMPORT_KEY ? stored : null) },
    URLSearchParams,
    String,
  });
  return { lang: html.lang, on: !classes.has('first-view-off') };
}

const vocab = { years: [2010, 2011], categories: ['industry'], metrics: ['funds_cny', 'projects'], places: new Set(['520103']) };
const SEARCHES = ['', '?lang=en', '?lang=zh', '?lang=fr', '?lang=zh&year=2010', '?embed=1', '?lang=en&lang=zh', '?view=guizhou', '?place=520103', '?story=x&step=1', '?metric=funds_cny', '?LANG=zh'];
const LANGUAGES = [['zh-CN', 'en'], ['en-GB', 'zh-CN'], ['en-US'], ['fr-FR', 'zh-TW'], ['de'], []];

describe('the first view’s inline script', () => {
  it('picks the language the app picks, and leaves the first view on only for the default view the app then keeps', () => {
    for (const search of SEARCHES) {
      for (const languages of LANGUAGES) {
        const { state } = parseState(search, vocab, browserLang(languages));
        const script = run(search, languages);
        const appKeeps = serializeState(state) === serializeState(defaultState(state.lang));
        expect(script.lang, `${search} ${languages.join()}`).toBe(state.lang === 'zh' ? 'zh-Hans' : 'en');
        if (script.on) expect(appKeeps, search).toBe(true);
      }
    }
  });

  it('leaves it on for a plain link and a link that only names the language', () => {
    expect(run('', ['zh-CN'])).toEqual({ lang: 'zh-Hans', on: true });
    expect(run('?lang=en', ['zh-CN'])).toEqual({ lang: 'en', on: true });
    expect(run('?lang=zh', [])).toEqual({ lang: 'zh-Hans', on: true });
  });

  it('turns it off while the user’s own files are open in the tab', () => {
    expect(run('', ['en'], '{"mode":"replace","files":[]}').on).toBe(false);
  });
});
