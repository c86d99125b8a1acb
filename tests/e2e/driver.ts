import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launchBrowser, waitForMap } from './browser.ts';

export { launchBrowser, waitForMap };

/*
 * The one driver of the end-to-end tests: it launches the browser (browser.ts) for a test file,
 * opens a view of the built app at a size and in a language, waits for the map, and reads what a
 * viewer sees there: marks, names, tooltip, panel, legend, notice, downloads and screenshots.
 */

// ---------------------------------------------------------------------------------------------
// The file's browser

/** Browsers and host pages started for one view (a browser without WebGL, a host page): closed with the file's browser at the latest. */
const strays: { close(): unknown }[] = [];

export interface Suite {
  /** The file's browser (launched before its tests). */
  readonly browser: Browser;
  /** Opens a view in the file's browser (or, for `webgl: false`, in a browser of its own). */
  open(view?: View): Promise<App>;
}

/**
 * The set-up every e2e file shares: one Chromium launched before the file's tests and closed after
 * them, with anything a test started on the side (a browser without WebGL, a host page).
 */
export function setUp(): Suite {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of strays.splice(0)) await s.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the e2e browser is not launched yet (use it inside a test or hook)');
      return browser;
    },
    open(view = {}) {
      return openApp(this.browser, view);
    },
  };
}

/** The built app, served for the e2e run (tests/e2e/global-setup.ts). */
export const baseUrl = (): string => inject('baseUrl');

// ---------------------------------------------------------------------------------------------
// Opening a view

export type Lang = 'en' | 'zh';

export interface View {
  /** The app's link state without "?" and without the language, e.g. "year=2010&place=520422". */
  query?: string;
  /** Written first in the link (`lang=…`); left out, the app picks the language itself. */
  lang?: Lang;
  /** Window size in CSS pixels; 1440×900 unless given. */
  size?: readonly [number, number];
  /** Another server of the app (a build on other data) instead of the e2e run's. */
  base?: string;
  /** A page that is not a view of the app (a host page, a file:// copy): opened as it is, `query` and `lang` ignored. */
  url?: string;
  /** More for the browser context: locale, isMobile, hasTouch, javaScriptEnabled … */
  context?: BrowserContextOptions;
  /** Wait for the map (`data-map-ready`); false for a page that is no map, or where the test watches it load. */
  wait?: boolean;
  /** Refuse every http(s) request, as a machine without network would; they are listed in `blocked`. */
  offline?: boolean;
  /** Run a browser without WebGL for this view (closed with the view). */
  webgl?: false;
  /** Collect Content-Security-Policy violations from the first script on (see `cspViolations`). */
  csp?: boolean;
  /** Anything to set up on the page before it loads (routes, init scripts, listeners). */
  before?: (page: Page) => Promise<unknown> | unknown;
}

/** The link of a view: `${base}/?lang=…&query`, or `${base}/` when it says nothing. */
export function viewUrl(view: Pick<View, 'query' | 'lang' | 'base'>): string {
  const search = [view.lang ? `lang=${view.lang}` : '', view.query ?? ''].filter(Boolean).join('&');
  return `${view.base ?? baseUrl()}/${search ? `?${search}` : ''}`;
}

