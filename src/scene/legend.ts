import { ticks } from 'd3-array';
import type { Scene } from './scene.ts';

/**
 * Sample circles for the legend: up to three round values at or below the scale's maximum, spaced so
 * their circles differ visibly (each about a quarter of the area of the next).
 */
export function legendSamples(scene: Scene): { value: number; radius: number }[] {
  const max = scene.scaleMax;
  if (!(max > 0)) return [];
  const out: number[] = [];
  for (const fraction of [1, 0.25, 0.04]) {
    const target = max * fraction;
    const nice = ticks(0, target, 4).filter((v) => v > 0 && v <= target).pop() ?? target;
    if (!out.includes(nice)) out.push(nice);
  }
  return out.map((value) => ({ value, radius: scene.radius(value) }));
}
