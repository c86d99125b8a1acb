/*
 * MapLibre's arrival (its map made, its first frames drawn) holds the main thread for a few hundred
 * milliseconds. A click or key that comes meanwhile waits behind it: a click on a county the moment
 * the first map was on screen took about half a second to open the panel. So MapLibre comes when the
 * user pauses: at once if they have not pointed, pressed or scrolled lately, else once they stop.
 */
const INPUTS = ['pointerdown', 'pointermove', 'keydown', 'wheel'] as const;

/**
 * Resolves once no input has come for `quiet` ms (at once if none came lately), or after `most` ms in
 * all. `settle`: the quiet time counts from the call too, so that it never resolves at once: a map
 * just painted is left to the user for that long before anything else runs.
 */
export type UserPause = (o?: { settle?: boolean }) => Promise<void>;

/** Starts listening for the user's input on `target` (from the app's start on, so that early input counts). */
export function watchUserPause(target: EventTarget, quiet = 300, most = 3000): UserPause {
  let last = -Infinity;
  for (const type of INPUTS) target.addEventListener(type, () => (last = performance.now()), { capture: true, passive: true });
  return ({ settle = false } = {}) =>
    new Promise<void>((resolve) => {
      const from = performance.now();
      const until = from + most;
      const check = () => {
        const now = performance.now();
        const since = settle ? Math.max(last, from) : last;
        if (now - since >= quiet || now >= until) return resolve();
        setTimeout(check, Math.min(since + quiet, until) - now);
      };
      check();
    });
}
