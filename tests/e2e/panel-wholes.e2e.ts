import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv.ts';
import { setUp, type App } from './driver.ts';

/*
 * A place's panel lists every figure that names it, parts among them. A part's row names the whole it
 * lies in (or, where the text leaves it open, may lie in), in the words the map's tooltip uses for
 * the circles, so that a reader who skims the list never adds a part to its whole.
 */

const figures = new Map(parseCsv(readFileSync('data/figures.csv', 'utf8')).records.map((r) => [r.values['id']!, r.values]));
const wholeOf = (id: string) => {
  const f = figures.get(id)!;
  return f['part_of'] ? { id: f['part_of'], kind: 'inside' } : f['maybe_part_of'] ? { id: f['maybe_part_of'], kind: 'open' } : null;
};

const WORDS = {
  en: { inside: /^Part of .+ for .+ \(.+\), not to be added to it$/, open: /^The text may include it in .+ for .+ \(.+\): not added$/, anshun: 'Part of ¥16.8 million for Anshun + Tongren (2010), not to be added to it' },
  zh: { inside: /^属于.+的.+（.+），不可与之相加$/, open: /^原文可能已将其计入.+的.+（.+）：未相加$/, anshun: '属于安顺、铜仁的1,680万元（2010年），不可与之相加' },
} as const;

const e2e = setUp();

/** Each figure row of the panel: its figure, its value as the row writes it, and the line naming its whole (null if none). */
function panelRows(app: App): Promise<{ id: string; value: string; whole: string | null }[]> {
  return app.panel.locator('li.figure').evaluateAll((lis) =>
    lis.map((li) => ({
      id: li.getAttribute('data-figure') ?? '',
      value: li.querySelector(':scope > .figure-head .figure-value')?.textContent ?? '',
      whole: li.querySelector(':scope > [data-testid="figure-whole"]')?.textContent ?? null,
    })),
  );
}

describe("a part's row in the panel names its whole", () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`Anshun, Anshun in 2010 and Puding (${lang})`, async () => {
      const words = WORDS[lang];
      for (const query of ['place=520400', 'year=2010&place=520400', 'place=520422']) {
        const app = await e2e.open({ lang, query, size: [1280, 800] });
        const rows = await panelRows(app);
        const byId = new Map(rows.map((r) => [r.id, r]));
        let parts = 0;
        for (const r of rows) {
          const whole = wholeOf(r.id);
          const where = `${lang} ${query}: ${r.id}`;
          if (!whole) {
            expect(r.whole, where).toBeNull();
            continue;
          }
          parts++;
          expect(r.whole, where).toMatch(words[whole.kind as 'inside' | 'open']);
          // The whole's value as the panel writes it on the whole's own row, where that row is listed.
          const listed = byId.get(whole.id);
          if (listed) expect(r.whole, where).toContain(listed.value);
        }
        expect(parts, `${lang} ${query}: parts listed`).toBeGreaterThan(0);
        expect(byId.get('qd10-funds-anshun')?.whole, `${lang} ${query}`).toBe(words.anshun);
        if (query.startsWith('year=2010')) {
          // The tooltip of Anshun's circle says the same of the same whole, with the circle's short value.
          const circle = app.page.locator('.svg-layer #markers circle[data-key="520400"]');
          const box = (await circle.boundingBox())!;
          await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          const tooltip = app.page.locator('.tooltip');
          await expect.poll(() => tooltip.isVisible()).toBe(true);
          const line = (await tooltip.locator('span').last().textContent()) ?? '';
          const valueless = (s: string) => s.replace(/¥[\d.,]+\s*(million|m)|[\d.,]+万元?/, '#');
          expect(valueless(line)).toBe(valueless(words.anshun));
          await app.shot(`panel-wholes-anshun-2010-${lang}`);
        }
        await app.done();
      }
    });
  }
});
