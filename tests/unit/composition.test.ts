import { describe, expect, it } from 'vitest';
import { compactKeyBox, compose, mapControlBoxes, miniKeyBox } from '../../src/map/composition.ts';
import { clearanceField, placeCircle } from '../../src/map/free-spots.ts';
import { placeLabels, type LabelRequest } from '../../src/map/label-placement.ts';

describe('compose', () => {
  const cities = ['370200', '330200'];
  it('puts the insets in a column right of Guizhou in a landscape frame, beside the controls and the panel', () => {
    const c = compose('guizhou', { width: 1000, height: 700, cities, controls: 48, covered: { right: 300, bottom: 0 } });
    expect(c.insets).toHaveLength(2);
    for (const i of c.insets) {
      expect(i.x).toBeGreaterThanOrEqual(c.main.x + c.main.width);
      expect(i.x + i.width).toBeLessThanOrEqual(1000 - 300 - 48);
    }
    expect(c.insets[0]!.y + c.insets[0]!.height).toBeLessThanOrEqual(c.insets[1]!.y);
  });
  it('puts the insets in a row under Guizhou in a portrait frame', () => {
    const c = compose('guizhou', { width: 390, height: 600, cities });
    for (const i of c.insets) expect(i.y).toBeGreaterThanOrEqual(c.main.y + c.main.height);
    expect(c.insets[0]!.x + c.insets[0]!.width).toBeLessThanOrEqual(c.insets[1]!.x);
  });
  it('draws true geography without insets', () => {
    expect(compose('overview', { width: 1000, height: 700, cities }).insets).toEqual([]);
  });
});

describe('the boxes over the live map', () => {
  const cities = ['370200', '330200'];
  type Box = { x: number; y: number; width: number; height: number };
  const apart = (a: Box, b: Box) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
  const inside = (a: Box, w: number, h: number) => a.x >= 0 && a.y >= 0 && a.x + a.width <= w && a.y + a.height <= h;

  it('stand inside the map and apart: MapLibre’s controls, the key or an embed’s key button', () => {
    for (const [w, h] of [[320, 198], [400, 248], [560, 347], [780, 484], [980, 694], [1280, 640], [1620, 1012]] as const) {
      const controls = mapControlBoxes(w, h, { zoom: true, attribution: true });
      const key = compactKeyBox(w, h, cities) ?? miniKeyBox(w, h);
      for (const b of [...controls, key]) expect(inside(b, w, h), `${w}×${h}`).toBe(true);
      [...controls, key].forEach((a, i, all) => all.slice(i + 1).forEach((b) => expect(apart(a, b), `${w}×${h}`).toBe(true)));
    }
  });

  it('follow the map: no zoom buttons on a still map, no attribution while presenting, unfolded on a wide map, beside an open panel', () => {
    expect(mapControlBoxes(400, 248, { zoom: false, attribution: false })).toEqual([{ x: 10, y: 216, width: 100, height: 22 }]);
    const attribution = (w: number) => mapControlBoxes(w, 600, { zoom: false, attribution: true })[1]!;
    expect(attribution(1023).width).toBe(24);
    expect(attribution(1024).width).toBeGreaterThanOrEqual(580);
    const [zoom] = mapControlBoxes(980, 694, { zoom: true, attribution: true, right: 380 });
    expect(zoom!.x + zoom!.width).toBe(980 - 380 - 10);
  });
});

