import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FIRST_VIEW_SCRIPT } from '../../scripts/first-view.ts';
import { IMPORT_KEY } from '../../src/import/store.ts';
import { browserLang, defaultState, parseState, serializeState } from '../../src/state/url-state.ts';

const LATER = [
  { 'data-later': 'script', href: './assets/index-a.js' },
  { 'data-later': 'modulepreload', href: './assets/model-b.js' },
  { 'data-later': 'preload', href: './assets/data-c.json', as: 'fetch' },
];

type Made = { tagName: string; type?: string; src?: string; rel?: string; href?: string; crossOrigin?: string; as?: string };

/**
 * Runs the first view's inline script as a page would, before the app: the language it sets, whether
 * it leaves the first view on, what it writes into the page, and what it adds to <head> once the
 * first paint is reported (`paint`) or its fallback timer fires (`timer`).
 */
function run(search: string, languages: string[], stored: string | null = null, mapShown = true) {
  const classes = new Set<string>();
  const html = { lang: 'en', classList: { add: (c: string) => classes.add(c) } };
  const written: string[] = [];
  const added: Made[] = [];
  const observers: ((list: { getEntriesByName(n: string): unknown[] }) => void)[] = [];
  const timers: (() => void)[] = [];
  const listeners: (() => void)[] = [];
  const document = {
    documentElement: html,
    // The first view's map, which the page's CSS shows or hides by the size of the window.
    querySelector: (sel: string) => (sel === `.first-view[data-lang="${html.lang === 'en' ? 'en' : 'zh'}"] .first-view-map` ? { checkVisibility: () => mapShown } : null),
    write: (s: string) => written.push(s),
    querySelectorAll: (sel: string) => (sel === 'link[data-later]' ? LATER.map((a) => ({ getAttribute: (k: string) => (a as Record<string, string>)[k] ?? null })) : []),
    createElement: (tag: string) => {
      const e: Made = { tagName: tag.toUpperCase() };
      // Not copied with the element's properties below: the test compares what was set.
      Object.defineProperty(e, 'setAttribute', { value: (k: string, v: string) => k === 'as' && (e.as = v) });
      return e;
    },
    head: { appendChild: (e: Made) => added.push({ ...e }) },
    addEventListener: (type: string, f: () => void) => type === 'DOMContentLoaded' && listeners.push(f),
  };
  runInNewContext(FIRST_VIEW_SCRIPT, {
    document,
    location: { search },
    navigator: { languages },
    sessionStorage: { getItem: (k: string) => (k === IMPORT_KEY ? stored : null) },
    URLSearchParams,
    String,
    setTimeout: (f: () => void) => timers.push(f),
    PerformanceObserver: class {
      constructor(f: (typeof observers)[number]) {
        observers.push(f);
      }
      observe() {}
    },
  });
  return {
    lang: html.lang,
    on: !classes.has('first-view-off'),
    written,
    added,
    paint: () => observers.forEach((f) => f({ getEntriesByName: (n) => (n === 'first-contentful-paint' ? [{}] : []) })),
    timer: () => timers.forEach((f) => f()),
    parsed: () => listeners.forEach((f) => f()),
  };
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
    expect(run('', ['zh-CN'])).toMatchObject({ lang: 'zh-Hans', on: true });
    expect(run('?lang=en', ['zh-CN'])).toMatchObject({ lang: 'en', on: true });
    expect(run('?lang=zh', [])).toMatchObject({ lang: 'zh-Hans', on: true });
  });

  it('turns it off while the user’s own files are open in the tab', () => {
    expect(run('', ['en'], '{"mode":"replace","files":[]}').on).toBe(false);
  });

  it('holds the first paint for the shown language’s view alone, and loads the app once that paint is reported', () => {
    for (const [languages, lang] of [[['en'], 'en'], [['zh-CN'], 'zh']] as const) {
      const page = run('', [...languages]);
      expect(page.written).toEqual([`<link rel="expect" href="#first-view-end-${lang}" blocking="render">`]);
      page.paint();
      expect(page.added).toEqual([]);
      page.parsed();
      expect(page.added).toEqual([]);
      page.paint();
      expect(page.added).toEqual([
        { tagName: 'SCRIPT', type: 'module', src: './assets/index-a.js', crossOrigin: 'anonymous' },
        { tagName: 'LINK', rel: 'modulepreload', href: './assets/model-b.js', crossOrigin: 'anonymous' },
        { tagName: 'LINK', rel: 'preload', href: './assets/data-c.json', as: 'fetch', crossOrigin: 'anonymous' },
      ]);
      // Once only, whatever comes after.
      page.paint();
      page.timer();
      expect(page.added).toHaveLength(3);
    }
  });

  it('loads the app as soon as the page is parsed where the window hides the first view’s map, and without a reported paint after its timer', () => {
    const hidden = run('', ['en'], null, false);
    hidden.parsed();
    expect(hidden.added).toHaveLength(3);
    const unpainted = run('', ['en']);
    unpainted.parsed();
    expect(unpainted.added).toEqual([]);
    unpainted.timer();
    expect(unpainted.added).toHaveLength(3);
  });

  it('writes the app’s tags into the page at once where the first view is off, as the build wrote them', () => {
    const page = run('?year=2010', ['en']);
    expect(page.on).toBe(false);
    expect(page.written).toEqual([
      '<script type="module" crossorigin src="./assets/index-a.js"></script>',
      '<link rel="modulepreload" crossorigin href="./assets/model-b.js">',
      '<link rel="preload" crossorigin href="./assets/data-c.json" as="fetch">',
    ]);
    page.paint();
    page.timer();
    expect(page.added).toEqual([]);
  });
});
