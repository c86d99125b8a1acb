declare module 'virtual:builtin-data' {
  import type { Dataset } from './validate.ts';
  import type { Story } from '../story/schema.ts';
  /** The shipped data folder, checked at build time (scripts/builtin-data.ts). */
  const loadBuiltin: () => Promise<{ dataset: Dataset; stories: Story[] }>;
  export default loadBuiltin;
}

declare module 'virtual:builtin-texts' {
  import type { DataTexts } from './validate.ts';
  /** The shipped data files as text, decoded as `npm run data:check` decodes them (scripts/builtin-data.ts). */
  const texts: DataTexts;
  export default texts;
}
