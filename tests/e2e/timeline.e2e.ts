import { describe, expect, it } from 'vitest';
import { FIGURES_HEADER, setUp, type App, type Lang } from './driver.ts';

/*
 * The year control as a chart: bars by the map's rules, "no record" marks, faded lines and
 * the legend's reason, the panels' reasons and charts, play, keyboard, and measure offers. The second
 * part opens a temporary dataset with Qingdao 2009–2012 (replacing the built-in figures), so that it
 * does not depend on which yearbook years the built-in data holds.
 */

const QD = '370200';
const NB = '330200';
const ROWS = [
  'u-q09,qd2011,Overview,2009,2009,370200,520400;520600,government_funds,funds_cny,10000000,exact,,Test 2009.,测试2009。',
  'u-q10,qd2011,Overview,2010,2010,370200,520400;520600,government_funds,funds_cny,16800000,exact,,Test 2010 whole.,测试2010总额。',
  'u-q10-anshun,qd2011,Overview,2010,2010,370200,520400,government_funds,funds_cny,8400000,exact,u-q10,Test part.,测试部分。',
  'u-q10-tongren,qd2011,Overview,2010,2010,370200,520600,government_funds,funds_cny,8400000,exact,u-q10,Test part.,测试部分。',
  'u-q11,qd2011,Overview,2011,2011,370200,520400;520600,government_funds,funds_cny,31250000,exact,,Test 2011.,测试2011。',
  'u-q12,qd2011,Overview,2012,2012,370200,520400,government_funds,funds_cny,5000000,exact,,A user’s extra year.,用户添加的年份。',
  'u-nb10,nb2010,Overview,2010,2010,330200,522600;522300,government_funds,funds_cny,43150000,exact,,Test Ningbo.,测试宁波。',
];

const e2e = setUp();
const DESKTOP = [1280, 800] as const;

const chart = (app: App) => app.page.getByTestId('year-chart');
const bar = (app: App, year: number, city: string) => chart(app).locator(`button[data-year="${year}"] .mark-bar[data-city="${city}"]`);

/** Opens the app with the test figures instead of the built-in ones (kept for the tab, as a user's import is). */
async function openWithTestData(lang: Lang, size: readonly [number, number], query = ''): Promise<App> {
  const app = await e2e.open({ lang, query, size });
  await app.importFiles([{ name: 'figures.csv', bytes: [FIGURES_HEADER, ...ROWS].join('\n') }], { mode: 'replace' });
  await app.reloadingClick(() => app.page.locator('[data-action="import-show"]').click());
  return app;
}

describe('the year chart on the built-in data', () => {
  it('draws a bar per city and year by the map’s rules, and marks years without records', async () => {
    const app = await e2e.open({ lang: 'en', size: DESKTOP });
    const years = await chart(app).locator('button[data-year]').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset['year']));
    expect(years).toEqual(expect.arrayContaining(['2009', '2010', '2011']));
    // Qingdao 2010: the ¥16.8 million once, not beside its two ¥8.4 million parts (33.6).
    expect(await bar(app, 2010, QD).getAttribute('data-value')).toBe('16800000');
    // Ningbo 2010: the ¥81.85 million programme.
    expect(await bar(app, 2010, NB).getAttribute('data-value')).toBe('81850000');
    // Beside it, never added: the drought relief, and the school money and other social aid the text may count in it.
    const apart = await chart(app).locator(`button[data-year="2010"] .mark-apart[data-city="${NB}"]`).evaluateAll((ls) => ls.map((l) => l.getAttribute('data-value')).sort());
    expect(apart).toEqual(['10220000', '12000000', '26000000']);
    expect(await bar(app, 2011, QD).getAttribute('data-value')).toBe('32000000');
    expect(await chart(app).locator(`button[data-year="2011"] .mark-no-record[data-city="${NB}"]`).count()).toBe(1);
    expect(await bar(app, 2011, NB).count()).toBe(0);
    // The table equivalent says the same, and what the text may include in it (Shinan's ¥1.2 million for Pingba).
    const row2011 = chart(app).locator('table tbody tr', { hasText: '2011' }).first();
    expect(await row2011.locator('td').allTextContents()).toEqual(['¥32 million, plus ¥1.2 million that the text may include in it (not added)', 'no record']);
    await app.done();
  });

  it('under 2011 fades Ningbo’s lines, says so in the legend and in a Ningbo place’s panel', async () => {
    const app = await e2e.open({ lang: 'en', query: 'view=overview', size: DESKTOP });
    const noRecord = app.page.getByTestId('legend-no-record');
    expect(await noRecord.count()).toBe(0);
    await chart(app).locator('button[data-year="2011"]').click();
    await expect.poll(() => noRecord.textContent()).toBe('No Ningbo record for 2011');
    const arcs = await app.page.locator('.svg-map #arcs path').evaluateAll((ps) =>
      ps.map((p) => ({ id: p.getAttribute('data-arc') ?? '', faded: p.getAttribute('data-no-record') === 'true', opacity: Number(p.getAttribute('stroke-opacity')) })),
    );
    const ningbo = arcs.filter((a) => a.id.startsWith('3302'));
    const qingdao = arcs.filter((a) => a.id.startsWith('3702'));
    expect(ningbo.length).toBeGreaterThan(0);
    expect(ningbo.every((a) => a.faded && a.opacity <= 0.3)).toBe(true);
    expect(qingdao.every((a) => !a.faded && a.opacity >= 0.8)).toBe(true);
    await app.shot('timeline-2011-en');
    await app.goto({ lang: 'en', query: 'year=2011&place=522600' });
    await expect.poll(() => app.panelTotal()).toBe('No Ningbo record for 2011');
    await app.done();
  });

  it('works from the keyboard: a year column is a button that keeps the focus', async () => {
    const app = await e2e.open({ lang: 'en' });
    const { page } = app;
    const focusedYear = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset['year']);
    await page.locator('.year-row button[data-year="all"]').focus();
    await page.keyboard.press('Tab'); // play
    await page.keyboard.press('Tab'); // first year
    const first = await focusedYear();
    await page.keyboard.press('Enter');
    await expect.poll(() => app.param('year')).toBe(first);
    expect(await focusedYear()).toBe(first);
    expect(await chart(app).locator(`button[data-year="${first}"]`).getAttribute('aria-pressed')).toBe('true');
    await app.done();
  });

  it('offers the measure that has figures when a kind of aid has none in the current one', async () => {
    const app = await e2e.open({ lang: 'en', query: 'year=2011&category=trade_investment' });
    const offer = app.page.getByRole('button', { name: '¥1.15 billion of business investment signed: show it?' });
    await offer.click();
    await expect.poll(() => app.page.locator('#metric').inputValue()).toBe('investment_cny');
    await expect.poll(() => app.page.getByTestId('dead-end').isVisible()).toBe(false);
    expect(await app.markers()).not.toEqual([]);
    await app.done();
  });
});

