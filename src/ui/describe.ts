import type { Aggregate } from '../data/aggregate.ts';
import type { Figure, Place, Qualifier } from '../data/schema.ts';
import { formatDate, formatPeriod, formatValue, measureWord, type Unit } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/messages.ts';
import type { Model } from '../scene/model.ts';
import { nameOf, PROVINCE_GUIZHOU } from '../scene/places.ts';
import type { Frame } from './context.ts';

/** Words for data: shared by the legend, panel, tooltip, table and exports. */

export function metricLabel(model: Model, id: string, lang: Lang): string {
  const m = model.metrics.get(id);
  return m ? (lang === 'zh' ? m.label_zh : m.label_en) : id;
}

export function categoryLabel(model: Model, id: string, lang: Lang): string {
  const c = model.categories.get(id);
  return c ? (lang === 'zh' ? c.label_zh : c.label_en) : id;
}

export function unitOf(model: Model, metric: string): Unit {
  return model.metrics.get(metric)?.unit ?? 'count';
}

/** A value of a metric in words: "¥31.25 million", "3,125万元", "more than 60", "60个以上". */
export function metricValue(model: Model, value: number, metric: string, qualifier: Qualifier, lang: Lang): string {
  const unit = unitOf(model, metric);
  return formatValue(value, unit, qualifier, lang, measureWord(metric, unit, lang));
}

export function figureValue(model: Model, f: Figure, lang: Lang): string {
  return metricValue(model, f.value, f.metric, f.qualifier, lang);
}

/**
 * A total in words, with each figure the text leaves open whether it is inside the total written
 * beside it, never added: "¥81.85 million + ¥10.22 million disaster relief (the text does not say
 * whether it is included)".
 */
export function aggregateValue(model: Model, r: Aggregate, lang: Lang): string | null {
  const parts = r.total === null ? [] : [metricValue(model, r.total, r.metric, r.qualifier, lang)];
  for (const f of r.openOverlap) {
    const what = categoryLabel(model, f.category, lang);
    parts.push(t(lang, 'total.openOverlap', { value: figureValue(model, f, lang), what: lang === 'en' ? what.charAt(0).toLowerCase() + what.slice(1) : what }));
  }
  return parts.length === 0 ? null : parts.join(' + ');
}

/** The places a mark stands for: "Anshun + Tongren", "安顺、铜仁", or "Guizhou as a whole". */
export function recipientsLabel(model: Model, recipients: readonly string[], lang: Lang): string {
  if (recipients.length === 1 && recipients[0] === PROVINCE_GUIZHOU) return t(lang, 'total.wholeProvince', { place: placeName(model, PROVINCE_GUIZHOU, lang) });
  return recipients.map((id) => placeName(model, id, lang)).join(lang === 'zh' ? '、' : ' + ');
}

export function yearText(frame: Frame): string {
  return frame.state.year === 'all' ? frame.tr('filter.allYears') : formatPeriod(frame.state.year, frame.state.year, frame.lang);
}

export function categoriesText(model: Model, frame: Frame): string {
  const c = frame.state.categories;
  if (c.length === 0) return frame.tr('filter.allCategories');
  return c.map((id) => categoryLabel(model, id, frame.lang)).join(frame.lang === 'zh' ? '、' : ', ');
}

export function filterText(model: Model, frame: Frame): string {
  return frame.tr('legend.filter', { year: yearText(frame), categories: categoriesText(model, frame) });
}

export function placeName(model: Model, id: string, lang: Lang, form: 'short' | 'full' = 'short'): string {
  const p = model.places.get(id);
  return p ? nameOf(p, lang, form) : id;
}

/** "Ningbo-Guizhou Pairing-off Poverty Alleviation, section “Drought relief”". */
export function sourceCitation(model: Model, f: Pick<Figure, 'source' | 'section'>, sectionWord: string): string {
  const s = model.dataset.sources.find((x) => x.id === f.source);
  return `${s?.title ?? f.source}, ${sectionWord} “${f.section}”`;
}

/**
 * How to cite the current view: title, what is shown, the source documents and their publisher
 * (from data/sources.csv, so a user's own sources are cited too), the link and the day it was read.
 */
export function citation(model: Model, frame: Frame, link: string, accessed: Date): string {
  const { tr, state, lang } = frame;
  const quote = (t: string) => (lang === 'zh' ? `《${t}》` : `“${t}”`);
  const sources = model.dataset.sources;
  return tr('share.citeText', {
    title: state.title ?? tr('app.title'),
    what: tr('table.caption', { metric: metricLabel(model, state.metric, lang), year: yearText(frame), categories: categoriesText(model, frame) }),
    sources: sources.map((s) => quote(s.title)).join(lang === 'zh' ? '、' : '; '),
    publishers: [...new Set(sources.map((s) => s.publisher).filter((p) => p !== ''))].join(lang === 'zh' ? '、' : '; '),
    link,
    date: formatDate(accessed, lang),
  });
}

/** A partner city in the legend: its name, or under a one-year filter without its records, "No Ningbo record for 2011". */
export function partnerLegendLabel(frame: Frame, city: Place): { text: string; noRecord: boolean } {
  const name = frame.lang === 'zh' ? city.short_zh : city.short_en;
  const year = frame.state.year;
  if (year === 'all' || !frame.scene.noRecord.includes(city.id)) return { text: name, noRecord: false };
  return { text: frame.tr('timeline.noRecord', { city: name, year: formatPeriod(year, year, frame.lang) }), noRecord: true };
}
