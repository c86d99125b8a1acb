import { aggregate, ancestorsOf, totalsByPeriod, type Aggregate, type Filter } from '../data/aggregate.ts';
import type { Qualifier } from '../data/schema.ts';
import { formatNumber, formatPeriod, formatYuanShort, type Unit } from '../i18n/format.ts';
import type { Lang } from '../i18n/messages.ts';
import type { AppState } from '../state/url-state.ts';
import { arcBetween, fanBends, type LonLat } from './arcs.ts';
import { CHOROPLETH, MIXED_COLOR, NO_FIGURE, QUIET, SHARED_FIGURE } from './colors.ts';
import { byKey, type Anchor, type AnchorKind, type Model } from './model.ts';
import { cityOf, nameOf, type Partnership } from './places.ts';
import { citiesWithoutRecord, coverageOf, partnerCities } from './coverage.ts';
import { timeline } from './timeline.ts';

/*
 * Markers exist for additive metrics only (the URL parser and the metric menu offer no other):
 * a circle's area is an amount, and non-additive counts have no meaningful total.
 *
 * The scene: everything the map draws for one state, as plain data. The SVG drawing (on screen and
 * in exports), the legend and the table view draw from it and from nothing else.
 */

export const MAX_RADIUS = 34;
/** A figure too small to see at true scale still gets a visible dot; its area is then not to scale. */
export const MIN_RADIUS = 2.5;

export interface MarkerDatum {
  key: string;
  kind: AnchorKind;
  multiYear: boolean;
  position: [number, number];
  radius: number;
  color: string;
  value: number;
  qualifier: Qualifier;
  period: string;
  label: string;
  recipients: string[];
  /** The partner city that gave, or null when several did. */
  city: string | null;
  /** The short value written by the circle, e.g. "¥31.3m" or "3,125万". */
  valueLabel: string;
  /** The key of the marker whose figure contains this one's (a part drawn beside its whole), or null. */
  partOf: string | null;
  /** The key of a marker whose figure the text leaves open whether it contains this one's (maybe_part_of), or null. */
  maybeIn: string | null;
}

export interface ArcDatum {
  id: string;
  donor: string;
  recipient: string;
  level: 'prefecture' | 'county';
  evidence: 'stated' | 'activity';
  color: string;
  /** [start, control point, end] of a quadratic Bézier in Web Mercator, as lon/lat. */
  curve: [LonLat, LonLat, LonLat];
  label: string;
  /** Under a one-year filter, the pairing has no record for that year (nor its partner city any): drawn faded. */
  noRecord: boolean;
  /** The years the pairing's records name. */
  years: [number, number];
}

export interface CountyShade {
  fill: string;
  value: number | null;
  qualifier: Qualifier;
  quiet: boolean;
  /** No figure of its own, but one for a group or prefecture it belongs to. */
  shared: boolean;
}

export interface Scene {
  filter: Filter;
  markers: MarkerDatum[];
  arcs: ArcDatum[];
  counties: Map<string, CountyShade>;
  radius: (v: number) => number;
  /** Largest value the circle scale reaches (whole dataset, or this filter when rescaled). */
  scaleMax: number;
  aggregates: Map<string, Aggregate>;
  empty: boolean;
  /** Partner cities without a record for the filter's year (none under "all years"). */
  noRecord: string[];
  /** Under a year, each partner city's total for it as the year chart gives it ("¥32m"), by city. */
  yearTotals: Map<string, string>;
}

export function filterOf(state: AppState): Filter {
  return { year: state.year, categories: state.categories, metric: state.metric };
}

/**
 * The largest circle for a map of this size: 34 px on a laptop, less on a phone or in a small embed,
 * where circles of full size would cover the places they stand for.
 */
export function maxRadiusFor(width: number, height: number): number {
  return Math.round(Math.max(12, Math.min(MAX_RADIUS, Math.min(width, height) / 20)));
}

