import type { Aggregate } from '../data/aggregate.ts';
import type { Figure, Place, Qualifier } from '../data/schema.ts';
import { formatDate, formatPeriod, formatValue, isSingularEn, measureWord, type Unit } from '../i18n/format.ts';
import { t, type Lang } from '../i18n/messages.ts';
import type { Model } from '../scene/model.ts';
import { yearRuns, type CoverageEntry } from '../scene/source-coverage.ts';
import { nameOf, PROVINCE_GUIZHOU } from '../scene/places.ts';
import type { STORY_WORDS } from '../data/stories.ts';
import type { Frame } from './context.ts';

/** Words for data: shared by the legend, panel, tooltip, table and exports. */

export function metricLabel(model: Model, id: string, lang: Lang): string {
  const m = model.metrics.get(id);
  return m ? (lang === 'zh' ? m.label_zh : m.label_en) : id;
}

/** A metric's label as the noun of a value: "1 Training course", "2 Training courses" (Chinese has no plural). */
export function metricLabelFor(model: Model, id: string, value: number, qualifier: Qualifier, lang: Lang): string {
  const m = model.metrics.get(id);
  if (lang === 'en' && m && m.label_one_en !== '' && isSingularEn(value, qualifier)) return m.label_one_en;
  return metricLabel(model, id, lang);
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

/** The year filter, where "all years" says which years there are: "all years (2009–2011)". */
export function yearCoverageText(model: Model, frame: Frame): string {
  return frame.state.year === 'all' ? frame.tr('filter.allYearsOf', { years: coverageYears(model, frame.lang) }) : yearText(frame);
}

export function filterText(model: Model, frame: Frame): string {
  return frame.tr('legend.filter', { year: yearCoverageText(model, frame), categories: categoriesText(model, frame) });
}

export function placeName(model: Model, id: string, lang: Lang, form: 'short' | 'full' = 'short'): string {
  const p = model.places.get(id);
  return p ? nameOf(p, lang, form) : id;
}

/** "a, b and c" / "a、b、c". */
export function listText(items: readonly string[], lang: Lang): string {
  if (lang === 'zh') return items.join('、');
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Years with consecutive runs joined: "2009–2011", "2009, 2011" / "2009—2011年", "2009、2011年". */
export function yearsText(years: readonly number[], lang: Lang): string {
  const runs = yearRuns(years).map(([a, b]) => (a === b ? String(a) : lang === 'zh' ? `${a}—${b}` : `${a}–${b}`));
  if (runs.length === 0) return '';
  return lang === 'zh' ? `${runs.join('、')}年` : runs.join(', ');
}

/** The years the records report, e.g. "2009–2011" (subtitle, "Name in …", all-years filter). */
export function coverageYears(model: Model, lang: Lang): string {
  return yearsText(model.coverage.years, lang);
}

/** "Qingdao and Ningbo" / "青岛、宁波". */
export function partnerCitiesText(model: Model, lang: Lang): string {
  return listText(model.coverage.cities.map((c) => nameOf(c, lang)), lang);
}

const sourceOf = (model: Model, id: string) => model.dataset.sources.find((s) => s.id === id);

/** A section heading in the reader's language: our Chinese name, or the heading as the text writes it. */
export function sectionName(model: Model, source: string, section: string, lang: Lang): string {
  if (lang !== 'zh') return section;
  return model.dataset.sections.find((s) => s.source === source && s.section === section)?.section_zh ?? section;
}

/** "Qingdao–Guizhou 2009–2011 and Ningbo–Guizhou 2010": documents named by their city, with the years they report. */
export function entriesText(model: Model, entries: readonly CoverageEntry[], lang: Lang): string {
  const guizhou = model.places.get(PROVINCE_GUIZHOU);
  const names = new Map<string, number[]>();
  for (const e of entries) {
    const name = e.city && guizhou ? `${nameOf(e.city, lang)}${lang === 'zh' ? '—' : '–'}${nameOf(guizhou, lang)}` : lang === 'zh' ? e.source.title_zh : e.source.title;
    names.set(name, [...(names.get(name) ?? []), e.year]);
  }
  return listText([...names].map(([name, years]) => `${name}${lang === 'zh' ? '' : ' '}${yearsText(years, lang)}`), lang);
}

/**
 * The source line: "Source: China Poverty Alleviation Yearbook (IPRCC), entries for Qingdao–Guizhou
 * 2009–2011 and Ningbo–Guizhou 2010", one clause per yearbook, from the documents that have figures.
 */
export function sourceLine(model: Model, tr: Frame['tr'], lang: Lang): string {
  const books = new Map<string, CoverageEntry[]>();
  for (const e of model.coverage.entries) {
    const key = `${e.source.yearbook}\u0000${e.source.publisher}`;
    books.set(key, [...(books.get(key) ?? []), e]);
  }
  const clauses = [...books.values()].map((entries) => {
    const first = entries[0]!.source;
    return tr('legend.source', {
      yearbook: lang === 'zh' ? first.yearbook_zh : first.yearbook,
      publisher: lang === 'zh' ? first.publisher_zh : first.publisher,
      entries: entriesText(model, entries, lang),
    });
  });
  return clauses.join(lang === 'zh' ? '；' : '; ');
}

/** A story's title or caption with the words it leaves to the data ({years}, {cities}, {entries}) filled in. */
export function fillCoverage(model: Model, text: string, lang: Lang): string {
  const words: Record<(typeof STORY_WORDS)[number], () => string> = {
    years: () => coverageYears(model, lang),
    cities: () => partnerCitiesText(model, lang),
    entries: () => entriesText(model, model.coverage.entries, lang),
  };
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in words ? words[name as keyof typeof words]() : m));
}

