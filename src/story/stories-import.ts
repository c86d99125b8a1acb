import type { Model } from '../scene/model.ts';
import type { Frame } from '../view/context.ts';
import { el } from '../view/dom.ts';
import { checkStories } from './check-stories.ts';
import type { Story } from '../data/stories.ts';
import { readUserStories, storeUserStories } from './user-stories.ts';

/**
 * A stories.json opened with "Open data…": checked as the build checks data/stories.json (schema,
 * vocabulary, caption numbers), every problem listed with file, story, step and field. Stories that
 * pass join this tab's stories (replacing any of the same id) and the first one is presented.
 */
export function storiesReport(name: string, text: string, model: Model, frame: Frame): HTMLElement[] {
  const { tr } = frame;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return [el('p', { class: 'import-problem' }, `${name}: ${e instanceof Error ? e.message : String(e)}`)];
  }
  const { stories, problems } = checkStories(json, model, name);
  if (problems.length > 0) return [el('ol', { class: 'import-problems' }, ...problems.slice(0, 200).map((p) => el('li', {}, p)))];
  const use = el('button', { type: 'button', class: 'primary', 'data-action': 'import-stories' }, tr('import.storiesUse'));
  use.addEventListener('click', () => {
    const ids = new Set(stories.map((s) => s.id));
    const saved = (readUserStories() as { stories?: Story[] } | null)?.stories;
    storeUserStories([...(Array.isArray(saved) ? saved.filter((s) => !ids.has(s.id)) : []), ...stories]);
    const url = new URL(location.href);
    url.searchParams.set('story', stories[0]!.id);
    url.searchParams.delete('step');
    location.assign(url.toString());
  });
  return [el('p', { class: 'import-summary' }, tr('import.storiesReady', { file: name, count: stories.length })), el('div', { class: 'export-options' }, use)];
}
