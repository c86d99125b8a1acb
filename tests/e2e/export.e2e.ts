import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { TABLE_CSV_COLUMNS } from '../../src/export/table-csv.ts';
import { distinctColours, pngSize, setUp } from './driver.ts';

/* Exports for slides: PNG at presets and SVG, from the URL (for scripts) and from the Export button. */

const e2e = setUp();

describe('export', () => {
  it('writes a 1920×1080 PNG from the URL, with a sensible name, that is not blank', async () => {
    const app = await e2e.open({ lang: 'en', query: 'year=2011&export=png&size=1920x1080', wait: false });
    const png = await app.download(undefined, 40_000);
    expect(png.name).toBe('guizhou-pairing-guizhou-view-2011-all-aid-funds-1920x1080-en.png');
    expect(pngSize(png.bytes)).toEqual({ width: 1920, height: 1080 });
    expect(await distinctColours(app.page, png.bytes)).toBeGreaterThan(50);
    await expect.poll(() => app.page.evaluate(() => document.documentElement.dataset['exportDone'])).toBe('guizhou-pairing-guizhou-view-2011-all-aid-funds-1920x1080-en.png');
    await app.done();
  });

  it('writes an SVG from the Export button with county paths, legend text and the source as real elements', async () => {
    const app = await e2e.open({ lang: 'zh', query: 'metric=projects' });
    await app.page.getByRole('button', { name: '导出' }).click();
    const svg = await app.download(() => app.page.getByRole('button', { name: '下载SVG（矢量）' }).click());
    expect(svg.name).toBe('guizhou-pairing-guizhou-view-all-all-aid-projects-1920x1080-zh.svg');
    const parsed = await app.page.evaluate((svgText) => {
      const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        counties: doc.querySelectorAll('#counties path').length,
        legend: doc.querySelector('#legend')?.textContent ?? '',
        source: doc.querySelector('#source')?.textContent ?? '',
      };
    }, svg.text);
    expect(parsed.error).toBeNull();
    expect(parsed.counties).toBe(88);
    expect(parsed.legend).toContain('圆面积：帮扶项目');
    expect(parsed.source).toContain('中国扶贫开发年鉴');
    await app.shot('export-dialog-zh');
    await app.done();
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`shows no template placeholder in the export dialog: story list, texts, options (${lang})`, async () => {
      const app = await e2e.open({ lang, query: 'year=2011' });
      await app.page.getByRole('button', { name: lang === 'en' ? 'Export' : '导出' }).click();
      const dialog = app.page.locator('dialog.export');
      await expect.poll(() => dialog.locator('#export-text-subtitle').inputValue()).not.toBe('');
      const read = await dialog.evaluate((d) => ({
        text: (d as HTMLElement).innerText,
        options: [...d.querySelectorAll('option')].map((o) => o.textContent ?? ''),
        values: [...d.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((i) => i.value),
        labels: [...d.querySelectorAll('[aria-label], [title], [alt]')].map((e) => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''} ${e.getAttribute('alt') ?? ''}`),
      }));
      // The shipped story's title is a template ("… from {cities}, {years}"): the list shows it filled.
      const stories = await dialog.locator('#slides-story option').allTextContents();
      expect(stories.length).toBeGreaterThan(0);
      expect(stories[0]).toBe(lang === 'en' ? 'Pairing-off aid to Guizhou from Qingdao and Ningbo, 2009–2011' : '青岛、宁波对口帮扶贵州，2009—2011年');
      for (const [where, list] of Object.entries({ text: [read.text], options: read.options, values: read.values, labels: read.labels })) {
        for (const s of list) expect(s, where).not.toMatch(/[{}]/);
      }
      await app.shot(`export-dialog-story-list-${lang}`);
      await app.done();
    });
  }

  it('downloads the table view as CSV: the rows on screen, with raw values, figure ids and sources', async () => {
    const app = await e2e.open({ lang: 'zh', query: 'year=2010&table=1' });
    const shown = await app.page.locator('#table-view tbody tr').count();
    const csv = await app.download(() => app.page.getByRole('button', { name: '下载CSV' }).click());
    expect(csv.name).toBe('guizhou-pairing-table-2010-all-aid-funds-zh.csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.text.slice(1).trim().split('\n');
    expect(lines[0]).toBe(
      'place_ids,place_en,place_zh,applies_to,part_of,part_of_kind,part_of_en,part_of_zh,partner_city,partner_en,partner_zh,metric,value,qualifier,counts_toward_total,value_in_total,period,filter_year,filter_categories,figure_ids,sources',
    );
    expect(lines[0]).toBe(TABLE_CSV_COLUMNS.join(','));
    const records = parseCsv(csv.text.slice(1)).records.map((r) => r.values);
    const rows = records.filter((r) => !r['applies_to']!.startsWith('total'));
    // The rows on screen, then the totals: Ningbo's 81.85 million and Qingdao's 16.8 million, and what the text leaves open beside it.
    expect(rows).toHaveLength(shown);
    const pick = (r: Record<string, string>) => ['applies_to', 'metric', 'value', 'qualifier', 'period'].map((k) => r[k]).join(',');
    expect(records.filter((r) => r['applies_to']!.startsWith('total')).map(pick)).toEqual([
      // Qingdao's 2010 entry is held only in part: the year's total is a lower bound.
      'total,funds_cny,98650000,at_least,2010',
      'total_open_overlap,funds_cny,10220000,exact,2010',
      'total_open_overlap,funds_cny,26000000,more_than,2010',
      'total_open_overlap,funds_cny,12000000,more_than,2010',
    ]);
    // The rows the total counts add up to it, as SUMIF(counts_toward_total, "yes", value) would.
    const counted = rows.filter((r) => r['counts_toward_total'] === 'yes').reduce((s, r) => s + Number(r['value']), 0);
    expect(counted).toBe(98_650_000);
    // The table on screen marks the same rows.
    const marks = await app.page.locator('#table-view tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-in-total')));
    expect(marks).toEqual(rows.map((r) => r['counts_toward_total']));
    // Ningbo's whole programme for 2010, as data/figures.csv records it: for Guizhou as a whole, given by Ningbo.
    expect(rows.find((r) => r['place_ids'] === '520000')).toMatchObject({ place_en: 'Guizhou as a whole', place_zh: '贵州全省', applies_to: 'programme', partner_city: '330200', value: '81850000', counts_toward_total: 'yes' });
    await app.shot('table-in-total-zh');
    await app.done();
  });
});
