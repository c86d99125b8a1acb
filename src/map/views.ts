import type { NamedView } from '../state/url-state.ts';

/** [[west, south], [east, north]] of each named view. Overview frames Guizhou and both partner cities. */
export const VIEW_BOUNDS: Record<NamedView, [[number, number], [number, number]]> = {
  overview: [[103.4, 24.3], [122.6, 36.9]],
  guizhou: [[103.5, 24.55], [109.65, 29.25]],
};
