import { describe, expect, it } from 'vitest';
import { overlaps, setUp, within, type Box } from './driver.ts';
import { readZip } from './zip.ts';

/*
 * The key: the compact one on the map is there at a laptop's screen size without scrolling, beside
 * Guizhou and the insets, and leads to the full legend; the slide of a view keys the same entries as
 * the app's legend for that view, its circle sizes drawn as circles.
 */

const e2e = setUp();

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The slide's key: its shapes named "Key …", each paragraph's text (a leading glyph dropped), and its circles' sizes. */
function slideKey(xml: string): { texts: string[]; ellipses: { cx: number; cy: number }[] } {
  const texts: string[] = [];
  const ellipses: { cx: number; cy: number }[] = [];
  for (const [sp] of xml.matchAll(/<p:sp>.*?<\/p:sp>/gs)) {
    if (!/<p:cNvPr [^>]*name="Key/.test(sp)) continue;
    if (/prst="ellipse"/.test(sp)) {
      const ext = /<a:ext cx="(\d+)" cy="(\d+)"/.exec(sp)!;
      ellipses.push({ cx: Number(ext[1]), cy: Number(ext[2]) });
    }
    for (const [p] of sp.matchAll(/<a:p>.*?<\/a:p>/gs)) {
      const runs = [...p.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!));
      // A glyph is a run of its own ("━  "), in its entry's colour.
      const words = runs.filter((r) => !/^\S\s+$/.test(r)).join('');
      if (words !== '') texts.push(words);
    }
  }
  return { texts, ellipses };
}

