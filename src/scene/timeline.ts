import { aggregate, combinedQualifier, sumValues, type Filter } from '../data/aggregate.ts';
import type { Figure, Qualifier } from '../data/schema.ts';
import { coverageOf, hasRecord, partnerCities } from './coverage.ts';
import type { Model } from './model.ts';
import { cityOf, type PlaceIndex } from './places.ts';

/*
 * The per-year, per-city series behind the year chart and the panels' small charts. Each cell goes
 * through the map's aggregation (src/data/aggregate.ts) over the city's figures for that year: a
 * whole is counted once and its parts not beside it, one metric only, nothing divided. Two rules
 * are added because a cell adds figures from different places:
 * - A figure whose places lie inside a wider figure's places (Qiandongnan inside Guizhou, Puding
 *   inside Anshun + Tongren) and that is not recorded as its part may or may not be included in it:
 *   the records leave the overlap open, so it is shown apart, never added.
 * - Multi-year figures are bands across their period, never divided among its years.
 */

export type CellStatus = 'no-record' | 'none' | 'value';

export interface Sum {
  /** Sum of `counted`; null when nothing is counted or the metric is not additive. */
  total: number | null;
  qualifier: Qualifier;
  counted: Figure[];
  /** Figures that may lie inside a counted one (open overlap): shown beside the total, not added. */
  apart: Figure[];
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
      const sum = addUp(r?.counted ?? [], model.places, metric?.additive ?? false);
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
      const periods = new Map<string, Figure[]>();
      for (const f of r.multiYear) periods.set(`${f.year_from}-${f.year_to}`, [...(periods.get(`${f.year_from}-${f.year_to}`) ?? []), f]);
      for (const group of periods.values()) {
        bands.push({ city, from: group[0]!.year_from, to: group[0]!.year_to, ...addUp(group, model.places, metric.additive) });
      }
    }
  }
  bands.sort((a, b) => a.from - b.from || a.to - b.to || cities.indexOf(a.city) - cities.indexOf(b.city));
  const max = Math.max(0, ...cells.map((c) => c.total ?? 0));
  return { years: [...model.years], cities: [...cities], cells, bands, max };
}

/**
 * Adds figures that no other counted figure contains (the caller has already left out parts whose
 * whole is counted). Wider figures first, so that a narrower one is measured against them. Counted
 * figures are indexed by the places they name, so each figure looks only at those that name one of
 * its places or the places above them.
 */
export function addUp(figures: readonly Figure[], places: PlaceIndex, additive: boolean): Sum {
  const sorted = [...figures].map((f) => ({ f, breadth: breadth(f, places) })).sort((a, b) => b.breadth - a.breadth || b.f.value - a.f.value);
  const counted: Figure[] = [];
  const apart: Figure[] = [];
  const byPlace = new Map<string, Figure[]>();
  for (const { f } of sorted) {
    const around = new Set(f.recipients.flatMap((id) => [id, ...ancestors(id, places)]));
    const wider = [...around].flatMap((id) => byPlace.get(id) ?? []);
    if (wider.some((c) => mayContain(c, f, places))) {
      apart.push(f);
      continue;
    }
    counted.push(f);
    for (const id of f.recipients) byPlace.set(id, [...(byPlace.get(id) ?? []), f]);
  }
  return {
    total: additive && counted.length > 0 ? sumValues(counted) : null,
    qualifier: combinedQualifier(counted),
    counted,
    apart,
  };
}

/**
 * Whether `wide`, not recorded as containing `narrow`, may include it: both from the same partner
 * city, and wide's places include narrow's (the very same places add up, as on the map).
 */
export function mayContain(wide: Figure, narrow: Figure, places: PlaceIndex): boolean {
  if (sameSet(wide.recipients, narrow.recipients)) return false;
  if ((cityOf(places, wide.donor)?.id ?? wide.donor) !== (cityOf(places, narrow.donor)?.id ?? narrow.donor)) return false;
  return narrow.recipients.some((n) => wide.recipients.some((w) => w === n || ancestors(n, places).includes(w)));
}

/** The places above a place: a county's prefecture and province. */
function ancestors(id: string, places: PlaceIndex): string[] {
  const out: string[] = [];
  for (let p = places.get(id)?.parent ?? null; p !== null && !out.includes(p); p = places.get(p)?.parent ?? null) out.push(p);
  return out;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** How wide a figure's places are: a province outranks a prefecture, a group outranks one of its members. */
function breadth(f: Figure, places: PlaceIndex): number {
  const rank = (id: string) => ({ province: 3, prefecture: 2, city: 2, county: 1, district: 1 })[places.get(id)?.level ?? 'county'];
  return Math.max(...f.recipients.map(rank)) * 100 + f.recipients.length;
}
