import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deferAppTags, FIRST_VIEW_SCRIPT, FIRST_VIEW_SELECT_SCRIPT, FIRST_VIEW_WRITE_SCRIPT, firstViewScriptHashes, viewFile, viewFiles } from '../../scripts/first-view.ts';
import { partnerPlaces } from '../../scripts/draw-first-view.ts';
import { shippedModel } from './fixtures.ts';
import { EMBED_FIT_JS, EMBED_REFERENCES, filterFirstViews, firstViewFitCss, PANEL_WIDTH, PRESENT_REFERENCES } from '../../scripts/first-view-kinds.ts';
import { IMPORT_KEY } from '../../src/import/store.ts';
import { drawnAtBuild, FIRST_VIEW_PLACE } from '../../src/state/first-view-state.ts';
import { browserLang, parseState } from '../../src/state/url-state.ts';

const LATER = [
  { 'data-later': 'script', href: './assets/index-a.js' },
  { 'data-later': 'modulepreload', href: './assets/model-b.js' },
  { 'data-later': 'preload', href: './assets/data-c.json', as: 'fetch' },
  { 'data-later': 'preload', href: './assets/geo-d.json', as: 'fetch', 'data-at-paint': '' },
];

type Made = { tagName: string; type?: string; src?: string; rel?: string; href?: string; crossOrigin?: string; as?: string };

/**
 * Runs the first view's inline script as a page would, before the app: the language it sets, whether
 * it leaves the first view on, what it writes into the page, and what it adds to <head> once the
 * first paint is reported (`paint`) or its fallback timer fires (`timer`).
 */
function run(search: string, languages: string[], stored: string | null = null, mapShown = true, window = { innerWidth: 1280, innerHeight: 800 }) {
  const classes = new Set<string>();
  const attributes = new Map<string, string>();
  const html = { lang: 'en', size: '', classList: { add: (c: string) => classes.add(c) }, setAttribute(k: string, v: string) { if (k === 'data-first-view-size') this.size = v; attributes.set(k, v); }, removeAttribute: (k: string) => attributes.delete(k) };
  const written: string[] = [];
  const added: Made[] = [];
  const observers: ((list: { getEntriesByName(n: string): unknown[] }) => void)[] = [];
  const timers: (() => void)[] = [];
  // Animation frames, and the tasks queued from them without a delay.
  const frames: (() => void)[] = [];
  const soon: (() => void)[] = [];
  const listeners: (() => void)[] = [];
  const clicks: ((e: unknown) => void)[] = [];
  let viewInPage = true;
  const document = {
    documentElement: html,
    // The first view's map, which the page's CSS shows or hides by the size of the window.
    querySelector: (sel: string) =>
      sel === `.first-view[data-lang="${html.lang === 'en' ? 'en' : 'zh'}"] .first-view-map`
        ? { checkVisibility: () => mapShown }
        : sel === '.first-view-map' && viewInPage
          ? {}
          : sel === 'meta[name="first-view-partners"]'
            ? { content: '330200 370200 370212' }
            : sel === 'meta[name="first-view-covered-standard-en"]'
              ? { content: '522627 522631' }
              : null,
    write: (s: string) => written.push(s),
    querySelectorAll: (sel: string) => (sel === 'link[data-later]' ? LATER.map((a) => ({ getAttribute: (k: string) => (a as Record<string, string>)[k] ?? null })) : []),
    createElement: (tag: string) => {
      const e: Made = { tagName: tag.toUpperCase() };
      // Not copied with the element's properties below: the test compares what was set.
      Object.defineProperty(e, 'setAttribute', { value: (k: string, v: string) => k === 'as' && (e.as = v) });
      return e;
    },
    head: { appendChild: (e: Made) => added.push({ ...e }) },
    addEventListener: (type: string, f: () => void) => (type === 'DOMContentLoaded' ? listeners.push(f) : type === 'click' && clicks.push(f)),
  };
  runInNewContext(FIRST_VIEW_SCRIPT, {
    document,
    location: { search },
    navigator: { languages },
    sessionStorage: { getItem: (k: string) => (k === IMPORT_KEY ? stored : null) },
    URLSearchParams,
    String,
    self: {},
    ...window,
    setTimeout: (f: () => void, ms?: number) => (ms ? timers : soon).push(f),
    requestAnimationFrame: (f: () => void) => frames.push(f),
    PerformanceObserver: class {
      constructor(f: (typeof observers)[number]) {
        observers.push(f);
      }
      observe() {}
    },
  });
  return {
    lang: html.lang,
    size: html.size,
    on: !classes.has('first-view-off'),
    embed: classes.has('embed'),
    /** The place it leaves for the view's outline (FIRST_VIEW_SELECT_SCRIPT). */
    place: attributes.get('data-first-view-place') ?? null,
    written,
    added,
    paint: () => observers.forEach((f) => f({ getEntriesByName: (n) => (n === 'first-contentful-paint' ? [{}] : []) })),
    timer: () => timers.forEach((f) => f()),
    /** The first frame after the page is parsed: the one that paints the view, its main-thread work done. */
    frame: () => {
      frames.splice(0).forEach((f) => f());
      soon.splice(0).forEach((f) => f());
    },
    parsed: () => listeners.forEach((f) => f()),
    /** A click at (x, y), with the first view's map still in the page or not: the click it kept for the app, if any. */
    click: (x: number, y: number, inPage = true) => {
      viewInPage = inPage;
      clicks.forEach((f) => f({ clientX: x, clientY: y }));
      return attributes.get('data-first-click') ?? null;
    },
  };
}