describe('placeCircle', () => {
  // A 100×100 square shape in a 300×200 field.
  const field = clearanceField([[100, 50, 200, 50, 200, 150, 100, 150]], [0, 0, 300, 200], 5);
  it('finds room outside the shape, nearest the target, clear of circles already placed', () => {
    const p = placeCircle(field, [150, 100], 20, [])!;
    const clear = (x: number, y: number) => x + 20 <= 100 - 3 || x - 20 >= 200 + 3 || y + 20 <= 50 - 3 || y - 20 >= 150 + 3;
    expect(clear(p[0], p[1])).toBe(true);
    const q = placeCircle(field, [150, 100], 20, [{ x: p[0], y: p[1], r: 20 }])!;
    expect(Math.hypot(q[0] - p[0], q[1] - p[1])).toBeGreaterThanOrEqual(43);
  });
  it('tells distances up to its reach exactly, and farther ones as the reach', () => {
    const near = clearanceField([[100, 50, 200, 50, 200, 150, 100, 150]], [0, 0, 300, 200], 5, 30);
    expect(near.clearance.length).toBe(field.clearance.length);
    field.clearance.forEach((d, i) => expect(near.clearance[i]).toBeCloseTo(Math.min(d, 30), 5));
    // (0, 0) is 111.8 px from the square's corner; (90, 100) 10 px from its left side; (150, 100) inside.
    expect(field.clearance[0]).toBeCloseTo(111.8, 1);
    expect(near.clearance[0]).toBe(30);
    expect(near.clearance[20 * near.cols + 18]).toBeCloseTo(10, 5);
    expect(near.clearance[20 * near.cols + 30]).toBe(0);
  });
  it('keeps within the box it is given, or gives up', () => {
    expect(placeCircle(field, [150, 100], 20, [], [], [100, 50, 200, 150])).toBeNull();
  });
});

describe('placeLabels', () => {
  const req = (id: string, priority: number, x = 100, y = 100): LabelRequest => ({ id, name: 'Anshun', x, y, r: 0, size: 12, fill: '#000', priority, bounds: [0, 0, 400, 300], leader: true });
  it('places names by priority without overlap, moving a later one away on a leader line', () => {
    const placed = placeLabels([req('b', 2), req('a', 1)], { boxes: [], circles: [] });
    expect(placed.map((p) => p.id)).toEqual(['a', 'b']);
    const [a, b] = placed;
    expect(a!.box[2] <= b!.box[0] || b!.box[2] <= a!.box[0] || a!.box[3] <= b!.box[1] || b!.box[3] <= a!.box[1]).toBe(true);
  });
  it('keeps names off circles and out of boxes to keep clear, and drops a name with no room', () => {
    const placed = placeLabels([{ ...req('a', 1), leader: false }], { boxes: [[0, 0, 400, 300]], circles: [] });
    expect(placed).toEqual([]);
    const round = placeLabels([req('a', 1)], { boxes: [], circles: [{ x: 100, y: 80, r: 30 }] });
    const box = round[0]!.box;
    expect(box[2] <= 70 || box[0] >= 130 || box[3] <= 50 || box[1] >= 110).toBe(true);
  });
  it('puts no name nearer another place’s circle than its own point', () => {
    // The spots beside its circle are taken (a box round it): the first on a leader, above, stands
    // 30 px from its own circle and 17 px from another's: the name goes where its own is nearest.
    const own = { ...req('a', 1), r: 3 };
    const boxes = [[70, 72, 130, 128] as const];
    const alone = placeLabels([own], { boxes, circles: [{ x: 100, y: 100, r: 3 }] })[0]!;
    expect(alone.leader).not.toBeNull();
    expect(alone.box[3]).toBeLessThan(72);
    const [placed] = placeLabels([own], { boxes, circles: [{ x: 100, y: 100, r: 3 }, { x: 140, y: 58, r: 3 }] });
    const gap = (x: number, y: number) => Math.hypot(Math.max(placed!.box[0] - x, 0, x - placed!.box[2]), Math.max(placed!.box[1] - y, 0, y - placed!.box[3]));
    expect(placed!.leader).not.toBeNull();
    expect(gap(140, 58) - 3).toBeGreaterThan(gap(100, 100) - 3);
  });
  it('keeps a name without a circle well off a value, which it would seem to own', () => {
    const base = { size: 12, fill: '#000', bounds: [0, 0, 400, 300] as const };
    const value = { ...base, id: 'v', name: '¥630k', x: 100, y: 100, r: 3, priority: 1, leader: true, value: true };
    const name = { ...base, id: 'n', name: 'Bijie', x: 60, y: 76, r: 0, priority: 5, leader: false };
    const [v, n] = placeLabels([value, name], { boxes: [], circles: [{ x: 100, y: 100, r: 3 }] });
    // Above its point the name would end 2 px from the value's box; it stands left of its point instead.
    const gap = Math.hypot(Math.max(n!.box[0] - v!.box[2], 0, v!.box[0] - n!.box[2]), Math.max(n!.box[1] - v!.box[3], 0, v!.box[1] - n!.box[3]));
    expect(gap).toBeGreaterThanOrEqual(6);
    expect(n!.anchor).toBe('end');
  });
});
