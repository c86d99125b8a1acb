import type { ImportMode, UserFile } from '../data/user-files.ts';

/*
 * Where the user's own files wait across the reload that shows them: IndexedDB, which holds far more
 * than the import limit (sessionStorage holds ~5 M characters). Nothing is uploaded anywhere. This tab
 * remembers which stored import it shows (a short id in sessionStorage), so another tab keeps the
 * built-in data. An import that fails to load is set aside, never replayed: the next start shows the
 * built-in data and offers the files for download.
 */

export interface StoredImport {
  id: string;
  mode: ImportMode;
  files: UserFile[];
  savedAt: number;
  /** `loading` until the map has started with it; still `loading` at the next start means it crashed. */
  status: 'new' | 'loading' | 'loaded' | 'set-aside';
  error?: string;
}


const DB = 'guizhou-pairing-map';
const STORE = 'imports';
/** This tab's stored import (its id). The first view's inline script reads it too: scripts/first-view.ts. */
export const IMPORT_KEY = 'guizhou-pairing-map:import-id';
/** Imports of tabs closed long ago are removed when a new one is saved. */
const KEEP_MS = 30 * 24 * 3600 * 1000;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'id' });
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB is not available'));
    r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => Promise<T>): Promise<T> {
  const db = await openDb();
  try {
    const tx = db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    const result = await run(tx.objectStore(STORE));
    await done;
    return result;
  } finally {
    db.close();
  }
}

function tabId(): string | null {
  try {
    return sessionStorage.getItem(IMPORT_KEY);
  } catch {
    return null;
  }
}

/** Keeps the files for this tab. Rejects, with the browser's reason, when the browser refuses to store them. */
export async function saveImport(mode: ImportMode, files: UserFile[]): Promise<void> {
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const record: StoredImport = { id, mode, files, savedAt: Date.now(), status: 'new' };
  await withStore('readwrite', async (s) => {
    const all = await request(s.getAll() as IDBRequest<StoredImport[]>);
    const previous = tabId();
    for (const r of all) if (r.id === previous || r.savedAt < Date.now() - KEEP_MS) s.delete(r.id);
    s.put(record);
  });
  sessionStorage.setItem(IMPORT_KEY, id);
}

/** This tab's stored import, if any; null when there is none or the browser keeps no storage. */
export async function readImport(): Promise<StoredImport | null> {
  const id = tabId();
  if (id === null) return null;
  try {
    return (await withStore('readonly', (s) => request(s.get(id) as IDBRequest<StoredImport | undefined>))) ?? null;
  } catch {
    return null;
  }
}

export async function updateImport(record: StoredImport, patch: Partial<Pick<StoredImport, 'status' | 'error'>>): Promise<void> {
  Object.assign(record, patch);
  try {
    await withStore('readwrite', async (s) => void s.put(record));
  } catch {
    // Storage went away: the tab forgets the import instead, so that it is not replayed.
    forgetImport();
  }
}

/**
 * Sets this tab's import aside after an error, so that the next start shows the built-in data and
 * offers the files for download. `whileLoading`: only if the error came before the map started with it.
 */
export async function setAsideImport(error: string, opts: { whileLoading?: boolean } = {}): Promise<void> {
  const record = await readImport();
  if (!record || record.status === 'set-aside' || (opts.whileLoading && record.status === 'loaded')) return;
  await updateImport(record, { status: 'set-aside', error });
}

/** This tab goes back to the built-in data; the stored files are deleted. */
export async function clearImport(): Promise<void> {
  const id = tabId();
  forgetImport();
  if (id === null) return;
  try {
    await withStore('readwrite', async (s) => void s.delete(id));
  } catch {
    // Nothing stored, or no storage: the tab has forgotten it either way.
  }
}

function forgetImport(): void {
  try {
    sessionStorage.removeItem(IMPORT_KEY);
  } catch {
    // No session storage: nothing was remembered.
  }
}
