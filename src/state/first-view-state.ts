import type { Story } from '../data/stories.ts';
import { stepPatch } from './story-step.ts';
import { defaultState, serializeState, type AppState } from './url-state.ts';

/**
 * The places a link may open over a first view, which the page's inline script outlines on it
 * (scripts/first-view.ts): every place's id has six digits (checked against the built-in places by a
 * test); anything else the app reports as it parses the link.
 */
export const FIRST_VIEW_PLACE = /^\d{6}$/;

/**
 * Is this a state the build drew a first view for (scripts/first-view-kinds.ts)? The default view, it
 * embedded, it under a year and at most one kind of aid (with a place open, outlined over it by the
 * page's inline script), and each step of a built-in story (`story`, the one the link
 * names) in present mode. The page says at which sizes; its inline script asks the same question of
 * the link.
 */
export function drawnAtBuild(state: AppState, story: Story | undefined): boolean {
  const { lang, embed, year, categories, place } = state;
  const drawn: AppState = story
    ? { ...defaultState(lang), ...stepPatch(story, state.step) }
    : embed
      ? { ...defaultState(lang), embed }
      : { ...defaultState(lang), year, categories: categories.length === 1 ? categories : [], place: place !== null && FIRST_VIEW_PLACE.test(place) ? place : null };
  return serializeState(state) === serializeState(drawn);
}
