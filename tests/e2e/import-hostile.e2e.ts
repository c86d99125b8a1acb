import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { FIGURES_HEADER as HEADER, setUp, type App } from './driver.ts';

/*
 * Users' own files, tried as a hostile user would, through the real "Open data…" dialog:
 * no sticky crash, no silent loss, no silent corruption.
 */

const row = (id: string, value = '500000', o: { year?: number; recipients?: string; part_of?: string; note?: string } = {}) =>
  `${id},nb2010,Overview,${o.year ?? 2012},${o.year ?? 2012},330200,${o.recipients ?? '522600'},education,funds_cny,${value},exact,${o.part_of ?? ''},${o.note ?? 'A note.'},说明。`;
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

const e2e = setUp();

/** Gives the import dialog files (merged unless told) and returns its report once it says something. */
const openDialog = (app: App, files: { name: string; bytes: Buffer | string }[], mode: 'merge' | 'replace' = 'merge') => app.importFiles(files, { mode, wait: 'any' });
const problems = (report: Locator) => report.locator('.import-problems li').allTextContents();
const summaries = (report: Locator) => report.locator('.import-summary').allTextContents();
const allRows = async (app: App, report: Locator) => parseCsv((await app.download(() => report.getByText('Download figures.csv (all rows)').click())).text).records;
const fatals = (app: App) => app.page.locator('.fatal').count();

describe('users’ own files: no sticky crash', () => {
  it('refuses a huge number by file and line, and the map starts with the rest', async () => {
    const app = await e2e.open({ lang: 'en' });
    const report = await openDialog(app, [{ name: 'figures.csv', bytes: csv(row('ok1'), row('n1', '9'.repeat(400)), row('n2', `1${'0'.repeat(307)}`)) }]);
    expect(await problems(report)).toEqual([
      `figures.csv:3: value: "${'9'.repeat(40)}…" is too large: numbers must be below 10^15`,
      `figures.csv:4: value: "1${'0'.repeat(39)}…" is too large: numbers must be below 10^15`,
    ]);
    expect(await summaries(report)).toEqual(['figures.csv (UTF-8): 1 rows ready for the map, 2 rows with problems (kept in the download).']);
    await app.showImport(report);
    await expect.poll(() => app.noticeText()).toContain('Showing your data: figures.csv. 2 rows with problems');
    expect(await fatals(app)).toBe(0);
    await app.done();
  });

  it('sets aside an import that crashes while loading: the error page leads back to the built-in data, and the files stay downloadable', async () => {
    const app = await e2e.open({ lang: 'en' });
    const builtin = (await app.markers()).length;
    // One crash at the start that shows the user's files, as a bug in their loading would.
    await app.page.context().addInitScript(() => {
      if (sessionStorage.getItem('guizhou-pairing-map:import-id') && !sessionStorage.getItem('test:crashed')) {
        sessionStorage.setItem('test:crashed', '1');
        // After the app's scripts have run (they listen for errors), while it is still starting.
        document.addEventListener('DOMContentLoaded', () =>
          setTimeout(() => {
            throw new Error('simulated crash while loading');
          }, 0),
        );
      }
    });
    const text = csv(row('u1'));
    const report = await openDialog(app, [{ name: 'mine.csv', bytes: text }]);
    await report.getByRole('button', { name: 'Show on the map' }).click();
    const fatal = app.page.locator('.fatal');
    await fatal.waitFor({ timeout: 30_000 });
    const back = fatal.getByRole('button', { name: 'Back to the built-in data' });
    // Clickable: nothing covers it (the click would time out on an element under another).
    await app.shot('import-fatal-en');
    await app.reloadingClick(() => back.click({ timeout: 5_000 }));
    expect(await fatals(app)).toBe(0);
    await expect.poll(() => app.noticeText()).toContain('Your data (mine.csv) could not be shown and was set aside: Error: simulated crash while loading');
    expect((await app.markers()).length).toBe(builtin);
    expect((await app.download(() => app.notice.getByText('Download mine.csv').click())).text).toBe(text);
    await app.shot('import-set-aside-en');
    // Not replayed on reload; discarded on request.
    await app.reload();
    expect(await fatals(app)).toBe(0);
    await expect.poll(() => app.noticeText()).toContain('was set aside');
    await app.notice.getByRole('button', { name: 'Discard' }).click();
    await app.reload();
    expect(await app.notice.isHidden()).toBe(true);
    await app.close();
  });

  it('keeps a 6 MB file across the reload that shows it, and says so plainly when the browser refuses to store files', async () => {
    const app = await e2e.open({ lang: 'en' });
    const long = 'x'.repeat(20_000);
    const big = csv(...Array.from({ length: 300 }, (_, i) => row(`b${i}`, String(1000 + i), { note: long })));
    expect(big.length).toBeGreaterThan(6_000_000);
    const report = await openDialog(app, [{ name: 'big.csv', bytes: big }]);
    expect(await summaries(report)).toEqual(['big.csv (UTF-8): 300 rows ready for the map, 0 rows with problems (kept in the download).']);
    await app.showImport(report);
    await expect.poll(() => app.noticeText()).toContain('Showing your data: big.csv. 0 rows with problems');
    await app.done();

    const refusing = () =>
      Object.defineProperty(window, 'indexedDB', {
        get() {
          return {
            open() {
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            },
          };
        },
      });
    const refused = await e2e.open({ lang: 'en', before: (page) => page.addInitScript(refusing) });
    const r2 = await openDialog(refused, [{ name: 'figures.csv', bytes: csv(row('q1')) }]);
    await r2.getByRole('button', { name: 'Show on the map' }).click();
    await expect
      .poll(() => r2.getByTestId('import-store-refused').textContent())
      .toBe(
        'Your browser refused to keep these files (QuotaExceededError: The quota has been exceeded.), so they cannot be shown on the map. The map still shows the built-in data; the report and the rows can still be downloaded.',
      );
    expect(await fatals(refused)).toBe(0);
    await refused.shot('import-store-refused-en');
    await refused.close();
  });
});

