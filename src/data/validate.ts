import { checkDiscrepancies, checkOpenOverlaps, checkParts, type Reject } from './figure-links.ts';
import type { Problem } from './problems.ts';
import type { Category, Discrepancy, Figure, Metric, Pairing, Place, Section, Source, TableName } from './schema.ts';
import { TABLES, UNIT_RANGE } from './schema.ts';
import { readCsv, readTable, type CsvSource, type InvalidRow, type Row } from './tables.ts';

export interface Dataset {
  sources: Row<Source>[];
  sections: Row<Section>[];
  categories: Row<Category>[];
  metrics: Row<Metric>[];
  places: Row<Place>[];
  pairings: Row<Pairing>[];
  figures: Row<Figure>[];
  discrepancies: Row<Discrepancy>[];
}

export type DataTexts = Record<TableName, string>;

export interface LoadResult {
  dataset: Dataset;
  problems: Problem[];
  invalid: Partial<Record<TableName, InvalidRow[]>>;
}

const defaultFile = (name: TableName) => `data/${TABLES[name].file}`;

export interface LoadOptions {
  /**
   * Whether every section a figure or pairing cites must have a Chinese name in sections.csv. True
   * for the shipped data; a user's own figures (which cannot bring a sections.csv) show the
   * section as written instead.
   */
  sectionNames?: boolean;
}

/** Parses and cross-checks the data files (one text per table), as `loadSources` does. */
export function loadDataset(texts: DataTexts, fileOf: (name: TableName) => string = defaultFile, options: LoadOptions = {}): LoadResult {
  const sources = Object.fromEntries((Object.keys(TABLES) as TableName[]).map((name) => [name, [readCsv(fileOf(name), texts[name])]]));
  return loadSources(sources as Record<TableName, CsvSource[]>, options);
}

/**
 * Parses and cross-checks all data files; a table may come from several files (ours and a user's),
 * read in order, each problem named by the file and line it stands on. Rows with a problem are left
 * out of the dataset and returned in `invalid`, so a caller can stop (the build) or show the rest (a
 * user's own file). A later row never makes an earlier one invalid: a repeated id, or a part that
 * would make its whole's parts add up to more than the whole, is the later row's problem.
 */
export function loadSources(sources: Record<TableName, readonly CsvSource[]>, options: LoadOptions = {}): LoadResult {
  const problems: Problem[] = [];
  const invalid: Partial<Record<TableName, InvalidRow[]>> = {};
  const origin = new Map<object, string>();
  const read = <N extends TableName>(name: N) => {
    const result = readTable(name, sources[name]);
    for (const p of result.problems) problems.push(p); // a spread of 100,000 arguments would overflow
    invalid[name] = result.invalid;
    for (const [row, file] of result.fileOf) origin.set(row, file);
    return result.rows;
  };
  const tables = {
    sources: read('sources'),
    sections: read('sections'),
    categories: read('categories'),
    metrics: read('metrics'),
    places: read('places'),
    pairings: read('pairings'),
    figures: read('figures'),
    discrepancies: read('discrepancies'),
  };
  const dataset = crossCheck(tables, (row) => origin.get(row) ?? '', problems, invalid, options.sectionNames ?? true);
  return { dataset, problems, invalid };
}

