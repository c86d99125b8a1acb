import type { Figure, Metric, Qualifier } from './schema.ts';

/*
 * The aggregation rules every total in the app goes through.
 * - A figure is added only if no figure that contains it (through part_of, at any depth) is also
 *   selected: a whole and its parts are never added twice.
 * - Only figures of one metric are combined; a non-additive metric is listed, never summed, and
 *   business investment (its own metric) is never mixed with aid funds.
 * - A figure for several years is never divided among years. It is selected only when the filter
 *   covers its whole period, and even then it is kept apart from the yearly total, because
 *   cumulative figures overlap the yearly ones they summarise.
 * - A figure for several places belongs to the group: the caller's `inScope` decides whether the
 *   group is in scope; nothing is split.
 * - A figure that the text leaves open whether it is inside another (`maybe_part_of`) is not added
 *   when that other figure, a whole containing it or a part of it is also selected: it is returned
 *   apart, in `openOverlap`, to be shown beside the total, never summed with it.
 */

export interface Filter {
  /** A single year, or every year in the data. */
  year: number | 'all';
  /** Category ids to include; empty means all categories. */
  categories: readonly string[];
  metric: string;
}

export interface Aggregate {
  metric: string;
  additive: boolean;
  /** Sum of the counted yearly figures; null when nothing is counted or the metric is not additive. */
  total: number | null;
  /** How exact the total is: 'more_than' if any counted figure is a lower bound, 'about' if any is approximate. */
  qualifier: Qualifier;
  /** Top-level yearly figures: added into `total` (or listed, for a non-additive metric). */
  counted: Figure[];
  /** Selected figures left out of the total because a figure containing them is counted. */
  contained: Figure[];
  /** Yearly figures that may or may not be inside a counted figure (the text leaves it open): shown beside the total, never added to it. */
  openOverlap: Figure[];
  /** Multi-year figures whose whole period the filter covers: shown beside the total, never added to it. */
  multiYear: Figure[];
  /** Multi-year figures that overlap the chosen year but are not covered by it: mentioned, never divided. */
  outsidePeriod: Figure[];
}

export type FigureIndex = ReadonlyMap<string, Figure>;

export function indexFigures(figures: readonly Figure[]): FigureIndex {
  return new Map(figures.map((f) => [f.id, f]));
}

export const isMultiYear = (f: Figure) => f.year_to > f.year_from;

export function matchesCategory(f: Figure, filter: Filter): boolean {
  return filter.categories.length === 0 || filter.categories.includes(f.category);
}

/** Every figure that contains `f`, nearest first. */
export function ancestorsOf(f: Figure, index: FigureIndex): Figure[] {
  const out: Figure[] = [];
  const seen = new Set([f.id]);
  for (let id = f.part_of; id !== null; ) {
    const whole = index.get(id);
    if (!whole || seen.has(whole.id)) break;
    out.push(whole);
    seen.add(whole.id);
    id = whole.part_of;
  }
  return out;
}

export function aggregate(
  figures: readonly Figure[],
  index: FigureIndex,
  metric: Pick<Metric, 'id' | 'additive'>,
  filter: Filter,
  inScope: (f: Figure) => boolean = () => true,
): Aggregate {
  const selected: Figure[] = [];
  const outsidePeriod: Figure[] = [];
  for (const f of figures) {
    if (f.metric !== metric.id || !matchesCategory(f, filter) || !inScope(f)) continue;
    if (filter.year === 'all' || (f.year_from === filter.year && f.year_to === filter.year)) selected.push(f);
    else if (f.year_from <= filter.year && filter.year <= f.year_to) outsidePeriod.push(f);
  }
  const selectedIds = new Set(selected.map((f) => f.id));
  const counted: Figure[] = [];
  const contained: Figure[] = [];
  const multiYear: Figure[] = [];
  const openOverlap: Figure[] = [];
  for (const f of selected) {
    if (ancestorsOf(f, index).some((a) => selectedIds.has(a.id))) contained.push(f);
    else if (isMultiYear(f)) multiYear.push(f);
    else if (mayBeInside(f, index, selected, selectedIds)) openOverlap.push(f);
    else counted.push(f);
  }
  const total = metric.additive && counted.length > 0 ? sumValues(counted) : null;
  return {
    metric: metric.id,
    additive: metric.additive,
    total,
    qualifier: combinedQualifier(counted),
    counted,
    contained,
    openOverlap,
    multiYear,
    outsidePeriod,
  };
}

/**
 * Whether the text leaves open that `f` overlaps a selected figure: the figure it may be inside, a
 * whole containing that one, or a part of it (what may be inside a whole may be inside any part).
 */
function mayBeInside(f: Figure, index: FigureIndex, selected: readonly Figure[], selectedIds: ReadonlySet<string>): boolean {
  const other = f.maybe_part_of === null ? undefined : index.get(f.maybe_part_of);
  if (!other) return false;
  if (selectedIds.has(other.id) || ancestorsOf(other, index).some((a) => selectedIds.has(a.id))) return true;
  return selected.some((s) => ancestorsOf(s, index).some((a) => a.id === other.id));
}

/** Multi-year figures of one period, added up: what the map draws as one ring per period. */
export interface PeriodTotal {
  from: number;
  to: number;
  value: number;
  qualifier: Qualifier;
  figures: Figure[];
}

export function totalsByPeriod(multiYear: readonly Figure[]): PeriodTotal[] {
  const groups = new Map<string, Figure[]>();
  for (const f of multiYear) {
    const key = `${f.year_from}-${f.year_to}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()].map((figures) => ({
    from: figures[0]!.year_from,
    to: figures[0]!.year_to,
    value: sumValues(figures),
    qualifier: combinedQualifier(figures),
    figures,
  }));
}

/** Sums in integer hundredths so that 14.4 + 6.14 (million) stays exact. */
export function sumValues(figures: readonly Figure[]): number {
  return figures.reduce((s, f) => s + Math.round(f.value * 100), 0) / 100;
}

export function combinedQualifier(figures: readonly Pick<Figure, 'qualifier'>[]): Qualifier {
  if (figures.some((f) => f.qualifier === 'about')) return 'about';
  if (figures.some((f) => f.qualifier === 'more_than')) return 'more_than';
  if (figures.some((f) => f.qualifier === 'at_least')) return 'at_least';
  return 'exact';
}

/**
 * A total's qualifier when the text behind it is held only in part: a lower bound. "more than" stays
 * (already a lower bound) and "about" stays (the rule of `combinedQualifier`); "exact" becomes "at least".
 */
export function lowerBound(qualifier: Qualifier): Qualifier {
  return combinedQualifier([{ qualifier }, { qualifier: 'at_least' }]);
}
