import { aggregate, combinedQualifier, sumValues, type Aggregate, type Filter } from '../data/aggregate.ts';
import type { Figure, Pairing, Place, Qualifier } from '../data/schema.ts';
import type { Model } from './model.ts';
import { cityOf, PROVINCE_GUIZHOU } from './places.ts';

/*
 * What the details panel says about one place, as data: its partners, its totals by category under
 * the current filter, and every figure that names it, nested whole → parts.
 */

export type Relation = 'direct' | 'prefecture' | 'group' | 'province' | 'given';

export interface FigureNode {
  figure: Figure;
  relation: Relation;
  children: FigureNode[];
}

export interface CategoryTotal {
  category: string;
  value: number;
  qualifier: Qualifier;
}

export interface PlaceDetails {
  place: Place;
  partners: { pairing: Pairing; other: Place }[];
  totals: CategoryTotal[];
  overall: Aggregate | null;
  figures: FigureNode[];
}

export function placeDetails(model: Model, id: string, filter: Filter): PlaceDetails | null {
  const place = model.places.get(id);
  if (!place) return null;
  const partners = model.dataset.pairings
    .filter((p) => p.donor === id || p.recipient === id || (place.level === 'city' && model.places.get(p.donor)?.parent === id))
    .map((pairing) => ({ pairing, other: model.places.get(pairing.donor === id ? pairing.recipient : pairing.donor)! }))
    .filter((p) => p.other !== undefined);
  const related = relatedFigures(model, place);
  const own = related.filter((r) => r.relation === 'direct' || r.relation === 'given').map((r) => r.figure);
  const metric = model.metrics.get(filter.metric);
  const overall = metric ? aggregate(own, model.figures, metric, filter) : null;
  return { place, partners, totals: overall ? byCategory(overall) : [], overall, figures: nest(related) };
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

function nest(items: { figure: Figure; relation: Relation }[]): FigureNode[] {
  const nodes = new Map(items.map((i) => [i.figure.id, { figure: i.figure, relation: i.relation, children: [] as FigureNode[] }]));
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
