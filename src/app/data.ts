import loadBuiltin from 'virtual:builtin-data';
import type { Story } from '../data/stories.ts';
import type { ImportedFiles } from '../data/user-files.ts';
import type { Dataset } from '../data/validate.ts';
import { readImport, updateImport, type StoredImport } from '../import/store.ts';
import { buildModel, type Model } from '../scene/model.ts';
import { vocabularyOf } from '../scene/vocabulary.ts';
import type { Vocabulary } from '../state/url-state.ts';
import { readUserStories, storiesInUse } from '../story/user-stories.ts';

/*
 * What the app shows: the built-in data, which the build has already checked, or a user's own files
 * (kept for this tab by the import dialog, or carried by an offline copy) in its place or beside it;
 * and the stories, built-in and made in the app.
 */

export interface AppData {
  builtin: { dataset: Dataset; stories: Story[] };
  model: Model;
  /** The user's files in use, if any, and how many of their rows were set aside. */
  userData: ImportedFiles | null;
  invalidRows: number;
  /** The files opened in this tab (an offline copy's own files are not: they are its data). */
  sessionImport: StoredImport | null;
  /** The files that failed to load when the page last stopped: offered for download, never replayed. */
  setAside: StoredImport | null;
  /** The stories in use: one array, updated in place, so that the presenter plays a story as soon as the editor changes it. */
  stories: Story[];
  userStories(): Story[];
  setUserStories(next: Story[]): void;
  /** What a link may name (years, categories, places, stories). */
  vocabulary(): Vocabulary;
}

export async function loadData(): Promise<AppData> {
  const builtin = await loadBuiltin();
  // Files that were loading when the page last stopped are set aside: an import that crashes the app
  // must not crash it again.
  const stored = await readImport();
  if (stored?.status === 'loading') await updateImport(stored, { status: 'set-aside', error: 'the page stopped while loading them' });
  const sessionImport: StoredImport | null = stored && stored.status !== 'set-aside' ? stored : null;
  if (sessionImport) await updateImport(sessionImport, { status: 'loading' });
  const userData = sessionImport ?? builtin.userData ?? null;
  const loaded = userData ? (await import('../import/with-user-data.ts')).withUserData(userData, builtin.stories) : null;
  const model = buildModel(loaded?.dataset ?? builtin.dataset);
  // Stories made in the app (this tab's, or an offline copy's), checked again before use; the checker loads only then.
  const userStoriesJson = readUserStories() ?? (builtin.userStories ? { stories: builtin.userStories } : null);
  let userStories = userStoriesJson ? (await import('../story/check-stories.ts')).usableStories(userStoriesJson, model) : [];
  const baseStories = loaded?.stories ?? builtin.stories;
  const stories = storiesInUse(baseStories, userStories);
  return {
    builtin,
    model,
    userData,
    invalidRows: loaded?.invalidRows ?? 0,
    sessionImport,
    setAside: stored?.status === 'set-aside' ? stored : null,
    stories,
    userStories: () => userStories,
    setUserStories(next) {
      userStories = next;
      stories.splice(0, stories.length, ...storiesInUse(baseStories, next));
    },
    vocabulary: () => vocabularyOf(model, stories.map((s) => s.id)),
  };
}
