import { describe, expect, it } from 'vitest';
import { exportCamera, exportLayout } from '../../src/export/layout.ts';
import { scaleBar } from '../../src/map/scale-bar.ts';
import { projectionFor } from '../../src/map/projection.ts';

describe('export layout', () => {
  it('scales a 4K slide as the HD one at twice the resolution', () => {
    const hd = exportLayout(1920, 1080);
    const uhd = exportLayout(3840, 2160);
    expect(uhd.logical).toEqual(hd.logical);
    expect(uhd.scale).toBe(2 * hd.scale);
  });
  it('frames the named view widened to take in a selected place, inside the map box', () => {
    const guizhou: [[number, number], [number, number]] = [[103.5, 24.55], [109.65, 29.25]];
    const box = { width: 1200, height: 800 };
    const plain = exportCamera(guizhou, null, box);
    const qingdao: [number, number] = [120.38, 36.07];
    const widened = exportCamera(guizhou, qingdao, box);
    expect(widened.zoom).toBeLessThan(plain.zoom);
    const [x, y] = projectionFor(widened, box.width, box.height)(qingdao)!;
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(box.width);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(box.height);
    // A place inside the view changes nothing.
    expect(exportCamera(guizhou, [106.7, 26.6], box)).toEqual(plain);
  });
  it('puts the legend beside a landscape map and under a square or portrait one', () => {
    expect(exportLayout(1920, 1080).legend.side).toBe('right');
    const square = exportLayout(1080, 1080, 3, 200);
    expect(square.legend.side).toBe('bottom');
    expect(square.legend.y).toBeGreaterThanOrEqual(square.map.y + square.map.height);
  });
  it('gives the footer a second line when the source and attribution do not fit side by side', () => {
    expect(exportLayout(1080, 1080, 3).footer).toBeGreaterThan(exportLayout(1080, 1080, 2).footer);
    expect(exportLayout(1080, 1080, 3).map.height).toBeLessThan(exportLayout(1080, 1080, 2).map.height);
  });
  it('draws a round-length scale bar no longer than asked', () => {
    const bar = scaleBar({ lon: 107, lat: 26.5, zoom: 6 }, 120);
    expect(String(bar.km)).toMatch(/^[125]0*$/);
    expect(bar.px).toBeLessThanOrEqual(120);
    expect(bar.px).toBeGreaterThan(40);
  });
});
