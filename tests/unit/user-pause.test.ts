import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchUserPause } from '../../src/app/user-pause.ts';

describe('waiting for the user to pause (before MapLibre is made)', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  /** When the pause resolves, in fake milliseconds from now, with `input` run first. */
  async function resolvesAfter(input: (target: EventTarget) => void, settle = false): Promise<number> {
    const target = new EventTarget();
    const pause = watchUserPause(target, 300, 3000);
    input(target);
    const start = performance.now();
    let at = -1;
    void pause({ settle }).then(() => (at = performance.now() - start));
    for (let t = 0; t < 4000 && at < 0; t += 10) await vi.advanceTimersByTimeAsync(10);
    return at;
  }

  it('comes at once when the user has not pointed, pressed or scrolled lately', async () => {
    expect(await resolvesAfter(() => {})).toBe(0);
    expect(
      await resolvesAfter((target) => {
        target.dispatchEvent(new Event('pointerdown'));
        vi.advanceTimersByTime(400);
      }),
    ).toBe(0);
  });

  it('waits until 300 ms after the last input', async () => {
    expect(await resolvesAfter((target) => target.dispatchEvent(new Event('keydown')))).toBe(300);
    const late = await resolvesAfter((target) => {
      target.dispatchEvent(new Event('pointermove'));
      setTimeout(() => target.dispatchEvent(new Event('wheel')), 200);
    });
    expect(late).toBe(500);
  });

  it('settling, waits 300 ms from the call even without input, and 300 ms after input that comes meanwhile', async () => {
    expect(await resolvesAfter(() => {}, true)).toBe(300);
    const clicked = await resolvesAfter((target) => setTimeout(() => target.dispatchEvent(new Event('pointerdown')), 100), true);
    expect(clicked).toBe(400);
  });

  it('waits 3 s at most for a user who never stops', async () => {
    const at = await resolvesAfter((target) => {
      const again = () => {
        target.dispatchEvent(new Event('pointermove'));
        setTimeout(again, 100);
      };
      again();
    });
    expect(at).toBe(3000);
  });
});