/** The first view the script names for a link in a window (English browser), or 'off'. */
const viewAt = (search: string, innerWidth = 1280, innerHeight = 800) => {
  const r = run(search, ['en'], null, true, { innerWidth, innerHeight });
  return r.on ? r.size : 'off';
};

const vocab = { years: [2010, 2011], categories: ['industry'], metrics: ['funds_cny', 'projects'], places: new Set(['520103', '520100', '520000']) };
const SEARCHES = ['', '?lang=en', '?lang=zh', '?lang=fr', '?lang=zh&year=2010', '?year=2010&category=industry', '?category=industry&lang=zh', '?year=all&category=industry', '?year=2010&year=2011', '?category=industry,x', '?year=2010&category=industry&metric=projects', '?year=2010&place=520103', '?year=1900', '?category=Industry', '?embed=1', '?embed=1&lang=zh', '?embed=0', '?embed=true', '?embed=1&year=2010', '?embed=1&interactive=0', '?lang=en&lang=zh', '?view=guizhou', '?place=520103', '?place=520100', '?place=520000', '?place=520103&place=520103', '?embed=1&place=520103', '?lang=zh&year=2011&place=520103', '?story=x&step=1', '?metric=funds_cny', '?LANG=zh'];
const LANGUAGES = [['zh-CN', 'en'], ['en-GB', 'zh-CN'], ['en-US'], ['fr-FR', 'zh-TW'], ['de'], []];

// What the script adds to <head> for LATER: the app's script, and the module and data it preloads.
const APP_SCRIPT = { tagName: 'SCRIPT', type: 'module', src: './assets/index-a.js', crossOrigin: 'anonymous' };
const APP_PRELOADS = [
  { tagName: 'LINK', rel: 'modulepreload', href: './assets/model-b.js', crossOrigin: 'anonymous' },
  { tagName: 'LINK', rel: 'preload', href: './assets/data-c.json', as: 'fetch', crossOrigin: 'anonymous' },
];
const GEOMETRY_PRELOAD = { tagName: 'LINK', rel: 'preload', href: './assets/geo-d.json', as: 'fetch', crossOrigin: 'anonymous' };