describe('users’ own files: large files stay quick', () => {
  it('opens the panel of a county with 12,000 figures at once, with the rest a click away', async () => {
    const app = await e2e.open({ lang: 'en' });
    const report = await openDialog(app, [{ name: 'liping.csv', bytes: csv(...Array.from({ length: 12_000 }, (_, i) => row(`l${i}`, String(1000 + i), { recipients: '522631' }))) }]);
    expect(await summaries(report)).toEqual(['liping.csv (UTF-8): 12000 rows ready for the map, 0 rows with problems (kept in the download).']);
    await app.showImport(report);
    const started = Date.now();
    await app.goto({ lang: 'en', query: 'place=522631' });
    await expect.poll(() => app.panelTitle()).toBe('Liping County');
    expect(Date.now() - started).toBeLessThan(20_000);
    const items = app.panel.locator('[data-testid="figures"] > li');
    expect(await items.count()).toBe(200);
    await app.page.getByRole('button', { name: /Show the other 11\d{3} figures/ }).click();
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBeGreaterThan(11_000);
    await app.done();
  }, 120_000);
});

describe('users’ own files: nothing silently lost', () => {
  it('uses both of two figures.csv files, and says so', async () => {
    const app = await e2e.open({ lang: 'en' });
    const report = await openDialog(
      app,
      [
        { name: 'figures.csv', bytes: csv(row('a1'), row('a2')) },
        { name: 'figures.csv', bytes: csv(row('b1')) },
      ],
      'replace',
    );
    expect(await summaries(report)).toEqual([
      'figures.csv (UTF-8): 2 rows ready for the map, 0 rows with problems (kept in the download).',
      'figures.csv (2) (UTF-8): 1 rows ready for the map, 0 rows with problems (kept in the download).',
      'figures.csv, figures.csv (2) all hold figures.csv rows: the rows of all of them are used, in this order.',
    ]);
    expect((await allRows(app, report)).map((r) => r.values['id'])).toEqual(['a1', 'a2', 'b1']);
    await app.close();
  });

  it('reports extra cells (merge too), a repeated column and an unclosed quote by name and line, and keeps every cell', async () => {
    const app = await e2e.open({ lang: 'en' });
    const rows = [`${row('e1')},surplus`, row('q1', '5', { note: '"never closed' }), row('k1'), row('k2'), row('k3')];
    const report = await openDialog(app, [{ name: 'figures.csv', bytes: csv(...rows) }, { name: 'twice.csv', bytes: [`${HEADER},value`, `${row('d1', '5')},7`].join('\n') }], 'merge');
    expect(await problems(report)).toEqual([
      'figures.csv:2: 1 more cell than the 14 columns: "surplus"',
      'figures.csv:3: note_en: a quoted cell opened on this line is never closed; the rest of the line was read as that cell',
      'twice.csv:1: value: column appears 2 times (columns 10, 15)',
      'twice.csv:2: value: the 2 "value" columns differ: "5", "7"',
    ]);
    const records = await allRows(app, report);
    const mine = records.slice(-6);
    expect(mine.map((r) => r.values['id'])).toEqual(['e1', 'q1', 'k1', 'k2', 'k3', 'd1']);
    expect(mine[0]!.values['extra_1']).toBe('surplus');
    expect(mine[5]!.cells).toContain('7');
    await app.close();
  });
});

