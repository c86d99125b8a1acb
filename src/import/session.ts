import type { ImportMode, UserFile } from './combine.ts';

/**
 * The user's files live only in this browser tab (sessionStorage): nothing is uploaded anywhere.
 * (The first view's inline script reads the key too: scripts/first-view.ts.)
 */
export const IMPORT_KEY = 'guizhou-pairing-map:user-data';

export interface StoredImport {
  mode: ImportMode;
  files: UserFile[];
}

export function storeImport(data: StoredImport): void {
  sessionStorage.setItem(IMPORT_KEY, JSON.stringify(data));
}

export function readImport(): StoredImport | null {
  try {
    const raw = sessionStorage.getItem(IMPORT_KEY);
    return raw ? (JSON.parse(raw) as StoredImport) : null;
  } catch {
    return null;
  }
}

export function clearImport(): void {
  sessionStorage.removeItem(IMPORT_KEY);
}