describe('the first view’s inline script', () => {
  it('keeps a click made while the first view’s map is in the page, for the app to answer on its own map', () => {
    const page = run('?lang=en', ['en']);
    expect(page.click(412, 380.5)).toBe('412,380.5');
    // The last click counts; once the first view's map is gone, clicks are the app's.
    expect(page.click(500, 300)).toBe('500,300');
    expect(page.click(20, 20, false)).toBe('500,300');
    // Another link has no first view.
    expect(run('?lang=en&place=520422&metric=projects', ['en']).click(412, 380)).toBeNull();
  });

  it('picks the language the app picks, and leaves the first view on only for the default view, it embedded or filtered, that the app then keeps', () => {
    for (const search of SEARCHES) {
      for (const languages of LANGUAGES) {
        const { state } = parseState(search, vocab, browserLang(languages));
        const script = run(search, languages);
        const appKeeps = drawnAtBuild(state, undefined);
        expect(script.lang, `${search} ${languages.join()}`).toBe(state.lang === 'zh' ? 'zh-Hans' : 'en');
        if (script.on) expect(appKeeps, search).toBe(true);
      }
    }
  });

  it('leaves a place the link opens for the view to outline, and the app keeps that view with the place open', () => {
    const page = run('?lang=en&year=2010&place=520422', ['en']);
    expect(page).toMatchObject({ on: true, size: 'filter-2010-all-standard', place: '520422' });
    expect(drawnAtBuild(parseState('?lang=en&year=2010&place=520422', { ...vocab, places: new Set(['520422']) }, 'en').state, undefined)).toBe(true);
    expect(run('?lang=en&year=2010&place=5204', ['en'])).toMatchObject({ on: false, place: null });
    // A partner city's place, which the page names: the live map composes the view beside the panel for it.
    expect(run('?lang=en&place=370212', ['en'])).toMatchObject({ on: false, place: null });
    expect(run('?lang=en&year=2011&place=370200', ['en'])).toMatchObject({ on: false, place: null });
    const partners = partnerPlaces(shippedModel());
    expect(partners).toEqual(expect.arrayContaining(['330200', '370200', '370212']));
    expect(partners.filter((id) => id.startsWith('52'))).toEqual([]);
    // A place the panel would cover in the view drawn for the window's size (the page names them, by
    // size and language): the live map pans to it, so the app draws it at once.
    expect(run('?lang=en&place=522627', ['en'])).toMatchObject({ on: false, place: null });
    expect(run('?lang=en&year=2010&place=522631', ['en'])).toMatchObject({ on: false });
    expect(run('?lang=en&place=522627', ['en'], null, true, { innerWidth: 1920, innerHeight: 1080 })).toMatchObject({ on: true, place: '522627' });
    expect(run('?lang=zh&place=522627', ['en'])).toMatchObject({ on: true, place: '522627' });
    // The panel's width the build asks that question with is the page's.
    expect(readFileSync('src/styles/page.css', 'utf8')).toContain(`--panel: ${PANEL_WIDTH}px;`);
    // The rule by id: every place's id.
    const places = readFileSync('data/places.csv', 'utf8').trim().split('\n').slice(1).map((row) => row.split(','));
    for (const [id, level] of places) expect(FIRST_VIEW_PLACE.test(id!), `${id} ${level}`).toBe(true);
  });

  it('names a story step’s view for present mode’s map area (the window under the header), and none for a story link with anything else', () => {
    expect(viewAt('?lang=en&story=tour&step=3')).toBe('story-tour-3-standard');
    expect(viewAt('?story=tour&lang=zh&step=6', 1920, 1080)).toBe('story-tour-6-large');
    // The link's first step need not be named.
    expect(viewAt('?story=tour')).toBe('story-tour-1-standard');
    // Near neither size, embedded, filtered, or a name that is no story's: the app draws it.
    expect(viewAt('?lang=en&story=tour&step=3', 700, 900)).toBe('off');
    expect(viewAt('?embed=1&story=tour&step=3')).toBe('off');
    expect(viewAt('?story=tour&step=3&year=2010')).toBe('off');
    expect(viewAt('?story=a%22b&step=1')).toBe('off');
    expect(viewAt('?story=tour&step=0')).toBe('off');
    expect(viewAt('?step=2')).toBe('off');
  });

  it('names a filtered view by its year and kind of aid at the window’s reference size, and none for a link with anything else', () => {
    expect(viewAt('?lang=zh&year=2011&category=education')).toBe('filter-2011-education-standard');
    expect(viewAt('?category=education&year=2011', 1920, 1080)).toBe('filter-2011-education-large');
    expect(viewAt('?year=2010')).toBe('filter-2010-all-standard');
    expect(viewAt('?category=industry&year=all')).toBe('filter-all-industry-standard');
    // All years named is the default view.
    expect(viewAt('?year=all')).toBe('standard');
    // A place open: the same view, which the page outlines it on.
    expect(viewAt('?lang=en&year=2010&place=520422')).toBe('filter-2010-all-standard');
    expect(viewAt('?place=520102')).toBe('standard');
    expect(viewAt('?year=2010&place=520400')).toBe('filter-2010-all-standard');
    // Not a partner city's place, which its inset shows beside the panel once the live map composes the view for it.
    expect(viewAt('?place=370200')).toBe('off');
    expect(viewAt('?year=2011&place=370212')).toBe('off');
    expect(viewAt('?year=2011&place=520000')).toBe('filter-2011-all-standard');
    // Several kinds, a year named twice, a value no view could have, another filter, a place named
    // twice or over an embed or a story: the app draws it.
    for (const search of ['?category=industry,education', '?year=2010&year=2011', '?year=20100', '?category=a%22b', '?year=2010&metric=projects', '?place=520422&metric=projects', '?place=520422&place=520423', '?place=52042', '?place=520422%22', '?embed=1&place=520422', '?embed=1&year=2010', '?story=tour&step=2&year=2010', '?story=tour&step=2&place=520422'])
      expect(viewAt(search), search).toBe('off');
    // A window near neither size: the 1280×800 one, whose map its CSS hides (below).
    expect(viewAt('?year=2010', 1600, 900)).toBe('filter-2010-all-standard');
  });

  it('has the build draw every filtered view but the default one, at both sizes, and none for data with many years', () => {
    const kinds = filterFirstViews([2009, 2010, 2011], ['education', 'industry']);
    expect(kinds.map((k) => k.id).sort()).toEqual(
      ['2009-all', '2009-education', '2009-industry', '2010-all', '2010-education', '2010-industry', '2011-all', '2011-education', '2011-industry', 'all-education', 'all-industry'].flatMap((f) => [`filter-${f}-large`, `filter-${f}-standard`]).sort(),
    );
    // The name the inline script asks for is the view drawn for that filter.
    for (const k of kinds) expect(k.id).toBe(`filter-${k.filter!.year}-${k.filter!.category ?? 'all'}-${k.filter!.size}`);
    const years = Array.from({ length: 20 }, (_, i) => 2001 + i);
    // Past MAX_FILTERS, a year's and a kind's own views; past it again, none.
    const kinds20 = ['education', 'industry', 'water', 'roads'];
    const some = filterFirstViews(years, kinds20).filter((k) => k.filter!.size === 'standard');
    expect(some).toHaveLength(20 + 4);
    expect(some.every((k) => k.filter!.year === 'all' || k.filter!.category === null)).toBe(true);
    const many = Array.from({ length: 50 }, (_, i) => 1971 + i);
    expect(filterFirstViews(many, Array.from({ length: 11 }, (_, i) => `kind_${i}`))).toHaveLength(0);
  });

  it('leaves it on for a plain link and a link that only names the language', () => {
    expect(run('', ['zh-CN'])).toMatchObject({ lang: 'zh-Hans', on: true });
    expect(run('?lang=en', ['zh-CN'])).toMatchObject({ lang: 'en', on: true });
    expect(run('?lang=zh', [])).toMatchObject({ lang: 'zh-Hans', on: true });
  });

  it('picks an embed’s first view by its frame’s map area, and none for a frame far from every size drawn', () => {
    const embed = (w: number, h: number, search = '?embed=1') => run(search, ['en'], null, true, { innerWidth: w, innerHeight: h });
    // Drawn for these frames: shown as drawn.
    expect(embed(400, 300)).toMatchObject({ on: true, embed: true, size: 'embed-400' });
    expect(embed(1280, 800, '?embed=1&lang=zh')).toMatchObject({ on: true, lang: 'zh-Hans', size: 'embed-1280' });
    // Near a size drawn (scaled to its map area, which a short frame makes wider than 62 % of it).
    expect(embed(450, 360)).toMatchObject({ on: true, size: 'embed-400' });
    expect(embed(1000, 600)).toMatchObject({ on: true, size: 'embed-1000' });
    // Too wide for the largest, too small for the smallest, or far too flat: the app draws it.
    for (const [w, h] of [[1600, 900], [320, 240], [1000, 200]] as const) expect(embed(w, h), `${w}×${h}`).toMatchObject({ on: false, size: '' });
    // Another view embedded, or not an embed: as before.
    expect(embed(400, 300, '?embed=1&year=2010')).toMatchObject({ on: false, embed: true });
    expect(embed(400, 300, '?embed=0')).toMatchObject({ on: false, embed: false });
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
      expect(page.added).toEqual([APP_SCRIPT, ...APP_PRELOADS, GEOMETRY_PRELOAD]);
      // Once only, whatever comes after.
      page.paint();
      page.timer();
      expect(page.added).toHaveLength(4);
    }
  });

  it('fetches the app once the frame that paints the view has been made, and runs it once that paint is reported', () => {
    const page = run('', ['en']);
    page.parsed();
    expect(page.added).toEqual([]);
    page.frame();
    // Fetched, the script as a module preload, which is not run; the geometry, which a click does not wait for, not yet.
    expect(page.added).toEqual([{ tagName: 'LINK', rel: 'modulepreload', href: './assets/index-a.js', crossOrigin: 'anonymous' }, ...APP_PRELOADS]);
    page.paint();
    expect(page.added.slice(3)).toEqual([APP_SCRIPT, GEOMETRY_PRELOAD]);
    // Once only, whatever comes after.
    page.frame();
    page.paint();
    page.timer();
    expect(page.added).toHaveLength(5);
  });

  it('loads the app as soon as the page is parsed where the window hides the first view’s map, and without a reported paint after its timer', () => {
    const hidden = run('', ['en'], null, false);
    hidden.parsed();
    hidden.frame();
    expect(hidden.added).toHaveLength(4);
    const unpainted = run('', ['en']);
    unpainted.parsed();
    expect(unpainted.added).toEqual([]);
    unpainted.timer();
    expect(unpainted.added).toHaveLength(4);
    // A frame made after that fetches nothing again.
    unpainted.frame();
    expect(unpainted.added).toHaveLength(4);
  });

  it('writes the app’s tags at once, and still holds the paint for the view, where the window is one its map cannot show in', () => {
    const windows = [{ innerWidth: 1600, innerHeight: 900 }, { innerWidth: 390, innerHeight: 844 }, { innerWidth: 1280, innerHeight: 600 }, { innerWidth: 2560, innerHeight: 1440 }];
    // The default link, and a filtered one (the 1280×800 view of its filter).
    const links = [['', ''], ['?year=2010&category=industry', 'filter-2010-industry-standard']] as const;
    for (const [window, [search, size]] of windows.flatMap((w) => links.map((l) => [w, l] as const))) {
      const page = run(search, ['en'], null, true, window);
      expect(page.on).toBe(true);
      expect(page.size).toBe(size);
      expect(page.written[0]).toBe('<link rel="expect" href="#first-view-end-en" blocking="render">');
      expect(page.written.slice(1)).toHaveLength(4);
      page.parsed();
      page.paint();
      expect(page.added).toEqual([]);
    }
    // 1440 × 900 (the benchmark's window) and 1680 × 1050 are ones it scales to, from its two sizes.
    expect(run('', ['en'], null, true, { innerWidth: 1440, innerHeight: 900 })).toMatchObject({ size: 'standard', written: [expect.any(String)] });
    expect(run('', ['en'], null, true, { innerWidth: 1680, innerHeight: 1050 })).toMatchObject({ size: 'large', written: [expect.any(String)] });
    expect(run('', ['zh-CN'], null, true, { innerWidth: 1920, innerHeight: 1080 })).toMatchObject({ size: 'large', written: [expect.any(String)] });
  });

  it('writes the app’s tags into the page at once where the first view is off, as the build wrote them', () => {
    const page = run('?year=2010&place=520422&metric=projects', ['en']);
    expect(page.on).toBe(false);
    expect(page.written).toEqual([
      '<script type="module" crossorigin src="./assets/index-a.js"></script>',
      '<link rel="modulepreload" crossorigin href="./assets/model-b.js">',
      '<link rel="preload" crossorigin href="./assets/data-c.json" as="fetch">',
      '<link rel="preload" crossorigin href="./assets/geo-d.json" as="fetch">',
    ]);
    page.paint();
    page.timer();
    expect(page.added).toEqual([]);
  });
});

