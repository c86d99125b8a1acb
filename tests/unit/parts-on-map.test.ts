import { describe, expect, it } from 'vitest';
import { buildScene } from '../../src/scene/scene.ts';
import { defaultState } from '../../src/state/url-state.ts';
import { shippedModel } from './fixtures.ts';

const model = shippedModel();
const scene = (patch: Partial<ReturnType<typeof defaultState>>) => buildScene(model, { ...defaultState('en'), ...patch });

describe('parts beside their whole on the map', () => {
  it('under 2010, Qingdao’s ¥8.4m at Anshun and at Tongren are parts of its ¥16.8m for the two, and say so', () => {
    const s = scene({ year: 2010 });
    const group = s.markers.find((m) => m.key === '520400;520600')!;
    expect(group.valueLabel).toBe('¥16.8m');
    for (const id of ['520400', '520600']) {
      const part = s.markers.find((m) => m.key === id)!;
      expect(part.valueLabel).toBe('¥8.4m');
      expect(part.partOf).toBe(group.key);
    }
    expect(group.partOf).toBeNull();
  });

  it('a figure the text only may include is not a part, but says where it may be', () => {
    const s = scene({ year: 2011 });
    const pingba = s.markers.find((m) => m.key === '520403')!;
    expect(pingba.partOf).toBeNull();
    expect(pingba.maybeIn).toBe('520400;520600');
  });

  it('under a year, lines whose pairing has no record that year are faded; all years, none', () => {
    const faded = (year: number | 'all') => scene({ year }).arcs.filter((a) => a.noRecord).map((a) => a.id).sort();
    expect(faded(2010)).toEqual(expect.arrayContaining(['370202-520403', '370212-520422', '370214-520424']));
    expect(faded(2011)).not.toContain('370202-520403');
    expect(faded('all')).toEqual([]);
  });

  it('every mark carries its value', () => {
    for (const year of ['all', 2009, 2010, 2011] as const) for (const m of scene({ year }).markers) expect(m.valueLabel, `${year} ${m.key}`).not.toBe('');
  });
});
