import type { Model } from './model.ts';
import type { Vocabulary } from '../state/url-state.ts';

/** What a link may name: the data's years, categories, additive metrics and places (and story ids). */
export function vocabularyOf(model: Model, stories: readonly string[] = []): Vocabulary {
  return {
    years: model.years,
    categories: [...model.categories.keys()],
    metrics: model.dataset.metrics.filter((m) => m.additive).map((m) => m.id),
    places: new Set(model.places.byId.keys()),
    stories,
  };
}
