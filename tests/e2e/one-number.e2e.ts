import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseCsv } from '../../src/data/csv.ts';
import { setUp } from './driver.ts';

/*
 * One number everywhere: for every mark the map draws, under several filters, the
 * value written by the circle, the tooltip, the details panel, the table row and the CSV row are
 * the same amount. Marks are found by the scene's keys (the circles' data-key), not by position.
 */

const e2e = setUp();

const FILTERS = ['year=all', 'year=2011', 'year=2010&metric=people_trained'] as const;

/** An English value in words or short form as a number: "more than ¥15 million" → 15e6, "¥31.25m" → 31.25e6, "≈12" → 12. */
function amount(text: string): number {
  // A part's label says so ("of which ¥8.4m"): the amount is the same.
  const t = text.replace(/^of which\s+/, '').replace(/^(more than|about|at least)\s+/, '').replace(/^≈/, '').replace(/\+$/, '').replace('¥', '').replace(/,/g, '').trim();
  const m = /^([\d.]+)\s*(million|billion|m|bn|k)?$/.exec(t);
  if (!m) throw new Error(`not an amount: ${JSON.stringify(text)}`);
  const scale = { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, k: 1e3 }[m[2] ?? ''] ?? 1;
  return Math.round(Number(m[1]) * scale * 100) / 100;
}

/**
 * A point on the mark that is not under anything drawn on top of it, in page coordinates. The mark
 * is whatever element the drawing gives the scene's key and marks as a hover target (a circle today).
 */
async function hoverPoint(page: Page, key: string): Promise<[number, number] | null> {
  return page.evaluate((k) => {
    const mark = document.querySelector(`[data-target="marker"][data-key="${CSS.escape(k)}"]`);
    if (!mark) return null;
    const box = mark.getBoundingClientRect();
    const [cx, cy, r] = [box.left + box.width / 2, box.top + box.height / 2, box.width / 2];
    // A multi-year ring is hollow: only its outline (at f = 1) takes the pointer.
    for (const f of [0, 0.5, 0.8, 0.92, 1]) {
      for (let i = 0; i < 16; i++) {
        const a = (i / 16) * 2 * Math.PI;
        const [x, y] = [cx + Math.cos(a) * r * f, cy + Math.sin(a) * r * f];
        if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
        if (document.elementFromPoint(x, y)?.closest('[data-target="marker"]') === mark) return [x, y] as [number, number];
        if (f === 0) break;
      }
    }
    return null;
  }, key);
}

describe('one number everywhere', () => {
  it('shows, for every mark under three filters, the same value on the circle, in the tooltip, the panel, the table and the CSV', async () => {
    const unhoverable: string[] = [];
    let checked = 0;
    for (const filter of FILTERS) {
      const app = await e2e.open({ lang: 'en', query: filter, size: [1280, 800] });
      const { page, panel } = app;
      const keys = await app.markers();
      expect(keys.length, filter).toBeGreaterThan(2);
      const seen = new Map<string, { tooltip: string; panel: string; label: string | null }>();
      for (const key of keys) {
        const label = await page.locator(`#marker-values text[data-key="${key}"]`).textContent({ timeout: 200 }).catch(() => null);
        const point = await hoverPoint(page, key);
        if (!point) {
          unhoverable.push(`${filter}: ${key}`);
          continue;
        }
        await page.mouse.move(point[0], point[1]);
        const tooltip = page.locator('.tooltip');
        await expect.poll(() => tooltip.isVisible()).toBe(true);
        const line = (await tooltip.locator('span').first().textContent()) ?? '';
        const tooltipValue = line.slice(line.indexOf(': ') + 2);
        await page.mouse.click(point[0], point[1]);
        await expect.poll(() => panel.isVisible()).toBe(true);
        // A giver's panel lists each of its marks by key; a place's panel totals its own mark.
        const row = panel.locator(`[data-testid="panel-given"] tr[data-key="${key}"] td`);
        const panelValue = (await row.count()) > 0 ? await row.textContent() : await app.panelTotal();
        seen.set(key, { tooltip: tooltipValue, panel: panelValue ?? '', label });
        await page.keyboard.press('Escape');
        await expect.poll(() => panel.isVisible()).toBe(false);
        // Closing the panel frames the view again: wait until the map has stopped.
        await app.idle();
      }
      // The table view, then its CSV: the same rows, in the same order, as the map's marks.
      await page.locator('button[data-action="table"]').click();
      const rows = page.locator('#table-view tbody tr');
      await expect.poll(() => rows.count()).toBe(keys.length);
      const table = await rows.evaluateAll((trs) =>
        trs.map((tr) => ({ key: tr.getAttribute('data-key') ?? '', place: tr.querySelector('th')?.textContent ?? '', value: tr.querySelector('td.num')?.textContent ?? '' })),
      );
      expect(table.map((r) => r.key).sort()).toEqual([...keys].sort());
      const download = await app.download(() => page.getByTestId('table-download').click());
      const csv = parseCsv(download.text.slice(1)).records.map((r) => r.values).filter((r) => !r['applies_to']!.startsWith('total'));
      expect(csv).toHaveLength(table.length);
      for (const [i, t] of table.entries()) {
        const v = seen.get(t.key);
        if (!v) continue;
        const where = `${filter}: ${t.key}`;
        expect(v.panel, where).toBe(v.tooltip);
        expect(t.value, where).toBe(v.tooltip);
        expect(csv[i]!['place_en'], where).toBe(t.place);
        expect(Number(csv[i]!['value']), where).toBe(amount(v.tooltip));
        if (v.label !== null) expect(amount(v.label), where).toBe(amount(v.tooltip));
        checked++;
      }
      // The rows the CSV marks as counted add up to its total row, the number the table's footer shows.
      const total = parseCsv(download.text.slice(1)).records.map((r) => r.values).find((r) => r['applies_to'] === 'total');
      const counted = csv.filter((r) => r['counts_toward_total'] === 'yes').reduce((sum, r) => sum + Math.round(Number(r['value']) * 100), 0) / 100;
      expect(counted, filter).toBe(Number(total?.['value']));
      await app.shot(`one-number-table-${filter.replace(/[=&]/g, '-')}`);
      await app.done();
    }
    expect(unhoverable, 'marks with no point free to hover (under other marks or off the map)').toEqual([]);
    expect(checked).toBeGreaterThan(12);
  });
});
