/*
 * Expected-SVG tests of the map, after MapLibre's render tests and Observable Plot's snapshot tests.
 *
 * Why: the map's drawing (outlines, insets, lines, circles, where names go) is too large to pin down
 * with assertions, and a change in one place (a colour, a cache, the label placer) can quietly move
 * something elsewhere. Each state below is drawn as the live app draws it and compared, text for
 * text, with a file under tests/snapshots/map/ that someone has looked at.
 *
 * When a drawing differs, the test fails naming the file and its first changed lines, and writes
 * tests/snapshots/.output/<name>.actual.svg and <name>.diff.html (both drawings side by side and the
 * line diff; the folder is git-ignored). If the change is intended, rewrite the expected files with
 * `npm run test:snapshots:update`, look at them, and commit them with the change that made them.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { defaultState, drawMapSvg, REFERENCE_MAPS, type AppState, type MapSize } from './draw-map.ts';
import { diffPage, firstDifference, lineDiff } from './diff.ts';

interface Snapshot {
  name: string;
  state: AppState;
  size: MapSize;
  covered?: { right: number; bottom: number };
}

const en = defaultState('en');
// The details panel's width (--panel in src/styles/page.css): it covers the map's right strip.
const PANEL = { right: 380, bottom: 0 };

const SNAPSHOTS: Snapshot[] = [
  { name: 'default-1280x800-en', state: en, size: REFERENCE_MAPS.standard.en },
  { name: 'year-2010-1280x800-en', state: { ...en, year: 2010 }, size: REFERENCE_MAPS.standard.en },
  { name: 'place-520422-panel-1280x800-en', state: { ...en, place: '520422' }, size: REFERENCE_MAPS.standard.en, covered: PANEL },
  { name: 'embed-400x300-en', state: { ...en, embed: true }, size: { width: 400, height: 300 } },
  { name: 'default-1280x800-zh', state: defaultState('zh'), size: REFERENCE_MAPS.standard.zh },
  { name: 'default-1920x1080-en', state: en, size: REFERENCE_MAPS.large.en },
  { name: 'overview-1280x800-en', state: { ...en, view: 'overview' }, size: REFERENCE_MAPS.standard.en },
  // A map taller than wide: the insets stand in a row under Guizhou.
  { name: 'portrait-390x560-en', state: en, size: { width: 390, height: 560 } },
];

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const EXPECTED = here('./map/');
const OUTPUT = here('./.output/');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const UPDATE_COMMAND = 'npm run test:snapshots:update';

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

// Drawn in sequence, in one module instance: what the caches in src/map see in the app.
const drawn = new Map<string, string>();
const drawing = (s: Snapshot) => {
  let svg = drawn.get(s.name);
  if (svg === undefined) drawn.set(s.name, (svg = drawMapSvg(s.state, s.size, s.covered)));
  return svg;
};

describe('the map as drawn', () => {
  for (const s of SNAPSHOTS) {
    it(`${s.name}.svg`, () => {
      const actual = drawing(s);
      const file = `${EXPECTED}${s.name}.svg`;
      const shown = `tests/snapshots/map/${s.name}.svg`;
      if (UPDATE) {
        mkdirSync(EXPECTED, { recursive: true });
        if (read(file) !== actual) writeFileSync(file, actual);
        return;
      }
      const expected = read(file);
      rmSync(`${OUTPUT}${s.name}.actual.svg`, { force: true });
      rmSync(`${OUTPUT}${s.name}.diff.html`, { force: true });
      if (expected === actual) return;
      const diff = lineDiff(expected ?? '', actual);
      mkdirSync(OUTPUT, { recursive: true });
      writeFileSync(`${OUTPUT}${s.name}.actual.svg`, actual);
      writeFileSync(
        `${OUTPUT}${s.name}.diff.html`,
        diffPage({ name: s.name, expectedSrc: expected === null ? null : `../map/${s.name}.svg`, actualSrc: `${s.name}.actual.svg`, diff, update: UPDATE_COMMAND }),
      );
      const why = expected === null ? `${shown} is missing` : `${shown} differs from the drawing:\n${firstDifference(diff)}`;
      expect.fail(`${why}\nSee tests/snapshots/.output/${s.name}.diff.html. If intended: ${UPDATE_COMMAND}`);
    });
  }

  // What a reader sees of the cards: a tie from one card through another card's words read as a line
  // struck through them (the 1920 × 1080 export did so before the cards' orders were weighed by it).
  it('runs no card\u2019s tie through another card, in any state drawn', () => {
    for (const s of SNAPSHOTS) {
      const { document } = parseHTML(`<html><body>${drawing(s)}</body></html>`);
      const cards = [...document.querySelectorAll('g.callout')].map((g) => {
        const frame = g.querySelector('rect.callout-frame');
        const box = frame ? (['x', 'y', 'width', 'height'].map((k) => Number(frame.getAttribute(k))) as [number, number, number, number]) : null;
        const ties = [...g.querySelectorAll('path.callout-tie')].map((p) => (p.getAttribute('d')!.match(/-?[\d.]+/g) ?? []).map(Number));
        return { anchor: g.getAttribute('data-anchor'), box, ties };
      });
      for (const a of cards)
        for (const [x0, y0, x1, y1] of a.ties)
          for (const b of cards) {
            if (b === a || !b.box) continue;
            const [bx, by, bw, bh] = b.box;
            // Sampled along the tie: a point inside the other card's frame (a pixel in from its edge).
            const through = Array.from({ length: 101 }, (_, i) => [x0! + ((x1! - x0!) * i) / 100, y0! + ((y1! - y0!) * i) / 100]).some(([x, y]) => x! > bx + 1 && x! < bx + bw - 1 && y! > by + 1 && y! < by + bh - 1);
            expect(through, `${s.name}: a tie of ${a.anchor} through the card of ${b.anchor}`).toBe(false);
          }
    }
  });

  it('has an expected file for each state and for nothing else', () => {
    const names = new Set(SNAPSHOTS.map((s) => `${s.name}.svg`));
    expect(names.size).toBe(SNAPSHOTS.length);
    const stale = readdirSync(EXPECTED).filter((f) => f.endsWith('.svg') && !names.has(f));
    if (UPDATE) for (const f of stale) unlinkSync(`${EXPECTED}${f}`);
    else expect(stale, `expected files of no state (${UPDATE_COMMAND} removes them)`).toEqual([]);
  });

  // src/map caches outlines and view geometry by camera: a state must not draw differently after
  // others than on its own (fresh modules, empty caches).
  it('draws each state alone as in sequence', async () => {
    for (const s of SNAPSHOTS) {
      vi.resetModules();
      const fresh = (await import('./draw-map.ts')) as typeof import('./draw-map.ts');
      expect(fresh.drawMapSvg(s.state, s.size, s.covered) === drawing(s), `${s.name} drawn alone differs from the drawing in sequence`).toBe(true);
    }
  }, 60_000);
});
