import type { Story } from '../data/stories.ts';
import { stepPatch } from './story-step.ts';
import { defaultState, serializeState, type AppState } from './url-state.ts';

/**
 * The places a link may open over a first view: a county or a district, whose area the first view
 * draws and outlines (scripts/first-view.ts). A prefecture's, a city's or a province's outline is not
 * in it (its ids end in 00): the app draws those links. Checked against the built-in places by a test.
 */
export const FIRST_VIEW_PLACE = /^\d{4}(?!00)\d{2}$/;

/**
 * Is this a state the build drew a first view for (scripts/first-view-kinds.ts)? The default view, it
 * embedded, it under a year and at most one kind of aid (with a county or district open, outlined
 * over it by the page's inline script), and each step of a built-in story (`story`, the one the link
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
