import { readFileSync } from 'node:fs';
import { TABLES, type TableName } from '../../src/data/schema.ts';
import { loadDataset, type DataTexts } from '../../src/data/validate.ts';
import { buildModel, type Model } from '../../src/scene/model.ts';

/** The shipped data as the app sees it, for tests of the pure layers. */
export function shippedModel(): Model {
  const texts = Object.fromEntries(
    (Object.keys(TABLES) as TableName[]).map((n) => [n, readFileSync(`data/${TABLES[n].file}`, 'utf8')]),
  ) as DataTexts;
  const { dataset, problems } = loadDataset(texts);
  if (problems.length > 0) throw new Error(`shipped data has problems: ${problems.length}`);
  return buildModel(dataset);
}
