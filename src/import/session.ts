import type { ImportMode, UserFile } from './combine.ts';

/** The user's files live only in this browser tab (sessionStorage): nothing is uploaded anywhere. */
const KEY = 'guizhou-pairing-map:user-data';

export interface StoredImport {
  mode: ImportMode;
  files: UserFile[];
}

export function storeImport(data: StoredImport): void {
  sessionStorage.setItem(KEY, JSON.stringify(data));
}

export function readImport(): StoredImport | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredImport) : null;
  } catch {
    return null;
  }
}

export function clearImport(): void {
  sessionStorage.removeItem(KEY);
}
