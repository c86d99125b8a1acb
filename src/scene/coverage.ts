import type { Figure } from '../data/schema.ts';
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
