import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot, waitForMap } from './browser.ts';

/*
 * Chinese through and through: under ?lang=zh the panel, legend and citation are Chinese, source
 * titles and sections included; Latin letters appear only in the document's original title (kept
 * in the citation), page links and names marked lang="en". And a text's own contradiction shows.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

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
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=zh&year=2010&place=520400`, { viewport: { width: 1280, height: 800 } });
    await waitForMap(page);
    expect(await page.getByTestId('panel-total').textContent()).toBe('840万元');
    await page.locator('.legend-source').scrollIntoViewIfNeeded();
    await screenshot(page, 'chinese-panel-top-legend-source-zh');
    await page.locator('#details').evaluate((el) => {
      el.querySelector('[data-figure="qd10-projects"]')?.scrollIntoView({ block: 'center' });
    });
    expect(await page.locator('[data-figure="qd10-projects"] > [data-testid="figure-discrepancy"]').textContent()).toBe('照录原文：所列各项相加为113个。');
    expect(await page.locator('[data-figure="qd10-projects"] > .figure-source').textContent()).toBe('来源：《中国扶贫开发年鉴》2011年卷（英文网络版）“青岛—贵州对口帮扶”，栏目“概述”');
    expect(await page.locator('[data-figure="qd10-projects"] > .figure-held').textContent()).toBe('现有资料：仅网页开头部分（前1,982个字符：“概述”栏目及下一栏目的开头几个词）。');
    expect(await latinWords(page, '#details')).toEqual([]);
    expect(await latinWords(page, '.legend')).toEqual([]);
    await screenshot(page, 'chinese-panel-legend-zh');
    await page.locator('[data-action="share"]').click();
    const cite = await page.locator('#share-cite').inputValue();
    expect(cite).toContain('“青岛—贵州对口帮扶”（2010年条目；原题“Qingdao - Guizhou Pairing-off Poverty Alleviation”），https://yearbook.iprcc.org.cn/zggjfpzxnj/2011njyw/wdxfpxzp/384924.shtml');
    expect(withoutOriginals(cite).match(/[A-Za-z]+/g)).toBeNull();
    await screenshot(page, 'chinese-citation-zh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('counts in English with the right plural ("1 Training course"), and gives Tongren its ¥8.4 million of 2010', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=en&place=522600&metric=training_courses`);
    await waitForMap(page);
    expect(await page.locator('[data-figure="nb10-course-qiandongnan"] .figure-head').first().textContent()).toMatch(/^1 Training course · 2010 · /);
    // Under 2010, Tongren shows its own half of Qingdao's 16.8 million, as Anshun does.
    await page.goto(`${inject('baseUrl')}/?lang=en&year=2010&place=520600`);
    await waitForMap(page);
    expect(await page.getByTestId('panel-total').textContent()).toBe('¥8.4 million');
    expect(errors).toEqual([]);
    await page.close();
  });
});
