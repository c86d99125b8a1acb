import type { Figure, Place, Source } from '../data/schema.ts';
import { cityOf, type PlaceIndex } from './places.ts';

/*
 * What the records cover, read from the data: which source documents report which year for which
 * partner city. The subtitle, the source line, citations, "Name in …", exports and the story's
 * opening all say it from here, so a new source row changes them without a code change.
 */

export interface CoverageEntry {
  source: Source;
  /** The partner city whose figures the document gives, or null if it gives several cities'. */
  city: Place | null;
  /** The year the document reports: the last year its figures cover. */
  year: number;
}

export interface SourceCoverage {
  /** Every year some document reports, ascending. */
  years: number[];
  /** Partner cities with a recorded figure, in the map's city order. */
  cities: Place[];
  /** Documents with at least one figure, by city order, then year. */
  entries: CoverageEntry[];
}

export function sourceCoverage(sources: readonly Source[], figures: readonly Figure[], places: PlaceIndex): SourceCoverage {
  const bySource = new Map<string, Figure[]>();
  for (const f of figures) {
    const list = bySource.get(f.source);
    if (list) list.push(f);
    else bySource.set(f.source, [f]);
  }
  const cityRank = (c: Place | null) => (c === null ? places.cities.length : places.cities.indexOf(c));
  const entries: CoverageEntry[] = [];
  for (const source of sources) {
    const list = bySource.get(source.id);
    if (!list) continue;
    const cities = new Set(list.map((f) => cityOf(places, f.donor)));
    const only = cities.size === 1 ? [...cities][0] : undefined;
    entries.push({ source, city: only?.level === 'city' ? only : null, year: list.reduce((y, f) => Math.max(y, f.year_to), -Infinity) });
  }
  entries.sort((a, b) => cityRank(a.city) - cityRank(b.city) || a.year - b.year);
  const withFigures = new Set(figures.map((f) => cityOf(places, f.donor)?.id));
  return {
    years: [...new Set(entries.map((e) => e.year))].sort((a, b) => a - b),
    cities: places.cities.filter((c) => withFigures.has(c.id)),
    entries,
  };
}

/** Consecutive years as runs: [2009, 2010, 2011, 2013] → [[2009, 2011], [2013, 2013]]. */
export function yearRuns(years: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const y of [...new Set(years)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs;
}
