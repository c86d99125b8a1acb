/*
 * The map's one cache rule: what is derived from a view (outline paths, the room beside Guizhou, the
 * insets' geometry) is kept for the last few views, by a key that names everything it depends on.
 * A redraw at the same camera (a filter change, the panel opening) finds it; anything else recomputes.
 */
export interface Memo<V> {
  get(key: string, make: () => V): V;
}

export function memo<V>(size: number): Memo<V> {
  const kept = new Map<string, V>();
  return {
    get(key, make) {
      if (kept.has(key)) return kept.get(key)!;
      const value = make();
      kept.set(key, value);
      if (kept.size > size) kept.delete(kept.keys().next().value!);
      return value;
    },
  };
}
