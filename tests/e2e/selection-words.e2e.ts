import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot, waitForMap } from './browser.ts';

/*
 * Issue 12, item 5 beyond the map: what hovering a line says, Guizhou found by search, a phone's
 * header actions in a labelled menu, and the table sorted by any column.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
const base = () => inject('baseUrl');

/** A point on a partner line where the line itself is the topmost thing drawn, in page coordinates. */
async function pointOnArc(page: Page, id: string): Promise<[number, number] | null> {
  return page.evaluate((arcId) => {
    const path = document.querySelector<SVGPathElement>(`#arcs path[data-arc="${arcId}"]`);
    const matrix = path?.getScreenCTM();
    if (!path || !matrix) return null;
    const length = path.getTotalLength();
    for (let i = 1; i < 40; i++) {
      const p = path.getPointAtLength((length * i) / 40).matrixTransform(matrix);
      if (p.x > 0 && p.y > 0 && p.x < innerWidth && p.y < innerHeight && document.elementFromPoint(p.x, p.y) === path) return [p.x, p.y] as [number, number];
    }
    return null;
  }, id);
}

describe('hovering a partner line', () => {
  for (const [lang, text] of [
    ['en', 'Qingdao → Anshun · stated pairing'],
    ['zh', '青岛 → 安顺 · 原文明确结对'],
  ] as const) {
    it(`names the giver and the recipient (${lang})`, async () => {
      const { page, errors } = await openPage(browser, `${base()}/?lang=${lang}`, { viewport: { width: 1280, height: 800 } });
      await waitForMap(page);
      const point = await pointOnArc(page, '370200-520400');
      expect(point, 'a free point on the Qingdao–Anshun line').not.toBeNull();
      await page.mouse.move(point![0], point![1]);
      await expect.poll(() => page.locator('.tooltip').textContent()).toBe(text);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('searching for Guizhou', () => {
  for (const [lang, query, title, donor] of [
    ['en', 'Guizhou', 'Guizhou Province', 'from Ningbo'],
    ['en', 'guizhou sheng', 'Guizhou Province', 'from Qingdao'],
    ['zh', '贵州', '贵州省', '帮扶方：宁波'],
  ] as const) {
    it(`opens the province for "${query}", listing its figures with the city that gave each`, async () => {
      const { page, errors } = await openPage(browser, `${base()}/?lang=${lang}`, { viewport: { width: 1280, height: 800 } });
      await waitForMap(page);
      await page.locator('#place-search').fill(query);
      await expect.poll(() => page.locator('#place-options li').first().getAttribute('data-place')).toBe('520000');
      await page.locator('#place-search').press('Enter');
      await expect.poll(() => page.locator('#details h2').textContent()).toBe(title);
      await expect.poll(() => page.url()).toContain('place=520000');
      const donors = await page.locator('#details .figure-donor').allTextContents();
      expect(donors.length).toBeGreaterThan(5);
      expect(donors).toContain(donor);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('the header on a phone', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`puts its actions in a labelled menu, not a sideways scroll (${lang})`, async () => {
      const { page, errors } = await openPage(browser, `${base()}/?lang=${lang}`, { viewport: { width: 390, height: 844 } });
      await waitForMap(page);
      const actions = page.locator('.header-actions');
      expect(await actions.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
      const toggle = page.getByRole('button', { name: lang === 'en' ? 'Menu' : '菜单' });
      await expect.poll(() => toggle.isVisible()).toBe(true);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      const table = page.getByRole('button', { name: lang === 'en' ? 'Table view' : '表格视图' });
      expect(await table.isVisible()).toBe(false);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      // Every action is in the menu, on screen, none cut off.
      const boxes = await page.locator('#header-menu button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes).toHaveLength(5);
      for (const b of boxes) {
        expect(b.left).toBeGreaterThanOrEqual(0);
        expect(b.right).toBeLessThanOrEqual(390);
        expect(b.height).toBeGreaterThan(20);
      }
      await screenshot(page, `header-menu-phone-${lang}`);
      await page.keyboard.press('Escape');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      await table.click();
      await expect.poll(() => page.locator('#table-view').isVisible()).toBe(true);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('keeps every action in the row on a desktop, with no menu button', async () => {
    const { page } = await openPage(browser, `${base()}/?lang=en`, { viewport: { width: 1280, height: 800 } });
    await waitForMap(page);
    expect(await page.locator('.menu-toggle').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Table view' }).isVisible()).toBe(true);
    await page.close();
  });
});

describe('the table view', () => {
  it('sorts by any column with buttons that say how it is sorted, and ends with a total of each figure once', async () => {
    const { page, errors } = await openPage(browser, `${base()}/?lang=en&year=all&table=1`, { viewport: { width: 1280, height: 800 } });
    await waitForMap(page);
    const values = () => page.locator('#table-view tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key') ?? ''));
    const header = (name: string) => page.locator('#table-view thead th', { has: page.getByRole('button', { name, exact: true }) });
    const before = await values();
    await page.getByRole('button', { name: 'Place', exact: true }).click();
    expect(await header('Place').getAttribute('aria-sort')).toBe('ascending');
    const places = await page.locator('#table-view tbody th').allTextContents();
    expect(places).toEqual([...places].sort((a, b) => a.localeCompare(b, 'en')));
    await page.getByRole('button', { name: 'Value', exact: true }).click();
    expect(await header('Place').getAttribute('aria-sort')).toBeNull();
    expect(await header('Value').getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Value', exact: true }).click();
    expect(await header('Value').getAttribute('aria-sort')).toBe('descending');
    // Focus stays on the button that was pressed, for keyboard users.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['sort'])).toBe('value');
    expect((await values()).sort()).toEqual([...before].sort());
    // Parts are marked and name their whole; the open overlap says the text leaves it open.
    await expect.poll(() => page.locator('#table-view tr[data-key="520403"] td.part-of').textContent()).toBe('partinside Anshun + Tongren (¥31.25 million)');
    expect(await page.locator('#table-view tr[data-key="522300;522600"] td.part-of').textContent()).toBe(
      'partmay be inside Guizhou as a whole (¥81.85 million); the text does not say',
    );
    expect(await page.getByTestId('table-total').textContent()).toBe(
      'Total, each figure once¥113.85 million + ¥10.22 million disaster relief (the text does not say whether it is included) · apart: 2006–2010 more than ¥66.53 million',
    );
    await screenshot(page, 'table-sorted-en');
    expect(errors).toEqual([]);
    await page.close();
  });
});