/** Runs the script in #app: what it writes for a language, a window size and a link (`off`: not the default one). */
function write(lang: 'en' | 'zh-Hans', off: boolean, size = 'standard', built: readonly string[] = ['standard', 'large'], place: string | null = null) {
  const written: string[] = [];
  const classes = new Set<string>();
  runInNewContext(FIRST_VIEW_WRITE_SCRIPT, {
    document: {
      documentElement: { lang, getAttribute: (k: string) => (k === 'data-first-view-size' ? size : k === 'data-first-view-place' ? place : null), classList: { contains: (c: string) => off && c === 'first-view-off', add: (c: string) => classes.add(c) } },
      querySelector: (sel: string) => {
        if (sel === 'meta[name="first-view-prefectures"]') return { content: '520100 520400' };
        const m = /data-first-view="([\w-]+)"\]\[data-lang="(\w+)"/.exec(sel);
        // The filtered views share their outlines' file.
        const href = m && `./assets/first-view-${m[2]}-${m[1] === 'large' ? 1920 : m[1] === 'standard' ? 1280 : m[1]}.js`;
        const outlines = m && m[1]!.startsWith('filter-') ? `./assets/first-view-outlines-${m[1]!.endsWith('large') ? 'large' : 'standard'}.js` : null;
        const prefectures = m && `./assets/first-view-prefectures-${m[2]}.js`;
        return m && built.includes(m[1]!) ? { getAttribute: (k: string) => (k === 'href' ? href : k === 'data-outlines' ? outlines : k === 'data-prefectures' ? prefectures : null) } : null;
      },
      write: (t: string) => written.push(t),
    },
  });
  // Whether it laid the page out as present mode, beside what it wrote.
  return Object.defineProperty(written, 'presenting', { value: classes.has('presenting') }) as string[] & { presenting: boolean };
}