describe('the year chart on a temporary dataset with Qingdao 2009–2012', () => {
  it('offers every data year on one line, adds a whole once (16.8 million, not 33.6) and gives a city panel its chart', async () => {
    const app = await openWithTestData('en', DESKTOP);
    const { page } = app;
    const cols = chart(app).locator('button[data-year]');
    expect(await cols.evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset['year']))).toEqual(['2009', '2010', '2011', '2012']);
    const boxes = await cols.evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect()).map((r) => ({ top: r.top, left: r.left, right: r.right })));
    expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
    boxes.forEach((b, i) => i > 0 && expect(b.left).toBeGreaterThan(boxes[i - 1]!.right));
    const sidebar = (await page.locator('.sidebar').boundingBox())!;
    expect(boxes[boxes.length - 1]!.right).toBeLessThanOrEqual(sidebar.x + sidebar.width);
    // "All years" on one line.
    const all = page.locator('.year-row button[data-year="all"]');
    expect((await all.boundingBox())!.height).toBeLessThan(36);
    expect(await bar(app, 2010, QD).getAttribute('data-value')).toBe('16800000');
    expect(await bar(app, 2012, QD).getAttribute('data-value')).toBe('5000000');
    expect(await chart(app).locator(`button[data-year="2009"] .mark-no-record[data-city="${NB}"]`).count()).toBe(1);
    // Under 2010, Anshun and Tongren each show their ¥8.4 million part.
    await cols.nth(1).click();
    await expect.poll(async () => (await app.markers()).sort()).toEqual(['520400', '520600', '520400;520600', '522300;522600'].sort());
    await app.shot('timeline-four-years-en');
    await app.goto({ lang: 'en', query: `place=${QD}` });
    const panelChart = page.getByTestId('panel-year-chart');
    await expect.poll(() => panelChart.locator('button[data-year]').count()).toBe(4);
    expect(await panelChart.locator(`button[data-year="2010"] .mark-bar[data-city="${QD}"]`).getAttribute('data-value')).toBe('16800000');
    await panelChart.locator('button[data-year="2012"]').click();
    await expect.poll(() => app.param('year')).toBe('2012');
    await app.shot('timeline-panel-en');
    await app.done();
  });

  it('plays about 2 s a year, shows where it is, and pauses', async () => {
    const app = await openWithTestData('en', DESKTOP);
    const play = app.page.locator('[data-action="play"]');
    await play.click();
    await expect.poll(() => app.param('year')).toBe('2009');
    const started = Date.now();
    expect(await chart(app).locator('button[data-year="2009"]').getAttribute('aria-pressed')).toBe('true');
    expect(await app.page.locator('.year-control').getAttribute('class')).toContain('playing');
    await expect.poll(() => app.param('year'), { timeout: 5000, interval: 100 }).toBe('2010');
    const step = Date.now() - started;
    expect(step).toBeGreaterThan(1500);
    expect(step).toBeLessThan(3500);
    await play.click(); // pause
    expect(await play.getAttribute('aria-label')).toBe('Play through the years');
    await app.page.waitForTimeout(2600);
    expect(app.param('year')).toBe('2010');
    await app.done();
  });

  for (const [lang, size] of [
    ['en', [390, 844]],
    ['zh', [1280, 800]],
    ['zh', [390, 844]],
  ] as const) {
    it(`lays the control out without wrapping in ${lang} at ${size[0]}×${size[1]}`, async () => {
      const app = await openWithTestData(lang, size, 'year=2011');
      const cols = chart(app).locator('button[data-year]');
      const tops = await cols.evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top)));
      expect(tops).toHaveLength(4);
      expect(new Set(tops).size).toBe(1);
      // The year text fits its column.
      expect(await cols.evaluateAll((bs) => bs.every((b) => b.scrollWidth <= b.clientWidth + 1))).toBe(true);
      const legend = lang === 'en' ? 'No Ningbo record for 2011' : '没有宁波2011年的记录';
      expect(await app.page.getByTestId('legend-no-record').textContent()).toBe(legend);
      await app.shot(`timeline-control-${lang}-${size[0]}`, '.controls');
      await app.done();
    });
  }
});
