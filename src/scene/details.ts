import { aggregate, ancestorsOf, combinedQualifier, sumValues, totalsByPeriod, type Aggregate, type Filter } from '../data/aggregate.ts';
import type { Discrepancy, Figure, Metric, Place, Qualifier } from '../data/schema.ts';
import { citiesFor, heldInPart, partialCoverageOf, type HeldInPart } from './coverage.ts';
import type { Model } from './model.ts';
import { cityOf, PROVINCE_GUIZHOU, type Partnership } from './places.ts';
import { figureWhole, type FigureWhole } from './wholes.ts';

/*
 * What the details panel says about one place, as data: its partners, its totals by category under
 * the current filter, and every figure that names it, nested whole → parts. A total that rests on an
 * entry we hold only in part reads "at least"; contradictions its sources make are listed as written.
 */

export type Relation = 'direct' | 'prefecture' | 'group' | 'province' | 'given';

export interface FigureNode {
  figure: Figure;
  relation: Relation;
  /** The figure it lies in or may lie in, named on its row even when that whole is listed above it or not at all. */
  whole: FigureWhole | null;
  children: FigureNode[];
}

export interface CategoryTotal {
  category: string;
  value: number;
  qualifier: Qualifier;
}

/**
 * What a partner city or district gave, one row per mark the map draws for it, so that a reader can
 * see how the panel's total relates to the circles: a row `inside` another row is already in the
 * total through that row's figure; an `open` row may or may not be (the text leaves it open).
 */
export interface GivenRow {
  anchor: string;
  value: number;
  qualifier: Qualifier;
  status: 'counted' | 'inside' | 'open';
  /** The anchor of the figure it lies in (inside) or may lie in (open). */
  whole: string | null;
  /** For a multi-year ring: its period, e.g. [2006, 2010]; such rows are apart from the total, as on the map. */
  period: [number, number] | null;
}

export interface PlaceDetails {
  place: Place;
  partners: { pairing: Partnership; other: Place }[];
  totals: CategoryTotal[];
  /** For a partner city or district: what it gave, by the marks on the map; else empty. */
  given: GivenRow[];
  overall: Aggregate | null;
  figures: FigureNode[];
  /**
   * The partner cities' entries, under the filter's year(s), that we hold only in part. When a total
   * exists and this is not empty, the total and its category rows are lower bounds ("at least").
   */
  heldInPart: HeldInPart[];
  /** Contradictions a source makes (`text_inconsistent`) that bear on this place: naming a figure it lists, or from a source of its figures when they name none. */
  contradictions: Discrepancy[];
}

export function placeDetails(model: Model, id: string, filter: Filter): PlaceDetails | null {
  const place = model.places.get(id);
  if (!place) return null;
  // A province's partners are the cities paired with its prefectures.
  const mine = (p: Partnership) =>
    p.donor === id ||
    p.recipient === id ||
    (place.level === 'city' && model.places.get(p.donor)?.parent === id) ||
    (place.level === 'province' && p.level === 'prefecture' && model.places.get(p.recipient)?.parent === id);
  const partners = model.partnerships
    .filter(mine)
    .map((pairing) => ({ pairing, other: model.places.get(pairing.donor === id ? pairing.recipient : pairing.donor)! }))
    .filter((p) => p.other !== undefined);
  const related = relatedFigures(model, place);
  const own = related.filter((r) => r.relation === 'direct' || r.relation === 'given').map((r) => r.figure);
  const metric = model.metrics.get(filter.metric);
  const counted = metric ? aggregate(own, model.figures, metric, filter) : null;
  const giver = place.level === 'city' || place.level === 'district';
  const partial = heldInPart(partialCoverageOf(model), citiesFor(model, id), filter.year);
  // A place's total is its mark's, word for word (one number everywhere); where the entry behind it is
  // held only in part, the panel says beside it that more may exist (heldInPart).
  const overall = counted;
  return {
    place,
    partners,
    totals: overall && !giver ? byCategory(overall) : [],
    given: counted && metric && giver ? byMark(model, own, counted, metric, filter) : [],
    overall,
    figures: nest(model, related),
    heldInPart: partial,
    contradictions: contradictionsFor(model, related.map((r) => r.figure)),
  };
}

/**
 * The text's own contradictions for a place's panel: a row that names figures shows where one of them
 * is listed; a row that names none shows wherever a figure of its source is listed.
 */
export function contradictionsFor(model: Model, figures: readonly Figure[]): Discrepancy[] {
  const ids = new Set(figures.map((f) => f.id));
  const sources = new Set(figures.map((f) => f.source));
  return model.dataset.discrepancies.filter(
    (d) => d.check === 'text_inconsistent' && (d.figure.length > 0 ? d.figure.some((id) => ids.has(id)) : sources.has(d.source)),
  );
}

