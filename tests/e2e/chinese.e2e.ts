import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUp } from './driver.ts';

/*
 * Chinese through and through: under ?lang=zh the panel, legend and citation are Chinese, source
 * titles and sections included; Latin letters appear only in the document's original title (kept
 * in the citation), page links and names marked lang="en". And a text's own contradiction shows.
 */

const e2e = setUp();

/** Latin words in an element's visible text, leaving out what may stay Latin: lang="en" names, URLs, "原题“…”". */
async function latinWords(page: Page, selector: string): Promise<string[]> {
  const text = await page.evaluate((sel) => {
    const copy = document.querySelector(sel)!.cloneNode(true) as HTMLElement;
    // Print-only lines are not on screen (the boundary attribution names its software packages, in Latin).
    copy.querySelectorAll('[lang="en"], [hidden], .print-only').forEach((n) => n.remove());
    return copy.textContent ?? '';
  }, selector);
  return withoutOriginals(text).match(/[A-Za-z]+/g) ?? [];
}

const withoutOriginals = (s: string) => s.replace(/原题“[^”]*”/g, '').replace(/https?:\/\/[^\s，；（）]+/g, '');

describe('in Chinese', () => {
  it('says panel, legend and citation in Chinese, with the 2010 text\'s own contradiction shown in the panel', async () => {
    const app = await e2e.open({ lang: 'zh', query: 'year=2010&place=520400', size: [1280, 800] });
    const { page } = app;
    expect(await app.panelTotal()).toBe('840万元');
    await page.locator('.legend-source').scrollIntoViewIfNeeded();
    await app.shot('chinese-panel-top-legend-source-zh');
    await app.panel.evaluate((el) => {
      el.querySelector('[data-figure="qd10-projects"]')?.scrollIntoView({ block: 'center' });
    });
    const figure = (part: string) => page.locator(`[data-figure="qd10-projects"] > ${part}`).textContent();
    expect(await figure('[data-testid="figure-discrepancy"]')).toBe('照录原文：所列各项相加为113个。');
    expect(await figure('.figure-source')).toBe('来源：《中国扶贫开发年鉴》2011年卷（英文网络版）“青岛—贵州对口帮扶”，栏目“概述”');
    expect(await figure('.figure-held')).toBe('现有资料：仅网页开头部分（前1,982个字符：“概述”栏目及下一栏目的开头几个词）。');
    expect(await latinWords(page, '#details')).toEqual([]);
    expect(await latinWords(page, '.legend')).toEqual([]);
    await app.shot('chinese-panel-legend-zh');
    await page.locator('[data-action="share"]').click();
    const cite = await page.locator('#share-cite').inputValue();
    expect(cite).toContain('“青岛—贵州对口帮扶”（2010年条目；原题“Qingdao - Guizhou Pairing-off Poverty Alleviation”），https://yearbook.iprcc.org.cn/zggjfpzxnj/2011njyw/wdxfpxzp/384924.shtml');
    expect(withoutOriginals(cite).match(/[A-Za-z]+/g)).toBeNull();
    await app.shot('chinese-citation-zh');
    await app.done();
  });

  it('gives the moving map’s buttons, scale and credits in the page’s language, and changes them with it', async () => {
    // MapLibre's words were its own English ("Zoom in", "km") on a Chinese page, and a switch of language left its credits as they were.
    const app = await e2e.open({ lang: 'zh', size: [1280, 800] });
    const { page } = app;
    await page.waitForFunction(() => document.querySelector('.maplibregl-ctrl-scale') !== null && document.documentElement.dataset['renderer'] === 'webgl', null, { timeout: 30_000 });
    const words = () =>
      page.evaluate(() => ({
        zoom: [...document.querySelectorAll('.maplibregl-ctrl-zoom-in, .maplibregl-ctrl-zoom-out')].map((b) => b.getAttribute('aria-label')),
        scale: document.querySelector('.maplibregl-ctrl-scale')?.textContent?.replace(/\u00a0/g, ' ') ?? '',
        insets: [...document.querySelectorAll('.svg-layer .inset-scale text')].map((t) => t.textContent ?? ''),
        credits: document.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent ?? '',
        canvas: document.querySelector('.maplibregl-canvas')?.getAttribute('aria-label') ?? '',
      }));
    const zh = await words();
    expect(zh.zoom).toEqual(['放大', '缩小']);
    expect(zh.scale).toMatch(/^\d+ (公里|米)$/);
    expect(zh.insets.length).toBe(2);
    for (const t of zh.insets) expect(t).toMatch(/^\d+ 公里$/);
    expect(zh.credits).toMatch(/^边界：/);
    expect(zh.canvas).toMatch(/^可移动地图/);
    expect(await page.getByRole('button', { name: '放大' }).isVisible()).toBe(true);
    await page.locator('button[data-action="lang"]').click();
    await expect.poll(async () => (await words()).zoom).toEqual(['Zoom in', 'Zoom out']);
    const en = await words();
    expect(en.scale).toMatch(/^\d+ (km|m)$/);
    for (const t of en.insets) expect(t).toMatch(/^\d+ km$/);
    expect(en.credits).toMatch(/^Boundaries: /);
    expect(en.canvas).toMatch(/^Moving map/);
    // One set of controls, in their corners, after the switch.
    expect(await page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(1);
    expect(await page.locator('.maplibregl-ctrl-attrib').count()).toBe(1);
    expect(await page.locator('.maplibregl-ctrl-bottom-left .maplibregl-ctrl-scale').count()).toBe(1);
    await app.done();
  });

  it('counts in English with the right plural ("1 Training course"), and gives Tongren its ¥8.4 million of 2010', async () => {
    const app = await e2e.open({ lang: 'en', query: 'place=522600&metric=training_courses' });
    expect(await app.page.locator('[data-figure="nb10-course-qiandongnan"] .figure-head').first().textContent()).toMatch(/^1 Training course · 2010 · /);
    // Under 2010, Tongren shows its own half of Qingdao's 16.8 million, as Anshun does.
    await app.goto({ lang: 'en', query: 'year=2010&place=520600' });
    expect(await app.panelTotal()).toBe('¥8.4 million');
    await app.done();
  });
});
