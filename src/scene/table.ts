import type { Figure } from '../data/schema.ts';
import type { Model } from './model.ts';
import type { MarkerDatum, Scene } from './scene.ts';

/**
 * The rows of the table view: exactly what the map draws for the current state, one row per circle,
 * with the figures behind it (for their sources). Largest first, as on the map.
 */
export interface TableRow {
  marker: MarkerDatum;
  /** The place whose panel the row opens: the place (a group's first member), or the city for a programme. */
  placeId: string | null;
  figures: Figure[];
  /** Distinct "source|section" pairs of those figures, in order of first use. */
  sources: { source: string; section: string }[];
}

export function tableRows(model: Model, scene: Scene): TableRow[] {
  return scene.markers.map((m) => {
    const anchorKey = m.multiYear ? m.key.slice(0, m.key.lastIndexOf('@')) : m.key;
    const r = scene.aggregates.get(anchorKey);
    const figures = (m.multiYear ? r?.multiYear.filter((f) => m.key.endsWith(`@${f.year_from}-${f.year_to}`)) : r?.counted) ?? [];
    const seen = new Set<string>();
    const sources: TableRow['sources'] = [];
    for (const f of figures) {
      const k = `${f.source}|${f.section}`;
      if (!seen.has(k)) {
        seen.add(k);
        sources.push({ source: f.source, section: f.section });
      }
    }
    const placeId = m.kind === 'programme' ? m.city : (m.recipients[0] ?? null);
    return { marker: m, placeId: placeId !== null && model.places.get(placeId) ? placeId : null, figures, sources };
  });
}
