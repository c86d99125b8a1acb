import type { Figure } from '../data/schema.ts';
import { formatPeriod, formatValue, measureWord } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/messages.ts';
import type { Anchor, AnchorKind, Model } from './model.ts';
import { anchorLabel } from './scene.ts';

/*
 * How a part names its whole, one wording wherever a part is shown: the map's tooltip names the
 * circle its circle lies in, the panel names the figure its figure lies in. Whoever reads a part
 * must see what it is already counted in, so that nobody adds the two.
 */

/** A figure's whole: the figure it lies in (`part_of`, the nearest), or may lie in (`maybe_part_of`, the text leaves it open). */
export interface FigureWhole {
  kind: 'inside' | 'open';
  figure: Figure;
}

export function figureWhole(model: Model, f: Figure): FigureWhole | null {
  const inside = f.part_of === null ? undefined : model.figures.get(f.part_of);
  if (inside) return { kind: 'inside', figure: inside };
  const open = f.maybe_part_of === null ? undefined : model.figures.get(f.maybe_part_of);
  return open ? { kind: 'open', figure: open } : null;
}

/** What is said of a whole: its value, the places it is for and its period, each as the view writes them. */
export interface WholeWords {
  kind: 'inside' | 'open';
  value: string;
  places: string;
  period: string;
}

/** "Part of ¥16.8m for Anshun + Tongren (2010), not to be added to it" / "The text may include it in …: not added". */
export function wholeText(w: WholeWords, lang: Lang): string {
  return t(lang, w.kind === 'inside' ? 'tooltip.partOf' : 'tooltip.maybeIn', { value: w.value, places: w.places, period: w.period });
}

/** The places a whole is for, as its mark is named: a city's programme is "All of Guizhou, from Ningbo". */
export function wholePlaces(mark: { kind: AnchorKind; label: string }, lang: Lang): string {
  return mark.kind === 'programme' ? t(lang, 'callout.programme', { city: mark.label }) : mark.label;
}

/** Each figure's mark, found once per model (a user's file may hold tens of thousands of figures). */
const anchorsByFigure = new WeakMap<Model, Map<string, Anchor>>();

function anchorOf(model: Model, id: string): Anchor | undefined {
  let index = anchorsByFigure.get(model);
  if (!index) {
    index = new Map();
    for (const a of model.anchors) for (const f of a.figures) index.set(f.id, a);
    anchorsByFigure.set(model, index);
  }
  return index.get(id);
}

/** A figure's whole in words: the whole's own value, in full as the panel writes figures, its places and its years. */
export function figureWholeText(model: Model, whole: FigureWhole, lang: Lang): string {
  const f = whole.figure;
  const unit = model.metrics.get(f.metric)?.unit ?? 'count';
  const anchor = anchorOf(model, f.id);
  return wholeText(
    {
      kind: whole.kind,
      value: formatValue(f.value, unit, f.qualifier, lang, measureWord(f.metric, unit, lang)),
      places: anchor ? wholePlaces({ kind: anchor.kind, label: anchorLabel(model, anchor, lang) }, lang) : '',
      period: formatPeriod(f.year_from, f.year_to, lang),
    },
    lang,
  );
}
