import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem } from '../src/data/problems.ts';
import { TABLES, type TableName } from '../src/data/schema.ts';
import { loadDataset, type DataTexts } from '../src/data/validate.ts';
import { buildModel } from '../src/scene/model.ts';
import { vocabularyOf } from '../src/state/vocabulary.ts';
import { readStories } from '../src/story/schema.ts';
import { readDataFile } from './read-data.ts';

/*
 * `import loadBuiltin from 'virtual:builtin-data'`: the data folder, parsed and checked when the app
 * is built, as JSON. The app starts from data it can trust without shipping the parser and the
 * validator (zod) to every visitor; they load only when someone opens their own files. A problem
 * in the data stops the build (and the dev server's page) with the file, line and field.
 *
 * In the deployed build the JSON is a file of its own, which index.html preloads beside the script
 * (a large dataset then downloads in parallel and is not compiled as code). The dev server and the
 * single offline file keep it inside the script.
 */
const ID = 'virtual:builtin-data';
/** The data files as text (decoded as `data:check` decodes them), for joining with a user's files. */
const TEXTS_ID = 'virtual:builtin-texts';
const BUILTIN_DATA_FILE = 'builtin-data.json';

export function builtinData(dir: string, opts: { inline: boolean }): Plugin {
  let serving = false;
  return {
    name: 'builtin-data',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId: (id) => (id === ID || id === TEXTS_ID ? `\0${id}` : null),
    load(id) {
      if (id !== `\0${ID}` && id !== `\0${TEXTS_ID}`) return null;
      const read = (file: string) => {
        this.addWatchFile(file);
        return readFileSync(file, 'utf8');
      };
      const names = Object.keys(TABLES) as TableName[];
      const texts = Object.fromEntries(
        names.map((name) => {
          const file = join(dir, TABLES[name].file);
          this.addWatchFile(file);
          return [name, readDataFile(file).text];
        }),
      ) as DataTexts;
      if (id === `\0${TEXTS_ID}`) return `export default ${JSON.stringify(texts)};`;
      const { dataset, problems } = loadDataset(texts, (name) => relative(process.cwd(), join(dir, TABLES[name].file)));
      const storiesFile = join(dir, 'stories.json');
      const story = existsSync(storiesFile) ? readStories(JSON.parse(read(storiesFile)), vocabularyOf(buildModel(dataset))) : { stories: [], problems: [] };
      const all = [...problems.map(formatProblem), ...story.problems];
      if (all.length > 0) throw new Error(`The data in ${dir} has problems:\n${all.join('\n')}`);
      const json = JSON.stringify({ dataset, stories: story.stories });
      if (serving || opts.inline) {
        // JSON.parse of a string literal is faster for engines to load than the same object as code.
        return `const data = JSON.parse(${JSON.stringify(json)});\nexport default () => Promise.resolve(data);`;
      }
      const ref = this.emitFile({ type: 'asset', name: BUILTIN_DATA_FILE, source: json });
      return `export default () => fetch(import.meta.ROLLUP_FILE_URL_${ref}).then((r) => r.json());`;
    },
  };
}
