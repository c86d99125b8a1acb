import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLES, type TableName } from '../../src/data/schema.ts';
import type { DataTexts } from '../../src/data/validate.ts';
import { combine } from '../../src/import/combine.ts';
import { placeDetails } from '../../src/scene/details.ts';
import { buildModel } from '../../src/scene/model.ts';

/*
 * 100,000 rows on one county: once a quadratic path (figures grouped per place by copying the list
 * for every row) made this take minutes. Validation, the model and that county's panel stay linear.
 * Budgets are in CPU time of this process, so that a busy shared machine does not fail the test.
 */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};
const builtin = Object.fromEntries((Object.keys(TABLES) as TableName[]).map((n) => [n, readFileSync(`data/${TABLES[n].file}`, 'utf8')])) as DataTexts;
const HEADER = 'id,source,section,year_from,year_to,donor,recipients,category,metric,value,qualifier,part_of,note_en,note_zh';

describe('a large file on one county', () => {
  it('validates 100,000 rows in under 10 s, and builds the model and the county’s panel', () => {
    const rows = [HEADER];
    for (let i = 0; i < 100_000; i++) {
      const year = 2001 + (Math.floor(i / 10) % 10);
      // Every tenth row is a part of the row before it, so that the hierarchy checks do work too.
      const partOf = i % 10 === 9 ? `g${i - 1}` : '';
      rows.push(`g${i},nb2010,Overview,${year},${year},330200,522600,education,funds_cny,${partOf ? 1 : 1000 + i},exact,${partOf},Note ${i}.,说明${i}。`);
    }
    const text = rows.join('\n');
    const t0 = process.cpuUsage();
    const r = combine(builtin, [{ table: 'figures', name: 'big.csv', text }], 'replace');
    const validated = cpuMs(t0);
    expect(r.counts[0]).toEqual({ name: 'big.csv', table: 'figures', valid: 100_000, invalid: 0 });
    expect(validated).toBeLessThan(10_000);
    const t1 = process.cpuUsage();
    const model = buildModel(r.dataset);
    model.scale('funds_cny');
    const details = placeDetails(model, '522600', { year: 'all', categories: [], metric: 'funds_cny' });
    const derived = cpuMs(t1);
    expect(details?.figures.length).toBe(90_000);
    expect(derived).toBeLessThan(5_000);
    console.log(`100,000 rows on one county: validated in ${Math.round(validated)} ms CPU, model, scale and panel data in ${Math.round(derived)} ms CPU`);
  }, 60_000);
});
