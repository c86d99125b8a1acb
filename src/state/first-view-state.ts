import type { Story } from '../data/stories.ts';
import { stepPatch } from './story-step.ts';
import { defaultState, serializeState, type AppState } from './url-state.ts';

/**
 * Is this a state the build drew a first view for (scripts/first-view-kinds.ts)? The default view, it
 * embedded, it under a year and at most one kind of aid, and each step of a built-in story (`story`,
 * the one the link names) in present mode. The page says at which sizes; its inline script asks the
 * same question of the link.
 */
export function drawnAtBuild(state: AppState, story: Story | undefined): boolean {
  const { lang, embed, year, categories } = state;
  const drawn: AppState = story
    ? { ...defaultState(lang), ...stepPatch(story, state.step) }
    : embed
      ? { ...defaultState(lang), embed }
      : { ...defaultState(lang), year, categories: categories.length === 1 ? categories : [] };
  return serializeState(state) === serializeState(drawn);
}
