import { aggregate, type Filter } from '../data/aggregate.ts';
import type { Qualifier } from '../data/schema.ts';
import type { Model } from './model.ts';

/*
 * No dead ends: when the chosen kinds of aid have no figure in the chosen measure, the measures that
 * do have figures under the same year and kinds, each with its total made by the same rules as the
 * map (a whole once, open overlaps apart), so that a button can offer to switch to it.
 */

export interface MeasureOffer {
  metric: string;
  total: number;
  qualifier: Qualifier;
}

export function measureOffers(model: Model, filter: Filter): MeasureOffer[] {
  const out: MeasureOffer[] = [];
  for (const m of model.dataset.metrics) {
    if (!m.additive || m.id === filter.metric) continue;
    const r = aggregate(model.dataset.figures, model.figures, m, { ...filter, metric: m.id });
    if (r.total !== null && r.total > 0) out.push({ metric: m.id, total: r.total, qualifier: r.qualifier });
  }
  return out;
}
