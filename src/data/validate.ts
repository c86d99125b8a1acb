import { exceeds, partsSum } from './parts.ts';
import type { Problem } from './problems.ts';
import type { Category, Discrepancy, Figure, Metric, Pairing, Place, Section, Source, TableName } from './schema.ts';
import { TABLES } from './schema.ts';
import { readTable, type InvalidRow, type Row } from './tables.ts';

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

/**
 * Parses and cross-checks all data files. Rows with a problem are left out of the dataset and
 * returned in `invalid`, so a caller can stop (the build) or show the rest (a user's own file).
 */
export function loadDataset(texts: DataTexts, fileOf: (name: TableName) => string = defaultFile, options: LoadOptions = {}): LoadResult {
  const problems: Problem[] = [];
  const invalid: Partial<Record<TableName, InvalidRow[]>> = {};
  const read = <N extends TableName>(name: N) => {
    const result = readTable(name, texts[name], fileOf(name));
    problems.push(...result.problems);
    invalid[name] = result.invalid;
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
  const dataset = crossCheck(tables, fileOf, problems, invalid, options.sectionNames ?? true);
  return { dataset, problems, invalid };
}

type Reject = (name: TableName, row: Row<object>, field: string | null, message: string) => void;

function crossCheck(
  t: Dataset,
  fileOf: (name: TableName) => string,
  problems: Problem[],
  invalid: Partial<Record<TableName, InvalidRow[]>>,
  sectionNames: boolean,
): Dataset {
  const rejected = new Set<object>();
  const reject: Reject = (name, row, field, message) => {
    problems.push({ file: fileOf(name), line: row.line, field, message });
    if (!rejected.has(row)) {
      rejected.add(row);
      (invalid[name] ??= []).push({ line: row.line, values: rowValues(row) });
    }
  };
  const duplicates = new Set<object>();
  for (const name of ['sources', 'categories', 'metrics', 'places', 'figures'] as const) {
    for (const row of uniqueIds(name, t[name], reject)) duplicates.add(row);
  }
  const places = new Map(t.places.map((p) => [p.id, p]));
  const has = {
    source: new Set(t.sources.map((s) => s.id)),
    category: new Set(t.categories.map((c) => c.id)),
    metric: new Set(t.metrics.map((m) => m.id)),
  };
  for (const m of t.metrics) {
    if ((m.unit === 'count' || m.unit === 'people') && m.label_one_en === '') reject('metrics', m, 'label_one_en', 'a count needs its label for one, as "Training course" beside "Training courses"');
  }
  for (const p of t.places) {
    if (p.parent !== null && !places.has(p.parent)) reject('places', p, 'parent', `no place with id ${p.parent}`);
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
    if (!has.source.has(f.source)) reject('figures', f, 'source', `no source with id "${f.source}" in sources.csv`);
    if (!has.category.has(f.category)) reject('figures', f, 'category', `no category "${f.category}" in categories.csv`);
    if (!has.metric.has(f.metric)) reject('figures', f, 'metric', `no metric "${f.metric}" in metrics.csv`);
    if (!places.has(f.donor)) reject('figures', f, 'donor', `no place with id ${f.donor} in places.csv`);
    for (const r of f.recipients) if (!places.has(r)) reject('figures', f, 'recipients', `no place with id ${r} in places.csv`);
    if (f.year_from > f.year_to) reject('figures', f, 'year_to', `ends (${f.year_to}) before it starts (${f.year_from})`);
    if (unnamed(f)) reject('figures', f, 'section', noName(f));
  }
  const invalidFigures = new Map((invalid.figures ?? []).map((r) => [r.values['id'] ?? '', r.line]));
  // The hierarchy is checked among the first row of each id; a repeated id was reported above.
  const firstRows = t.figures.filter((f) => !duplicates.has(f));
  const flagged = new Set(t.discrepancies.map((d) => d.figure));
  checkParts(firstRows, invalidFigures, flagged, reject);
  checkOpenOverlaps(firstRows, invalidFigures, reject);
  // A figure whose whole was rejected cannot be placed in the hierarchy: reject it too, until stable.
  let changed = true;
  while (changed) {
    changed = false;
    const kept = new Set(t.figures.filter((f) => !rejected.has(f)).map((f) => f.id));
    for (const f of t.figures) {
      if (!rejected.has(f) && f.part_of !== null && !kept.has(f.part_of)) {
        reject('figures', f, 'part_of', `its whole "${f.part_of}" has a problem`);
        changed = true;
      }
      if (!rejected.has(f) && f.maybe_part_of !== null && !kept.has(f.maybe_part_of)) {
        reject('figures', f, 'maybe_part_of', `the figure "${f.maybe_part_of}" has a problem`);
        changed = true;
      }
    }
  }
  checkDiscrepancies(t.discrepancies, t.figures.filter((f) => !rejected.has(f)), reject);
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

/** Rejects every row whose id an earlier row already has, and returns those rows. */
function uniqueIds(name: TableName, rows: Row<{ id: string }>[], reject: Reject): Row<{ id: string }>[] {
  const seen = new Map<string, number>();
  const repeated: Row<{ id: string }>[] = [];
  for (const r of rows) {
    const first = seen.get(r.id);
    if (first === undefined) seen.set(r.id, r.line);
    else {
      reject(name, r, 'id', `"${r.id}" is already used on line ${first}`);
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

/**
 * `part_of` must name an existing figure of the same metric, form no cycle, and parts never exceed
 * wholes, except where discrepancies.csv records that the text itself lists more than its whole.
 */
function checkParts(figures: Row<Figure>[], invalidFigures: Map<string, number>, flagged: ReadonlySet<string>, reject: Reject) {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const sums = new Map<string, number>();
  for (const f of figures) {
    if (f.part_of === null) continue;
    const whole = byId.get(f.part_of);
    if (!whole) {
      const line = invalidFigures.get(f.part_of);
      reject('figures', f, 'part_of', line === undefined ? `no figure with id "${f.part_of}"` : `its whole "${f.part_of}" has a problem (line ${line})`);
      continue;
    }
    if (whole.metric !== f.metric) {
      reject('figures', f, 'part_of', `joins metric ${f.metric} to a whole of metric ${whole.metric}`);
      continue;
    }
    if (f.value > whole.value) reject('figures', f, 'value', `${f.value} is larger than its whole "${whole.id}" (${whole.value})`);
    if (f.year_from < whole.year_from || f.year_to > whole.year_to) {
      reject('figures', f, 'year_from', `its period ${f.year_from}–${f.year_to} is outside its whole's ${whole.year_from}–${whole.year_to}`);
    }
    sums.set(whole.id, (sums.get(whole.id) ?? 0) + f.value);
    const seen = new Set([f.id]);
    for (let w: Row<Figure> | undefined = whole; w; w = w.part_of === null ? undefined : byId.get(w.part_of)) {
      if (seen.has(w.id)) {
        reject('figures', f, 'part_of', `forms a cycle through "${w.id}"`);
        break;
      }
      seen.add(w.id);
    }
  }
  for (const [id, sum] of sums) {
    const whole = byId.get(id);
    if (whole && !flagged.has(id) && exceeds(sum, whole.value)) {
      reject('figures', whole, 'value', `its parts add up to ${sum}, more than its value ${whole.value} (if the text itself says so, record it in discrepancies.csv)`);
    }
  }
}

/** A recorded discrepancy names a figure, and the figure really shows it (a stale flag is an error). */
function checkDiscrepancies(rows: Row<Discrepancy>[], figures: Row<Figure>[], reject: Reject) {
  const byId = new Map(figures.map((f) => [f.id, f]));
  for (const d of rows) {
    const f = byId.get(d.figure);
    if (!f) {
      reject('discrepancies', d, 'figure', `no valid figure with id "${d.figure}" in figures.csv`);
      continue;
    }
    const sum = partsSum(figures, f.id);
    if (sum === null || !exceeds(sum, f.value)) {
      reject('discrepancies', d, 'check', `the parts of "${f.id}" add up to ${sum ?? 0}, not more than its value ${f.value}: nothing to record`);
    }
  }
}

/**
 * `maybe_part_of` names a figure of the same metric that the text leaves open whether this one is
 * inside. It must not be the figure itself, nor one that contains it through `part_of` (then it is
 * certainly inside), nor one of its own parts (a cycle).
 */
function checkOpenOverlaps(figures: Row<Figure>[], invalidFigures: Map<string, number>, reject: Reject) {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const wholesOf = (f: Figure) => {
    const out = new Set<string>();
    for (let id = f.part_of; id !== null && !out.has(id); id = byId.get(id)?.part_of ?? null) out.add(id);
    return out;
  };
  for (const f of figures) {
    const id = f.maybe_part_of;
    if (id === null) continue;
    const other = byId.get(id);
    if (id === f.id) reject('figures', f, 'maybe_part_of', 'names the figure itself');
    else if (!other) {
      const line = invalidFigures.get(id);
      reject('figures', f, 'maybe_part_of', line === undefined ? `no figure with id "${id}"` : `the figure "${id}" has a problem (line ${line})`);
    } else if (other.metric !== f.metric) reject('figures', f, 'maybe_part_of', `joins metric ${f.metric} to a figure of metric ${other.metric}`);
    else if (wholesOf(f).has(id)) reject('figures', f, 'maybe_part_of', `"${id}" already contains it through part_of`);
    else if (wholesOf(other).has(f.id)) reject('figures', f, 'maybe_part_of', `forms a cycle: "${id}" is part of it through part_of`);
  }
}

function rowValues(row: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'line') continue;
    out[k] = Array.isArray(v) ? v.join(';') : v === null ? '' : String(v);
  }
  return out;
}