export function buildScene(model: Model, state: AppState, maxRadius: number = MAX_RADIUS): Scene {
  const filter = filterOf(state);
  const metric = model.metrics.get(filter.metric);
  const aggregates = new Map<string, Aggregate>();
  if (metric) {
    for (const a of model.anchors) aggregates.set(a.key, aggregate(a.figures, model.figures, metric, filter));
  }
  const raw = collectMarkers(model, aggregates, state.lang);
  const dataMax = model.scale(filter.metric)?.max ?? 0;
  const filterMax = Math.max(0, ...raw.map((m) => m.value));
  const scaleMax = (state.rescale ? filterMax : dataMax) || 1;
  // A circle's area stands for its value: the radius grows with the root, computed as d3's
  // scaleSqrt from 0 computes it (the same numbers), which brought d3-interpolate, d3-color and
  // d3-format into the first script for this one line.
  const radius = (v: number) => (v <= 0 ? 0 : Math.max(MIN_RADIUS, maxRadius * (Math.sqrt(v) / Math.sqrt(scaleMax))));
  const unit = metric?.unit ?? 'count';
  const wholes = wholesOf(model, aggregates);
  // Big circles first so that small ones stay on top and clickable.
  const markers = raw
    .map((m) => ({ ...m, radius: radius(m.value), valueLabel: shortValue(m.value, m.qualifier, unit, state.lang), partOf: m.multiYear ? null : (wholes.parts.get(m.key) ?? null), maybeIn: m.multiYear ? null : (wholes.open.get(m.key) ?? null) }))
    .sort((a, b) => b.radius - a.radius || byKey(a, b));
  // Year coverage (src/scene/coverage.ts): lines of a city without records that year are faded.
  const noRecord = citiesWithoutRecord(coverageOf(model), partnerCities(model), filter.year);
  // A line stands for its pairing's records: under a year none of them names, it fades with a key entry.
  const year = filter.year;
  const inYear = (records: Partnership['records']) => year === 'all' || records.some((r) => r.from_year <= year && year <= r.to_year);
  const arcs = buildArcs(model, state.lang).map(({ records, ...a }) => ({
    ...a,
    noRecord: noRecord.includes(cityOf(model.places, a.donor)?.id ?? a.donor) || !inYear(records),
  }));
  return {
    filter,
    markers,
    arcs,
    counties: shadeCounties(model, aggregates, filter.metric),
    radius,
    scaleMax,
    aggregates,
    empty: markers.length === 0,
    noRecord,
    yearTotals: yearTotalsOf(model, filter, unit, state.lang),
  };
}

/**
 * Which marks are parts of another mark's figure: every figure a mark counts lies inside (part_of,
 * at any depth) a figure that another mark counts. Such a part is drawn beside its whole and says so,
 * so that nobody adds the two.
 */
function wholesOf(model: Model, aggregates: Map<string, Aggregate>): { parts: Map<string, string>; open: Map<string, string> } {
  const countedBy = new Map<string, string>();
  for (const [key, r] of aggregates) for (const f of r.counted) countedBy.set(f.id, key);
  const parts = new Map<string, string>();
  const open = new Map<string, string>();
  for (const [key, r] of aggregates) {
    const wholes = r.counted.map((f) => ancestorsOf(f, model.figures).map((a) => countedBy.get(a.id)).find((k) => k !== undefined && k !== key));
    if (wholes.length > 0 && wholes.every((w) => w !== undefined)) parts.set(key, wholes[0]!);
    // A figure the text may include in another mark's (never added to it either way).
    const inMark = (id: string | null) => {
      const w = id === null ? undefined : model.figures.get(id);
      return w ? [w, ...ancestorsOf(w, model.figures)].map((a) => countedBy.get(a.id)).find((k) => k !== undefined && k !== key) : undefined;
    };
    const maybe = r.counted.map((f) => inMark(f.maybe_part_of)).find((k) => k !== undefined);
    if (maybe && !parts.has(key)) open.set(key, maybe);
  }
  return { parts, open };
}

function yearTotalsOf(model: Model, filter: Filter, unit: Unit, lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  if (filter.year === 'all' || !model.metrics.get(filter.metric)?.additive) return out;
  for (const c of timeline(model, filter).cells) {
    if (c.year === filter.year && c.total !== null) out.set(c.city, shortValue(c.total, c.qualifier, unit, lang));
  }
  return out;
}

function shortValue(value: number, qualifier: Qualifier, unit: Unit, lang: Lang): string {
  const text = unit === 'cny' ? formatYuanShort(value, lang) : formatNumber(value, unit, lang);
  return qualifier === 'exact' ? text : qualifier === 'about' ? `≈${text}` : `${text}+`;
}

type RawMarker = Omit<MarkerDatum, 'radius' | 'valueLabel' | 'partOf' | 'maybeIn'>;

function collectMarkers(model: Model, aggregates: Map<string, Aggregate>, lang: Lang): RawMarker[] {
  const out: RawMarker[] = [];
  for (const a of model.anchors) {
    const r = aggregates.get(a.key);
    if (!r) continue;
    const base = {
      key: a.key,
      kind: a.kind,
      position: a.position,
      color: a.city === null ? MIXED_COLOR : (model.cityColor.get(a.city) ?? MIXED_COLOR),
      label: anchorLabel(model, a, lang),
      recipients: a.recipients,
      city: a.city,
    };
    if (r.total !== null && r.total > 0) {
      out.push({ ...base, multiYear: false, value: r.total, qualifier: r.qualifier, period: periodOf(model, r, lang) });
    }
    // Cumulative figures of one period are drawn as one ring per period, apart from the yearly circle.
    for (const p of totalsByPeriod(r.multiYear)) {
      out.push({ ...base, key: `${a.key}@${p.from}-${p.to}`, multiYear: true, value: p.value, qualifier: p.qualifier, period: formatPeriod(p.from, p.to, lang) });
    }
  }
  return out;
}

