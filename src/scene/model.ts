import { aggregate, indexFigures, type Filter, type FigureIndex } from '../data/aggregate.ts';
import type { Category, Figure, Metric } from '../data/schema.ts';
import type { Dataset } from '../data/validate.ts';
import { PARTNER_COLORS } from './colors.ts';
import { sourceCoverage, type SourceCoverage } from './source-coverage.ts';
import { cityOf, compareIds, indexPlaces, pairedPrefectures, partnerships, PROVINCE_GUIZHOU, type Partnership, type PlaceIndex } from './places.ts';

/*
 * What the app derives once per dataset: figures grouped by where they apply ("anchors"), the
 * partner colours, and for each metric the whole-dataset maximum that fixes circle sizes and the
 * county classes, so that a circle means the same amount under every filter.
 */

export type AnchorKind = 'place' | 'group' | 'programme';

export interface Anchor {
  key: string;
  kind: AnchorKind;
  recipients: string[];
  /** The partner city all of the anchor's figures come from, or null when several cities gave. */
  city: string | null;
  position: [number, number];
  figures: Figure[];
}

export interface MetricScale {
  /** Largest value any marker can show under any filter. */
  max: number;
  /** Upper bounds of the county shading classes (ascending). */
  thresholds: number[];
}

export interface Model {
  dataset: Dataset;
  places: PlaceIndex;
  figures: FigureIndex;
  anchors: Anchor[];
  metrics: ReadonlyMap<string, Metric>;
  categories: ReadonlyMap<string, Category>;
  years: number[];
  cityColor: ReadonlyMap<string, string>;
  /** Which documents report which years for which city (subtitle, source line, citations). */
  coverage: SourceCoverage;
  /** The pairing rows merged per donor and recipient: what the map draws and panels list. */
  partnerships: Partnership[];
  pairedPrefectures: ReadonlySet<string>;
  /** The metric's whole-dataset scale, worked out the first time a view asks for it. */
  scale(metric: string): MetricScale | undefined;
}

export function buildModel(dataset: Dataset): Model {
  const places = indexPlaces(dataset.places);
  const figures = indexFigures(dataset.figures);
  const cityColor = new Map(places.cities.map((c, i) => [c.id, PARTNER_COLORS[i % PARTNER_COLORS.length]!]));
  const anchors = buildAnchors(dataset.figures, places);
  const metrics = new Map(dataset.metrics.map((m) => [m.id, m]));
  const years = [...new Set(dataset.figures.flatMap((f) => (f.year_from === f.year_to ? [f.year_from] : [])))].sort();
  const model: Model = {
    dataset,
    places,
    figures,
    anchors,
    metrics,
    categories: new Map(dataset.categories.map((c) => [c.id, c])),
    years,
    cityColor,
    coverage: sourceCoverage(dataset.sources, dataset.figures, places),
    partnerships: partnerships(dataset.pairings),
    pairedPrefectures: pairedPrefectures(dataset.pairings, places),
    scale(id) {
      // Each scale reads every anchor in every year; with 24 metrics that is most of the start-up
      // on a large dataset, and a visitor usually looks at one or two metrics.
      if (!scales.has(id)) {
        const metric = metrics.get(id);
        scales.set(id, metric ? scaleFor(model, metric) : undefined);
      }
      return scales.get(id);
    },
  };
  const scales = new Map<string, MetricScale | undefined>();
  return model;
}

/** Where a figure is drawn: one place, a group of places, or (for Guizhou as a whole) its donor city. */
export function anchorKey(f: Figure, places: PlaceIndex): string {
  if (f.recipients.length === 1 && f.recipients[0] === PROVINCE_GUIZHOU) {
    return `programme:${cityOf(places, f.donor)?.id ?? f.donor}`;
  }
  return [...f.recipients].sort().join(';');
}

function buildAnchors(figures: readonly Figure[], places: PlaceIndex): Anchor[] {
  const groups = new Map<string, Figure[]>();
  for (const f of figures) {
    const key = anchorKey(f, places);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const anchors: Anchor[] = [];
  for (const [key, list] of groups) {
    const cities = new Set(list.map((f) => cityOf(places, f.donor)?.id ?? f.donor));
    const city = cities.size === 1 ? [...cities][0]! : null;
    if (key.startsWith('programme:')) {
      const donor = places.get(key.slice('programme:'.length));
      if (!donor) continue;
      anchors.push({ key, kind: 'programme', recipients: [PROVINCE_GUIZHOU], city, position: [donor.lon, donor.lat], figures: list });
      continue;
    }
    const recipients = key.split(';');
    const points = recipients.map((id) => places.get(id)).filter((p) => p !== undefined);
    if (points.length === 0) continue;
    // A group figure is drawn at its donor city: at the group's centre it would sit on a place that
    // is not in the group (Anshun + Tongren centre on Guiyang; Qiandongnan + Qianxinan on Qiannan).
    const donor = city === null ? undefined : places.get(city);
    const position: [number, number] =
      recipients.length > 1 && donor
        ? [donor.lon, donor.lat]
        : [points.reduce((s, p) => s + p.lon, 0) / points.length, points.reduce((s, p) => s + p.lat, 0) / points.length];
    anchors.push({ key, kind: recipients.length === 1 ? 'place' : 'group', recipients, city, position, figures: list });
  }
  return anchors.sort(byKey);
}

export const byKey = (a: { key: string }, b: { key: string }): number => compareIds(a.key, b.key);

/** All years and all categories give each anchor its largest total; multi-year figures may be larger still. */
function scaleFor(model: Model, metric: Metric): MetricScale {
  const filter: Filter = { year: 'all', categories: [], metric: metric.id };
  let max = 0;
  const countyValues: number[] = [];
  for (const a of model.anchors) {
    const r = aggregate(a.figures, model.figures, metric, filter);
    const values = [r.total ?? 0, ...r.multiYear.map((f) => f.value), ...(metric.additive ? [] : r.counted.map((f) => f.value))];
    for (const v of values) if (v > max) max = v; // not Math.max(...values): 100,000 arguments overflow
    if (a.kind === 'place' && model.places.get(a.recipients[0]!)?.level === 'county' && r.total !== null) {
      for (const y of model.years) {
        const ry = aggregate(a.figures, model.figures, metric, { ...filter, year: y });
        if (ry.total !== null) countyValues.push(ry.total);
      }
      countyValues.push(r.total);
    }
  }
  return { max, thresholds: classBreaks(countyValues) };
}

/**
 * Up to four classes with round bounds, from the spread of county values in the whole dataset:
 * geometric steps suit values that span orders of magnitude (¥0.1 million to ¥1.2 million here).
 */
export function classBreaks(values: readonly number[]): number[] {
  const v = values.filter((x) => x > 0);
  if (v.length === 0) return [];
  const lo = v.reduce((a, b) => Math.min(a, b));
  const hi = v.reduce((a, b) => Math.max(a, b));
  if (lo === hi) return [hi];
  const steps = 4;
  const out: number[] = [];
  for (let i = 1; i <= steps; i++) out.push(roundNice(lo * Math.pow(hi / lo, i / steps)));
  out[out.length - 1] = hi;
  return [...new Set(out)];
}

function roundNice(x: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(x)) - 1);
  return Math.ceil(x / p) * p;
}