export async function openApp(browser: Browser, view: View = {}): Promise<App> {
  const own = view.webgl === false ? await launchBrowser({ webgl: false }) : null;
  if (own) strays.push(own);
  const [width, height] = view.size ?? [1440, 900];
  const context = await (own ?? browser).newContext({ viewport: { width, height }, acceptDownloads: true, ...view.context });
  const page = await context.newPage();
  const url = view.url ?? viewUrl(view);
  const app = new App(page, view, own);
  if (view.offline) {
    await context.route(/^https?:/, (route) => {
      app.blocked.push(route.request().url());
      return route.abort();
    });
  }
  if (view.csp) {
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  }
  const origin = new URL(url).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') app.errors.push(m.text());
  });
  page.on('pageerror', (e) => app.errors.push(`${e.name}: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (!u.startsWith('file:') && new URL(u).origin !== origin) app.foreign.push(u);
  });
  page.on('close', () => void context.close().catch(() => undefined));
  await view.before?.(page);
  await page.goto(url);
  if (view.wait !== false) await app.ready();
  return app;
}

// ---------------------------------------------------------------------------------------------
// What a viewer sees

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A name on the map (a place's label or an inset's title). */
export interface Label extends Box {
  id: string;
  text: string;
  /** Its font-size attribute (0 where it has none). */
  fontSize: number;
  /** An inset's title rather than a label of the labels layer. */
  inset: boolean;
}

/** A circle on the map, by the scene's key: its box, centre and radius. */
export interface Mark extends Box {
  key: string;
  x: number;
  y: number;
  r: number;
}

export interface Drawing {
  labels: Label[];
  marks: Mark[];
  /** The values written by the circles. */
  values: { key: string; text: string }[];
  /** The box of Guizhou's county paths. */
  guizhou: Box;
  /** The box of the map area (null where there is none). */
  area: Box | null;
}

export interface DrawingScope {
  /** The drawing's root: the first visible match (an error if none is visible); null reads the whole document. */
  root?: string | null;
  /** What the ids of the drawing's layers start with (the first view's are `first-view-<lang>-`). */
  prefix?: string;
  /** The map area's element; the root's `.map-area` unless given. */
  area?: string;
}

/** Names, circles, written values and Guizhou of the map drawn in a page (live, first view or an exported SVG), in page pixels. */
export function readDrawing(page: Page, scope: DrawingScope = {}): Promise<Drawing> {
  return page.evaluate(
    ([rootSel, pre, areaSel]) => {
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      let root: Element | Document = document;
      if (rootSel) {
        const found = [...document.querySelectorAll<HTMLElement>(rootSel)].find((e) => e.checkVisibility({ visibilityProperty: true }));
        if (!found) throw new Error(`no visible ${rootSel}`);
        root = found;
      }
      const labels = [...root.querySelectorAll(`#${pre}labels text, .inset-title`)].map((t) => ({
        id: t.getAttribute('data-id') ?? '',
        text: t.textContent ?? '',
        fontSize: Number(t.getAttribute('font-size')),
        inset: t.matches('.inset-title'),
        ...box(t),
      }));
      const marks = [...root.querySelectorAll(`#${pre}markers circle`)].map((c) => {
        const b = box(c);
        const r = (b.right - b.left) / 2;
        return { key: c.getAttribute('data-key') ?? '', ...b, x: b.left + r, y: b.top + (b.bottom - b.top) / 2, r };
      });
      const values = [...root.querySelectorAll(`#${pre}marker-values text`)].map((t) => ({ key: t.getAttribute('data-key') ?? '', text: t.textContent ?? '' }));
      const counties = [...root.querySelectorAll(`#${pre}counties path`)].map(box).filter((b) => b.right > b.left);
      const guizhou = {
        left: Math.min(...counties.map((b) => b.left)),
        top: Math.min(...counties.map((b) => b.top)),
        right: Math.max(...counties.map((b) => b.right)),
        bottom: Math.max(...counties.map((b) => b.bottom)),
      };
      const areaEl = areaSel ? document.querySelector(areaSel) : root instanceof Element ? root.closest('.map-area') : null;
      return { labels, marks, values, guizhou, area: areaEl ? box(areaEl) : null };
    },
    [scope.root === undefined ? '.svg-layer' : scope.root, scope.prefix ?? '', scope.area ?? null] as const,
  );
}

/** Whether two boxes overlap by more than `slack` pixels each way. */
export const overlaps = (a: Box, b: Box, slack = 0): boolean =>
  a.left + slack < b.right && b.left + slack < a.right && a.top + slack < b.bottom && b.top + slack < a.bottom;

/** Whether a box lies inside another, give or take `slack` pixels. */
export const within = (a: Box, to: Box, slack = 0): boolean =>
  a.left >= to.left - slack && a.right <= to.right + slack && a.top >= to.top - slack && a.bottom <= to.bottom + slack;

