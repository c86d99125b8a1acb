/**
 * `npm run shots`: one look at what we ship. Serves the built app (`dist/`) with `vite preview`, as
 * the end-to-end tests do, drives Debian's Chromium through a fixed set of views in both languages,
 * and writes them with a contact sheet to `shots/index.html` (git-ignored):
 *
 * - views: the default, the Guizhou view, a place open (Puding), a partner district open (Laoshan),
 *   the years 2010 and 2011;
 * - surfaces: the app at 1280×800, 1920×1080 and a phone (390×844); embeds (`?embed=1`) at 800×500,
 *   400×300, 320×400 and 320×240; an embed in a 720 px article column of a host page; PNG exports at 1920×1080
 *   and 1080×1080 (`?export=png&size=…`, the downloaded file itself).
 *
 * `SHOTS_DIR` sets another folder; `SHOTS_ONLY=embed-400x300,png-1080x1080` renders only those surfaces.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { preview } from 'vite';
import { iframeSnippet } from '../src/embed/snippet.ts';
import { launchBrowser, waitForMap } from '../tests/e2e/browser.ts';

const OUT = process.env['SHOTS_DIR'] ?? 'shots';
const LANGS = ['en', 'zh'] as const;

const VIEWS = [
  { id: 'default', title: 'Default', query: '' },
  // "Guizhou and partners" is the default view; the other named view is true geography.
  { id: 'overview', title: 'True geography', query: 'view=overview' },
  { id: 'puding', title: 'A place open (Puding)', query: 'place=520422' },
  // Shown in its city's inset, which the view is composed beside the panel for.
  { id: 'laoshan', title: 'A partner district open (Laoshan)', query: 'place=370212' },
  { id: 'y2010', title: 'Year 2010', query: 'year=2010' },
  { id: 'y2011', title: 'Year 2011', query: 'year=2011' },
] as const;

interface Surface {
  id: string;
  title: string;
  /** The app, the embed, the embed in a host page's column, or an exported PNG at width × height. */
  kind: 'app' | 'embed' | 'column' | 'png';
  width: number;
  height: number;
}

const SURFACES: Surface[] = [
  { id: 'desktop-1280x800', title: 'Desktop 1280×800', kind: 'app', width: 1280, height: 800 },
  { id: 'desktop-1920x1080', title: 'Desktop 1920×1080', kind: 'app', width: 1920, height: 1080 },
  { id: 'phone-390x844', title: 'Phone 390×844', kind: 'app', width: 390, height: 844 },
  { id: 'embed-800x500', title: 'Embed 800×500', kind: 'embed', width: 800, height: 500 },
  { id: 'embed-400x300', title: 'Embed 400×300', kind: 'embed', width: 400, height: 300 },
  { id: 'embed-320x240', title: 'Embed 320×240', kind: 'embed', width: 320, height: 240 },
  { id: 'embed-320x400', title: 'Embed 320×400', kind: 'embed', width: 320, height: 400 },
  { id: 'column-720', title: 'Embed in a 720 px article column', kind: 'column', width: 1100, height: 1100 },
  { id: 'png-1920x1080', title: 'PNG export 1920×1080', kind: 'png', width: 1920, height: 1080 },
  { id: 'png-1080x1080', title: 'PNG export 1080×1080', kind: 'png', width: 1080, height: 1080 },
];

interface Shot {
  view: string;
  surface: string;
  lang: string;
  file: string | null;
  error: string | null;
}

/** A news article's page: a 720 px text column with the embed snippet between paragraphs. */
function columnPage(src: string, lang: string): string {
  const para = lang === 'zh' ? '<p>这是一篇文章的正文段落，用来查看地图嵌入在720像素文字栏中的样子。</p>' : '<p>A paragraph of an article, to see the map as it sits in a 720 px text column between paragraphs of a story.</p>';
  return `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>Host</title>
<body style="margin:0;background:#f4f3ef;font:17px/1.6 Georgia,serif;color:#222">
<main style="width:720px;margin:0 auto;background:#fff;padding:24px 32px;box-sizing:content-box">
<h1 style="font-size:28px">${lang === 'zh' ? '东西部扶贫协作' : 'East–west pairing'}</h1>${para}
${iframeSnippet(src, 'Guizhou Pairing Map', 'guizhou-pairing-map.png')}
${para}</main></body></html>`;
}

async function serveHost(html: string): Promise<{ url: string; close(): void }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

async function settle(page: Page): Promise<void> {
  // The map is ready; let MapLibre's first frames and the redraw after its camera settle.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 400)))));
}

