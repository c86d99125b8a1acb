import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { compactPath, compactSvg, splitLines, type Box } from '../../scripts/compact-svg.ts';
import { rings } from './path-rings.ts';

/** Winding number of the closed rings around a point: what decides a fill under either fill rule. */
function winding(parsed: ReturnType<typeof rings>, [px, py]: [number, number]): number {
  let w = 0;
  for (const { points } of parsed) {
    for (let i = 0; i < points.length; i++) {
      const [ax, ay] = points[i]!;
      const [bx, by] = points[(i + 1) % points.length]!;
      const cross = (bx - ax) * (py - ay) - (px - ax) * (by - ay);
      if (ay <= py && by > py && cross > 0) w++;
      else if (ay > py && by <= py && cross < 0) w--;
    }
  }
  return w;
}

const BOX: Box = { x0: 0, y0: 0, x1: 100, y1: 100 };

/** A seeded random polygon wandering in and far out of the box. */
function wanderingRing(seed: number, n: number): string {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pts = Array.from({ length: n }, (_, i) => {
    const a = (i / n) * 2 * Math.PI;
    const r = 20 + rand() * 140;
    return [Math.round((50 + r * Math.cos(a)) * 10) / 10, Math.round((50 + r * Math.sin(a)) * 10) / 10];
  });
  return `M${pts.map((p) => p.join(',')).join('L')}Z`;
}

describe('compacting the first view’s paths', () => {
  it('keeps a path inside the box point for point, in short relative steps', () => {
    const d = 'M10,10L20.5,10L20.5,20.3L10,20.3Z';
    const out = compactPath(d, BOX, 0);
    expect(out).toBe('M10 10l10.5 0 0 10.3-10.5 0z');
    expect(rings(out)).toEqual(rings(d));
    // The renderer's own relative steps (outline-paths.ts) read as the same points.
    expect(compactPath('M10,10l10.5,0 0,10.3 -10.5,0Z', BOX, 0)).toBe(out);
    expect(compactPath('M10,10l10,0 0,10ZM30,30l5,0 0,5Z', BOX, 0)).toBe('M10 10l10 0 0 10zM30 30l5 0 0 5z');
  });

  it('fills exactly the same points inside the box, however far the polygon strays outside it', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const d = wanderingRing(seed, 400);
      const out = compactPath(d, BOX, 0);
      expect(out.length, `seed ${seed}`).toBeLessThan(d.length);
      const [before, after] = [rings(d), rings(out)];
      for (let x = 0.25; x < 100; x += 2.5) for (let y = 0.25; y < 100; y += 2.5) expect(winding(after, [x, y]), `seed ${seed} at ${x},${y}`).toBe(winding(before, [x, y]));
    }
  });

  it('drops what lies wholly beyond one side, and says so with an empty path when nothing is left', () => {
    expect(compactPath('M-50,-50L-10,-50L-10,-10Z', BOX, 0)).toBe('');
    expect(compactPath('M10,10L20,10L20,20ZM500,10L600,10L600,20Z', BOX, 0)).toBe('M10 10l10 0 0 10z');
    // Far out on the left and back: the detour goes, the crossing stays.
    expect(rings(compactPath('M50,50L-10,50L-200,60L-300,20L-10,40L50,40', BOX, 0))[0]!.points).toEqual([
      [50, 50],
      [-10, 50],
      [-10, 40],
      [50, 40],
    ]);
  });

  it('leaves out points within the tolerance of a straight line, and keeps the corners and what strays further', () => {
    const frame = { x0: -1, y0: -1, x1: 101, y1: 101 };
    expect(rings(compactPath('M0,0L10,0.3L20,0L20,20L0,20Z', frame, 0.5))[0]!.points).toEqual([
      [0, 0],
      [20, 0],
      [20, 20],
      [0, 20],
    ]);
    expect(rings(compactPath('M0,0L10,0.8L20,0L20,20L0,20Z', frame, 0.5))[0]!.points).toHaveLength(5);
  });

  it('leaves curves and arcs alone', () => {
    const arc = 'M0,0A5,5 0 1,1 10,0Q5,5 0,0Z';
    expect(compactPath(arc, BOX, 0.3)).toBe(arc);
  });

  it('clips an inset’s paths to the inset’s frame, through its translation, and the rest to the map frame', () => {
    const { document } = parseHTML(
      '<svg><clipPath id="c"><rect x="700" y="50" width="200" height="300"/></clipPath>' +
        '<g clip-path="url(#c)"><g transform="translate(700 50)"><path id="in" d="M10,10L300,10L320,100L300,200L10,200Z"/></g></g>' +
        '<path id="main" d="M10,10L20,10L5000,5000L20,20Z"/><path id="gone" d="M-900,0L-800,0L-800,10Z"/></svg>',
    );
    const svg = document.querySelector('svg')!;
    compactSvg(svg, { x0: -120, y0: -120, x1: 1100, y1: 820 }, 4, 0);
    // In the inset's own coordinates its frame is 0..200 × 0..300: the point beyond its right edge goes,
    // though it lies well inside the map's frame.
    expect(rings(svg.querySelector('#in')!.getAttribute('d')!)[0]!.points).toEqual([
      [10, 10],
      [300, 10],
      [300, 200],
      [10, 200],
    ]);
    expect(svg.querySelector('#main')!.getAttribute('d')).toBe('M10 10l10 0 4980 4990-4980-4980z');
    expect(svg.querySelector('#gone')).toBeNull();
  });

  it('paints a long mesh of borders in pieces near each other, every line kept once and whole', () => {
    const d = 'M10 10l5 5 5 0M300 10l-5 5M12 20l1 1M300 300l1 1-1 1';
    const parts = splitLines(d, 128);
    expect(parts).toEqual(['M10 10l5 5 5 0M12 20l1 1', 'M300 10l-5 5', 'M300 300l1 1-1 1']);
    expect(parts.join('').length).toBe(d.length);
    const long = Array.from({ length: 400 }, (_, i) => `M${(i * 7) % 900} ${(i * 13) % 600}l3 4`).join('');
    const { document } = parseHTML(`<svg><path class="mesh" stroke="#999" fill="none" d="${long}"/><path fill="#eee" d="${long}"/></svg>`);
    compactSvg(document.querySelector('svg')!, { x0: -120, y0: -120, x1: 1100, y1: 820 }, 4, 0);
    const meshes = [...document.querySelectorAll('path.mesh')];
    expect(meshes.length).toBeGreaterThan(10);
    expect(meshes.every((m) => m.getAttribute('stroke') === '#999' && m.getAttribute('fill') === 'none')).toBe(true);
    expect(meshes.map((m) => m.getAttribute('d')!.match(/M/g)!.length).reduce((a, b) => a + b)).toBe(400);
    // A filled path stays one: its rings together make its holes.
    expect(document.querySelectorAll('path[fill="#eee"]')).toHaveLength(1);
  });
});
