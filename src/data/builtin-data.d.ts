declare module 'virtual:builtin-data' {
  import type { Dataset } from './validate.ts';
  import type { Story } from '../story/schema.ts';
  /** The shipped data folder, checked at build time (scripts/builtin-data.ts). */
  const builtin: { dataset: Dataset; stories: Story[] };
  export default builtin;
}
