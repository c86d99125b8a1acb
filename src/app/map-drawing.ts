import type { CameraMove } from '../state/transition.ts';

/*
 * A place just opened is answered by its panel, painted first; the map is drawn with the place (and
 * moved to reveal it) in the task after that frame. Drawn in the click's own task, the map held the
 * panel back by its drawing (≈ 70–130 ms of a cold click). Changes made meanwhile join that drawing,
 * with their camera moves in order; a reveal of a place closed meanwhile is dropped.
 */
export interface MapDrawing {
  /** Draws the map now, or joins the drawing that waits; `later`: after the frame being made. */
  draw(later: boolean): void;
  /** Moves the camera, once the map is drawn. */
  move(m: CameraMove): void;
  /** Whether a drawing waits (the test hooks' `idle` waits for it). */
  waiting(): boolean;
}

export function mapDrawing(o: { draw(): void; move(m: CameraMove): void; openPlace(): string | null; afterFrame(run: () => void): void }): MapDrawing {
  let behind: CameraMove[] | null = null;
  return {
    draw(later) {
      if (behind) return;
      if (!later) return o.draw();
      behind = [];
      o.afterFrame(() => {
        const moves = behind ?? [];
        behind = null;
        o.draw();
        for (const m of moves) if (m.type !== 'reveal' || m.place === o.openPlace()) o.move(m);
      });
    },
    move(m) {
      if (behind) behind.push(m);
      else o.move(m);
    },
    waiting: () => behind !== null,
  };
}
