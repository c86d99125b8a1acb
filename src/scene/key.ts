import { formatNumber, formatPeriod } from '../i18n/format.ts';
import { t, type Lang, type MessageKey } from '../i18n/messages.ts';
import type { AppState } from '../state/url-state.ts';
import { CHOROPLETH, INK, MIXED_COLOR, NO_FIGURE, QUIET, SHARED_FIGURE } from './colors.ts';
import { legendSamples } from './legend.ts';
import type { Model } from './model.ts';
import type { Scene } from './scene.ts';

/*
 * The key of a view, as data: one list that the page's legend, the compact key on the map, the
 * export image's legend and the slide all draw, so that they never disagree. It has an entry for
 * every kind of thing the map draws under this filter and none for what it does not draw: a key
 * that explains marks which are not there makes a reader look for them.
 */

/** Words of an entry: a message with its values, or text taken from the data (a name, a number). */
export type Words = { key: MessageKey; vars?: Record<string, string | number> } | { text: string };

export type MarkKind = 'place' | 'group' | 'programme' | 'multi';

export type KeyEntry =
  | { kind: 'size'; value: number; radius: number; words: Words }
  | { kind: 'note'; words: Words }
  | { kind: 'qualified'; words: Words }
  | { kind: 'mark'; mark: MarkKind; words: Words }
  | { kind: 'partOf'; words: Words }
  | { kind: 'city'; city: string; name: string; color: string; faded: boolean; words: Words }
  | { kind: 'line'; evidence: 'stated' | 'activity'; color: string; words: Words }
  | { kind: 'fadedLine'; color: string; words: Words }
  | { kind: 'district'; color: string; words: Words }
  | { kind: 'shade'; fill: string; hatched: boolean; words: Words };

export interface KeySection {
  id: 'sizes' | 'where' | 'partners' | 'shading';
  title: Words;
  entries: KeyEntry[];
}

export function wordsText(words: Words, lang: Lang): string {
  return 'text' in words ? words.text : t(lang, words.key, words.vars);
}

