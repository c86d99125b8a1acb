import { exceeds, partsSum as sumOfParts } from './parts.ts';
import type { Discrepancy, Figure, TableName } from './schema.ts';
import type { Row } from './tables.ts';

/*
 * How figures hang together: parts inside their whole (never more than it, never a loop), open
 * overlaps, and the discrepancies the texts themselves show. Each problem is a rejected row, named.
 */

export type Reject = (name: TableName, row: Row<object>, field: string | null, message: string) => void;

/**
 * `part_of` must name an existing figure of the same metric and period, form no cycle, and parts
 * never exceed wholes, except where discrepancies.csv records that the text itself lists more than
 * its whole. Parts are added up in row order; the part that takes the sum past its whole is the one
 * rejected, so that rows added after ours (a user's) never knock ours off the map.
 */
export function checkParts(figures: Row<Figure>[], invalidFigures: Map<string, number>, flagged: ReadonlySet<string>, reject: Reject) {
  const byId = new Map(figures.map((f) => [f.id, f]));
  // Parts are compared in integer units: 14.4 + 6.14 million must not fail on floating-point dust.
  const partsSum = new Map<string, number>();
  const cycleThrough = cyclesOf(figures, byId);
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
    const cycle = cycleThrough.get(f.id);
    if (cycle !== undefined) {
      reject('figures', f, 'part_of', `forms a cycle through "${cycle}"`);
      continue;
    }
    if (f.value > whole.value) {
      reject('figures', f, 'value', `${f.value} is larger than its whole "${whole.id}" (${whole.value})`);
      continue;
    }
    if (f.year_from < whole.year_from || f.year_to > whole.year_to) {
      reject('figures', f, 'year_from', `its period ${f.year_from}–${f.year_to} is outside its whole's ${whole.year_from}–${whole.year_to}`);
      continue;
    }
    const sum = (partsSum.get(whole.id) ?? 0) + Math.round(f.value * 100);
    if (!flagged.has(whole.id) && sum > Math.round(whole.value * 100)) {
      reject('figures', f, 'value', `with it, the parts of "${whole.id}" add up to ${sum / 100}, more than its value ${whole.value} (if the text itself says so, record it in discrepancies.csv)`);
      continue;
    }
    partsSum.set(whole.id, sum);
  }
}

/**
 * What a `text_inconsistent` row must point at: sources by id, and the sections each source names in
 * sections.csv (null where sections need no Chinese name, as with a user's own files: then a section
 * is shown as written, like a figure's).
 */
export interface SourceSections {
  sources: ReadonlySet<string>;
  sections: ReadonlyMap<string, ReadonlySet<string>> | null;
}

/**
 * A recorded discrepancy must still be true of the data (a stale flag is an error):
 * - `parts_exceed_whole` names exactly one figure, whose parts really add up to more than it;
 * - `text_inconsistent` names a source and one of its sections, describes the contradiction in both
 *   languages, and any figure it names exists and comes from that source.
 */
export function checkDiscrepancies(rows: Row<Discrepancy>[], figures: Row<Figure>[], where: SourceSections, reject: Reject) {
  const byId = new Map(figures.map((f) => [f.id, f]));
  for (const d of rows) {
    if (new Set(d.figure).size !== d.figure.length) {
      reject('discrepancies', d, 'figure', 'names a figure twice');
      continue;
    }
    const missing = d.figure.find((id) => !byId.has(id));
    if (missing !== undefined) {
      reject('discrepancies', d, 'figure', `no valid figure with id "${missing}" in figures.csv`);
      continue;
    }
    if (d.check === 'parts_exceed_whole') checkPartsExceed(d, byId, figures, reject);
    else checkTextInconsistent(d, byId, where, reject);
  }
}

function checkPartsExceed(d: Row<Discrepancy>, byId: Map<string, Row<Figure>>, figures: Row<Figure>[], reject: Reject) {
  if (d.figure.length !== 1) {
    reject('discrepancies', d, 'figure', `parts_exceed_whole names the one figure whose parts exceed it, got ${d.figure.length}`);
    return;
  }
  const filled = (['source', 'section', 'note_en', 'note_zh'] as const).find((k) => d[k] !== '');
  if (filled !== undefined) {
    reject('discrepancies', d, filled, 'must be empty for parts_exceed_whole: the figure\'s own source and section apply, and the panel says what the parts add up to');
    return;
  }
  const f = byId.get(d.figure[0]!)!;
  const sum = sumOfParts(figures, f.id);
  if (sum === null || !exceeds(sum, f.value)) {
    reject('discrepancies', d, 'check', `the parts of "${f.id}" add up to ${sum ?? 0}, not more than its value ${f.value}: nothing to record`);
  }
}

function checkTextInconsistent(d: Row<Discrepancy>, byId: Map<string, Row<Figure>>, where: SourceSections, reject: Reject) {
  if (d.source === '') reject('discrepancies', d, 'source', 'text_inconsistent names the source that contradicts itself');
  else if (!where.sources.has(d.source)) reject('discrepancies', d, 'source', `no source with id "${d.source}" in sources.csv`);
  else if (d.section === '') reject('discrepancies', d, 'section', 'text_inconsistent names the section where the contradiction stands');
  else if (where.sections && !where.sections.get(d.source)?.has(d.section)) reject('discrepancies', d, 'section', `no section "${d.section}" of ${d.source} in sections.csv`);
  else if (d.note_en === '') reject('discrepancies', d, 'note_en', 'describe the contradiction in English, in our own words');
  else if (d.note_zh === '') reject('discrepancies', d, 'note_zh', 'describe the contradiction in Chinese, in our own words');
  else {
    const other = d.figure.map((id) => byId.get(id)!).find((f) => f.source !== d.source);
    if (other) reject('discrepancies', d, 'figure', `"${other.id}" comes from ${other.source}, not from ${d.source}: a text contradicts itself only with its own figures`);
  }
}

/**
 * For each figure whose chain of wholes loops, the id where the loop closes. Each figure's chain is
 * walked once (memoised), so a long chain costs linear time, not quadratic.
 */
function cyclesOf(figures: Row<Figure>[], byId: Map<string, Row<Figure>>): Map<string, string> {
  const status = new Map<string, string | null>(); // id → null (no cycle above) or where the cycle closes
  for (const f of figures) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let id: string | null = f.id;
    let found: string | null = null;
    while (id !== null) {
      const known = status.get(id);
      if (known !== undefined) {
        found = known;
        break;
      }
      if (onPath.has(id)) {
        found = id;
        break;
      }
      path.push(id);
      onPath.add(id);
      id = byId.get(id)?.part_of ?? null;
    }
    for (const p of path) status.set(p, found);
  }
  const out = new Map<string, string>();
  for (const [id, closes] of status) if (closes !== null) out.set(id, closes);
  return out;
}

/**
 * `maybe_part_of` names a figure of the same metric that the text leaves open whether this one is
 * inside. It must not be the figure itself, nor one that contains it through `part_of` (then it is
 * certainly inside), nor one of its own parts (a cycle).
 */
export function checkOpenOverlaps(figures: Row<Figure>[], invalidFigures: Map<string, number>, reject: Reject) {
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
