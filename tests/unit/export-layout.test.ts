import { describe, expect, it } from 'vitest';
import { exportFileName, exportLayout, fitCamera, scaleBar } from '../../src/export/layout.ts';

describe('export layout', () => {
  it('scales a 4K slide as the HD one at twice the resolution', () => {
    const hd = exportLayout(1920, 1080);
    const uhd = exportLayout(3840, 2160);
    expect(uhd.logical).toEqual(hd.logical);
    expect(uhd.scale).toBe(2 * hd.scale);
  });
  it('keeps the view when the frame changes shape: same centre, the extent still fits', () => {
    const c = fitCamera({ lon: 110, lat: 30, zoom: 5 }, { width: 1000, height: 800 }, { width: 2000, height: 800 });
    expect(c).toEqual({ lon: 110, lat: 30, zoom: 5 });
    expect(fitCamera({ lon: 110, lat: 30, zoom: 5 }, { width: 1000, height: 800 }, { width: 2000, height: 1600 }).zoom).toBe(6);
  });
  it('fits the view beside the legend box: the west edge of what was on screen lands where the box ends', () => {
    const from = { width: 1000, height: 800 };
    const c = fitCamera({ lon: 110, lat: 30, zoom: 5 }, from, { width: 1300, height: 800 }, 300);
    expect(c.zoom).toBe(5);
    const unitsPerDegree = (512 * 2 ** 5) / 360;
    const west = 110 - from.width / 2 / unitsPerDegree;
    expect(1300 / 2 + (west - c.lon) * unitsPerDegree).toBeCloseTo(300, 6);
  });
  it('gives the footer a second line when the source and attribution do not fit side by side', () => {
    expect(exportLayout(1080, 1080, 2).footer).toBeGreaterThan(exportLayout(1080, 1080).footer);
    expect(exportLayout(1080, 1080, 2).map.height).toBeLessThan(exportLayout(1080, 1080).map.height);
  });
  it('draws a round-length scale bar no longer than asked', () => {
    const bar = scaleBar({ lon: 107, lat: 26.5, zoom: 6 }, 120);
    expect(String(bar.km)).toMatch(/^[125]0*$/);
    expect(bar.px).toBeLessThanOrEqual(120);
    expect(bar.px).toBeGreaterThan(40);
  });
  it('names files by year and measure', () => {
    expect(exportFileName(2011, 'funds_cny', 'png')).toBe('guizhou-pairing-2011-funds.png');
    expect(exportFileName('all', 'people_trained', 'svg')).toBe('guizhou-pairing-all-people-trained.svg');
  });
});