export interface Saved {
  /** The name the app gave the file. */
  name: string;
  bytes: Buffer;
  /** The bytes as UTF-8. */
  text: string;
}

type Rect = { x: number; y: number; width: number; height: number };

/** A view of the app in its own browser context: the page, what went wrong on it, and what a viewer sees. */
export class App {
  /** Console errors and uncaught exceptions. */
  readonly errors: string[] = [];
  /** Requests that left the page's own origin (data: and blob: stay local and are not listed). */
  readonly foreign: string[] = [];
  /** Requests refused by `offline`. */
  readonly blocked: string[] = [];

  constructor(
    readonly page: Page,
    private readonly view: View,
    private readonly ownBrowser: Browser | null,
  ) {}

  /** Waits until the app says its map is drawn (`<html data-map-ready="true">`). */
  ready(): Promise<void> {
    return waitForMap(this.page);
  }

  /** Goes to another view in the same tab (same server and window) and waits for its map. */
  async goto(view: Pick<View, 'query' | 'lang'>): Promise<void> {
    await this.page.goto(viewUrl({ base: this.view.base, ...view }));
    await this.ready();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.ready();
  }

  /** Runs something that reloads the page (storing or clearing a user's files) and waits for the new map. */
  async reloadingClick(click: () => Promise<unknown>): Promise<void> {
    await Promise.all([this.page.waitForEvent('load', { timeout: 30_000 }), click()]);
    await this.ready();
  }

  /** Resolves once the map has stopped moving and the browser has painted its latest change. */
  idle(): Promise<void> {
    return this.page.evaluate(() => (window as unknown as { __gpm: { idle(): Promise<void> } }).__gpm.idle());
  }