describe('users’ own files: no silent corruption', () => {
  it('refuses Latin-1 and broken UTF-8 with the offset of the first bad byte; reads GBK and UTF-16 and names them', async () => {
    const app = await e2e.open({ lang: 'en' });
    const latin1Row = row('l1', '5', { note: 'Café Zürich' });
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from(latin1Row, 'latin1')]);
    const stray = Buffer.concat([Buffer.from(`${HEADER}\n${row('s1', '5', { note: '青岛' })}\n`), Buffer.from([0xff]), Buffer.from(`${row('s2')}\n`)]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv(row('w1', '5', { note: 'Qingdao 青岛' })), 'utf16le')]);
    // "编号,数值" … in GBK would need an encoder; a file of ASCII plus GBK bytes for 青岛 (C7E0 B5BA).
    const gbk = Buffer.concat([Buffer.from(`${HEADER}\n${row('g1', '5', { note: 'x' }).replace('说明。', '')}`), Buffer.from([0xc7, 0xe0, 0xb5, 0xba, 0x0a])]);
    const report = await openDialog(app, [
      { name: 'latin1.csv', bytes: latin1 },
      { name: 'stray.csv', bytes: stray },
      { name: 'utf16.csv', bytes: utf16 },
      { name: 'gbk.csv', bytes: gbk },
    ]);
    expect(await report.locator('.import-problem').allTextContents()).toEqual([
      `latin1.csv: not valid UTF-8 (first bad byte at offset ${HEADER.length + 1 + latin1Row.indexOf('é')}, line 2) and not cleanly GBK either; save it as UTF-8 and try again.`,
      `stray.csv: not valid UTF-8 (first bad byte at offset ${Buffer.from(`${HEADER}\n${row('s1', '5', { note: '青岛' })}\n`).length}, line 3) and not cleanly GBK either; save it as UTF-8 and try again.`,
    ]);
    expect(await summaries(report)).toEqual([
      'utf16.csv (UTF-16 LE): 1 rows ready for the map, 0 rows with problems (kept in the download).',
      'gbk.csv (GBK): 1 rows ready for the map, 0 rows with problems (kept in the download).',
      'utf16.csv, gbk.csv all hold figures.csv rows: the rows of all of them are used, in this order.',
    ]);
    await app.close();
  });

  it('never lets a merged row knock built-in figures off the map: the conflict is reported against the user’s row', async () => {
    const app = await e2e.open({ lang: 'en', query: 'year=2011' });
    const before = await app.markers();
    const report = await openDialog(app, [{ name: 'figures.csv', bytes: csv(row('over', '1', { year: 2011, recipients: '520400;520600', part_of: 'qd11-funds-total' })) }]);
    expect(await problems(report)).toEqual(['figures.csv:2: value: with it, the parts of "qd11-funds-total" add up to 31250001, more than its value 31250000 (if the text itself says so, record it in discrepancies.csv)']);
    expect(await summaries(report)).toEqual(['figures.csv (UTF-8): 0 rows ready for the map, 1 rows with problems (kept in the download).']);
    await app.showImport(report);
    await expect.poll(() => app.markers()).toEqual(before);
    await app.close();
  });

  it('rejects a control character in a name; a link title with one still exports a well-formed SVG', async () => {
    const app = await e2e.open({ lang: 'en', query: 'title=Bad%0Btitle' });
    const places = 'id,level,parent,name_zh,name_en,short_zh,short_en,name_2010_zh,name_2010_en,level_2010,shape,lon,lat\n330299,district,330200,区,District,区,Short\u000bName,,,,point,121.6,29.9\n';
    const report = await openDialog(app, [{ name: 'places.csv', bytes: places }]);
    expect(await problems(report)).toEqual(['places.csv:2: short_en: holds the control character U+000B at position 6 (tabs and line breaks are allowed only in notes)']);
    await app.page.keyboard.press('Escape');
    const svg = await app.page.evaluate(async () => {
      const gpm = (window as unknown as { __gpm: { exportMap(f: string): Promise<string> } }).__gpm;
      const captured: Blob[] = [];
      const create = URL.createObjectURL;
      URL.createObjectURL = (b: Blob | MediaSource) => {
        if (b instanceof Blob && b.type === 'image/svg+xml') captured.push(b);
        return create(b);
      };
      await gpm.exportMap('svg');
      URL.createObjectURL = create;
      return captured[0]!.text();
    });
    const parsed = await app.page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror')?.textContent ?? null, svg);
    expect(parsed).toBeNull();
    expect(svg).toContain('Bad\ufffdtitle');
    await app.done();
  });

  it('fires no CSP violation while importing, and a link with 2,000 unknown keys gives a one-line notice', async () => {
    const app = await e2e.open({ lang: 'en', csp: true });
    const report = await openDialog(app, [{ name: 'figures.csv', bytes: csv(row('c1')) }]);
    expect(await summaries(report)).toHaveLength(1);
    expect(await app.cspViolations()).toEqual([]);
    await app.close();

    const keys = Array.from({ length: 2000 }, (_, i) => `k${i}=v`).join('&');
    const linked = await e2e.open({ lang: 'en', query: keys });
    await expect.poll(() => linked.noticeText()).toContain('and 1990 more');
    expect((await linked.notice.boundingBox())!.height).toBeLessThan(80);
    await linked.close();
  });
});

