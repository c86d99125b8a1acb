import { describe, expect, it } from 'vitest';
import { distinctColours, pngSize, setUp } from './driver.ts';

/*
 * Slide-ready exports: the image is exactly the chosen size, its legend has a key for
 * every kind of mark its map draws, Guizhou fills the frame, and the dialog's options reach the file.
 */

const e2e = setUp();

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1080 },
];

interface SvgFacts {
  width: string | null;
  height: string | null;
  /** Drawn marks that have no key of the same look in the legend. */
  missing: string[];
  keys: string[];
  /** Guizhou's box (its county paths, within the map) as a share of the frame. */
  guizhouShare: number;
  labels: { text: string; inside: boolean }[];
  /** Each card's tie that runs through another card's frame (a line struck through its words). */
  tiesThroughCards: string[];
}

/** Opens an exported SVG in a page of its own and reads what a viewer sees in it. */
async function readSvg(text: string): Promise<SvgFacts> {
  const { page } = await e2e.open({ url: 'about:blank', size: [2000, 2000], wait: false });
  await page.setContent(`<!doctype html><body style="margin:0">${text.replace(/^<\?xml[^>]*>\s*/, '')}</body>`);
  const facts = await page.evaluate(() => {
    const root = document.querySelector('body > svg') as SVGSVGElement;
    const map = root.querySelector('#map') as SVGSVGElement;
    const attr = (e: Element, n: string) => e.getAttribute(n) ?? '';
    const keyEls = [...root.querySelectorAll('#legend [data-key]')];
    const legendFills = new Set(keyEls.flatMap((k) => [...k.querySelectorAll('rect')].map((r) => attr(r, 'fill'))));
    const legendLines = keyEls.flatMap((k) => [...k.querySelectorAll('line')]);
    const look = (c: Element) => (attr(c, 'fill') === 'none' ? 'ring' : `disc ${attr(c, 'fill-opacity')} ${attr(c, 'stroke-width')}`);
    const legendCircles = new Set(keyEls.filter((k) => attr(k, 'data-key').startsWith('kind-')).flatMap((k) => [...k.querySelectorAll('circle')].map(look)));
    const missing = new Set<string>();
    for (const p of map.querySelectorAll('#counties path')) if (!legendFills.has(attr(p, 'fill'))) missing.add(`county fill ${attr(p, 'fill')}`);
    // Untwinned districts are context land, like the provinces; twinned ones are tinted and keyed.
    for (const p of map.querySelectorAll('#districts path')) if (attr(p, 'fill') !== '#e9e6de' && !legendFills.has(attr(p, 'fill'))) missing.add(`district fill ${attr(p, 'fill')}`);
    for (const a of map.querySelectorAll('#arcs path')) {
      if (!legendLines.some((l) => attr(l, 'stroke') === attr(a, 'stroke'))) missing.add(`line colour ${attr(a, 'stroke')}`);
      if (a.hasAttribute('stroke-dasharray') && !legendLines.some((l) => l.hasAttribute('stroke-dasharray'))) missing.add('dashed line');
      if (!a.hasAttribute('stroke-dasharray') && !legendLines.some((l) => !l.hasAttribute('stroke-dasharray') && l.closest('[data-key="line-stated"]'))) missing.add('solid line');
    }
    for (const c of map.querySelectorAll('#markers circle')) if (!legendCircles.has(look(c))) missing.add(`circle ${look(c)}`);
    const frame = root.getBoundingClientRect();
    const m = map.getBoundingClientRect();
    const g = map.querySelector('#counties')!.getBoundingClientRect();
    const w = Math.max(0, Math.min(g.right, m.right) - Math.max(g.left, m.left));
    const h = Math.max(0, Math.min(g.bottom, m.bottom) - Math.max(g.top, m.top));
    return {
      width: root.getAttribute('width'),
      height: root.getAttribute('height'),
      missing: [...missing],
      keys: keyEls.map((k) => attr(k, 'data-key')),
      guizhouShare: (w * h) / (frame.width * frame.height),
      labels: [...map.querySelectorAll('#labels text, .inset-title')].map((t) => {
        const b = t.getBoundingClientRect();
        return { text: t.textContent ?? '', inside: b.left >= m.left && b.right <= m.right && b.top >= m.top && b.bottom <= m.bottom };
      }),
      tiesThroughCards: [...map.querySelectorAll('g.callout')].flatMap((card) =>
        [...card.querySelectorAll('path.callout-tie')].flatMap((tie) => {
          const [x0, y0, x1, y1] = (attr(tie, 'd').match(/-?[\d.]+/g) ?? []).map(Number) as [number, number, number, number];
          return [...map.querySelectorAll('g.callout')]
            .filter((other) => other !== card && other.querySelector('rect.callout-frame'))
            .filter((other) => {
              const f = other.querySelector('rect.callout-frame')!;
              const [fx, fy, fw, fh] = ['x', 'y', 'width', 'height'].map((k) => Number(attr(f, k))) as [number, number, number, number];
              // Sampled along the tie, a pixel in from the frame's edge.
              return Array.from({ length: 101 }, (_, i) => [x0 + ((x1 - x0) * i) / 100, y0 + ((y1 - y0) * i) / 100] as const).some(([x, y]) => x > fx + 1 && x < fx + fw - 1 && y > fy + 1 && y < fy + fh - 1);
            })
            .map((other) => `${attr(card, 'data-anchor')} → ${attr(tie, 'data-to')} through ${attr(other, 'data-anchor')}`);
        }),
      ),
    };
  });
  await page.close();
  return facts;
}