describe('the first view’s files', () => {
  it('are loaded for a default link in the shown language at the window’s reference size (1280×800’s near neither), and for no other link', () => {
    expect(write('en', false)).toEqual(['<script src="./assets/first-view-en-1280.js"></script>']);
    expect(write('zh-Hans', false)).toEqual(['<script src="./assets/first-view-zh-1280.js"></script>']);
    expect(write('zh-Hans', false, 'large')).toEqual(['<script src="./assets/first-view-zh-1920.js"></script>']);
    // Near neither size: the 1280×800 view, whose map the page's CSS hides, for its header and sea.
    expect(write('en', false, '')).toEqual(['<script src="./assets/first-view-en-1280.js"></script>']);
    // A filtered view, named by the inline script, with its outlines' file.
    expect(write('en', false, 'filter-2011-education-large', ['filter-2011-education-large'])).toEqual([
      '<script src="./assets/first-view-outlines-large.js"></script><script src="./assets/first-view-en-filter-2011-education-large.js"></script>',
    ]);
    // A place open over it: the view, then the script that outlines the place, which the CSP allows by
    // its hash; for a prefecture the page names, the prefectures' outlines before it (not for a city).
    const filtered = ['filter-2010-all-standard'];
    const [outlines, view, select] = ['<script src="./assets/first-view-outlines-standard.js"></script>', '<script src="./assets/first-view-en-filter-2010-all-standard.js"></script>', `<script>${FIRST_VIEW_SELECT_SCRIPT}</script>`];
    expect(write('en', false, 'filter-2010-all-standard', filtered, '520422')).toEqual([outlines + view + select]);
    expect(write('en', false, 'filter-2010-all-standard', filtered, '370200')).toEqual([outlines + view + select]);
    expect(write('en', false, 'filter-2010-all-standard', filtered, '520400')).toEqual([`${outlines}${view}<script src="./assets/first-view-prefectures-en.js"></script>${select}`]);
    expect(firstViewScriptHashes).toContain(`'sha256-${createHash('sha256').update(FIRST_VIEW_SELECT_SCRIPT).digest('base64')}'`);
    // Any other link: nothing to fetch.
    expect(write('en', true)).toEqual([]);
    expect(write('en', true, 'large')).toEqual([]);
  });

  it('are loaded for a built-in story step as present mode lays it out, and not for a story the build did not draw', () => {
    const built = ['story-tour-3-standard'];
    const step = write('en', false, 'story-tour-3-standard', built);
    expect([...step]).toEqual(['<script src="./assets/first-view-en-story-tour-3-standard.js"></script>']);
    expect(step.presenting).toBe(true);
    const other = write('en', false, 'story-mine-1-standard', built);
    expect([...other]).toEqual([]);
    expect(other.presenting).toBe(false);
    expect(write('en', false).presenting).toBe(false);
  });

  it('are named by their content and write exactly their view', () => {
    const file = viewFile('en', 'large', '<p title="a">\u2028</script></p>');
    expect(file.fileName).toMatch(/^assets\/first-view-en-1920-[0-9a-f]{8}\.js$/);
    expect(viewFile('zh', 'standard', '<p></p>').fileName).toMatch(/^assets\/first-view-zh-1280-[0-9a-f]{8}\.js$/);
    const written: string[] = [];
    runInNewContext(file.source, { document: { write: (t: string) => written.push(t) } });
    expect(written).toEqual(['<p title="a">\u2028</script></p>']);
  });

  it('share their maps’ outlines where those are the same, and each still writes exactly its view', () => {
    const view = (fills: string[], d = 'M0 0l1 1') =>
      `<header>h</header><svg><g fill-rule="evenodd" class="areas"><g id="counties"><path fill="${fills[0]}" d="${d}"></path><path fill="${fills[1]}" d="M2 2"></path></g></g><g pointer-events="none" class="borders"><path fill="none" d="M3 3"></path></g><g class="lines"><path d="M "></path></g></svg>`;
    const views = [
      { lang: 'en', kind: 'filter-2010-all-standard', html: view(['#fff', 'url(#no-figure)']) },
      { lang: 'en', kind: 'filter-2011-education-standard', html: view(['#abc', '#def']) },
      { lang: 'zh', kind: 'filter-all-industry-standard', html: view(['#fff', '#123']) },
      { lang: 'en', kind: 'filter-2010-all-large', html: view(['#fff', '#fff'], 'M0 0l2 2') },
      { lang: 'en', kind: 'standard', html: view(['#fff', '#fff']) },
    ];
    const files = viewFiles(views);
    // The three filtered views with one map share a file; the fourth, alone with its outlines, and
    // the default view (whose outlines are theirs) are whole.
    expect(files.slice(0, 3).map((f) => f.outlines?.fileName)).toEqual(Array(3).fill(files[0]!.outlines!.fileName));
    expect(files[0]!.outlines!.fileName).toMatch(/^assets\/first-view-outlines-[0-9a-f]{8}\.js$/);
    expect(files[3]!.outlines).toBeUndefined();
    expect(files[4]!.outlines).toBeUndefined();
    files.forEach((file, i) => {
      const written: string[] = [];
      const self: Record<string, unknown> = {};
      const page = { self, document: { write: (t: string) => written.push(t) } };
      if (file.outlines) runInNewContext(file.outlines.source, page);
      runInNewContext(file.source, page);
      expect(written.join(''), views[i]!.kind).toBe(views[i]!.html);
      expect(file.source.length < views[i]!.html.length).toBe(file.outlines !== undefined);
    });
    // A filtered view drawn without the two groups fails the build (it would go whole, unnoticed); attributes in another order do not.
    expect(() => viewFiles([{ lang: 'en', kind: 'filter-2010-all-standard', html: '<svg><g class="lines"></g></svg>' }])).toThrow(/no areas and borders/);
    const reordered = (v: (typeof views)[number]) => ({ ...v, html: v.html.replace('<g fill-rule="evenodd" class="areas">', '<g class="areas" fill-rule="evenodd">') });
    expect(viewFiles([reordered(views[0]!), reordered(views[1]!)])[1]!.outlines).toBeDefined();
    // Its outlines' file missing (a failed request), a view writes nothing: the app draws the map.
    const written: string[] = [];
    runInNewContext(files[1]!.source, { self: {}, document: { write: (t: string) => written.push(t) } });
    expect(written).toEqual([]);
  });
});

