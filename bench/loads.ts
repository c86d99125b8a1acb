/** Cold loads: serving a build, opening pages in fresh contexts, and when each step of the first map happened. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { preview } from 'vite';

export const SETTLE_MS = 1000;

export type Stats = { median: number; p95: number; min: number; max: number; n: number };
export function stats(all: number[]): Stats {
  // A pointer that hit nothing (NaN) is left out; n says how many counted.
  const xs = all.filter((x) => Number.isFinite(x));
  if (xs.length === 0) return { median: NaN, p95: NaN, min: NaN, max: NaN, n: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))]!;
  return { median: round(q(0.5)), p95: round(q(0.95)), min: round(s[0]!), max: round(s[s.length - 1]!), n: s.length };
}
export const round = (v: number) => Math.round(v * 10) / 10;
export const gzipKb = (file: string) => round(gzipSync(readFileSync(file), { level: 9 }).length / 1024);

export async function serve(outDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = await preview({ build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const a = server.httpServer.address();
  if (!a || typeof a === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${a.port}`, close: () => server.close() };
}

/** A page to load, at a window size (default 1440×900); `panel`: a link that opens a place, whose panel's paint is timed. */
export type Target = string | { url: string; width: number; height: number; panel?: boolean };

// When the place's panel, with its name, was first painted (the frame after it was written): only on
// links that ask, as the observer sees every node the page's parser adds.
const PANEL_WATCH = `window.__panelPainted = NaN; new MutationObserver((_, o) => { const h = document.querySelector('#details:not([hidden]) h2'); if (h && h.textContent) { o.disconnect(); requestAnimationFrame(() => setTimeout(() => { window.__panelPainted = performance.now(); })); } }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });`;

export async function open(browser: Browser, target: Target): Promise<Page> {
  const { url, width, height, panel } = typeof target === 'string' ? { url: target, width: 1440, height: 900, panel: false } : target;
  const context = await browser.newContext({ viewport: { width, height } });
  // tsx keeps function names with a `__name` helper, which page.evaluate callbacks then call in the page.
  await context.addInitScript({ content: `window.__name = (f) => f;${panel ? PANEL_WATCH : ''}` });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 60_000 });
  return page;
}

type ColdLoads = Awaited<ReturnType<typeof coldLoad>>[];

/**
 * Cold loads of several pages taking turns, so that a machine slowing down or speeding up weighs on
 * each alike; the order turns too (a b c, b c a, c a b, …), so that no page always follows the same one.
 */
export async function alternatingLoads(browser: Browser, urls: Target[], runs: number): Promise<ColdLoads[]> {
  const out: ColdLoads[] = urls.map(() => []);
  for (let i = 0; i < runs; i++)
    for (let j = 0; j < urls.length; j++) {
      const k = (i + j) % urls.length;
      out[k]!.push(await coldLoad(browser, urls[k]!));
    }
  return out;
}

/** The two marks over cold loads, and which JS files were fetched before each (in the last load). */
export function loadStats(loads: ColdLoads) {
  const last = loads[loads.length - 1];
  return {
    first: stats(loads.map((l) => l.f)),
    interactive: stats(loads.map((l) => l.it)),
    /** The place's panel painted, on a link that opens one (`panel` targets); n = 0 on others. */
    panel: stats(loads.map((l) => l.panel)),
    steps: Object.fromEntries(STEPS.map((k) => [k, stats(loads.map((l) => l.steps[k]))])) as Record<Step, Stats>,
    jsBefore: { first: last?.jsFirst ?? [], interactive: last?.jsInteractive ?? [] },
  };
}

export const coldLoads = async (browser: Browser, url: Target, runs: number) => loadStats((await alternatingLoads(browser, [url], runs))[0]!);

/** Where the time to the first complete map goes: when each of these had happened, from navigation. */
export const STEPS = ['html', 'parsed', 'script', 'data', 'geometry', 'firstPaint', 'firstComplete'] as const;
export type Step = (typeof STEPS)[number];
export const STEP_NAMES: Record<Step, string> = {
  html: 'HTML received',
  parsed: 'HTML parsed (DOM interactive)',
  script: 'our script received',
  data: 'data JSON received',
  geometry: 'geometry received',
  firstPaint: 'first paint (first contentful paint)',
  firstComplete: 'first complete map on screen',
};

/** One cold load in a fresh context. */
async function coldLoad(browser: Browser, url: Target) {
  const page = await open(browser, url);
  // The first view's mark waits for the browser to report its paint.
  await page.waitForFunction(() => performance.getEntriesByName('map:first-complete').length > 0);
  if (typeof url !== 'string' && url.panel) await page.waitForFunction(() => !Number.isNaN((window as unknown as { __panelPainted: number }).__panelPainted));
  const r = await page.evaluate(() => {
    const mark = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
    const f = mark('map:first-complete');
    const it = mark('map:interactive');
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const js = resources.filter((e) => e.name.endsWith('.js'));
    const received = (part: RegExp) => resources.find((e) => part.test(e.name))?.responseEnd ?? NaN;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const steps = {
      html: nav?.responseEnd ?? NaN,
      parsed: nav?.domInteractive ?? NaN,
      script: received(/\/assets\/index-[^/]*\.js$/),
      data: received(/builtin-data[^/]*\.json$|peer-data\.json$/),
      geometry: received(/pairing\.topo[^/]*\.json$/),
      firstPaint: mark('first-contentful-paint'),
      firstComplete: f,
    };
    const panel = (window as unknown as { __panelPainted?: number }).__panelPainted ?? NaN;
    return { f, it, steps, panel, jsFirst: js.filter((e) => e.startTime < f).map((e) => e.name), jsInteractive: js.filter((e) => e.startTime < it).map((e) => e.name) };
  });
  await page.context().close();
  // Each cold load starts from a quiet browser: a page just closed (MapLibre's workers, a peer's
  // canvas) otherwise still works while the next one loads, and weighs on whichever comes next.
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  return r;
}

/** The yardstick page (reference-page.ts): cold loads to MapLibre's first idle. */
export async function referenceLoads(browser: Browser, url: string, runs: number): Promise<Stats> {
  const idle: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await open(browser, url);
    idle.push(await page.evaluate(() => performance.getEntriesByName('reference:idle')[0]?.startTime ?? NaN));
    await page.context().close();
  }
  return stats(idle);
}