/**
 * Where a figure stands: "Qingdao - Guizhou Pairing-off Poverty Alleviation, China Poverty
 * Alleviation Yearbook 2011 edition (English web version), section “Overview”" / in Chinese our
 * translation: "《中国扶贫开发年鉴》2011年卷（英文网络版）“青岛—贵州对口帮扶”，栏目“概述”".
 */
export function sourceCitation(model: Model, f: Pick<Figure, 'source' | 'section'>, sectionWord: string, lang: Lang = 'en'): string {
  const s = sourceOf(model, f.source);
  const section = sectionName(model, f.source, f.section, lang);
  if (!s) return `${f.source}, ${sectionWord} “${section}”`;
  if (lang === 'zh') return `《${s.yearbook_zh}》${s.edition_zh}“${s.title_zh}”，${sectionWord}“${section}”`;
  return `${s.title}, ${s.yearbook} ${s.edition}, ${sectionWord} “${section}”`;
}

/**
 * One document in a citation: its title (in Chinese our translation, with the original title kept),
 * the year its entry reports, the yearbook, edition and page URL.
 */
export function sourceReference(e: CoverageEntry, tr: Frame['tr'], lang: Lang): string {
  const s = e.source;
  // In Chinese the title is our translation of a foreign-language document: its own title stays beside it.
  const original = lang === 'zh' && s.language !== 'zh' ? tr('share.citeOriginal', { original: s.title }) : '';
  const text =
    lang === 'zh'
      ? tr('share.citeSource', { title: s.title_zh, original, year: e.year, yearbook: s.yearbook_zh, edition: s.edition_zh })
      : tr('share.citeSource', { title: s.title, original, year: e.year, yearbook: s.yearbook, edition: s.edition });
  return s.url === '' ? text : `${text}${lang === 'zh' ? '，' : ', '}${s.url}`;
}

/**
 * How to cite the current view: title, what is shown, the source documents with yearbook, edition
 * and URL, their publisher (all from data/sources.csv, so a new source is cited too), the link and
 * the day it was read.
 */
export function citation(model: Model, frame: Frame, link: string, accessed: Date): string {
  const { tr, state, lang } = frame;
  const entries = model.coverage.entries;
  return tr('share.citeText', {
    title: state.title ?? tr('app.title'),
    what: tr('table.caption', { metric: metricLabel(model, state.metric, lang), year: yearCoverageText(model, frame), categories: categoriesText(model, frame) }),
    sources: entries.map((e) => sourceReference(e, tr, lang)).join(lang === 'zh' ? '；' : '; '),
    publishers: listText([...new Set(entries.map((e) => (lang === 'zh' ? e.source.publisher_zh : e.source.publisher)))], lang),
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
