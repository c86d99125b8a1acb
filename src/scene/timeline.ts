import { aggregate, lowerBound, totalsByPeriod, type Aggregate, type Filter } from '../data/aggregate.ts';
import type { Figure, Qualifier } from '../data/schema.ts';
import { coverageOf, hasRecord, partialCoverageOf, partnerCities } from './coverage.ts';
import type { Model } from './model.ts';
import { cityOf } from './places.ts';

/*
 * The per-year, per-city series behind the year chart and the panels' small charts. Each cell goes
 * through the map's aggregation (src/data/aggregate.ts) over the city's figures for that year: a
 * whole is counted once and its parts not beside it, one metric only, nothing divided; a figure
 * the data say may be inside another (`maybe_part_of`) is shown apart, never added. Multi-year
 * figures are bands across their period, never divided among its years. A year whose entry we hold
 * only in part (sources.csv `complete` = false) gives a lower bound: its total reads "at least".
 */

export type CellStatus = 'no-record' | 'none' | 'value';

export interface Sum {
  /** Sum of `counted`; null when nothing is counted or the metric is not additive. */
  total: number | null;
  qualifier: Qualifier;
  counted: Figure[];
  /** Figures that may lie inside a counted one (open overlap): shown beside the total, not added. */
  apart: Figure[];
  /**
   * Part of the text behind it is not held (the city's entry for that year, or a band's document):
   * the total, if any, is a lower bound and its qualifier says so ("at least").
   */
  partial: boolean;
}

export interface YearCell extends Sum {
  year: number;
  city: string;
  /** no-record: the city has no record for this year at all; none: records, but no figure of this measure and kind. */
  status: CellStatus;
}

export interface Band extends Sum {
  city: string;
  from: number;
  to: number;
}

export interface Timeline {
  years: number[];
  cities: string[];
  /** One cell per year and city, years in order, cities in `cities` order within a year. */
  cells: YearCell[];
  bands: Band[];
  /** Largest cell total (0 when there is none): the height of the chart. */
  max: number;
}

/**
 * The series for the filter's metric and kinds of aid (its year is ignored), over `figures` (default:
 * every figure; a panel passes the figures of its place) and `cities` (default: every partner city).
 */
export function timeline(
  model: Model,
  filter: Omit<Filter, 'year'>,
  figures: readonly Figure[] = model.dataset.figures,
  cities: readonly string[] = partnerCities(model),
): Timeline {
  const metric = model.metrics.get(filter.metric);
  const coverage = coverageOf(model);
  const partial = partialCoverageOf(model);
  const partlyHeld = new Set(model.dataset.sources.filter((x) => !x.complete).map((x) => x.id));
  // One pass over the figures: each cell aggregates only its own city's figures for its year (a
  // figure of one year can only be contained in a figure of that same year that the filter selects).
  const cityOfFigure = (f: Figure) => cityOf(model.places, f.donor)?.id ?? f.donor;
  const byCell = new Map<string, Figure[]>();
  const multiYear = new Map<string, Figure[]>(cities.map((c) => [c, []]));
  for (const f of figures) {
    if (metric && f.metric !== metric.id) continue;
    const city = cityOfFigure(f);
    if (f.year_from !== f.year_to) multiYear.get(city)?.push(f);
    else {
      const key = `${city}@${f.year_from}`;
      const list = byCell.get(key);
      if (list) list.push(f);
      else byCell.set(key, [f]);
    }
  }
  const cells: YearCell[] = [];
  const bands: Band[] = [];
  for (const year of model.years) {
    for (const city of cities) {
      const list = byCell.get(`${city}@${year}`) ?? [];
      const r = metric && list.length > 0 ? aggregate(list, model.figures, metric, { ...filter, year }) : null;
      const sum = held(sumOf(r), partial.get(city)?.has(year) ?? false);
      const status: CellStatus = !hasRecord(coverage, city, year) ? 'no-record' : sum.counted.length === 0 ? 'none' : 'value';
      cells.push({ year, city, status, ...sum });
    }
  }
  if (metric) {
    for (const city of cities) {
      // Under "all years" a multi-year figure could sit inside a yearly whole; both are the city's.
      const list = multiYear.get(city) ?? [];
      if (list.length === 0) continue;
      const yearly = [...byCell].filter(([k]) => k.startsWith(`${city}@`)).flatMap(([, l]) => l);
      const r = aggregate([...yearly, ...list], model.figures, metric, { ...filter, year: 'all' });
      for (const p of totalsByPeriod(r.multiYear)) {
        const sum = { total: metric.additive ? p.value : null, qualifier: p.qualifier, counted: p.figures, apart: [], partial: false };
        bands.push({ city, from: p.from, to: p.to, ...held(sum, p.figures.some((f) => partlyHeld.has(f.source))) });
      }
    }
  }
  bands.sort((a, b) => a.from - b.from || a.to - b.to || cities.indexOf(a.city) - cities.indexOf(b.city));
  const max = Math.max(0, ...cells.map((c) => c.total ?? 0));
  return { years: [...model.years], cities: [...cities], cells, bands, max };
}

/** A cell's figures as the aggregation counted them: the total, and open overlaps apart. */
export function sumOf(r: Aggregate | null): Sum {
  return { total: r?.total ?? null, qualifier: r?.qualifier ?? 'exact', counted: r?.counted ?? [], apart: r?.openOverlap ?? [], partial: false };
}

/** A sum over a text held only in part: flagged, and a total it has reads as a lower bound. */
function held(sum: Sum, partial: boolean): Sum {
  if (!partial) return sum;
  return { ...sum, partial, qualifier: sum.total === null ? sum.qualifier : lowerBound(sum.qualifier) };
}
