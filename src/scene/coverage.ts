import type { Figure, Source } from '../data/schema.ts';
import type { Model } from './model.ts';
import { cityOf, type PlaceIndex } from './places.ts';

/*
 * Which partner city has records for which year, from the figures themselves. A city "has a record
 * for 2011" when some figure reports 2011 alone; a figure for several years (2006–2010) is a record
 * of that period, not of each year in it, so it marks no single year.
 */

export type Coverage = ReadonlyMap<string, ReadonlySet<number>>;

export function recordYears(figures: readonly Figure[], places: PlaceIndex): Coverage {
  const out = new Map<string, Set<number>>();
  for (const f of figures) {
    if (f.year_from !== f.year_to) continue;
    const city = cityOf(places, f.donor)?.id ?? f.donor;
    let years = out.get(city);
    if (!years) out.set(city, (years = new Set()));
    years.add(f.year_from);
  }
  return out;
}

export const hasRecord = (coverage: Coverage, city: string, year: number): boolean => coverage.get(city)?.has(year) ?? false;

/** Partner cities without any record for the filter's year (none under "all years"), in the given order. */
export function citiesWithoutRecord(coverage: Coverage, cities: readonly string[], year: number | 'all'): string[] {
  return year === 'all' ? [] : cities.filter((c) => !hasRecord(coverage, c, year));
}

/**
 * The years for which a partner city's records come from a document we hold only in part
 * (sources.csv `complete` = false): the years its single-year figures report, and the last year it
 * covers. Any total for such a year is a lower bound, because the part of the text we do not hold
 * may give more. Read from the data: a new partial source marks its own years.
 */
export function partialYears(figures: readonly Figure[], sources: readonly Pick<Source, 'id' | 'complete'>[], places: PlaceIndex): Coverage {
  const partial = new Set(sources.filter((s) => !s.complete).map((s) => s.id));
  const out = new Map<string, Set<number>>();
  const lastYear = new Map<string, number>();
  for (const f of figures) {
    if (!partial.has(f.source)) continue;
    const city = cityOf(places, f.donor)?.id ?? f.donor;
    let years = out.get(city);
    if (!years) out.set(city, (years = new Set()));
    if (f.year_from === f.year_to) years.add(f.year_from);
    const key = `${f.source}\u0000${city}`;
    lastYear.set(key, Math.max(lastYear.get(key) ?? -Infinity, f.year_to));
  }
  for (const [key, year] of lastYear) out.get(key.slice(key.indexOf('\u0000') + 1))!.add(year);
  return out;
}

/** A city and a year whose entry we hold only in part. */
export interface HeldInPart {
  city: string;
  year: number;
}

/**
 * Which of `cities` have a year under the filter (every data year under "all years") whose entry we
 * hold only in part, in city order, years ascending. Non-empty means a total over them reads "at least".
 */
export function heldInPart(partial: Coverage, cities: readonly string[], year: number | 'all'): HeldInPart[] {
  return cities.flatMap((city) =>
    [...(partial.get(city) ?? [])]
      .filter((y) => year === 'all' || y === year)
      .sort((a, b) => a - b)
      .map((y) => ({ city, year: y })),
  );
}

const partialCache = new WeakMap<Model, Coverage>();
/** The model's partly held years, worked out once. */
export function partialCoverageOf(model: Model): Coverage {
  let c = partialCache.get(model);
  if (!c) partialCache.set(model, (c = partialYears(model.dataset.figures, model.dataset.sources, model.places)));
  return c;
}

const cache = new WeakMap<Model, Coverage>();
/** The model's coverage, worked out once. */
export function coverageOf(model: Model): Coverage {
  let c = cache.get(model);
  if (!c) cache.set(model, (c = recordYears(model.dataset.figures, model.places)));
  return c;
}

/** Partner cities that have a pairing or a figure, in the model's city order (which fixes colours). */
export function partnerCities(model: Model): readonly string[] {
  let cities = citiesCache.get(model);
  if (!cities) citiesCache.set(model, (cities = findPartnerCities(model)));
  return cities;
}
const citiesCache = new WeakMap<Model, readonly string[]>();

function findPartnerCities(model: Model): string[] {
  const named = new Set([
    ...model.dataset.pairings.map((p) => cityOf(model.places, p.donor)?.id ?? p.donor),
    ...model.dataset.figures.map((f) => cityOf(model.places, f.donor)?.id ?? f.donor),
  ]);
  return model.places.cities.filter((c) => named.has(c.id)).map((c) => c.id);
}

/**
 * The partner cities a place's records can come from: a city itself, a district's city, or for a
 * place in Guizhou the cities paired with it, its prefecture or its counties, or giving to it.
 */
export function citiesFor(model: Model, placeId: string): string[] {
  const place = model.places.get(placeId);
  if (!place) return [];
  const city = (id: string) => cityOf(model.places, id)?.id ?? id;
  if (place.level === 'city' || place.level === 'district') return [city(placeId)];
  const near = (id: string) =>
    place.level === 'province' || id === placeId || (place.level === 'county' && id === place.parent) || model.places.get(id)?.parent === placeId;
  const named = new Set([
    ...model.dataset.pairings.filter((p) => near(p.recipient)).map((p) => city(p.donor)),
    ...model.dataset.figures.filter((f) => f.recipients.some(near)).map((f) => city(f.donor)),
  ]);
  return partnerCities(model).filter((c) => named.has(c));
}