async function render(browser: Browser, base: string, view: (typeof VIEWS)[number], surface: Surface, lang: string, file: string): Promise<void> {
  const query = [`lang=${lang}`, view.query].filter((q) => q !== '').join('&');
  const context = await browser.newContext({ viewport: { width: surface.width, height: surface.height }, acceptDownloads: surface.kind === 'png' });
  try {
    const page = await context.newPage();
    if (surface.kind === 'png') {
      const downloaded = page.waitForEvent('download', { timeout: 60_000 });
      await page.goto(`${base}/?${query}&export=png&size=${surface.width}x${surface.height}`);
      await (await downloaded).saveAs(file);
      return;
    }
    if (surface.kind === 'column') {
      const host = await serveHost(columnPage(`${base}/?${query}`, lang));
      try {
        await page.goto(host.url);
        await page.frameLocator('iframe').locator('html[data-map-ready="true"]').waitFor({ timeout: 30_000 });
        // The whole page in the window, not a full-page capture: Chromium's capture does not lay out
        // again what `content-visibility: auto` skipped below the window (the panel's figures came out blank).
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({ width: surface.width, height: Math.max(surface.height, height) });
        await page.waitForTimeout(600);
        await page.screenshot({ path: file });
      } finally {
        host.close();
      }
      return;
    }
    await page.goto(`${base}/?${query}${surface.kind === 'embed' ? '&embed=1' : ''}`);
    await waitForMap(page);
    await settle(page);
    await page.screenshot({ path: file });
  } finally {
    await context.close();
  }
}

function contactSheet(shots: Shot[], surfaces: readonly Surface[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cell = (s: Shot | undefined) =>
    !s
      ? '<td></td>'
      : s.file
        ? `<td><a href="${s.file}"><img src="${s.file}" loading="lazy" alt="${esc(`${s.view} ${s.surface} ${s.lang}`)}"></a><span>${s.lang}</span></td>`
        : `<td class="error"><span>${s.lang}: ${esc(s.error ?? '')}</span></td>`;
  const rows = VIEWS.map(
    (v) =>
      `<tr><th scope="row">${esc(v.title)}<code>?${esc(v.query)}</code></th>${surfaces.map(
        (s) => `<td class="pair"><table><tr>${LANGS.map((l) => cell(shots.find((x) => x.view === v.id && x.surface === s.id && x.lang === l))).join('')}</tr></table></td>`,
      ).join('')}</tr>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Guizhou Pairing Map: shots</title>
<style>
body { font: 13px/1.4 system-ui, sans-serif; margin: 16px; color: #222; }
table { border-collapse: collapse; }
th, td { vertical-align: top; padding: 4px; }
thead th { position: sticky; top: 0; background: #fff; text-align: left; }
th[scope=row] { width: 9em; text-align: left; }
th code { display: block; color: #666; font-size: 11px; word-break: break-all; }
td.pair > table td { padding: 0 2px; }
img { display: block; max-width: 220px; max-height: 220px; border: 1px solid #ccc; }
td span { color: #666; font-size: 11px; }
.error span { color: #b00; }
</style>
<h1>Guizhou Pairing Map: what we ship</h1>
<p>${new Date().toISOString()} · ${shots.filter((s) => s.file).length} images, ${shots.filter((s) => s.error).length} failed · each cell: English, Chinese · click for full size</p>
<table><thead><tr><th></th>${surfaces.map((s) => `<th>${esc(s.title)}</th>`).join('')}</tr></thead>
<tbody>${rows}</tbody></table>`;
}

const only = process.env['SHOTS_ONLY']?.split(',').filter((s) => s !== '');
const surfaces = only ? SURFACES.filter((s) => only.includes(s.id)) : SURFACES;
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false }, logLevel: 'warn' });
const address = server.httpServer.address();
if (address === null || typeof address === 'string') throw new Error('vite preview did not report a port');
const base = `http://127.0.0.1:${address.port}`;
const browser = await launchBrowser();
const shots: Shot[] = [];
try {
  for (const view of VIEWS) {
    for (const surface of surfaces) {
      for (const lang of LANGS) {
        const file = `${view.id}-${surface.id}-${lang}.png`;
        try {
          await render(browser, base, view, surface, lang, join(OUT, file));
          shots.push({ view: view.id, surface: surface.id, lang, file, error: null });
          console.log(`shots: ${file}`);
        } catch (e) {
          shots.push({ view: view.id, surface: surface.id, lang, file: null, error: e instanceof Error ? e.message.split('\n')[0]! : String(e) });
          console.error(`shots: ${file} failed: ${String(e)}`);
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
writeFileSync(join(OUT, 'index.html'), contactSheet(shots, surfaces));
console.log(`shots: ${shots.filter((s) => s.file).length} images in ${OUT}/index.html`);
if (shots.some((s) => s.error)) process.exitCode = 1;
