import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshot, waitForMap } from './browser.ts';

/* axe-core in our Chromium: no serious or critical violation on each main state, in both languages. */

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's CSP (rightly) refuses inline script tags.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    // The WebGL canvas is one image for axe; its content is offered as the table view and the panel.
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const STATES = {
  main: '',
  panel: '&place=520422',
  table: '&table=1',
  embed: '&embed=1',
} as const;

describe('accessibility (axe-core)', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const [name, query] of Object.entries(STATES)) {
      it(`has no serious or critical violation: ${name}, ${lang}`, async () => {
        const { page } = await openPage(browser, `${inject('baseUrl')}/?lang=${lang}${query}`);
        await waitForMap(page);
        expect(await seriousViolations(page)).toEqual([]);
        if (name !== 'main') await screenshot(page, `a11y-${name}-${lang}`);
        await page.close();
      });
    }
  }
});

describe('keyboard only', () => {
  it('selects a county with the combobox, changes the year and reads a value in the table view', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}/?lang=zh`);
    await waitForMap(page);
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let i = 0; i < 40 && (await focusedId()) !== 'place-search'; i++) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('place-search');
    await page.keyboard.type('puding');
    await expect.poll(() => page.locator('#place-search').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#place-search').getAttribute('aria-activedescendant')).toBe('place-option-520422');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('普定县');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#details').isVisible()).toBe(false);
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
    await screenshot(page, 'keyboard-table-zh');
    expect(errors).toEqual([]);
    await page.close();
  });
});
