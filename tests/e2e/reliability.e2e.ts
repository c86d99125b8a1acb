import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot, waitForMap } from './browser.ts';

/* Hostile links, a strict CSP, no WebGL, a lost WebGL context, broken geometry: the map keeps working or says why. */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('reliability', () => {
  it('ignores what it does not understand in a link, lists it, and applies the rest', async () => {
    const junk = `?lang=en&year=1999&place=<img src=x onerror=alert(1)>&metric=projects&at=106,26,99&foo=bar&category=education,nope&title=${'x'.repeat(400)}&year=2010&place=520422`;
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/${junk}`);
    let alerted = false;
    page.on('dialog', (d) => {
      alerted = true;
      void d.dismiss();
    });
    await waitForMap(page);
    const notice = await page.getByTestId('notice').textContent();
    expect(notice).toContain('Ignored in the link:');
    for (const item of ['year=1999', 'place=<img src=x onerror=alert(1)>', 'at=106,26,99', 'foo=bar', 'category=education,nope', 'title=xxxx']) {
      expect(notice).toContain(item);
    }
    // The valid part applied: the metric; the first year and place were bad, so their repeats are ignored too.
    expect(await page.locator('#metric').inputValue()).toBe('projects');
    expect(await page.locator('.notice img').count()).toBe(0);
    expect(alerted).toBe(false);
    await screenshot(page, 'reliability-url-notice');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is served with a Content-Security-Policy and breaks none of it in a normal session', async () => {
    const response = await fetch(`${inject('baseUrl')}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=en`);
    await page.evaluate(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await waitForMap(page);
    await page.getByRole('button', { name: '2011', exact: true }).click();
    await page.getByRole('button', { name: 'Table view' }).click();
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await page.close();
  });

  it('falls back to the SVG map without WebGL: hover, click for details and filters still work', async () => {
    const noGl = await launchBrowser({ webgl: false });
    try {
      const { page, errors } = await openPage(noGl, `${inject('baseUrl')}/?lang=en&view=guizhou`);
      await waitForMap(page);
      expect(await page.evaluate(() => document.documentElement.dataset['renderer'])).toBe('svg');
      await expect.poll(() => page.getByTestId('notice').textContent()).toContain('WebGL is not available');
      // Puding's circle sits on the county; hovering and clicking it works as on the WebGL map.
      const circle = page.locator('.svg-map #markers circle[data-key="520422"]');
      await circle.hover();
      await expect.poll(() => page.locator('.tooltip').textContent()).toBe('PudingAid funds: ¥630,0002011');
      await circle.click();
      await expect.poll(() => page.locator('#details h2').textContent()).toBe('Puding County');
      const circles = () => page.locator('.svg-map #markers circle').count();
      const all = await circles();
      await page.getByRole('button', { name: '2010', exact: true }).click();
      await expect.poll(circles).not.toBe(all);
      await screenshot(page, 'reliability-no-webgl');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await noGl.close();
    }
  });

  it('hands over to the SVG map when the WebGL context is lost for good', async () => {
    const { page } = await openPage(browser, `${inject('baseUrl')}/?lang=en`);
    await waitForMap(page);
    await page.evaluate(() => {
      const gl = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!.getContext('webgl2') ?? document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!.getContext('webgl');
      gl!.getExtension('WEBGL_lose_context')!.loseContext();
    });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['renderer']), { timeout: 10_000 }).toBe('svg');
    expect(await page.locator('.svg-map #counties path').count()).toBe(88);
    await page.close();
  });

  it('shows a friendly error with a reload button and the detail, never a blank page, when the geometry is broken', async () => {
    const context = await browser.newContext();
    await context.route(/pairing\.topo.*\.json$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"type":"Topology","objects":{' }));
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}/?lang=en`);
    const fatal = page.locator('.fatal');
    await fatal.waitFor({ timeout: 20_000 });
    expect(await fatal.locator('h2').textContent()).toBe('Something went wrong');
    expect(await fatal.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    expect(await fatal.locator('pre').textContent()).toMatch(/JSON/);
    await screenshot(page, 'reliability-fatal');
    await context.close();
  });
});