/** A giver's figures split by the anchors the map draws them at, each row aggregated by the same rules. */
function byMark(model: Model, own: Figure[], overall: Aggregate, metric: Pick<Metric, 'id' | 'additive'>, filter: Filter): GivenRow[] {
  const mine = new Set(own.map((f) => f.id));
  const anchorOf = new Map<string, string>();
  for (const a of model.anchors) for (const f of a.figures) anchorOf.set(f.id, a.key);
  const contained = new Set(overall.contained.map((f) => f.id));
  const open = new Set(overall.openOverlap.map((f) => f.id));
  const counted = new Set(overall.counted.map((f) => f.id));
  // The figure's nearest whole that the giver's total shows (for a part), or its maybe-whole (open).
  const wholeOf = (f: Figure): Figure | undefined =>
    open.has(f.id) ? (f.maybe_part_of === null ? undefined : model.figures.get(f.maybe_part_of)) : ancestorsOf(f, model.figures).find((w) => counted.has(w.id) || open.has(w.id));
  const rows: GivenRow[] = [];
  for (const a of model.anchors) {
    const r = aggregate(a.figures.filter((f) => mine.has(f.id)), model.figures, metric, filter);
    if (r.total !== null && r.total > 0) {
      const status = r.counted.every((f) => contained.has(f.id)) ? 'inside' : r.counted.every((f) => open.has(f.id)) ? 'open' : 'counted';
      const whole = status === 'counted' ? undefined : wholeOf(r.counted[0]!);
      rows.push({ anchor: a.key, value: r.total, qualifier: r.qualifier, status, whole: whole ? (anchorOf.get(whole.id) ?? null) : null, period: null });
    }
    // Multi-year figures of one period are one ring on the map, keyed like the scene's rings.
    for (const p of totalsByPeriod(r.multiYear)) {
      rows.push({ anchor: `${a.key}@${p.from}-${p.to}`, value: p.value, qualifier: p.qualifier, status: 'counted', whole: null, period: [p.from, p.to] });
    }
  }
  return rows.sort((x, y) => Number(x.period !== null) - Number(y.period !== null) || y.value - x.value);
}

/**
 * The total split by the categories of the figures that make it up, so the rows add up to the total.
 * (Totalling each category on its own would count a programme total and its parts side by side.)
 */
function byCategory(overall: Aggregate): CategoryTotal[] {
  if (overall.total === null) return [];
  const groups = new Map<string, Figure[]>();
  for (const f of overall.counted) {
    const list = groups.get(f.category);
    if (list) list.push(f);
    else groups.set(f.category, [f]);
  }
  return [...groups]
    .map(([category, figures]) => ({ category, value: sumValues(figures), qualifier: combinedQualifier(figures) }))
    .sort((a, b) => b.value - a.value);
}

/** Figures that name a place: as recipient or donor, through its prefecture, its group, or Guizhou as a whole. */
export function relatedFigures(model: Model, place: Place): { figure: Figure; relation: Relation }[] {
  const out: { figure: Figure; relation: Relation }[] = [];
  const id = place.id;
  for (const f of model.dataset.figures) {
    if (place.level === 'city' || place.level === 'district') {
      const mine = f.donor === id || (place.level === 'city' && cityOf(model.places, f.donor)?.id === id);
      if (mine) out.push({ figure: f, relation: 'given' });
      continue;
    }
    if (f.recipients.length === 1 && f.recipients[0] === id) out.push({ figure: f, relation: 'direct' });
    else if (f.recipients.includes(id)) out.push({ figure: f, relation: 'group' });
    else if (place.level === 'county' && place.parent !== null && f.recipients.includes(place.parent)) out.push({ figure: f, relation: 'prefecture' });
    else if (place.level === 'province' && id === PROVINCE_GUIZHOU && f.recipients.includes(PROVINCE_GUIZHOU)) out.push({ figure: f, relation: 'direct' });
  }
  return out;
}

function nest(model: Model, items: { figure: Figure; relation: Relation }[]): FigureNode[] {
  const nodes = new Map(items.map((i) => [i.figure.id, { figure: i.figure, relation: i.relation, whole: figureWhole(model, i.figure), children: [] as FigureNode[] }]));
  const roots: FigureNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.figure.part_of === null ? undefined : nodes.get(node.figure.part_of);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = (a: FigureNode, b: FigureNode) =>
    relationRank(a.relation) - relationRank(b.relation) || a.figure.year_from - b.figure.year_from || b.figure.value - a.figure.value;
  const sortDeep = (list: FigureNode[]) => {
    list.sort(order);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

const relationRank = (r: Relation) => ['direct', 'given', 'group', 'prefecture', 'province'].indexOf(r);
