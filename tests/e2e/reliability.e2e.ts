import { describe, expect, it } from 'vitest';
import { baseUrl, setUp } from './driver.ts';

/* Hostile links, a strict CSP, no WebGL, a lost WebGL context, broken geometry: the map keeps working or says why. */

const e2e = setUp();

describe('reliability', () => {
  it('ignores what it does not understand in a link, lists it, and applies the rest', async () => {
    const junk = `year=1999&place=<img src=x onerror=alert(1)>&metric=projects&at=106,26,99&foo=bar&category=education,nope&title=${'x'.repeat(400)}&year=2010&place=520422`;
    let alerted = false;
    const app = await e2e.open({
      lang: 'en',
      query: junk,
      before: (page) =>
        page.on('dialog', (d) => {
          alerted = true;
          void d.dismiss();
        }),
    });
    const notice = await app.noticeText();
    expect(notice).toContain('Ignored in the link:');
    for (const item of ['year=1999', 'place=<img src=x onerror=alert(1)>', 'at=106,26,99', 'foo=bar', 'category=education,nope', 'title=xxxx']) {
      expect(notice).toContain(item);
    }
    // The valid part applied: the metric; the first year and place were bad, so their repeats are ignored too.
    expect(await app.page.locator('#metric').inputValue()).toBe('projects');
    expect(await app.page.locator('.notice img').count()).toBe(0);
    expect(alerted).toBe(false);
    await app.shot('reliability-url-notice');
    await app.done();
  });

  it('is served with a Content-Security-Policy and breaks none of it in a normal session', async () => {
    const response = await fetch(`${baseUrl()}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const app = await e2e.open({ lang: 'en', csp: true });
    await app.page.getByRole('button', { name: '2011', exact: true }).click();
    await app.page.getByRole('button', { name: 'Table view' }).click();
    expect(await app.cspViolations()).toEqual([]);
    expect(app.errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await app.close();
  });

  it('falls back to the SVG map without WebGL: hover, click for details and filters still work', async () => {
    const app = await e2e.open({ lang: 'en', query: 'view=guizhou', webgl: false });
    const { page } = app;
    expect(await app.renderer()).toBe('svg');
    await expect.poll(() => app.noticeText()).toContain('WebGL is not available');
    // Puding's circle sits on the county; hovering and clicking it works as on the WebGL map.
    const circle = page.locator('.svg-map #markers circle[data-key="520422"]');
    await circle.hover();
    await expect.poll(() => app.tooltipText()).toBe('PudingAid funds: ¥630,0002011');
    await circle.click();
    await expect.poll(() => app.panelTitle()).toBe('Puding County');
    const circles = () => page.locator('.svg-map #markers circle').count();
    const all = await circles();
    await page.getByRole('button', { name: '2010', exact: true }).click();
    await expect.poll(circles).not.toBe(all);
    await app.shot('reliability-no-webgl');
    await app.done();
  });

  it('hands over to the SVG map when the WebGL context is lost for good', async () => {
    const app = await e2e.open({ lang: 'en' });
    await app.page.evaluate(() => {
      const gl = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!.getContext('webgl2') ?? document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!.getContext('webgl');
      gl!.getExtension('WEBGL_lose_context')!.loseContext();
    });
    await expect.poll(() => app.renderer(), { timeout: 10_000 }).toBe('svg');
    expect(await app.page.locator('.svg-map #counties path').count()).toBe(88);
    await app.close();
  });

  it('shows a friendly error with a reload button and the detail, never a blank page, when the geometry is broken', async () => {
    const broken = { status: 200, contentType: 'application/json', body: '{"type":"Topology","objects":{' };
    const app = await e2e.open({ lang: 'en', size: [1280, 720], wait: false, before: (page) => page.context().route(/pairing\.topo.*\.json$/, (route) => route.fulfill(broken)) });
    const fatal = app.page.locator('.fatal');
    await fatal.waitFor({ timeout: 20_000 });
    expect(await fatal.locator('h2').textContent()).toBe('Something went wrong');
    expect(await fatal.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    expect(await fatal.locator('pre').textContent()).toMatch(/JSON/);
    await app.shot('reliability-fatal');
    await app.close();
  });
});
