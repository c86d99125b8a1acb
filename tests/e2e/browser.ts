import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/*
 * Shared helpers for the end-to-end tests. We drive Debian's Chromium and never download a browser.
 */

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new Error(`CHROMIUM_PATH is set to ${configured}, but there is no file there.`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    'No Chromium found for the end-to-end tests (looked at ' +
      CANDIDATES.join(', ') +
      '). Install one with `apt-get install -y chromium fonts-noto-cjk`, or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}

// Headless Chromium renders WebGL with SwiftShader; forcing ANGLE's SwiftShader backend (--use-angle)
// made the first map frame ~3x slower here (≈5.6 s vs ≈1.7 s). The rest keeps Chromium
// from reaching for Google's services on a machine without internet.
const QUIET_ARGS = ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-default-browser-check'];
const WEBGL_ARGS = ['--enable-unsafe-swiftshader'];
const NO_WEBGL_ARGS = ['--disable-webgl', '--disable-3d-apis'];

export async function launchBrowser(opts: { webgl?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', ...QUIET_ARGS, ...(opts.webgl === false ? NO_WEBGL_ARGS : WEBGL_ARGS)],
  });
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests that left the page's own origin (data: and blob: stay local and are not listed). */
  foreign: string[];
}

export async function openPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  const origin = new URL(url).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (!u.startsWith('file:') && new URL(u).origin !== origin) foreign.push(u);
  });
  page.on('close', () => void context.close().catch(() => undefined));
  await page.goto(url);
  return { page, errors, foreign };
}

export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 30_000 });
}

const SHOTS = join('tests', 'e2e', 'screenshots');

/** Saves a screenshot under tests/e2e/screenshots/ (git-ignored) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

type Rect = { x: number; y: number; width: number; height: number };

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

/** Clicks a header action (`data-action`), opening the phone's header menu first where the action is folded into it. */
export async function headerAction(page: Page, action: string): Promise<void> {
  const button = page.locator(`[data-action="${action}"]`);
  const toggle = page.locator('[data-action="menu"]');
  if (!(await button.isVisible()) && (await toggle.isVisible())) await toggle.click();
  await button.click();
}

/** Clicks something that reloads the page (after storing or clearing a user's files) and waits for the new map. */
export async function clickAndReload(page: Page, click: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), click()]);
  await waitForMap(page);
}
