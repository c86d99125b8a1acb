import { scaleSqrt } from 'd3-scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arcBetween, fanBends } from '../../src/scene/arcs.ts';
import { classBreaks } from '../../src/scene/model.ts';
import { buildScene, classOf, MAX_RADIUS, MIN_RADIUS } from '../../src/scene/scene.ts';
import { placeDetails } from '../../src/scene/details.ts';
import { searchPlaces } from '../../src/scene/search.ts';
import { legendSamples } from '../../src/scene/legend.ts';
import { defaultState } from '../../src/state/url-state.ts';
import { shippedModel } from './fixtures.ts';

const model = shippedModel();
const state = (over = {}) => ({ ...defaultState('en'), ...over });

describe('markers', () => {
  it("draws Qingdao's 2011 fiscal aid once, as one group circle for Anshun and Tongren, never split", () => {
    const scene = buildScene(model, state({ year: 2011 }));
    const group = scene.markers.find((m) => m.key === '520400;520600' && !m.multiYear)!;
    expect(group.kind).toBe('group');
    expect(group.value).toBe(31_250_000);
    expect(scene.markers.find((m) => m.key === '520400')).toBeUndefined();
    expect(scene.markers.find((m) => m.key === '520600')).toBeUndefined();
  });

  it('sizes circles by area on one scale for the whole dataset, whatever the filter', () => {
    const all = buildScene(model, state());
    const y2011 = buildScene(model, state({ year: 2011 }));
    const edu = buildScene(model, state({ categories: ['education'] }));
    expect(y2011.scaleMax).toBe(all.scaleMax);
    expect(edu.scaleMax).toBe(all.scaleMax);
    const a = y2011.markers.find((m) => m.key === '520400;520600')!;
    expect(a.radius).toBeCloseTo(MAX_RADIUS * Math.sqrt(a.value / all.scaleMax), 6);
    // The largest value in the data is Ningbo's 2010 programme total.
    expect(all.scaleMax).toBe(81_850_000);
  });

  it("gives every value the radius d3's scaleSqrt from 0 gives it, to the last bit (d3-scale is no longer shipped for it)", () => {
    const cases = [[state(), MAX_RADIUS], [state({ year: 2011, rescale: true }), 17], [state({ metric: 'projects' }), 40]] as const;
    for (const [st, maxRadius] of cases) {
      const s = buildScene(model, st, maxRadius);
      const d3 = scaleSqrt().domain([0, s.scaleMax]).range([0, maxRadius]);
      fc.assert(fc.property(fc.double({ min: Number.MIN_VALUE, max: s.scaleMax * 4, noNaN: true }), (v) => {
        expect(s.radius(v)).toBe(Math.max(MIN_RADIUS, d3(v)));
      }));
      for (const m of s.markers) expect(m.radius).toBe(m.value <= 0 ? 0 : Math.max(MIN_RADIUS, d3(m.value)));
      expect(s.radius(0)).toBe(0);
    }
  });

  it('rescales to the filter only when asked', () => {
    const s = buildScene(model, state({ year: 2011, rescale: true }));
    expect(s.scaleMax).toBe(31_250_000);
  });

  it('keeps multi-year figures apart from yearly ones: a ring per period', () => {
    const s = buildScene(model, state());
    const ring = s.markers.find((m) => m.multiYear && m.key.startsWith('522300;522600'))!;
    expect(ring.value).toBe(51_530_000 + 15_000_000);
    expect(ring.qualifier).toBe('more_than');
    const yearly = s.markers.find((m) => m.key === '522300;522600')!;
    expect(yearly.value).toBe(10_220_000);
    expect(buildScene(model, state({ year: 2010 })).markers.some((m) => m.multiYear)).toBe(false);
  });

  it("draws a whole city's programme at the city", () => {
    const s = buildScene(model, state({ year: 2010 }));
    const ningbo = s.markers.find((m) => m.key === 'programme:330200')!;
    expect(ningbo.kind).toBe('programme');
    const city = model.places.get('330200')!;
    expect(ningbo.position).toEqual([city.lon, city.lat]);
    // 81.85 million for the 309 projects plus nothing else at programme level: the parts are inside it.
    expect(ningbo.value).toBe(81_850_000);
  });

  it('never adds business investment to aid, and shows it when investment is the metric', () => {
    const aid = buildScene(model, state({ categories: ['trade_investment'] }));
    expect(aid.markers).toEqual([]);
    expect(aid.empty).toBe(true);
    const inv = buildScene(model, state({ metric: 'investment_cny' }));
    expect(inv.markers.map((m) => m.value)).toEqual([1_150_000_000]);
  });

  it('shades counties with figures, marks the rest as no figure, and quiets unpaired prefectures', () => {
    const s = buildScene(model, state({ year: 2011 }));
    expect(s.counties.get('520403')!.value).toBe(1_200_000);
    expect(s.counties.get('520422')!.value).toBe(630_000);
    expect(s.counties.get('520402')!.value).toBeNull();
    expect(s.counties.get('520402')!.quiet).toBe(false);
    expect(s.counties.get('520102')!.quiet).toBe(true);
    expect(s.counties.size).toBe(88);
  });

  it('draws one curved line per partnership (the rows of several texts merged), dashed where only activity shows it', () => {
    const s = buildScene(model, state());
    const pairs = new Set(model.dataset.pairings.map((p) => `${p.donor}-${p.recipient}`));
    expect(s.arcs).toHaveLength(pairs.size);
    expect(new Set(s.arcs.map((a) => a.id)).size).toBe(pairs.size);
    // Qingdao ↔ Anshun: stated in 2009 and 2011, only activity in 2010: one solid line.
    expect(s.arcs.find((a) => a.id === '370200-520400')?.evidence).toBe('stated');
    const inferred = s.arcs.find((a) => a.recipient === '520422')!;
    expect(inferred.evidence).toBe('activity');
    expect(inferred.curve[0]).toEqual([model.places.get('520422')!.lon, model.places.get('520422')!.lat]);
  });
});