  /** The scene's keys of the marks on the map (the app's test hook). */
  markers(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __gpm: { markers(): string[] } }).__gpm.markers());
  }

  /** Where the live map draws a place (its label point, or its inset), in page pixels. */
  async project(id: string): Promise<[number, number]> {
    const point = await this.page.evaluate((placeId) => {
      const w = window as unknown as { __gpm?: { project(id: string): [number, number] | null } };
      const p = w.__gpm?.project(placeId);
      const el = document.querySelector('#map');
      if (!el || !p) return null;
      const r = el.getBoundingClientRect();
      return [r.left + p[0], r.top + p[1]] as [number, number];
    }, id);
    expect(point, `map position of ${id}`).not.toBeNull();
    return point!;
  }

  /** Moves the pointer over a place, where the map draws it. */
  async hover(id: string): Promise<void> {
    const [x, y] = await this.project(id);
    await this.page.mouse.move(x, y);
  }

  /** Clicks a place, where the map draws it. */
  async click(id: string): Promise<void> {
    const [x, y] = await this.project(id);
    await this.page.mouse.click(x, y);
  }

  /** The live map's names, circles and values (`readDrawing` of the page). */
  drawing(scope?: DrawingScope): Promise<Drawing> {
    return readDrawing(this.page, scope);
  }

  async marks(): Promise<Mark[]> {
    return (await this.drawing()).marks;
  }

  async labels(): Promise<Label[]> {
    return (await this.drawing()).labels;
  }

  /** The renderer the app chose or fell back to: "webgl" or "svg". */
  renderer(): Promise<string | undefined> {
    return this.page.evaluate(() => document.documentElement.dataset['renderer']);
  }

  tooltipText(): Promise<string | null> {
    return this.page.locator('.tooltip').textContent();
  }

  /** The details panel (a bottom sheet on a phone). */
  get panel(): Locator {
    return this.page.locator('#details');
  }

  panelText(): Promise<string | null> {
    return this.panel.textContent();
  }

  /** The panel's heading: the place, city or group it details. */
  panelTitle(): Promise<string | null> {
    return this.panel.locator('h2').textContent();
  }

  panelTotal(): Promise<string | null> {
    return this.page.getByTestId('panel-total').textContent();
  }

  /** The legend's line saying what is shown ("Showing: 2010; all kinds of aid"). */
  legendFilter(): Promise<string | null> {
    return this.page.getByTestId('legend-filter').textContent();
  }

  get notice(): Locator {
    return this.page.getByTestId('notice');
  }

  noticeText(): Promise<string | null> {
    return this.notice.textContent();
  }

  /** The link's `name` parameter as the page has it now. */
  param(name: string): string | null {
    return new URL(this.page.url()).searchParams.get(name);
  }

  /** Clicks a header action (`data-action`, or a button given itself), opening the phone's header menu first where the action is folded into it. */
  async headerAction(action: string | Locator): Promise<void> {
    const button = typeof action === 'string' ? this.page.locator(`[data-action="${action}"]`) : action;
    const toggle = this.page.locator('[data-action="menu"]');
    if (!(await button.isVisible()) && (await toggle.isVisible())) await toggle.click();
    await button.click();
  }

  /**
   * Opens "Open data…" (by its name in the view's language) and gives it files; `mode` chooses merge
   * or replace first. Returns the dialog's report once it has a summary (`wait: 'summary'`), a summary
   * or a refusal (`'any'`), or at once (`'none'`).
   */
  async importFiles(files: { name: string; bytes: Buffer | string; type?: string }[], o: { mode?: 'merge' | 'replace'; wait?: 'summary' | 'any' | 'none' } = {}): Promise<Locator> {
    const name = this.view.lang === 'zh' ? '打开数据…' : 'Open data…';
    await this.headerAction(this.page.getByRole('button', { name }));
    if (o.mode) await this.page.locator('#import-mode').selectOption(o.mode);
    await this.page.locator('#import-files').setInputFiles(
      files.map((f) => ({ name: f.name, mimeType: f.type ?? 'text/csv', buffer: typeof f.bytes === 'string' ? Buffer.from(f.bytes, 'utf8') : f.bytes })),
    );
    const report = this.page.getByTestId('import-report');
    const wait = o.wait ?? 'summary';
    if (wait !== 'none') await report.locator(wait === 'any' ? '.import-summary, .import-problem' : '.import-summary').first().waitFor();
    return report;
  }

  /** "Show on the map" in the import report: the page reloads with the user's files. */
  showImport(report: Locator): Promise<void> {
    return this.reloadingClick(() => report.getByRole('button', { name: 'Show on the map' }).click());
  }

  /** "Back to the built-in data" in the notice: the page reloads without the user's files. */
  backToBuiltIn(): Promise<void> {
    return this.reloadingClick(() => this.notice.getByRole('button', { name: 'Back to the built-in data' }).click());
  }

  /** The file a click (or the page by itself, without one) downloads. */
  async download(trigger?: () => Promise<unknown>, timeout = 30_000): Promise<Saved> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout }), trigger?.()]);
    return saved(download);
  }

  /** A file written by the app's export (its test hook), as the Export dialog would. */
  exportMap(format: 'png' | 'svg', request: object): Promise<Saved> {
    return this.download(
      () =>
        this.page.evaluate(
          ([f, r]) => (window as unknown as { __gpm: { exportMap(f: string, r: object): Promise<string> } }).__gpm.exportMap(f, r),
          [format, request] as const,
        ),
      40_000,
    );
  }

  /** Serious and critical axe-core violations in the page, or in the element `scope` (a selector), as "id (impact): help at targets". */
  async axeViolations(scope?: string): Promise<string[]> {
    // Evaluated through the DevTools protocol: the app's CSP (rightly) refuses inline script tags.
    await this.page.evaluate(AXE());
    const violations = await this.page.evaluate(async (sel) => {
      type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
      const axe = (window as unknown as { axe: { run(ctx: Element | Document, opts: object): Promise<{ violations: Violation[] }> } }).axe;
      // The WebGL canvas is one image for axe; its content is offered as the table view and the panel.
      return (await axe.run(sel ? document.querySelector(sel)! : document, { resultTypes: ['violations'] })).violations;
    }, scope ?? null);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  /** Content-Security-Policy violations since the page loaded (a view opened with `csp: true`). */
  cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  }

  /** Saves a screenshot of the page, or of the element `of`, under tests/e2e/screenshots/ (git-ignored) for people to look at. */
  shot(name: string, of?: string): Promise<string> {
    return screenshot(of ? this.page.locator(of) : this.page, name);
  }

  /** Closes the view (its context, and its own browser if it had one). */
  async close(): Promise<void> {
    await this.page.close();
    await this.ownBrowser?.close();
  }

  /** Checks that the page logged no error and threw nothing, then closes it. */
  async done(): Promise<void> {
    expect(this.errors).toEqual([]);
    await this.close();
  }
}