/** The key's sections for this view, in reading order; a section with nothing drawn is left out. */
export function keySections(model: Model, state: AppState, scene: Scene): KeySection[] {
  const lang = state.lang;
  const metricDef = model.metrics.get(state.metric);
  const metric = metricDef ? (lang === 'zh' ? metricDef.label_zh : metricDef.label_en) : state.metric;
  const unit = metricDef?.unit ?? 'count';
  const year = state.year === 'all' ? null : formatPeriod(state.year, state.year, lang);
  const sections: KeySection[] = [];

  const samples = legendSamples(scene);
  const qualified = scene.markers.some((m) => /[+≈]/.test(m.valueLabel));
  if (samples.length > 0) {
    sections.push({
      id: 'sizes',
      title: { key: state.rescale ? 'legend.markersRescaled' : 'legend.markers', vars: { metric } },
      entries: [
        ...samples.map((s): KeyEntry => ({ kind: 'size', value: s.value, radius: s.radius, words: { text: formatNumber(s.value, unit, lang) } })),
        ...(state.rescale ? [] : [{ kind: 'note', words: { key: 'legend.lockedScale' } } as const]),
        ...(qualified ? [{ kind: 'qualified', words: { key: 'legend.qualified' } } as const] : []),
      ],
    });
  }

  const markWords = { place: 'legend.place', group: 'legend.group', programme: 'legend.programme', multi: 'legend.multiYear' } as const;
  const marks = (['place', 'group', 'programme', 'multi'] as const).filter((k) => scene.markers.some((m) => (m.multiYear ? 'multi' : m.kind) === k));
  if (marks.length > 0) {
    sections.push({
      id: 'where',
      title: { key: 'legend.where' },
      entries: [
        ...marks.map((mark): KeyEntry => ({ kind: 'mark', mark, words: { key: markWords[mark] } })),
        ...(scene.markers.some((m) => m.partOf) ? [{ kind: 'partOf', words: { key: 'legend.partOf' } } as const] : []),
      ],
    });
  }

  const colours = new Set(scene.arcs.map((a) => a.color));
  const cities = model.places.cities.filter((c) => colours.has(model.cityColor.get(c.id) ?? MIXED_COLOR));
  if (cities.length > 0) {
    const twinned = new Set(scene.arcs.filter((a) => a.level === 'county').map((a) => a.color));
    const entries: KeyEntry[] = cities.map((c) => {
      const name = lang === 'zh' ? c.short_zh : c.short_en;
      // Under a one-year filter a city without records that year is faded on the map; the key says why.
      const faded = year !== null && scene.noRecord.includes(c.id);
      return { kind: 'city', city: c.id, name, color: model.cityColor.get(c.id) ?? MIXED_COLOR, faded, words: faded ? { key: 'timeline.noRecord', vars: { city: name, year } } : { text: name } };
    });
    // Both kinds of line are keyed in one city's colour, a city with lines of both kinds drawn (kept
    // ones first): in ink the solid sample looked like the cards' grey ties, in two colours like a
    // kind of line per city.
    const kinds = (['stated', 'activity'] as const).filter((evidence) => scene.arcs.some((a) => a.evidence === evidence));
    const byKept = [...new Set([...scene.arcs].sort((a, b) => Number(a.noRecord) - Number(b.noRecord)).map((a) => a.color))];
    const lineColor = byKept.find((c) => kinds.every((evidence) => scene.arcs.some((a) => a.color === c && a.evidence === evidence))) ?? byKept[0] ?? INK;
    for (const evidence of kinds) entries.push({ kind: 'line', evidence, color: lineColor, words: { key: evidence === 'stated' ? 'legend.stated' : 'legend.activity' } });
    // The sample fades as those lines do, in their city's colour (ink where cities of two colours fade).
    const faded = new Set(scene.arcs.filter((a) => a.noRecord).map((a) => a.color));
    if (year !== null && faded.size > 0) entries.push({ kind: 'fadedLine', color: faded.size === 1 ? [...faded][0]! : INK, words: { key: 'legend.fadedLine', vars: { year } } });
    for (const c of cities) {
      const color = model.cityColor.get(c.id) ?? MIXED_COLOR;
      if (twinned.has(color)) entries.push({ kind: 'district', color, words: { key: 'export.twinnedDistrict', vars: { city: lang === 'zh' ? c.short_zh : c.short_en } } });
    }
    sections.push({ id: 'partners', title: { key: 'legend.partners' }, entries });
  }

  const shades = [...scene.counties.values()];
  const fills = new Set(shades.filter((s) => s.value !== null).map((s) => s.fill));
  const thresholds = model.scale(state.metric)?.thresholds ?? [];
  const shading: KeyEntry[] = [];
  if (fills.has(CHOROPLETH[0])) shading.push({ kind: 'shade', fill: CHOROPLETH[0], hatched: false, words: { text: formatNumber(0, unit, lang) } });
  thresholds.forEach((v, i) => {
    const fill = CHOROPLETH[i + 1];
    if (fill && fills.has(fill)) shading.push({ kind: 'shade', fill, hatched: false, words: { text: `≤ ${formatNumber(v, unit, lang)}` } });
  });
  if (shades.some((s) => s.shared)) shading.push({ kind: 'shade', fill: SHARED_FIGURE, hatched: false, words: { key: 'legend.shared' } });
  if (shades.some((s) => s.value === null && !s.quiet && !s.shared)) shading.push({ kind: 'shade', fill: NO_FIGURE, hatched: true, words: { key: 'legend.noFigure' } });
  if (shades.some((s) => s.quiet)) shading.push({ kind: 'shade', fill: QUIET, hatched: false, words: { key: 'legend.quiet' } });
  if (shading.length > 0) sections.push({ id: 'shading', title: { key: 'legend.choropleth', vars: { metric } }, entries: shading });

  return sections;
}
