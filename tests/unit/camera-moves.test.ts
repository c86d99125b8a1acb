import { describe, expect, it } from 'vitest';
import { cameraAfter, composeLive, type MoveContext } from '../../src/map/camera-moves.ts';
import { insetCities } from '../../src/map/composition.ts';
import { projectionFor } from '../../src/map/projection.ts';
import type { Cover } from '../../src/map/renderer.ts';
import { shippedModel } from './fixtures.ts';

const model = shippedModel();
const cities = insetCities(model);
// The live map at 1280×800 (980×694 beside the sidebar), its details panel (380 px) open along the right.
const [width, height] = [980, 694];
const panel: Cover = { box: [width - 380, 0, width, height], kind: 'panel' };
const framed = composeLive('guizhou', { width, height, cities, covers: [panel] });
const context = (o: Partial<MoveContext> = {}): MoveContext => ({ model, cities, width, height, camera: framed.camera, covers: [panel], view: 'guizhou', open: null, ...o });
const LAOSHAN = '370212';
const QINGDAO = '370200';
const PUDING = '520422';
const TIANZHU = '522627';

describe('a partner city’s place opened beside the panel', () => {
  it('composes the view beside the panel, the insets out from under it, where the panel covered their column', () => {
    // As it stood: every inset under the panel.
    for (const f of framed.insets) expect(f.x).toBeGreaterThanOrEqual(width - 380);
    const moved = cameraAfter({ type: 'reveal', place: LAOSHAN }, context({ open: LAOSHAN }))!;
    expect(moved.fly).toBe(true);
    expect(moved.insets).toEqual({ from: 'composed', by: [0, 0] });
    const beside = composeLive('guizhou', { width, height, cities, covers: [panel], partnerOpen: true });
    expect(moved.camera).toEqual(beside.camera);
    for (const f of beside.insets) expect(f.x + f.width, f.city).toBeLessThanOrEqual(width - 380);
    // Guizhou too stays clear of the panel: Guiyang is drawn left of it.
    const [x] = projectionFor(moved.camera, width, height)([106.63, 26.65])!;
    expect(x).toBeLessThan(width - 380);
  });

  it('stays where it is for another partner’s place, and for a partner city in true geography (no insets)', () => {
    const beside = composeLive('guizhou', { width, height, cities, covers: [panel], partnerOpen: true }).camera;
    expect(cameraAfter({ type: 'reveal', place: QINGDAO }, context({ camera: beside, open: QINGDAO }))).toBeNull();
    expect(cameraAfter({ type: 'reveal', place: LAOSHAN }, context({ view: 'overview', open: LAOSHAN }))).toBeNull();
  });

  it('frames a partner’s place beside the panel when the view is framed again (back, forward) and as before once it closes', () => {
    const beside = composeLive('guizhou', { width, height, cities, covers: [panel], partnerOpen: true }).camera;
    expect(cameraAfter({ type: 'frame', view: 'guizhou', animate: false }, context({ open: LAOSHAN }))!.camera).toEqual(beside);
    expect(cameraAfter({ type: 'frame', view: 'guizhou', animate: true }, context({ camera: beside, open: null }))!.camera).toEqual(framed.camera);
  });

  it('goes back to the view as composed before for a county opened from there, panned where the panel would cover it', () => {
    const beside = composeLive('guizhou', { width, height, cities, covers: [panel], partnerOpen: true }).camera;
    const puding = cameraAfter({ type: 'reveal', place: PUDING }, context({ camera: beside, open: PUDING }))!;
    expect(puding).toEqual({ camera: framed.camera, fly: true, insets: { from: 'composed', by: [0, 0] } });
    // Tianzhu lies under the panel in the view as composed: brought out by a pan of it, the insets with it.
    const tianzhu = cameraAfter({ type: 'reveal', place: TIANZHU }, context({ camera: beside, open: TIANZHU }))!;
    expect(tianzhu.fly).toBe(true);
    expect(tianzhu.camera.zoom).toBe(framed.camera.zoom);
    expect(tianzhu.insets.from).toBe('composed');
    expect(tianzhu.insets.by[0]).toBeLessThan(0);
    const p = model.places.get(TIANZHU)!;
    const [x] = projectionFor(tianzhu.camera, width, height)([p.lon, p.lat])!;
    expect(x).toBeLessThan(width - 380 - 48);
  });

  it('leaves a county in view where it is, and pans the whole picture to one under the panel', () => {
    expect(cameraAfter({ type: 'reveal', place: PUDING }, context({ open: PUDING }))).toBeNull();
    const tianzhu = cameraAfter({ type: 'reveal', place: TIANZHU }, context({ open: TIANZHU }))!;
    expect(tianzhu.fly).toBe(false);
    expect(tianzhu.insets.from).toBe('here');
  });

  it('changes nothing where no panel lies beside the map (a phone’s sheet, present mode)', () => {
    const bare = composeLive('guizhou', { width, height, cities, covers: [] });
    expect(composeLive('guizhou', { width, height, cities, covers: [], partnerOpen: true })).toEqual(bare);
    expect(cameraAfter({ type: 'reveal', place: LAOSHAN }, context({ camera: bare.camera, covers: [], open: LAOSHAN }))).toBeNull();
    expect(cameraAfter({ type: 'reveal', place: PUDING }, context({ camera: bare.camera, covers: [], open: PUDING }))).toBeNull();
  });
});
