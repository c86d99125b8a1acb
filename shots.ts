import { preview } from 'vite';
import { launchBrowser, waitForMap } from './tests/e2e/browser.ts';
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const port = (server.httpServer.address() as any).port;
const browser = await launchBrowser();
for (const [w, h, tag] of [[1280, 800, 'desk'], [390, 844, 'phone']] as const) {
  for (const lang of ['en', 'zh']) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${port}/?lang=${lang}&year=2011&place=520422`);
    await waitForMap(page);
    await page.screenshot({ path: `/tmp/shots/${tag}-${lang}-main.png` });
    await page.locator('button[data-action="export"]').click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/${tag}-${lang}-export.png`, fullPage: false });
    await page.locator('dialog .panel-close').click();
    await page.locator('button[data-action="story-editor"]').click();
    await page.locator('button[data-action="editor-add"]').click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/${tag}-${lang}-editor.png` });
    await ctx.close();
  }
}
await browser.close(); await server.close();