function crossCheck(
  t: Dataset,
  fileOf: (row: object) => string,
  problems: Problem[],
  invalid: Partial<Record<TableName, InvalidRow[]>>,
  sectionNames: boolean,
): Dataset {
  const rejected = new Set<object>();
  const reject: Reject = (name, row, field, message) => {
    problems.push({ file: fileOf(row), line: row.line, field, message });
    if (!rejected.has(row)) {
      rejected.add(row);
      (invalid[name] ??= []).push({ file: fileOf(row), line: row.line, values: rowValues(row) });
    }
  };
  const duplicates = new Set<object>();
  for (const name of ['sources', 'categories', 'metrics', 'places', 'figures'] as const) {
    for (const row of uniqueIds(name, t[name], fileOf, reject)) duplicates.add(row);
  }
  const places = new Map(t.places.map((p) => [p.id, p]));
  const metrics = new Map(t.metrics.map((m) => [m.id, m]));
  const has = {
    source: new Set(t.sources.map((s) => s.id)),
    category: new Set(t.categories.map((c) => c.id)),
    metric: new Set(t.metrics.map((m) => m.id)),
  };
  for (const p of t.places) {
    if (p.parent !== null && !places.has(p.parent)) reject('places', p, 'parent', `no place with id ${p.parent}`);
  }
  for (const m of t.metrics) {
    if ((m.unit === 'count' || m.unit === 'people') && m.label_one_en === '') reject('metrics', m, 'label_one_en', 'a count needs its label for one, as "Training course" beside "Training courses"');
  }
  const named = new Set<string>();
  for (const s of t.sections) {
    const key = sectionKey(s);
    if (!has.source.has(s.source)) reject('sections', s, 'source', `no source with id "${s.source}" in sources.csv`);
    else if (named.has(key)) reject('sections', s, 'section', `"${s.section}" of ${s.source} is already named on an earlier line`);
    named.add(key);
  }
  const unnamed = (x: { source: string; section: string }) => sectionNames && has.source.has(x.source) && !named.has(sectionKey(x));
  const noName = (x: { source: string; section: string }) => `no Chinese name for section "${x.section}" of ${x.source} in sections.csv`;
  for (const p of t.pairings) {
    checkPairing(p, places, has.source, reject);
    if (unnamed(p)) reject('pairings', p, 'section', noName(p));
  }
  for (const f of t.figures) {
    if (unnamed(f)) reject('figures', f, 'section', noName(f));
    if (!has.source.has(f.source)) reject('figures', f, 'source', `no source with id "${f.source}" in sources.csv`);
    if (!has.category.has(f.category)) reject('figures', f, 'category', `no category "${f.category}" in categories.csv`);
    if (!has.metric.has(f.metric)) reject('figures', f, 'metric', `no metric "${f.metric}" in metrics.csv`);
    if (!places.has(f.donor)) reject('figures', f, 'donor', `no place with id ${f.donor} in places.csv`);
    for (const r of f.recipients) if (!places.has(r)) reject('figures', f, 'recipients', `no place with id ${r} in places.csv`);
    if (f.year_from > f.year_to) reject('figures', f, 'year_to', `ends (${f.year_to}) before it starts (${f.year_from})`);
    const unit = metrics.get(f.metric)?.unit;
    const range = unit === undefined ? undefined : UNIT_RANGE[unit];
    if (range && (range.inclusive ? f.value > range.max : f.value >= range.max)) {
      reject('figures', f, 'value', `${f.value} is out of range: a ${f.metric} value must be ${range.words}`);
    }
  }
  const invalidFigures = new Map((invalid.figures ?? []).map((r) => [r.values['id'] ?? '', r.line]));
  // The hierarchy is checked among the first row of each id; a repeated id was reported above.
  const firstRows = t.figures.filter((f) => !duplicates.has(f));
  const flagged = new Set(t.discrepancies.filter((d) => d.check === 'parts_exceed_whole').flatMap((d) => d.figure));
  checkParts(firstRows, invalidFigures, flagged, reject);
  checkOpenOverlaps(firstRows, invalidFigures, reject);
  rejectOrphans(t.figures, rejected, reject);
  const sectionsOf = new Map<string, Set<string>>();
  for (const s of t.sections.filter((x) => !rejected.has(x))) sectionsOf.set(s.source, (sectionsOf.get(s.source) ?? new Set()).add(s.section));
  checkDiscrepancies(t.discrepancies, t.figures.filter((f) => !rejected.has(f)), { sources: has.source, sections: sectionNames ? sectionsOf : null }, reject);
  const keep = <T extends object>(rows: T[]) => rows.filter((r) => !rejected.has(r));
  return {
    sources: keep(t.sources),
    sections: keep(t.sections),
    categories: keep(t.categories),
    metrics: keep(t.metrics),
    places: keep(t.places),
    pairings: keep(t.pairings),
    figures: keep(t.figures),
    discrepancies: keep(t.discrepancies),
  };
}