describe('the app’s tags in the built page', () => {
  const built = [
    '<head>',
    '    <script type="module" crossorigin src="./assets/index-a.js"></script>',
    '    <link rel="modulepreload" crossorigin href="./assets/model-b.js">',
    '    <link rel="stylesheet" crossorigin href="./assets/index-c.css">',
    '    <link rel="preload" href="./assets/data-d.json" as="fetch" crossorigin="">',
    '    <link rel="preload" href="./assets/geo-e.json" as="fetch" crossorigin="" data-at-paint>',
    '  </head>',
  ].join('\n');

  it('are held back for the inline script, which comes before the stylesheet, itself written into the page', () => {
    const out = deferAppTags(built, (href) => (href === './assets/index-c.css' ? 'body{color:red}' : undefined));
    expect(out.replace(FIRST_VIEW_SCRIPT, '')).not.toMatch(/<script type="module"|rel="modulepreload"|rel="preload"/);
    expect(out).toContain('<link data-later="script" href="./assets/index-a.js">');
    expect(out).toContain('<link data-later="modulepreload" href="./assets/model-b.js">');
    expect(out).toContain('<link data-later="preload" href="./assets/data-d.json" as="fetch">');
    // The geometry keeps its mark: fetched at the paint, not beside it.
    expect(out).toContain('<link data-later="preload" href="./assets/geo-e.json" as="fetch" data-at-paint>');
    const [script, style, marker] = [out.indexOf(`<script>${FIRST_VIEW_SCRIPT}</script>`), out.indexOf('<style>body{color:red}</style>'), out.indexOf('<link rel="stylesheet" href="./assets/index-c.css" disabled>')];
    expect(script).toBeGreaterThan(out.lastIndexOf('<link data-later'));
    expect(style).toBeGreaterThan(script);
    expect(marker).toBeGreaterThan(style);
  });

  it('refuse a page without the app’s script or stylesheet, and a stylesheet that would end its element', () => {
    expect(() => deferAppTags(built.replace(/<script type="module".*<\/script>/, ''), () => '')).toThrow(/no app script/);
    expect(() => deferAppTags(built, () => undefined)).toThrow(/no stylesheet/);
    expect(() => deferAppTags(built, () => 'a{}</style><script>')).toThrow(/<\/style/);
  });
});

