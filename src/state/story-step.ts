import type { AppState } from './url-state.ts';
import type { Story } from '../data/stories.ts';

/** The state a story step shows: its saved view, filters and place, framed by the named view (no explicit camera). */
export function stepPatch(story: Story, step: number): Partial<AppState> {
  const s = story.steps[Math.max(0, Math.min(step, story.steps.length - 1))]!.state;
  return { view: s.view, camera: null, year: s.year, categories: [...s.categories].sort(), metric: s.metric, place: s.place, story: story.id, step };
}
