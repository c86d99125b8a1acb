import { describe, expect, it } from 'vitest';
import { cameraForBounds, projectionFor } from '../../src/map/projection.ts';
import { VIEW_BOUNDS } from '../../src/map/views.ts';

const guizhou = VIEW_BOUNDS.guizhou;
const [[w, s], [e, n]] = guizhou;

/** Where the view's corners land on screen for a camera. */
function corners(width: number, height: number, covered = { right: 0, bottom: 0 }) {
  const camera = cameraForBounds(guizhou, width, height, covered);
  const p = projectionFor(camera, width, height);
  const [x0, y0] = p([w, n])!;
  const [x1, y1] = p([e, s])!;
  return { x0, y0, x1, y1 };
}

describe('cameraForBounds', () => {
  it('fits the bounds with 24 px padding, centred, when nothing covers the map', () => {
    const c = corners(1000, 800);
    expect(Math.min(c.x0 - 0, 1000 - c.x1, c.y0, 800 - c.y1)).toBeCloseTo(24, 3);
    expect((c.x0 + c.x1) / 2).toBeCloseTo(500, 3);
    expect((c.y0 + c.y1) / 2).toBeCloseTo(400, 3);
  });

  it('centres the bounds in what the details panel leaves visible', () => {
    const c = corners(1000, 800, { right: 380, bottom: 0 });
    expect(c.x1).toBeLessThanOrEqual(1000 - 380 - 24 + 1e-6);
    expect(c.x0).toBeGreaterThanOrEqual(24 - 1e-6);
    expect((c.x0 + c.x1) / 2).toBeCloseTo((1000 - 380) / 2, 3);
    const below = corners(1000, 800, { right: 0, bottom: 300 });
    expect(below.y1).toBeLessThanOrEqual(800 - 300 - 24 + 1e-6);
    expect((below.y0 + below.y1) / 2).toBeCloseTo((800 - 300) / 2, 3);
  });

  it('ignores a panel that covers more than half the map (a phone), rather than shrinking the view to a sliver', () => {
    expect(corners(390, 700, { right: 0, bottom: 430 })).toEqual(corners(390, 700));
  });
});