describe('an embed’s first view', () => {
  // The CSS that hides a view (a container query per view) and the inline script that picks one say the same.
  const hidden = (id: string, w: number, h: number, attribute = 'data-size') => {
    const rule = firstViewFitCss().split('\n').find((r) => r.includes(`${attribute}='${id}'`))!;
    const value = (v: string) => Number(v.replace('px', ''));
    return [...rule.matchAll(/\((width|height|aspect-ratio) ([<>]) ([\d.]+(?:px)?)\)/g)].some(([, what, op, v]) => {
      const x = what === 'width' ? w : what === 'height' ? h : w / h;
      return op === '<' ? x < value(v!) : x > value(v!);
    });
  };
  const fits = runInNewContext(`${EMBED_FIT_JS}; fits`) as (w: number, v: number, r: readonly [string, number, number]) => boolean;

  it('is shown by the CSS exactly where the inline script picks it', () => {
    for (const r of EMBED_REFERENCES)
      for (let w = 200; w <= 1700; w += 7) for (let v = 100; v <= 700; v += 5) expect(!hidden(r[0], w, v), `${r[0]} ${w}×${v}`).toBe(fits(w, v, r));
    // Present mode's sizes alike (a story step's views).
    for (const r of PRESENT_REFERENCES)
      for (let w = 800; w <= 2400; w += 11) for (let v = 500; v <= 1400; v += 9) expect(!hidden(r[0], w, v, 'data-present'), `${r[0]} ${w}×${v}`).toBe(fits(w, v, r));
    // A sweep of about 60,000 sizes: 4.9 s alone on a 2-core machine, over vitest's 5 s beside other files.
  }, 30_000);

  it('covers embeds of the usual shape from 332 to 1,470 px wide', () => {
    for (let w = 332; w <= 1470; w++) {
      const v = Math.min(w * 0.62, 640);
      expect(EMBED_REFERENCES.some((r) => fits(w, v, r)), `${w}`).toBe(true);
    }
  });
});
