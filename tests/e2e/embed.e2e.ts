import { describe, expect, it } from 'vitest';
import { baseUrl, serveHtml, setUp } from './driver.ts';

/* The embed, as a host page on another origin would use it: the snippet from the Share dialog, in a sandboxed iframe. */

const e2e = setUp();

describe('embedding', () => {
  it('gives a snippet that works in a sandboxed iframe on another origin, which resizes to the height the map asks for', async () => {
    const app = await e2e.open({ lang: 'en', query: 'year=2011&view=guizhou' });
    await app.page.getByRole('button', { name: 'Share / Embed' }).click();
    const snippet = await app.page.locator('#share-embed').inputValue();
    expect(snippet).toContain('embed=1');
    expect(snippet).toContain('sandbox="allow-scripts');
    const cite = await app.page.locator('#share-cite').inputValue();
    expect(cite).toMatch(/^Guizhou Pairing Map: Aid funds, 2011, all kinds of aid\. Data: .*IPRCC.*year=2011.*\(accessed \d{1,2} \w+ \d{4}\)\.$/);
    await app.shot('share-dialog-en');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.locator('dialog[open]').count()).toBe(0);
    await app.close();

    const url = await serveHtml(`<!doctype html><meta charset="utf-8"><title>Host</title><body style="margin:0;width:900px"><h1>A host page</h1>${snippet}</body>`);
    expect(new URL(url).origin).not.toBe(new URL(baseUrl()).origin);
    const host = await e2e.open({ url, wait: false, size: [900, 900] });
    const frame = host.page.frameLocator('iframe');
    await frame.locator('html[data-map-ready="true"]').waitFor({ timeout: 30_000 });
    // 900 px wide: a 16:10 map (563 px) plus the embed's title bar.
    await expect.poll(() => host.page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height)).toBeGreaterThan(563);
    const inner = frame.locator('.app-header');
    expect(await inner.locator('.embed-open').isVisible()).toBe(true);
    expect(await inner.locator('.header-actions').isVisible()).toBe(false);
    expect(await frame.locator('.legend-source').isVisible()).toBe(true);
    await host.shot('embed-in-host-en');
    await host.done();
  });

  it('applies the link state and the title, and a still map does not pan', async () => {
    const title = encodeURIComponent('<b>青岛</b> 2011');
    const app = await e2e.open({ lang: 'zh', query: `embed=1&interactive=0&title=${title}&year=2011`, size: [400, 300] });
    const { page } = app;
    // The title is text, never markup.
    expect(await page.locator('.title').textContent()).toBe('<b>青岛</b> 2011');
    expect(await app.legendFilter()).toBe('当前显示：2011年；全部帮扶类别');
    const before = await page.evaluate(() => location.search);
    await page.mouse.move(200, 150);
    await page.mouse.down();
    await page.mouse.move(120, 100, { steps: 5 });
    await page.mouse.up();
    expect(await page.evaluate(() => location.search)).toBe(before);
    // A still map offers no zoom buttons; both partner cities keep their names at this size.
    expect(await page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(0);
    await expect.poll(async () => (await app.labels()).map((l) => l.text)).toEqual(expect.arrayContaining(['青岛', '宁波']));
    await app.shot('embed-still-zh-400x300');
    await app.done();
  });
});