function periodOf(model: Model, r: Aggregate, lang: Lang): string {
  const years = [...new Set(r.counted.map((f) => f.year_from))].sort();
  if (years.length === 1) return formatPeriod(years[0]!, years[0]!, lang);
  const lo = years[0] ?? model.years[0] ?? 0;
  const hi = years[years.length - 1] ?? lo;
  return formatPeriod(lo, hi, lang);
}

export function anchorLabel(model: Model, a: Anchor, lang: Lang): string {
  if (a.kind === 'programme') {
    const city = a.city === null ? undefined : model.places.get(a.city);
    return city ? nameOf(city, lang) : '';
  }
  const names = a.recipients.map((id) => model.places.get(id)).filter((p) => p !== undefined).map((p) => nameOf(p, lang));
  return names.join(lang === 'zh' ? '、' : ' + ');
}

function buildArcs(model: Model, lang: Lang): (Omit<ArcDatum, 'noRecord'> & { records: Partnership['records'] })[] {
  const byDonorCity = new Map<string, typeof model.partnerships>();
  for (const p of model.partnerships) {
    const city = model.places.get(p.donor)?.level === 'city' ? p.donor : (model.places.get(p.donor)?.parent ?? p.donor);
    byDonorCity.set(city, [...(byDonorCity.get(city) ?? []), p]);
  }
  const out: (Omit<ArcDatum, 'noRecord'> & { records: Partnership['records'] })[] = [];
  for (const [city, list] of byDonorCity) {
    // Lines that meet at one city fan out, alternating sides, ordered by where they start.
    const sorted = [...list].sort((a, b) => (model.places.get(a.recipient)?.lat ?? 0) - (model.places.get(b.recipient)?.lat ?? 0));
    const bends = fanBends(sorted.length);
    sorted.forEach((p, i) => {
      const from = model.places.get(p.recipient);
      const to = model.places.get(p.donor);
      if (!from || !to) return;
      out.push({
        id: `${p.donor}-${p.recipient}`,
        donor: p.donor,
        recipient: p.recipient,
        level: p.level,
        evidence: p.evidence,
        color: model.cityColor.get(city) ?? MIXED_COLOR,
        curve: arcBetween([from.lon, from.lat], [to.lon, to.lat], bends[i] ?? 0.15),
        label: `${nameOf(to, lang)} → ${nameOf(from, lang)}`,
        years: [p.from_year, p.to_year],
        records: p.records,
      });
    });
  }
  return out;
}

function shadeCounties(model: Model, aggregates: Map<string, Aggregate>, metric: string): Map<string, CountyShade> {
  const thresholds = model.scale(metric)?.thresholds ?? [];
  // Places that a figure for a group or a prefecture names (Guizhou as a whole names every county,
  // so it says nothing about any one of them).
  const sharedBy = new Set<string>();
  for (const a of model.anchors) {
    const r = aggregates.get(a.key);
    if (a.kind === 'programme' || !r || (r.total === null && r.multiYear.length === 0)) continue;
    if (a.kind === 'place' && model.places.get(a.recipients[0]!)?.level === 'county') continue;
    for (const id of a.recipients) sharedBy.add(id);
  }
  const out = new Map<string, CountyShade>();
  for (const p of model.dataset.places) {
    if (p.level !== 'county') continue;
    const quiet = p.parent === null || !model.pairedPrefectures.has(p.parent);
    const r = aggregates.get(p.id);
    const value = r?.total ?? null;
    const shared = value === null && (sharedBy.has(p.id) || (p.parent !== null && sharedBy.has(p.parent)));
    out.set(p.id, {
      fill: value !== null ? CHOROPLETH[classOf(value, thresholds)]! : shared ? SHARED_FIGURE : quiet ? QUIET : NO_FIGURE,
      value,
      qualifier: r?.qualifier ?? 'exact',
      quiet,
      shared,
    });
  }
  return out;
}

/** Class 0 holds zero; classes 1… hold values up to each threshold. */
export function classOf(value: number, thresholds: readonly number[]): number {
  if (value <= 0) return 0;
  const i = thresholds.findIndex((t) => value <= t);
  return Math.min(CHOROPLETH.length - 1, (i === -1 ? thresholds.length - 1 : i) + 1);
}
