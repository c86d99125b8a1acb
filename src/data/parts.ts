import type { Figure } from './schema.ts';

/*
 * Sums of parts, shared by validation (parts must not exceed their whole, unless the text itself
 * says so) and the panel (which shows such a text's contradiction). No zod here: the app uses it.
 */

/** Parts are compared in integer hundredths: 14.4 + 6.14 million must not fail on floating-point dust. */
export const exceeds = (sum: number, whole: number): boolean => Math.round(sum * 100) > Math.round(whole * 100);

/** The sum of a figure's direct parts, or null when it has none. */
export function partsSum(figures: readonly Figure[], id: string): number | null {
  const parts = figures.filter((f) => f.part_of === id);
  return parts.length === 0 ? null : Math.round(parts.reduce((s, f) => s + f.value, 0) * 100) / 100;
}