describe('arc geometry', () => {
  it('starts and ends at the two places and bows to one side', () => {
    const [start, control, end] = arcBetween([106, 26], [120, 36], 0.2);
    expect(start).toEqual([106, 26]);
    expect(end).toEqual([120, 36]);
    // The straight chord's midpoint is (113, ~31.2); a positive bend pulls the curve north-west of it.
    expect(control[0]).toBeLessThan(113);
    expect(control[1]).toBeGreaterThan(31.2);
  });
  it('fans lines that share an end alternately to both sides', () => {
    expect(fanBends(4)).toEqual([0.12, -0.12, 0.18, -0.18]);
  });
});

describe('county classes', () => {
  it('use round bounds spread geometrically, the last one the maximum', () => {
    const b = classBreaks([120_000, 630_000, 1_200_000]);
    expect(b[b.length - 1]).toBe(1_200_000);
    expect([...b].sort((x, y) => x - y)).toEqual(b);
    expect(classOf(0, b)).toBe(0);
    expect(classOf(120_000, b)).toBe(1);
    expect(classOf(1_200_000, b)).toBe(b.length);
  });
});

describe('details', () => {
  it('lists every figure for Puding, with the Anshun-wide figures marked as such', () => {
    const d = placeDetails(model, '520422', { year: 'all', categories: [], metric: 'funds_cny' })!;
    expect(d.overall!.total).toBe(630_000);
    const ids = d.figures.map((n) => n.figure.id);
    expect(ids).toContain('qd11-laoshan-puding-water');
    expect(ids).toContain('qd11-puding-computers');
    const group = d.figures.find((n) => n.figure.id === 'qd11-funds-total')!;
    expect(group.relation).toBe('prefecture');
    // Parts are nested under their whole.
    expect(group.children.map((c) => c.figure.id).sort()).toEqual(['qd11-funds-arranged', 'qd11-funds-increase-city', 'qd11-funds-increase-districts']);
    expect(d.partners.map((p) => p.other.id)).toEqual(['370212']);
  });

  it("gives a city's panel what it gave and to whom", () => {
    const d = placeDetails(model, '330200', { year: 2010, categories: [], metric: 'funds_cny' })!;
    // 81.85 million of project aid; the 10.22 million of drought relief, Mr Zhu's 26 million for
    // schools and 12 million of other social aid may be inside it (the text does not say), so they
    // are shown beside the total, never added. Parts are never added again.
    expect(d.overall!.total).toBe(81_850_000);
    expect(d.overall!.openOverlap.map((f) => f.id)).toEqual(['nb10-drought-total', 'nb10-zhu-schools', 'nb10-social-aid']);
    expect(d.figures.every((n) => n.relation === 'given')).toBe(true);
    // A giver's total is broken down by the marks the map draws for it, not by category.
    expect(d.totals).toEqual([]);
    expect(d.given.map((r) => [r.anchor, r.value])).toEqual([
      ['programme:330200', 81_850_000],
      ['522300;522600', 10_220_000],
      ['522300', 2_000_000],
      ['522600', 2_000_000],
    ]);
  });
});

describe('place search', () => {
  it('finds places in Chinese, English and Pinyin, prefixes first', () => {
    expect(searchPlaces(model.dataset.places, '普定')[0]!.id).toBe('520422');
    expect(searchPlaces(model.dataset.places, 'puding')[0]!.id).toBe('520422');
    expect(searchPlaces(model.dataset.places, 'Qian')[0]!.level).toBe('prefecture');
    expect(searchPlaces(model.dataset.places, '铜仁地区')[0]!.id).toBe('520600');
    expect(searchPlaces(model.dataset.places, '')).toEqual([]);
  });
});

describe('legend samples', () => {
  it('are round values no larger than the scale maximum, drawn at their true radius', () => {
    const s = buildScene(model, state());
    const samples = legendSamples(s);
    expect(samples.length).toBeGreaterThan(1);
    for (const x of samples) {
      expect(x.value).toBeLessThanOrEqual(s.scaleMax);
      expect(x.radius).toBeCloseTo(s.radius(x.value));
    }
  });
});
