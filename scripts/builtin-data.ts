import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem } from '../src/data/problems.ts';
import { TABLES, type TableName } from '../src/data/schema.ts';
import { loadDataset, type DataTexts } from '../src/data/validate.ts';
import { buildModel } from '../src/scene/model.ts';
import { vocabularyOf } from '../src/state/vocabulary.ts';
import { readStories } from '../src/story/schema.ts';

/*
 * `import builtin from 'virtual:builtin-data'`: the data folder, parsed and checked when the app is
 * built, as JSON. The app starts from data it can trust without shipping the parser and the
 * validator (zod) to every visitor; they load only when someone opens their own files. A problem
 * in the data stops the build (and the dev server's page) with the file, line and field.
 */
const ID = 'virtual:builtin-data';

export function builtinData(dir: string): Plugin {
  return {
    name: 'builtin-data',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load(id) {
      if (id !== `\0${ID}`) return null;
      const read = (file: string) => {
        this.addWatchFile(file);
        return readFileSync(file, 'utf8');
      };
      const names = Object.keys(TABLES) as TableName[];
      const texts = Object.fromEntries(names.map((name) => [name, read(join(dir, TABLES[name].file))])) as DataTexts;
      const { dataset, problems } = loadDataset(texts);
      const storiesFile = join(dir, 'stories.json');
      const story = existsSync(storiesFile) ? readStories(JSON.parse(read(storiesFile)), vocabularyOf(buildModel(dataset))) : { stories: [], problems: [] };
      const all = [...problems.map(formatProblem), ...story.problems];
      if (all.length > 0) throw new Error(`The data in ${dir} has problems:\n${all.join('\n')}`);
      // JSON.parse of a string literal is faster for engines to load than the same object as code.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify({ dataset, stories: story.stories }))});`;
    },
  };
}
