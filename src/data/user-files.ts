/** A user's own CSV files: what the import dialog reads, the tab keeps and an offline copy carries. */
export type ImportMode = 'replace' | 'merge';
export type ImportTable = 'figures' | 'pairings' | 'places';

export interface UserFile {
  table: ImportTable;
  name: string;
  text: string;
}

/** A user's files as an offline copy carries them (no tab, no status: they are the copy's data). */
export interface ImportedFiles {
  mode: ImportMode;
  files: UserFile[];
}
