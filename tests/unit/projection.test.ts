import { describe, expect, it } from 'vitest';
import { cameraForBounds, coveredBy, projectionFor } from '../../src/map/projection.ts';
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

describe('coveredBy', () => {
  const rect = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom, width: right - left });
  const map = rect(300, 66, 1440, 900);

  it('counts the details panel as a strip on the right, and a phone\'s bottom sheet as a strip along the bottom', () => {
    expect(coveredBy(map, [rect(1060, 66, 1440, 900)])).toEqual({ right: 380, bottom: 0 });
    expect(coveredBy(rect(0, 90, 390, 580), [rect(0, 320, 390, 844)])).toEqual({ right: 0, bottom: 260 });
  });

  it('takes the side of a caption card that leaves more of the map, and ignores what the layout hides', () => {
    // A wide, low card: a strip along the bottom costs less than one down the side.
    expect(coveredBy(rect(0, 52, 1280, 720), [rect(696, 620, 1256, 680)])).toEqual({ right: 0, bottom: 100 });
    // A tall card: the side.
    expect(coveredBy(rect(0, 52, 1280, 720), [rect(696, 358, 1256, 680)])).toEqual({ right: 584, bottom: 0 });
    expect(coveredBy(map, [rect(0, 0, 0, 0)])).toEqual({ right: 0, bottom: 0 });
  });
});
