import { describe, expect, it } from 'vitest';
import { buildScene } from '../../src/scene/scene.ts';
import { tableRows } from '../../src/scene/table.ts';
import { defaultState } from '../../src/state/url-state.ts';
import { shippedModel } from './fixtures.ts';

const model = shippedModel();

describe('table view rows', () => {
  it('are exactly the circles on the map, largest first, with the figures and sources behind each', () => {
    const scene = buildScene(model, { ...defaultState('en'), year: 2011 });
    const rows = tableRows(model, scene);
    expect(rows.map((r) => r.marker.key)).toEqual(scene.markers.map((m) => m.key));
    const group = rows.find((r) => r.marker.key === '520400;520600')!;
    expect(group.figures.map((f) => f.id)).toEqual(['qd11-funds-total']);
    expect(group.sources).toEqual([{ source: 'qd2011', section: 'Overview' }]);
    expect(group.placeId).toBe('520400');
    const puding = rows.find((r) => r.marker.key === '520422')!;
    expect(puding.figures.map((f) => f.id).sort()).toEqual(['qd11-laoshan-puding-water', 'qd11-puding-computers-value']);
  });

  it('mark multi-year rings with the figures of their period only', () => {
    const rows = tableRows(model, buildScene(model, defaultState('en')));
    const ring = rows.find((r) => r.marker.multiYear)!;
    expect(ring.figures.every((f) => f.year_from === 2006 && f.year_to === 2010)).toBe(true);
    expect(ring.figures).toHaveLength(2);
  });
});