describe('slide exports', () => {
  for (const lang of ['en', 'zh'] as const) {
    const year = lang === 'en' ? 2011 : 'all';
    it(`writes SVG and PNG at exactly 1920×1080 and 1080×1080 with a key for every kind of mark drawn (${lang})`, async () => {
      const app = await e2e.open({ lang, query: `year=${year}` });
      for (const size of SIZES) {
        const svg = await app.exportMap('svg', { size });
        expect(svg.name).toBe(`guizhou-pairing-guizhou-view-${year}-all-aid-funds-${size.width}x${size.height}-${lang}.svg`);
        const facts = await readSvg(svg.text);
        expect([facts.width, facts.height]).toEqual([String(size.width), String(size.height)]);
        expect(facts.missing).toEqual([]);
        expect(facts.tiesThroughCards).toEqual([]);
        // Under all years every county of a paired prefecture has a figure of its own or a shared one: no hatch.
        expect(facts.keys).toEqual(expect.arrayContaining(['kind-place', 'line-stated', 'line-activity', lang === 'en' ? 'fill-url(#no-figure)' : 'fill-#eee4cc']));
        const png = (await app.exportMap('png', { size })).bytes;
        expect(pngSize(png)).toEqual(size);
        expect(await distinctColours(app.page, png)).toBeGreaterThan(50);
      }
      await app.done();
    });
  }

  // Depends on the composed map, where Guizhou is drawn large and the partner cities in insets beside it.
  it('gives Guizhou at least 40 % of a 1920×1080 and a 1080×1080 frame, with no card\u2019s tie through another card', async () => {
    const app = await e2e.open({ lang: 'en' });
    for (const size of SIZES) {
      const facts = await readSvg((await app.exportMap('svg', { size })).text);
      expect(facts.guizhouShare, `${size.width}×${size.height}`).toBeGreaterThanOrEqual(0.4);
      // At 1920×1080 the tie from Qianxinan + Qiandongnan's card to Qianxinan ran through Anshun + Tongren's card.
      expect(facts.tiesThroughCards, `${size.width}×${size.height}`).toEqual([]);
    }
    await app.close();
  });

  it('takes title, size, language and background from the dialog, and keeps the selected place in frame', async () => {
    const app = await e2e.open({ lang: 'en', query: 'view=guizhou&place=370200' });
    const { page } = app;
    await page.getByRole('button', { name: 'Export' }).click();
    const preview = page.getByTestId('export-preview');
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#export-text-subtitle').inputValue()).toBe('Aid funds · Showing: all years (2009–2011); all kinds of aid');
    expect(await page.locator('#export-text-note').inputValue()).toMatch(/^Data: figures for 2006–2011 from "Qingdao-Guizhou Pairing-off Poverty Alleviation"; "Ningbo-Guizhou/);
    await page.locator('#export-text-title').fill('Qingdao and Guizhou');
    // Untouched texts follow the image's language; the edited title stays.
    await page.locator('#export-lang').selectOption('zh');
    await expect.poll(() => page.locator('#export-text-subtitle').inputValue()).toBe('帮扶资金 · 当前显示：全部年份（2009—2011年）；全部帮扶类别');
    await page.locator('#export-size').selectOption('custom');
    await page.locator('#export-width').fill('1000');
    await page.locator('#export-height').fill('700');
    await page.getByLabel('Transparent').check();
    const svg = await app.download(() => page.getByRole('button', { name: 'Download SVG (vector)' }).click());
    expect(svg.name).toBe('guizhou-pairing-guizhou-view-all-all-aid-funds-place-370200-1000x700-transparent-zh.svg');
    const facts = await readSvg(svg.text);
    expect([facts.width, facts.height]).toEqual(['1000', '700']);
    expect(svg.text).toContain('>Qingdao and Guizhou</text>');
    expect(svg.text).not.toContain('id="sea"');
    // Qingdao stands in its inset beside Guizhou, named, inside the map.
    expect(facts.labels.find((l) => l.text === '青岛')).toEqual({ text: '青岛', inside: true });
    // Out of range: no file, a message.
    await page.locator('#export-width').fill('90000');
    await expect.poll(() => page.getByRole('button', { name: 'Download PNG' }).isDisabled()).toBe(true);
    await app.done();
  });
});