describe('the key', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`shows a compact key at 1280×800 in view, clear of Guizhou and the insets, that opens the full legend (${lang})`, async () => {
      const app = await e2e.open({ lang, size: [1280, 800] });
      const { page } = app;
      const key = page.getByRole('complementary', { name: lang === 'en' ? 'Key: circle sizes and partner lines' : '图例：圆的大小与对口城市连线' });
      await expect.poll(() => key.isVisible()).toBe(true);
      const box = (await key.evaluate((e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      })) as Box;
      expect(within(box, { left: 0, top: 0, right: 1280, bottom: 800 })).toBe(true);
      const d = await app.drawing();
      expect(overlaps(box, d.guizhou), 'over Guizhou').toBe(false);
      const insets = await page.evaluate(() =>
        [...document.querySelectorAll('.svg-layer .inset-outline')].map((r) => {
          const b = r.getBoundingClientRect();
          return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
        }),
      );
      expect(insets).toHaveLength(2);
      for (const inset of insets) expect(overlaps(box, inset), 'over an inset').toBe(false);
      // Its essentials: three circle sizes with values, a line per partner city.
      expect(await key.locator('circle').count()).toBe(3);
      expect(await key.locator('.line-key').count()).toBeGreaterThanOrEqual(2);
      await app.shot(`compact-key-${lang}`);

      // Whatever a year adds (a faded line's entry for 2010 and 2011), everything in it shows whole:
      // at 1280 × 800 the faded line's words ran out of the box, cut by its edge.
      for (const year of ['2010', '2011']) {
        await page.locator(`button[data-year="${year}"]`).click();
        await expect.poll(() => key.locator('.no-record').count()).toBeGreaterThan(0);
        const cut = await key.evaluate((k) => {
          const outer = k.getBoundingClientRect();
          const list = k.querySelector('ul')!;
          const parts = [...k.querySelectorAll('li, svg, button')].map((e) => ({ text: e.textContent, r: e.getBoundingClientRect() }));
          return [
            ...(list.scrollHeight > list.clientHeight + 1 ? [`the list needs ${list.scrollHeight} px of ${list.clientHeight}`] : []),
            ...parts.filter(({ r }) => r.top < outer.top - 0.5 || r.bottom > outer.bottom + 0.5 || r.left < outer.left - 0.5 || r.right > outer.right + 0.5).map((p) => `${p.text} leaves the box`),
          ];
        });
        expect(cut, year).toEqual([]);
      }
      await page.locator('button[data-year="all"]').click();

      const open = key.getByRole('button', { name: lang === 'en' ? 'Full legend' : '完整图例' });
      await open.focus();
      await page.keyboard.press('Enter');
      const legend = page.locator('#map-legend');
      await expect.poll(() => legend.evaluate((e) => e === document.activeElement)).toBe(true);
      await expect.poll(() => legend.evaluate((e) => e.getBoundingClientRect().top)).toBeLessThan(800);
      expect(await legend.locator('[data-section="sizes"] circle').count()).toBe(3);
      await app.done();
    });
  }

  it('draws the legend’s circle key as tall as its largest circle, its values apart (phone and laptop)', async () => {
    for (const size of [[390, 844], [1280, 800]] as const) {
      const app = await e2e.open({ lang: 'en', size });
      const key = app.page.locator('#map-legend svg.legend-sizes');
      await key.scrollIntoViewIfNeeded();
      const k = await key.evaluate((svg) => {
        const box = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        };
        return { svg: box(svg), circles: [...svg.querySelectorAll('circle')].map(box), values: [...svg.querySelectorAll('text')].map(box) };
      });
      const largest = Math.max(...k.circles.map((c) => c.bottom - c.top));
      // No blank above the circles (a phone's key was drawn for a laptop's circles: 40 px of nothing).
      expect(k.svg.bottom - k.svg.top - largest, `${size}`).toBeLessThanOrEqual(14);
      for (const c of k.circles) expect(within(c, k.svg, 0.5), `${size}`).toBe(true);
      for (const [i, a] of k.values.entries()) for (const b of k.values.slice(i + 1)) expect(overlaps(a, b, 0.5), `${size}`).toBe(false);
      await app.close();
    }
  });

  it('draws every line sample as a piece of the map’s line: its width, dashes and fading (legend, compact key, export)', async () => {
    // Under 2010 the map draws solid and dashed lines, and fades Ningbo's (no 2010 record). The export's
    // key once drew 3 px lines dashed 4 4 and a faded line in grey; the map's are 1.6 px, dashed 5.6 2.4, in colour.
    const app = await e2e.open({ lang: 'en', query: 'year=2010', size: [1280, 800] });
    await app.idle();
    const look = (l: Element) => ({
      width: l.getAttribute('stroke-width'),
      dashes: l.getAttribute('stroke-dasharray'),
      offset: l.getAttribute('stroke-dashoffset'),
      cap: l.getAttribute('stroke-linecap'),
      stroke: l.getAttribute('stroke'),
      opacity: l.getAttribute('stroke-opacity'),
    });
    type Look = ReturnType<typeof look>;
    const map = (await app.page.evaluate(`[...document.querySelectorAll('.svg-layer #arcs path')].map(${look.toString()})`)) as Look[];
    const dashed = new Set(map.filter((l) => l.dashes).map((l) => `${l.width} ${l.dashes} ${l.offset} ${l.cap}`));
    const faded = new Set(map.filter((l) => Number(l.opacity) < 0.5).map((l) => `${l.stroke} ${l.opacity}`));
    expect(dashed.size, 'dashed lines on the map').toBeGreaterThan(0);
    expect(faded.size, 'faded lines on the map').toBeGreaterThan(0);
    const exported = (await app.exportMap('svg', { size: { width: 1920, height: 1080 } })).text;
    const keys = {
      legend: (await app.page.evaluate(`[...document.querySelectorAll('.legend .line-key line')].map(${look.toString()})`)) as Look[],
      compact: (await app.page.evaluate(`[...document.querySelectorAll('.compact-key .line-key line')].map(${look.toString()})`)) as Look[],
      export: (await app.page.evaluate(
        `[...new DOMParser().parseFromString(${JSON.stringify(exported)}, 'image/svg+xml').querySelectorAll('#legend [data-key^="line-"] line, #legend [data-key^="city-"] line')].map(${look.toString()})`,
      )) as Look[],
    };
    // The cards' ties are grey: no line sample of the key is, or a tie would read as a kind of partner line.
    const ties = new Set((await app.page.evaluate(`[...document.querySelectorAll('.svg-layer .callout-tie')].map((t) => t.getAttribute('stroke'))`)) as string[]);
    expect(ties.size, 'ties drawn under 2010').toBeGreaterThan(0);
    for (const [where, samples] of Object.entries(keys)) {
      for (const l of samples) expect(ties, `${where}: a sample in the ties' colour`).not.toContain(l.stroke);
      const sampleFaded = samples.filter((l) => Number(l.opacity) < 0.5);
      expect(sampleFaded.length, `${where}: a faded sample`).toBeGreaterThan(0);
      for (const l of sampleFaded) expect(faded, `${where}: faded as the map fades`).toContain(`${l.stroke} ${l.opacity}`);
      for (const l of samples.filter((x) => x.dashes)) expect(dashed, `${where}: dashed as the map dashes`).toContain(`${l.width} ${l.dashes} ${l.offset} ${l.cap}`);
      // The compact key keys the cities' colours only; the others key the dashed kind of line too.
      if (where !== 'compact') expect(samples.filter((x) => x.dashes).length, `${where}: a dashed sample`).toBe(1);
    }
    await app.done();
  });

  it('keys the 2010 slide with the entries of the app’s legend for 2010, its sizes as three circles', async () => {
    const app = await e2e.open({ lang: 'en', query: 'year=2010' });
    const legend = await app.page.locator('#map-legend [data-key-text]').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    await app.close();
    // Drawn for 2010: cards of several places and of Guizhou as a whole, a faded line; no county class.
    expect(legend).toEqual(expect.arrayContaining(['Several places together: in a card, tied to each (never split)', "Guizhou as a whole (a city's programme): in a card", 'Faded: no record of that pairing for 2010']));
    expect(legend.some((t) => t.startsWith('≤'))).toBe(false);

    const exporting = await e2e.open({ lang: 'en', query: 'year=2010&export=pptx', wait: false });
    const deck = await exporting.download(undefined, 60_000);
    await exporting.close();
    const files = readZip(deck.bytes);
    const key = slideKey(files.get('ppt/slides/slide1.xml')!.toString('utf8'));
    expect(key.texts).toEqual(legend);
    expect(key.ellipses).toHaveLength(3);
    expect(new Set(key.ellipses.map((e) => e.cx)).size).toBe(3);
    for (const e of key.ellipses) expect(e.cx).toBe(e.cy);
  });
});
