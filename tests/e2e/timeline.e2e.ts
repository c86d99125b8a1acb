import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clickAndReload, headerAction, launchBrowser, openPage, screenshot, waitForMap } from './browser.ts';

/*
 * The year control as a chart (issue 13): bars by the map's rules, "no record" marks, faded lines and
 * the legend's reason, the panels' reasons and charts, play, keyboard, and measure offers. The second
 * part opens a temporary dataset with Qingdao 2009–2012 (replacing the built-in figures), so that it
 * does not depend on which yearbook years the built-in data holds.
 */

const QD = '370200';
const NB = '330200';
const HEADER = 'id,source,section,year_from,year_to,donor,recipients,category,metric,value,qualifier,part_of,note_en,note_zh';
const ROWS = [
  'u-q09,qd2011,Overview,2009,2009,370200,520400;520600,government_funds,funds_cny,10000000,exact,,Test 2009.,测试2009。',
  'u-q10,qd2011,Overview,2010,2010,370200,520400;520600,government_funds,funds_cny,16800000,exact,,Test 2010 whole.,测试2010总额。',
  'u-q10-anshun,qd2011,Overview,2010,2010,370200,520400,government_funds,funds_cny,8400000,exact,u-q10,Test part.,测试部分。',
  'u-q10-tongren,qd2011,Overview,2010,2010,370200,520600,government_funds,funds_cny,8400000,exact,u-q10,Test part.,测试部分。',
  'u-q11,qd2011,Overview,2011,2011,370200,520400;520600,government_funds,funds_cny,31250000,exact,,Test 2011.,测试2011。',
  'u-q12,qd2011,Overview,2012,2012,370200,520400,government_funds,funds_cny,5000000,exact,,A user’s extra year.,用户添加的年份。',
  'u-nb10,nb2010,Overview,2010,2010,330200,522600;522300,government_funds,funds_cny,43150000,exact,,Test Ningbo.,测试宁波。',
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const base = () => inject('baseUrl');
const chart = (page: Page) => page.getByTestId('year-chart');
const bar = (page: Page, year: number, city: string) => chart(page).locator(`button[data-year="${year}"] .mark-bar[data-city="${city}"]`);
const yearParam = (page: Page) => new URL(page.url()).searchParams.get('year');

/** Opens the app with the test figures instead of the built-in ones (kept for the tab, as a user's import is). */
async function openWithTestData(lang: 'en' | 'zh', viewport: { width: number; height: number }, query = ''): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(browser, `${base()}/?lang=${lang}${query}`, { viewport });
  await waitForMap(page);
  await headerAction(page, 'import');
  await page.locator('#import-mode').selectOption('replace');
  await page.locator('#import-files').setInputFiles([{ name: 'figures.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...ROWS].join('\n'), 'utf8') }]);
  await page.getByTestId('import-report').locator('.import-summary').first().waitFor();
  await clickAndReload(page, () => page.locator('[data-action="import-show"]').click());
  return { page, errors };
}

describe('the year chart on the built-in data', () => {
  it('draws a bar per city and year by the map’s rules, and marks years without records', async () => {
    const { page, errors } = await openPage(browser, `${base()}/?lang=en`, { viewport: { width: 1280, height: 800 } });
    await waitForMap(page);
    const years = await chart(page).locator('button[data-year]').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset['year']));
    expect(years).toEqual(expect.arrayContaining(['2009', '2010', '2011']));
    // Qingdao 2010: the ¥16.8 million once, not beside its two ¥8.4 million parts (33.6).
    expect(await bar(page, 2010, QD).getAttribute('data-value')).toBe('16800000');
    // Ningbo 2010: the ¥81.85 million programme; its ¥10.22 million drought relief is a dashed line, not added.
    expect(await bar(page, 2010, NB).getAttribute('data-value')).toBe('81850000');
    expect(await chart(page).locator(`button[data-year="2010"] .mark-apart[data-city="${NB}"]`).getAttribute('data-value')).toBe('10220000');
    expect(await bar(page, 2011, QD).getAttribute('data-value')).toBe('32000000');
    expect(await chart(page).locator(`button[data-year="2011"] .mark-no-record[data-city="${NB}"]`).count()).toBe(1);
    expect(await bar(page, 2011, NB).count()).toBe(0);
    // The table equivalent says the same.
    const row2011 = chart(page).locator('table tbody tr', { hasText: '2011' }).first();
    expect(await row2011.locator('td').allTextContents()).toEqual(['¥32 million', 'no record']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('under 2011 fades Ningbo’s lines, says so in the legend and in a Ningbo place’s panel', async () => {
    const { page, errors } = await openPage(browser, `${base()}/?lang=en&view=overview`, { viewport: { width: 1280, height: 800 } });
    await waitForMap(page);
    expect(await page.getByTestId('legend-no-record').count()).toBe(0);
    await chart(page).locator('button[data-year="2011"]').click();
    await expect.poll(() => page.getByTestId('legend-no-record').textContent()).toBe('No Ningbo record for 2011');
    const arcs = await page.locator('.svg-map #arcs path').evaluateAll((ps) =>
      ps.map((p) => ({ id: p.getAttribute('data-arc') ?? '', faded: p.getAttribute('data-no-record') === 'true', opacity: Number(p.getAttribute('stroke-opacity')) })),
    );
    const ningbo = arcs.filter((a) => a.id.startsWith('3302'));
    const qingdao = arcs.filter((a) => a.id.startsWith('3702'));
    expect(ningbo.length).toBeGreaterThan(0);
    expect(ningbo.every((a) => a.faded && a.opacity <= 0.3)).toBe(true);
    expect(qingdao.every((a) => !a.faded && a.opacity >= 0.8)).toBe(true);
    await screenshot(page, 'timeline-2011-en');
    await page.goto(`${base()}/?lang=en&year=2011&place=522600`);
    await waitForMap(page);
    await expect.poll(() => page.getByTestId('panel-total').textContent()).toBe('No Ningbo record for 2011');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works from the keyboard: a year column is a button that keeps the focus', async () => {
    const { page, errors } = await openPage(browser, `${base()}/?lang=en`);
    await waitForMap(page);
    await page.locator('.year-row button[data-year="all"]').focus();
    await page.keyboard.press('Tab'); // play
    await page.keyboard.press('Tab'); // first year
    const first = await page.evaluate(() => (document.activeElement as HTMLElement).dataset['year']);
    await page.keyboard.press('Enter');
    await expect.poll(() => yearParam(page)).toBe(first);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset['year'])).toBe(first);
    expect(await chart(page).locator(`button[data-year="${first}"]`).getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers the measure that has figures when a kind of aid has none in the current one', async () => {
    const { page, errors } = await openPage(browser, `${base()}/?lang=en&year=2011&category=trade_investment`);
    await waitForMap(page);
    const offer = page.getByRole('button', { name: '¥1.15 billion of business investment signed: show it?' });
    await offer.click();
    await expect.poll(() => page.locator('#metric').inputValue()).toBe('investment_cny');
    await expect.poll(() => page.getByTestId('dead-end').isVisible()).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { __gpm: { markers(): string[] } }).__gpm.markers())).not.toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the year chart on a temporary dataset with Qingdao 2009–2012', () => {
  it('offers every data year on one line, adds a whole once (16.8 million, not 33.6) and gives a city panel its chart', async () => {
    const { page, errors } = await openWithTestData('en', { width: 1280, height: 800 });
    const cols = chart(page).locator('button[data-year]');
    expect(await cols.evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset['year']))).toEqual(['2009', '2010', '2011', '2012']);
    const boxes = await cols.evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect()).map((r) => ({ top: r.top, left: r.left, right: r.right })));
    expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
    boxes.forEach((b, i) => i > 0 && expect(b.left).toBeGreaterThan(boxes[i - 1]!.right));
    const sidebar = (await page.locator('.sidebar').boundingBox())!;
    expect(boxes[boxes.length - 1]!.right).toBeLessThanOrEqual(sidebar.x + sidebar.width);
    // "All years" on one line.
    const all = page.locator('.year-row button[data-year="all"]');
    expect((await all.boundingBox())!.height).toBeLessThan(36);
    expect(await bar(page, 2010, QD).getAttribute('data-value')).toBe('16800000');
    expect(await bar(page, 2012, QD).getAttribute('data-value')).toBe('5000000');
    expect(await chart(page).locator(`button[data-year="2009"] .mark-no-record[data-city="${NB}"]`).count()).toBe(1);
    // Under 2010, Anshun and Tongren each show their ¥8.4 million part.
    await cols.nth(1).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __gpm: { markers(): string[] } }).__gpm.markers().sort())).toEqual(['520400', '520600', '520400;520600', '522300;522600'].sort());
    await screenshot(page, 'timeline-four-years-en');
    await page.goto(`${base()}/?lang=en&place=${QD}`);
    await waitForMap(page);
    const panelChart = page.getByTestId('panel-year-chart');
    await expect.poll(() => panelChart.locator('button[data-year]').count()).toBe(4);
    expect(await panelChart.locator(`button[data-year="2010"] .mark-bar[data-city="${QD}"]`).getAttribute('data-value')).toBe('16800000');
    await panelChart.locator('button[data-year="2012"]').click();
    await expect.poll(() => yearParam(page)).toBe('2012');
    await screenshot(page, 'timeline-panel-en');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays about 2 s a year, shows where it is, and pauses', async () => {
    const { page, errors } = await openWithTestData('en', { width: 1280, height: 800 });
    const play = page.locator('[data-action="play"]');
    await play.click();
    await expect.poll(() => yearParam(page)).toBe('2009');
    const started = Date.now();
    expect(await chart(page).locator('button[data-year="2009"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.year-control').getAttribute('class')).toContain('playing');
    await expect.poll(() => yearParam(page), { timeout: 5000, interval: 100 }).toBe('2010');
    const step = Date.now() - started;
    expect(step).toBeGreaterThan(1500);
    expect(step).toBeLessThan(3500);
    await play.click(); // pause
    expect(await play.getAttribute('aria-label')).toBe('Play through the years');
    await page.waitForTimeout(2600);
    expect(yearParam(page)).toBe('2010');
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const [lang, viewport] of [
    ['en', { width: 390, height: 844 }],
    ['zh', { width: 1280, height: 800 }],
    ['zh', { width: 390, height: 844 }],
  ] as const) {
    it(`lays the control out without wrapping in ${lang} at ${viewport.width}×${viewport.height}`, async () => {
      const { page, errors } = await openWithTestData(lang, viewport, '&year=2011');
      const cols = chart(page).locator('button[data-year]');
      const tops = await cols.evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top)));
      expect(tops).toHaveLength(4);
      expect(new Set(tops).size).toBe(1);
      // The year text fits its column.
      expect(await cols.evaluateAll((bs) => bs.every((b) => b.scrollWidth <= b.clientWidth + 1))).toBe(true);
      const legend = lang === 'en' ? 'No Ningbo record for 2011' : '没有宁波2011年的记录';
      expect(await page.getByTestId('legend-no-record').textContent()).toBe(legend);
      await page.locator('.controls').screenshot({ path: `tests/e2e/screenshots/timeline-control-${lang}-${viewport.width}.png` });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