const sectionKey = (x: { source: string; section: string }) => `${x.source}\u0000${x.section}`;

/**
 * A figure whose whole (or open-overlap figure) was rejected cannot be placed in the hierarchy: it
 * is rejected too, and so on down. Each figure is visited once, so a long chain stays linear.
 */
function rejectOrphans(figures: Row<Figure>[], rejected: Set<object>, reject: Reject) {
  const kept = new Set(figures.filter((f) => !rejected.has(f)).map((f) => f.id));
  const dependents = new Map<string, Row<Figure>[]>();
  for (const f of figures) {
    if (rejected.has(f)) continue;
    for (const id of [f.part_of, f.maybe_part_of]) {
      if (id === null) continue;
      const list = dependents.get(id);
      if (list) list.push(f);
      else dependents.set(id, [f]);
    }
  }
  const orphaned = (f: Row<Figure>) =>
    f.part_of !== null && !kept.has(f.part_of)
      ? { field: 'part_of', message: `its whole "${f.part_of}" has a problem` }
      : f.maybe_part_of !== null && !kept.has(f.maybe_part_of)
        ? { field: 'maybe_part_of', message: `the figure "${f.maybe_part_of}" has a problem` }
        : null;
  const queue = figures.filter((f) => !rejected.has(f) && orphaned(f) !== null);
  for (let i = 0; i < queue.length; i++) {
    const f = queue[i]!;
    const why = rejected.has(f) ? null : orphaned(f);
    if (!why) continue;
    reject('figures', f, why.field, why.message);
    kept.delete(f.id);
    for (const d of dependents.get(f.id) ?? []) queue.push(d);
  }
}

/** Rejects every row whose id an earlier row already has, and returns those rows. */
function uniqueIds(name: TableName, rows: Row<{ id: string }>[], fileOf: (row: object) => string, reject: Reject): Row<{ id: string }>[] {
  const seen = new Map<string, Row<{ id: string }>>();
  const repeated: Row<{ id: string }>[] = [];
  for (const r of rows) {
    const first = seen.get(r.id);
    if (first === undefined) seen.set(r.id, r);
    else {
      const where = fileOf(first) === fileOf(r) ? `line ${first.line}` : `line ${first.line} of ${fileOf(first)}`;
      reject(name, r, 'id', `"${r.id}" is already used on ${where}`);
      repeated.push(r);
    }
  }
  return repeated;
}

function checkPairing(p: Row<Pairing>, places: Map<string, Place>, sources: Set<string>, reject: Reject) {
  const donor = places.get(p.donor);
  const recipient = places.get(p.recipient);
  if (!donor) reject('pairings', p, 'donor', `no place with id ${p.donor} in places.csv`);
  else if (donor.level !== 'city' && donor.level !== 'district') {
    reject('pairings', p, 'donor', `a donor is a city or district, but ${p.donor} is a ${donor.level}`);
  }
  if (!recipient) reject('pairings', p, 'recipient', `no place with id ${p.recipient} in places.csv`);
  else if (recipient.level !== p.level) {
    reject('pairings', p, 'recipient', `a ${p.level} pairing needs a ${p.level}, but ${p.recipient} is a ${recipient.level}`);
  }
  if (p.from_year > p.to_year) reject('pairings', p, 'to_year', `ends (${p.to_year}) before it starts (${p.from_year})`);
  if (!sources.has(p.source)) reject('pairings', p, 'source', `no source with id "${p.source}" in sources.csv`);
}

function rowValues(row: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'line') continue;
    out[k] = Array.isArray(v) ? v.join(';') : v === null ? '' : String(v);
  }
  return out;
}
