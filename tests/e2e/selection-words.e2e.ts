import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUp } from './driver.ts';

/*
 * The words around the map: what hovering a line says, Guizhou found by search, a phone's
 * header actions in a labelled menu, and the table sorted by any column.
 */

const e2e = setUp();
const DESKTOP = [1280, 800] as const;

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
      const app = await e2e.open({ lang, size: DESKTOP });
      const point = await pointOnArc(app.page, '370200-520400');
      expect(point, 'a free point on the Qingdao–Anshun line').not.toBeNull();
      await app.page.mouse.move(point![0], point![1]);
      await expect.poll(() => app.tooltipText()).toBe(text);
      await app.done();
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
      const app = await e2e.open({ lang, size: DESKTOP });
      const search = app.page.locator('#place-search');
      await search.fill(query);
      await expect.poll(() => app.page.locator('#place-options li').first().getAttribute('data-place')).toBe('520000');
      await search.press('Enter');
      await expect.poll(() => app.panelTitle()).toBe(title);
      await expect.poll(() => app.page.url()).toContain('place=520000');
      const donors = await app.panel.locator('.figure-donor').allTextContents();
      expect(donors.length).toBeGreaterThan(5);
      expect(donors).toContain(donor);
      await app.done();
    });
  }
});

describe('the header on a phone', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`puts its actions in a labelled menu, not a sideways scroll (${lang})`, async () => {
      const app = await e2e.open({ lang, size: [390, 844] });
      const { page } = app;
      const actions = page.locator('.header-actions');
      expect(await actions.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
      const toggle = page.getByRole('button', { name: lang === 'en' ? 'Menu' : '菜单' });
      const expanded = () => toggle.getAttribute('aria-expanded');
      await expect.poll(() => toggle.isVisible()).toBe(true);
      expect(await expanded()).toBe('false');
      const table = page.getByRole('button', { name: lang === 'en' ? 'Table view' : '表格视图' });
      expect(await table.isVisible()).toBe(false);
      await toggle.click();
      expect(await expanded()).toBe('true');
      // Every action is in the menu, on screen, none cut off.
      const boxes = await page.locator('#header-menu button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes).toHaveLength(6);
      for (const b of boxes) {
        expect(b.left).toBeGreaterThanOrEqual(0);
        expect(b.right).toBeLessThanOrEqual(390);
        expect(b.height).toBeGreaterThan(20);
      }
      await app.shot(`header-menu-phone-${lang}`);
      await page.keyboard.press('Escape');
      expect(await expanded()).toBe('false');
      await toggle.click();
      await table.click();
      await expect.poll(() => page.locator('#table-view').isVisible()).toBe(true);
      expect(await expanded()).toBe('false');
      await app.done();
    });
  }

  it('keeps every action in the row on a desktop, with no menu button', async () => {
    const app = await e2e.open({ lang: 'en', size: DESKTOP });
    expect(await app.page.locator('.menu-toggle').isVisible()).toBe(false);
    expect(await app.page.getByRole('button', { name: 'Table view' }).isVisible()).toBe(true);
    await app.close();
  });
});

describe('the table view', () => {
  it('sorts by any column with buttons that say how it is sorted, and ends with a total of each figure once', async () => {
    const app = await e2e.open({ lang: 'en', query: 'year=all&table=1', size: DESKTOP });
    const { page } = app;
    const values = () => page.locator('#table-view tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key') ?? ''));
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const sorted = (name: string) => page.locator('#table-view thead th', { has: button(name) }).getAttribute('aria-sort');
    const before = await values();
    await button('Place').click();
    expect(await sorted('Place')).toBe('ascending');
    const places = await page.locator('#table-view tbody th').allTextContents();
    expect(places).toEqual([...places].sort((a, b) => a.localeCompare(b, 'en')));
    await button('Value').click();
    expect(await sorted('Place')).toBeNull();
    expect(await sorted('Value')).toBe('ascending');
    await button('Value').click();
    expect(await sorted('Value')).toBe('descending');
    // Focus stays on the button that was pressed, for keyboard users.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['sort'])).toBe('value');
    expect((await values()).sort()).toEqual([...before].sort());
    // Parts are marked and name their whole; the open overlap says the text leaves it open.
    await expect.poll(() => page.locator('#table-view tr[data-key="520403"] td.part-of').textContent()).toBe('partmay be inside Anshun + Tongren (¥76.45 million); the text does not say');
    expect(await page.locator('#table-view tr[data-key="522300;522600"] td.part-of').textContent()).toBe(
      'partmay be inside Guizhou as a whole (¥81.85 million); the text does not say',
    );
    expect(await page.getByTestId('table-total').textContent()).toBe(
      'Total, each figure onceat least ¥159.05 million + ¥1.2 million government aid funds (the text does not say whether it is included) + ¥10.22 million disaster relief (the text does not say whether it is included) + more than ¥26 million education (the text does not say whether it is included) + more than ¥12 million social donations (the text does not say whether it is included) · apart: 2006–2010 more than ¥66.53 million',
    );
    // Which rows the total adds: the four whose figures it counts, ¥81.85m + ¥76.45m + ¥630,000 + ¥120,000 = ¥159.05m.
    const inTotal = await page.locator('#table-view tbody tr').evaluateAll((trs) => trs.filter((tr) => tr.getAttribute('data-in-total') === 'yes').map((tr) => tr.getAttribute('data-key')));
    expect(inTotal.sort()).toEqual(['520400;520600', '520422', '520424', 'programme:330200']);
    expect(await page.locator('#table-view tr[data-key="520403"] td.in-total').textContent()).toBe('No');
    expect(await page.getByTestId('table-in-total-note').textContent()).toContain('only the rows marked “Yes”');
    await app.shot('table-sorted-en');
    await app.done();
  });
});