let axeSource: string | undefined;
const AXE = () => (axeSource ??= readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));

export async function saved(download: Download): Promise<Saved> {
  const bytes = readFileSync((await download.path())!);
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Serves one HTML page on loopback (another origin than the app's), e.g. a page that embeds the map; stopped with the file's browser. */
export function serveHtml(html: string): Promise<string> {
  return new Promise((done) => {
    const host: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    }).listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`));
    strays.push(host);
  });
}

// ---------------------------------------------------------------------------------------------
// Files and pixels

/** The header of figures.csv, for the users' files the tests import. */
export const FIGURES_HEADER = 'id,source,section,year_from,year_to,donor,recipients,category,metric,value,qualifier,part_of,note_en,note_zh';

/** The first story of data/stories.json (the tour). */
export const firstStory = () => JSON.parse(readFileSync('data/stories.json', 'utf8')).stories[0];

/** Width and height from a PNG's IHDR chunk (after checking it is a PNG). */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const SHOTS = join('tests', 'e2e', 'screenshots');

/** Saves a screenshot under tests/e2e/screenshots/ (git-ignored) for people to look at. */
export async function screenshot(of: Page | Locator, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await of.screenshot({ path });
  return path;
}

/**
 * Decodes PNGs in the browser itself and measures their pixels in `rect` (all of the first image
 * when null): the distinct colours of the first (sampled), or the share of pixels that differ
 * between the first two by more than `threshold` in some colour channel.
 */
function measurePixels(page: Page, pngs: Buffer[], rect: Rect | null, measure: 'distinct' | 'differing', threshold = 0): Promise<number> {
  return page.evaluate(
    async ([images, r, m, t]) => {
      const decoded = await Promise.all(
        images.map(async (b64) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = img.width;
          c.height = img.height;
          const ctx = c.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(r?.x ?? 0, r?.y ?? 0, r?.width ?? img.width, r?.height ?? img.height).data;
        }),
      );
      const [x, y] = decoded as [Uint8ClampedArray, Uint8ClampedArray];
      if (m === 'distinct') {
        const seen = new Set<number>();
        for (let i = 0; i < x.length; i += 4 * 13) seen.add((x[i]! << 16) | (x[i + 1]! << 8) | x[i + 2]!);
        return seen.size;
      }
      let differ = 0;
      for (let i = 0; i < x.length; i += 4) if (Math.abs(x[i]! - y[i]!) > t || Math.abs(x[i + 1]! - y[i + 1]!) > t || Math.abs(x[i + 2]! - y[i + 2]!) > t) differ++;
      return differ / (x.length / 4);
    },
    [pngs.map((p) => p.toString('base64')), rect, measure, threshold] as const,
  );
}

/** Distinct colours in a PNG (sampled), counted by the browser itself: a blank or failed image has one or two. */
export function distinctColours(page: Page, png: Buffer): Promise<number> {
  return measurePixels(page, [png], null, 'distinct');
}

/**
 * The share of pixels in `rect` (page pixels) that differ between two screenshots of one size by more
 * than `threshold` in some colour channel. Antialiasing and a moved hairline stay well under a
 * percent; a layer drawn in the wrong place or missing does not.
 */
export function differingShare(page: Page, a: Buffer, b: Buffer, rect: Rect, threshold = 48): Promise<number> {
  return measurePixels(page, [a, b], rect, 'differing', threshold);
}
