import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem } from '../src/data/problems.ts';
import { TABLES, type TableName } from '../src/data/schema.ts';
import { loadDataset, type DataTexts, type Dataset } from '../src/data/validate.ts';
import { buildModel } from '../src/scene/model.ts';
import { checkStories } from '../src/story/check-stories.ts';
import type { Story } from '../src/data/stories.ts';
import { DATA_ELEMENT_ID } from '../src/offline/offline-html.ts';
import { readDataFile } from './read-data.ts';

/*
 * `import loadBuiltin from 'virtual:builtin-data'`: the data folder, parsed and checked when the app
 * is built, as JSON. The app starts from data it can trust without shipping the parser and the
 * validator (zod) to every visitor; they load only when someone opens their own files. A problem
 * in the data stops the build (and the dev server's page) with the file, line and field.
 *
 * In the deployed build the JSON is a file of its own, which index.html preloads beside the script
 * (a large dataset then downloads in parallel and is not compiled as code). The dev server keeps it
 * inside the script; the single offline file keeps it in a JSON block beside the script.
 */
const ID = 'virtual:builtin-data';
/** The data files as text (decoded as `data:check` decodes them), for joining with a user's files. */
const TEXTS_ID = 'virtual:builtin-texts';
const BUILTIN_DATA_FILE = 'builtin-data.json';

/** The data files as text, decoded as `data:check` and the import decode them. */
function readTexts(dir: string, watch: (file: string) => void): DataTexts {
  const names = Object.keys(TABLES) as TableName[];
  return Object.fromEntries(
    names.map((name) => {
      const file = join(dir, TABLES[name].file);
      watch(file);
      return [name, readDataFile(file).text];
    }),
  ) as DataTexts;
}

/** The data folder, parsed and checked (as the build does, stories' caption numbers included); throws with every problem listed. */
export function readBuiltin(dir: string, watch: (file: string) => void = () => undefined): { dataset: Dataset; stories: Story[] } {
  const { dataset, problems } = loadDataset(readTexts(dir, watch), (name) => relative(process.cwd(), join(dir, TABLES[name].file)));
  const storiesFile = join(dir, 'stories.json');
  if (existsSync(storiesFile)) watch(storiesFile);
  const story = existsSync(storiesFile) ? checkStories(JSON.parse(readFileSync(storiesFile, 'utf8')), buildModel(dataset), relative(process.cwd(), storiesFile)) : { stories: [], problems: [] };
  const all = [...problems.map(formatProblem), ...story.problems];
  if (all.length > 0) throw new Error(`The data in ${dir} has problems:\n${all.join('\n')}`);
  return { dataset, stories: story.stories };
}

export function builtinData(dir: string, opts: { inline: boolean }): Plugin {
  let serving = false;
  return {
    name: 'builtin-data',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId: (id) => (id === ID || id === TEXTS_ID ? `\0${id}` : null),
    load(id) {
      if (id === `\0${TEXTS_ID}`) return `export default ${JSON.stringify(readTexts(dir, (file) => this.addWatchFile(file)))};`;
      if (id !== `\0${ID}`) return null;
      const json = JSON.stringify(readBuiltin(dir, (file) => this.addWatchFile(file)));
      if (serving) {
        // JSON.parse of a string literal is faster for engines to load than the same object as code.
        return `const data = JSON.parse(${JSON.stringify(json)});\nexport default () => Promise.resolve(data);`;
      }
      if (opts.inline) {
        // The single offline file: the data is a JSON block beside the script (src/offline/offline-html.ts),
        // so that a copy can carry other data under the same script hash.
        this.emitFile({ type: 'asset', fileName: `assets/${BUILTIN_DATA_FILE}`, source: json });
        return `export default () => Promise.resolve(JSON.parse(document.getElementById(${JSON.stringify(DATA_ELEMENT_ID)}).textContent));`;
      }
      const ref = this.emitFile({ type: 'asset', name: BUILTIN_DATA_FILE, source: json });
      return `export default () => fetch(import.meta.ROLLUP_FILE_URL_${ref}).then((r) => r.json());`;
    },
  };
}
