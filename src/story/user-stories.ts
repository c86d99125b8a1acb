import type { Story } from '../data/stories.ts';

/*
 * Stories made in the app live in this browser tab (sessionStorage), like a user's own files: they
 * survive a reload, leave with the tab, and go elsewhere only as a downloaded stories.json or in an
 * offline copy. What is read back is checked again (src/data/stories.ts) before the app uses it.
 */
const KEY = 'guizhou-pairing-map:user-stories';

export function readUserStories(): unknown {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

export function storeUserStories(stories: readonly Story[]): void {
  if (stories.length === 0) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, JSON.stringify({ stories }));
}

/** The user's stories with the built-in ones: a user's story replaces a built-in one of the same id. */
export function storiesInUse(builtin: readonly Story[], user: readonly Story[]): Story[] {
  const ids = new Set(user.map((s) => s.id));
  return [...builtin.filter((s) => !ids.has(s.id)), ...user];
}
