declare module 'virtual:builtin-data' {
  import type { Dataset } from './validate.ts';
  import type { Story } from '../story/schema.ts';
  import type { StoredImport } from '../import/session.ts';
  /**
   * The shipped data folder, checked at build time (scripts/builtin-data.ts). An offline copy also
   * carries the user's files and stories it was saved with (src/offline/offline-html.ts).
   */
  const loadBuiltin: () => Promise<{ dataset: Dataset; stories: Story[]; userData?: StoredImport; userStories?: Story[] }>;
  export default loadBuiltin;
}
