declare module 'virtual:builtin-data' {
  import type { Dataset } from './validate.ts';
  import type { Story } from './stories.ts';
  import type { ImportedFiles } from './user-files.ts';
  /**
   * The shipped data folder, checked at build time (scripts/builtin-data.ts). An offline copy also
   * carries the user's files and stories it was saved with (src/offline/offline-html.ts).
   */
  const loadBuiltin: () => Promise<{ dataset: Dataset; stories: Story[]; userData?: ImportedFiles; userStories?: Story[] }>;
  export default loadBuiltin;
}

declare module 'virtual:builtin-texts' {
  import type { DataTexts } from './validate.ts';
  /** The shipped data files as text, decoded as `npm run data:check` decodes them (scripts/builtin-data.ts). */
  const texts: DataTexts;
  export default texts;
}
