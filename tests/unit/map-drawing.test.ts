import { describe, expect, it } from 'vitest';
import { mapDrawing } from '../../src/app/map-drawing.ts';
import type { CameraMove } from '../../src/state/transition.ts';

/** A map that logs what it was asked, a place open, and the frame's end, run by hand. */
function setup() {
  const log: string[] = [];
  const frames: (() => void)[] = [];
  let open: string | null = null;
  const drawing = mapDrawing({
    draw: () => log.push(`draw ${open ?? '-'}`),
    move: (m) => log.push(`move ${m.type}${m.type === 'reveal' ? ` ${m.place}` : ''}`),
    openPlace: () => open,
    afterFrame: (run) => frames.push(run),
  });
  const set = (p: string | null) => (open = p);
  /** A click that opens a place, as app.ts asks the map for it. */
  const opens = (place: string) => {
    set(place);
    drawing.draw(true);
    drawing.move({ type: 'reveal', place });
  };
  return { log, drawing, open: set, opens, frameEnds: () => frames.splice(0).forEach((f) => f()) };
}

const frame: CameraMove = { type: 'frame', view: 'guizhou', animate: true };

describe('the map drawn after the panel (app/map-drawing.ts)', () => {
  it('draws and moves at once for a change that opens no place', () => {
    const { log, drawing } = setup();
    drawing.draw(false);
    drawing.move(frame);
    expect(log).toEqual(['draw -', 'move frame']);
    expect(drawing.waiting()).toBe(false);
  });

  it('draws a place just opened, and reveals it, only after the frame that paints its panel', () => {
    const { log, drawing, opens, frameEnds } = setup();
    opens('520422');
    expect(log).toEqual([]);
    expect(drawing.waiting()).toBe(true);
    frameEnds();
    expect(log).toEqual(['draw 520422', 'move reveal 520422']);
    expect(drawing.waiting()).toBe(false);
  });

  it('joins changes made meanwhile into one drawing of the last state, their moves in order, a closed place not revealed', () => {
    const { log, drawing, open, opens, frameEnds } = setup();
    opens('520422');
    opens('520403');
    open(null);
    drawing.draw(false);
    drawing.move(frame);
    expect(log).toEqual([]);
    frameEnds();
    expect(log).toEqual(['draw -', 'move frame']);
    // The next change draws at once again.
    drawing.draw(false);
    expect(log).toEqual(['draw -', 'move frame', 'draw -']);
  });

  it('reveals the place still open when several opened in one frame', () => {
    const { log, opens, frameEnds } = setup();
    opens('520422');
    opens('520403');
    frameEnds();
    expect(log).toEqual(['draw 520403', 'move reveal 520403']);
  });
});