describe('users’ own files: random valid and broken CSVs (property)', () => {
  it('rows in = rows in the downloaded "all rows" file, and no path shows the error page', async () => {
    let seed = 16;
    const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const cells = ['', '9'.repeat(400), '-1', 'NaN', '=1+1', '"quoted, comma"', '"two\nlines"', '青岛', '\u000b', '"never closed', '2011', '522600'];
    const app = await e2e.open({ lang: 'en' });
    for (let n = 0; n < 4; n++) {
      const count = 1 + Math.floor(rand() * 8);
      const lines = Array.from({ length: count }, (_, i) => {
        const r = row(`r${n}-${i}`, pick(['5', '1e5', '9'.repeat(30), '9'.repeat(400), '-3', '100']));
        const kind = rand();
        // Valid rows, rows with a bad cell, short rows, long rows; an unclosed quote only on the last line.
        if (kind < 0.4) return r;
        if (kind < 0.6) return r.replace('Overview', pick(cells.filter((c) => c !== '"never closed')));
        if (kind < 0.75) return r.split(',').slice(0, 5).join(',');
        if (kind < 0.9) return `${r},${pick(cells.filter((c) => c !== '"never closed'))}`;
        return i === count - 1 ? `${r},"never closed` : r;
      });
      const mode = pick(['merge', 'replace'] as const);
      const report = await openDialog(app, [{ name: `random-${n}.csv`, bytes: csv(...lines) }], mode);
      const records = await allRows(app, report);
      const ours = mode === 'merge' ? parseCsv(readFileSync('data/figures.csv', 'utf8')).records.length : 0;
      expect(records.length).toBe(ours + count);
      await app.showImport(report);
      expect(await fatals(app)).toBe(0);
      await app.backToBuiltIn();
    }
    await app.close();
  }, 240_000);
});
