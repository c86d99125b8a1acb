import { aggregate, ancestorsOf, lowerBound, sumValues, totalsByPeriod, type Aggregate, type PeriodTotal } from '../data/aggregate.ts';
import { heldInPart, partialCoverageOf, partnerCities, type HeldInPart } from './coverage.ts';
import type { Figure } from '../data/schema.ts';
import type { Model } from './model.ts';
import type { MarkerDatum, Scene } from './scene.ts';

/**
 * The rows of the table view: exactly what the map draws for the current state, one row per circle,
 * with the figures behind it (for their sources). Largest first, as on the map.
 */
export interface TableRow {
  marker: MarkerDatum;
  /** The place whose panel the row opens: the place, a group's first member, or Guizhou for a programme. */
  placeId: string | null;
  figures: Figure[];
  /** Distinct "source|section" pairs of those figures, in order of first use. */
  sources: { source: string; section: string }[];
  /** The period of its figures as the data writes it, the same in every language: "2010", "2006-2010". */
  period: string;
  /**
   * The row whose figure contains every figure of this one (`inside`: already in that row's value), or
   * may contain it (`open`: the text does not say); null for a row that stands on its own.
   */
  partOf: { key: string; kind: 'inside' | 'open' } | null;
  /**
   * Whether the table's total counts this row: `yes` (all of its value), `no` (a part of a counted row,
   * a figure the text may include in one, or a multi-year figure kept apart) or `partly`, when only
   * some of its figures are counted there (the rest lie in another row). The rows' `valueInTotal` add
   * up to the total exactly, so a reader can rebuild it from the rows.
   */
  inTotal: 'yes' | 'no' | 'partly';
  /** How much of the row's value the total counts: its value, 0, or the sum of its counted figures. */
  valueInTotal: number;
}

/**
 * The rows, each marked by the very aggregate that makes the table's total (`tableTotal`): a row
 * counts as far as its figures are among the ones that total adds, so the two can never disagree.
 */
export function tableRows(model: Model, scene: Scene, total: TableTotal | null = tableTotal(model, scene)): TableRow[] {
  const counted = new Set((total?.aggregate.counted ?? []).map((f) => f.id));
  const base = scene.markers.map((m) => {
    const anchorKey = m.multiYear ? m.key.slice(0, m.key.lastIndexOf('@')) : m.key;
    const r = scene.aggregates.get(anchorKey);
    const figures = (m.multiYear ? r?.multiYear.filter((f) => m.key.endsWith(`@${f.year_from}-${f.year_to}`)) : r?.counted) ?? [];
    const seen = new Set<string>();
    const sources: TableRow['sources'] = [];
    for (const f of figures) {
      const k = `${f.source}|${f.section}`;
      if (!seen.has(k)) {
        seen.add(k);
        sources.push({ source: f.source, section: f.section });
      }
    }
    // A group opens its first member; a programme opens Guizhou itself, whose panel names each giver.
    const placeId = m.recipients[0] ?? null;
    return { marker: m, placeId: placeId !== null && model.places.get(placeId) ? placeId : null, figures, sources, period: rawPeriod(figures) };
  });
  const rowOf = new Map<string, string>();
  for (const row of base) for (const f of row.figures) rowOf.set(f.id, row.marker.key);
  return base.map((row) => {
    const inTotal = row.figures.filter((f) => counted.has(f.id));
    const kind = inTotal.length === 0 ? 'no' : inTotal.length === row.figures.length ? 'yes' : 'partly';
    return {
      ...row,
      partOf: partOf(model, row.figures, row.marker.key, rowOf),
      inTotal: kind,
      valueInTotal: kind === 'yes' ? row.marker.value : kind === 'no' ? 0 : sumValues(inTotal),
    };
  });
}

/** "2010" for one year, "2006-2010" for a span; several years' figures together span them all. */
export function rawPeriod(figures: readonly Pick<Figure, 'year_from' | 'year_to'>[]): string {
  if (figures.length === 0) return '';
  // Not Math.min(...list): a table of 100,000 figures would overflow the argument list.
  const from = figures.reduce((y, f) => Math.min(y, f.year_from), Infinity);
  const to = figures.reduce((y, f) => Math.max(y, f.year_to), -Infinity);
  return from === to ? String(from) : `${from}-${to}`;
}

/** The other row that holds a whole of each of these figures (nearest whole first), or that may hold it. */
function partOf(model: Model, figures: readonly Figure[], self: string, rowOf: ReadonlyMap<string, string>): TableRow['partOf'] {
  if (figures.length === 0) return null;
  const wholeRow = (f: Figure): TableRow['partOf'] => {
    for (const w of ancestorsOf(f, model.figures)) {
      const key = rowOf.get(w.id);
      if (key !== undefined && key !== self) return { key, kind: 'inside' };
    }
    const maybe = f.maybe_part_of === null ? undefined : model.figures.get(f.maybe_part_of);
    if (!maybe) return null;
    for (const w of [maybe, ...ancestorsOf(maybe, model.figures)]) {
      const key = rowOf.get(w.id);
      if (key !== undefined && key !== self) return { key, kind: 'open' };
    }
    // What may be inside a whole may be inside any of its parts (as in the aggregation).
    for (const [id, key] of rowOf) {
      const part = model.figures.get(id);
      if (key !== self && part && ancestorsOf(part, model.figures).some((a) => a.id === maybe.id)) return { key, kind: 'open' };
    }
    return null;
  };
  const found = figures.map(wholeRow);
  const first = found[0];
  return first && found.every((x) => x?.key === first.key && x.kind === first.kind) ? first : null;
}

export interface TableTotal {
  /** Every figure under the filter, each counted once: the yearly total and the open overlaps beside it. */
  aggregate: Aggregate;
  /** Multi-year figures, one entry per period, never added to the yearly total. */
  multiYear: PeriodTotal[];
  /** Entries under the filter's year(s) that we hold only in part: when not empty, the total reads "at least". */
  heldInPart: HeldInPart[];
}

/**
 * The table's totals row, by the rules of every other total (src/data/aggregate.ts). It adds up every
 * partner city, so a year whose entry we hold only in part for any of them makes it a lower bound.
 */
export function tableTotal(model: Model, scene: Scene): TableTotal | null {
  const metric = model.metrics.get(scene.filter.metric);
  if (!metric) return null;
  const r = aggregate(model.dataset.figures, model.figures, metric, scene.filter);
  const held = heldInPart(partialCoverageOf(model), partnerCities(model), scene.filter.year);
  const lowered = held.length > 0 && r.total !== null ? { ...r, qualifier: lowerBound(r.qualifier) } : r;
  const partlyHeld = new Set(model.dataset.sources.filter((x) => !x.complete).map((x) => x.id));
  const multiYear = totalsByPeriod(r.multiYear).map((p) => (p.figures.some((f) => partlyHeld.has(f.source)) ? { ...p, qualifier: lowerBound(p.qualifier) } : p));
  return { aggregate: lowered, multiYear, heldInPart: held };
}
