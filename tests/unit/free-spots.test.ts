import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { circleCells, clearanceField, nearestFirst, placeCircle, type Box, type Circle } from '../../src/map/free-spots.ts';

/*
 * The searches for room go nearest first and ask only the circles near a spot (a dataset of every
 * county has hundreds of circles, and spots are tried by the thousand). They must find what the
 * plain searches find: every spot in row order, every circle asked.
 */

/** placeCircle as a scan of every spot row by row, keeping the nearest allowed (equally near: the first). */
function placeCircleByScan(field: ReturnType<typeof clearanceField>, target: readonly [number, number], r: number, taken: readonly Circle[], avoid: readonly Box[], within: Box, gap: number, accept: (x: number, y: number) => boolean): [number, number] | null {
  const { step, cols, rows, clearance, box } = field;
  let best: [number, number] | null = null;
  let bestD = Infinity;
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const [x, y] = [box[0] + i * step, box[1] + j * step];
      if (y - r < within[1] || y + r > within[3] || x - r < within[0] || x + r > within[2] || clearance[j * cols + i]! < r + gap) continue;
      const d = (x - target[0]) ** 2 + (y - target[1]) ** 2;
      if (d >= bestD) continue;
      if (taken.some((c) => (c.x - x) ** 2 + (c.y - y) ** 2 < (c.r + r + gap) ** 2)) continue;
      if (avoid.some((b) => x + r > b[0] && x - r < b[2] && y + r > b[1] && y - r < b[3])) continue;
      if (!accept(x, y)) continue;
      [best, bestD] = [[x, y], d];
    }
  }
  return best;
}

const circle = fc.record({ x: fc.integer({ min: -40, max: 340 }), y: fc.integer({ min: -40, max: 240 }), r: fc.integer({ min: 1, max: 90 }) });
const box = fc.tuple(fc.integer({ min: -20, max: 300 }), fc.integer({ min: -20, max: 200 }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 })).map(([x, y, w, h]): Box => [x, y, x + w, y + h]);

describe('placeCircle', () => {
  it('finds the spot a scan of every spot finds, ties and all', () => {
    fc.assert(
      fc.property(
        // A quadrilateral shape, targets on grid points (equal distances on both sides of them), a few circles, boxes and a rule.
        fc.array(fc.integer({ min: 20, max: 280 }), { minLength: 8, maxLength: 8 }),
        fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 40 })),
        fc.integer({ min: 3, max: 40 }),
        fc.array(circle, { maxLength: 40 }),
        fc.array(box, { maxLength: 4 }),
        fc.integer({ min: 1, max: 7 }),
        (shape, [ti, tj], r, taken, avoid, rule) => {
          const field = clearanceField([shape.map((v, i) => (i % 2 ? v * 0.7 : v))], [0, 0, 300, 200], 5);
          const target: [number, number] = [ti * 5, tj * 5];
          const accept = (x: number, y: number) => (x * 7 + y * 3) % (rule + 1) !== 0;
          for (const within of [field.box, [40, 20, 260, 180] as Box]) {
            expect(placeCircle(field, target, r, taken, avoid, within, 3, accept)).toEqual(placeCircleByScan(field, target, r, taken, avoid, within, 3, accept));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('nearestFirst', () => {
  it('orders by distance, then by index, as a full sort does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 200 }), fc.integer({ min: 1, max: 16 }), (ds, step) => {
        const dist = ds.map((d) => d * d);
        const nth = nearestFirst(dist, step);
        const got: number[] = [];
        for (let k = 0, n = nth(0); n !== undefined; n = nth(++k)) got.push(n);
        expect(got).toEqual(dist.map((_, i) => i).sort((a, b) => dist[a]! - dist[b]! || a - b));
      }),
    );
  });
});

describe('circleCells', () => {
  it('answers as asking every circle does, for a box widened by the largest radius', () => {
    fc.assert(
      fc.property(fc.array(circle, { maxLength: 60 }), fc.array(box, { minLength: 1, maxLength: 10 }), (circles, boxes) => {
        const cells = circleCells(circles);
        const m = cells.largest;
        for (const b of boxes) {
          const touches = (c: Circle) => b[0] < c.x + c.r && c.x - c.r < b[2] && b[1] < c.y + c.r && c.y - c.r < b[3];
          expect(cells.some(b[0] - m, b[1] - m, b[2] + m, b[3] + m, touches)).toBe(circles.some(touches));
        }
      }),
    );
  });
});
