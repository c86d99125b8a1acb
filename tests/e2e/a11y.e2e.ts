import { describe, expect, it } from 'vitest';
import { setUp } from './driver.ts';

/* axe-core in our Chromium: no serious or critical violation on each main state, in both languages. */

const e2e = setUp();

const STATES = {
  main: '',
  panel: 'place=520422',
  table: 'table=1',
  embed: 'embed=1',
} as const;

describe('accessibility (axe-core)', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const [name, query] of Object.entries(STATES)) {
      it(`has no serious or critical violation: ${name}, ${lang}`, async () => {
        const app = await e2e.open({ lang, query });
        expect(await app.axeViolations()).toEqual([]);
        if (name !== 'main') await app.shot(`a11y-${name}-${lang}`);
        await app.close();
      });
    }
  }
});

describe('keyboard only', () => {
  it('selects a county with the combobox, changes the year and reads a value in the table view', async () => {
    const app = await e2e.open({ lang: 'zh' });
    const { page } = app;
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let i = 0; i < 40 && (await focusedId()) !== 'place-search'; i++) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('place-search');
    await page.keyboard.type('puding');
    await expect.poll(() => page.locator('#place-search').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#place-search').getAttribute('aria-activedescendant')).toBe('place-option-520422');
    await page.keyboard.press('Enter');
    await expect.poll(() => app.panelTitle()).toBe('普定县');
    await page.keyboard.press('Escape');
    await expect.poll(() => app.panel.isVisible()).toBe(false);
    // Back to the year buttons with Shift+Tab, then choose 2011.
    const focusedYear = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['year'] ?? '');
    for (let i = 0; i < 40 && (await focusedYear()) !== '2011'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusedYear()).toBe('2011');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('year=2011');
    // The table view, opened from its header button by keyboard.
    const focusedAction = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['action'] ?? '');
    for (let i = 0; i < 40 && (await focusedAction()) !== 'table'; i++) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    const row = page.locator('#table-view tr[data-key="520422"]');
    await expect.poll(() => row.locator('td.num').textContent()).toBe('63万元');
    await app.shot('keyboard-table-zh');
    await app.done();
  });
});
