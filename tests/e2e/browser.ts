import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/*
 * The browser the end-to-end tests (through driver.ts), the screenshots script and the benchmark
 * drive: Debian's Chromium, never a downloaded one. No test runner here, so that scripts can use it.
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

/** Waits until the app says its map is drawn (`<html data-map-ready="true">`). */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 30_000 });
}
