import { partsSum } from '../data/parts.ts';
import { formatPeriod } from '../i18n/format.ts';
import { citiesFor, citiesWithoutRecord, coverageOf } from '../scene/coverage.ts';
import { placeDetails, relatedFigures, type FigureNode, type GivenRow, type Relation } from '../scene/details.ts';
import type { HeldInPart } from '../scene/coverage.ts';
import type { Discrepancy } from '../data/schema.ts';
import { cityOf, nameOf, type Partnership } from '../scene/places.ts';
import { filterOf } from '../scene/scene.ts';
import { timeline } from '../scene/timeline.ts';
import { figureWholeText } from '../scene/wholes.ts';
import type { Component, Frame, UiContext } from '../view/context.ts';
import { aggregateValue, categoryLabel, coverageYears, figureValue, listText, metricLabel, metricLabelFor, metricValue, placeName, recipientsLabel, sourceCitation, yearsText } from '../view/describe.ts';
import { append, el } from '../view/dom.ts';
import { showChosenYear, yearChart } from './year-chart.ts';

/**
 * Figures listed at once. A place with tens of thousands of figures (a user's file) took seconds to
 * lay out; it shows the first ones and a button for the rest, which stay shown for that place.
 */
const FIRST_FIGURES = 200;

/** The figure list; appended, not spread into arguments, which would overflow at ~100,000 figures. */
function figureList(nodes: FigureNode[], all: boolean, item: (n: FigureNode) => HTMLElement, more: HTMLButtonElement): HTMLElement[] {
  const ol = el('ol', { class: 'figures', 'data-testid': 'figures' });
  append(ol, (all ? nodes : nodes.slice(0, FIRST_FIGURES)).map(item));
  if (all || nodes.length <= FIRST_FIGURES) return [ol];
  more.addEventListener('click', () => {
    append(ol, nodes.slice(FIRST_FIGURES).map(item));
    more.remove();
  });
  return [ol, more];
}

/** The details panel: everything recorded about the selected place, each figure with its source. */
export function createPanel(ctx: UiContext): Component {
  const root = el('aside', { class: 'panel', id: 'details', 'aria-labelledby': 'panel-title', hidden: true, tabindex: '-1' });
  let shown: string | null = null;
  let expanded: string | null = null;
  root.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-year]');
    if (b) ctx.dispatch({ year: Number(b.dataset['year']) });
  });
  return {
    el: root,
    update(frame: Frame) {
      const { model } = ctx;
      const { state, tr, lang } = frame;
      const d = state.place === null ? null : placeDetails(model, state.place, filterOf(state));
      root.hidden = d === null;
      if (!d) {
        shown = null;
        return;
      }
      const p = d.place;
      const other = lang === 'zh' ? p.name_en : p.name_zh;
      const name2010 = lang === 'zh' ? p.name_2010_zh : p.name_2010_en;
      const metric = metricLabel(model, state.metric, lang);
      const overall = d.overall ? aggregateValue(model, d.overall, lang) : null;
      // Which partner cities have no record for the year shown, and the place's own years as a chart.
      const partners = citiesFor(model, p.id);
      const missing =
        state.year === 'all'
          ? []
          : citiesWithoutRecord(coverageOf(model), partners, state.year).map((c) =>
              tr('timeline.noRecord', { city: placeName(model, c, lang), year: formatPeriod(state.year as number, state.year as number, lang) }),
            );
      const own = relatedFigures(model, p).filter((r) => r.relation === 'direct' || r.relation === 'given').map((r) => r.figure);
      const ownYears = new Set(own.flatMap((f) => model.years.filter((y) => f.year_from <= y && y <= f.year_to)));
      const byYear =
        ownYears.size > 1
          ? yearChart(ctx, frame, timeline(model, { metric: state.metric, categories: state.categories }, own, partners), {
              caption: `${nameOf(p, lang)}: ${tr('timeline.caption', { metric })}`,
              testId: 'panel-year-chart',
            })
          : null;
      const focusedYear = root.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset['year'] : undefined;
      const more = el('button', { type: 'button', class: 'linkish panel-more', 'data-action': 'more-figures' }, tr('panel.moreFigures', { count: d.figures.length - FIRST_FIGURES }));
      more.addEventListener('click', () => (expanded = p.id));
      const paper = onPaper(d.figures);
      const all = countFigures(d.figures);
      // An array, not arguments: a place's notes and figures may number in the tens of thousands.
      root.replaceChildren();
      append(root, [
        el(
          'header',
          { class: 'panel-header' },
          el('p', { class: 'panel-level' }, tr(`panel.level.${p.level}`)),
          el('h2', { id: 'panel-title' }, nameOf(p, lang, 'full')),
          el('p', { class: 'panel-other-name', lang: lang === 'zh' ? 'en' : 'zh-Hans' }, other),
          name2010 ? el('p', { class: 'panel-2010' }, `${tr('panel.name2010', { years: coverageYears(model, lang) })}${lang === 'zh' ? '：' : ': '}${name2010}`) : null,
          p.shape === 'point' && p.level === 'district' ? el('p', { class: 'panel-2010' }, tr('panel.formerPlace')) : null,
          el('button', { type: 'button', class: 'panel-close', 'aria-label': tr('panel.close'), 'data-action': 'close' }, '×'),
        ),
        el('h3', {}, tr('panel.partners')),
        d.partners.length === 0
          ? el('p', { class: 'muted' }, tr('panel.noPartner'))
          : el(
              'ul',
              { class: 'panel-partners' },
              ...d.partners.map(({ pairing, other: o }) =>
                el(
                  'li',
                  {},
                  el('button', { type: 'button', class: 'linkish', 'data-place': o.id }, nameOf(o, lang)),
                  // Guizhou's partners are paired with one of its prefectures: say which.
                  p.level === 'province' ? ` → ${placeName(model, pairing.recipient, lang)}` : null,
                  ` · ${formatPeriod(pairing.from_year, pairing.to_year, lang)} · `,
                  ...evidenceParts(pairing, frame),
                ),
              ),
            ),
        el('h3', {}, `${tr('panel.totals')} · ${metric}`),
        d.given.length > 0 ? el('p', { class: 'panel-total-label' }, tr('panel.givenTotal')) : null,
        p.level === 'province' ? el('p', { class: 'panel-total-label' }, tr('panel.provinceTotal')) : null,
        overall
          ? el('p', { class: (d.overall?.openOverlap.length ?? 0) > 0 ? 'panel-total with-open' : 'panel-total', 'data-testid': 'panel-total' }, overall)
          : el('p', { class: 'muted', 'data-testid': 'panel-total' }, noTotalText(frame, d.figures.length > 0, missing.length === partners.length ? missing : [])),
        overall && d.overall?.total !== null && d.heldInPart.length > 0
          ? el('p', { class: 'panel-note', 'data-testid': 'panel-held-in-part' }, tr('panel.heldInPart', { entries: heldText(ctx, frame, d.heldInPart) }))
          : null,
        ...(overall || missing.length < partners.length ? missing : []).map((text) => el('p', { class: 'panel-note', 'data-testid': 'panel-no-record' }, text)),
        d.totals.length > 0
          ? el(
              'table',
              { class: 'panel-totals' },
              el(
                'tbody',
                {},
                ...d.totals.map((ct) =>
                  el(
                    'tr',
                    {},
                    el('th', { scope: 'row' }, categoryLabel(model, ct.category, lang)),
                    el('td', {}, metricValue(model, ct.value, state.metric, ct.qualifier, lang)),
                  ),
                ),
              ),
            )
          : null,
        d.given.length > 0 ? givenTable(ctx, frame, d.given) : null,
        ...(d.overall?.multiYear ?? []).map((f) =>
          el('p', { class: 'panel-note' }, tr('panel.multiYearNote', { period: formatPeriod(f.year_from, f.year_to, lang) }) + ' ' + figureValue(model, f, lang)),
        ),
        ...(d.overall?.outsidePeriod ?? []).map((f) =>
          el('p', { class: 'panel-note' }, tr('panel.outsideNote', { period: formatPeriod(f.year_from, f.year_to, lang), value: figureValue(model, f, lang) })),
        ),
        byYear ? el('h3', {}, `${tr('panel.byYear')} · ${metric}`) : null,
        byYear,
        d.contradictions.length > 0 ? contradictions(ctx, frame, d.contradictions) : null,
        el('h3', {}, tr('panel.figures')),
        // Paper holds the place's own figures only, and not too many (see printedFigures): it says so.
        paper.figures.size < all ? el('p', { class: 'panel-note print-only', 'data-testid': 'panel-printed' }, tr('panel.printed', { printed: paper.figures.size, total: all })) : null,
        d.figures.length === 0
          ? el('p', { class: 'muted' }, tr('panel.noFigures'))
          : null,
        ...(d.figures.length === 0 ? [] : figureList(d.figures, expanded === p.id, (n) => figureItem(ctx, frame, n, p.id, paper), more)),
        paper.sources.size > 0 ? printedSources(ctx, frame, paper.sources) : null,
      ]);
      if (byYear) showChosenYear(byYear);
      if (focusedYear !== undefined) root.querySelector<HTMLElement>(`button[data-year="${focusedYear}"]`)?.focus({ preventScroll: true });
      // Another place's details start at the top (the first place's do already: no layout needed).
      if (shown !== p.id) {
        if (shown !== null) root.scrollTop = 0;
        shown = p.id;
      }
    },
  };
}

/**
 * The figures a printed page lists: the place's own (what a city gave, or what names this place
 * alone), not those it shares with its prefecture, a group or Guizhou, and no more than one page
 * holds beside the map. In the order the panel lists them.
 */
const PRINTED_FIGURES = 6;

/**
 * What paper lists: those figures, and their sources once each (source and section), numbered in
 * the order of first use; each printed figure points to its number, which saves the page the same
 * long citation six times over.
 */
interface Paper {
  figures: ReadonlySet<string>;
  /** "source|section" → its number on paper, from 1. */
  sources: ReadonlyMap<string, number>;
}

function onPaper(nodes: readonly FigureNode[]): Paper {
  const own = (list: readonly FigureNode[]): FigureNode[] =>
    list.flatMap((n) => [...(n.relation === 'direct' || n.relation === 'given' ? [n] : []), ...own(n.children)]);
  const printed = own(nodes).slice(0, PRINTED_FIGURES).map((n) => n.figure);
  const sources = new Map<string, number>();
  for (const f of printed) if (!sources.has(sourceKey(f))) sources.set(sourceKey(f), sources.size + 1);
  return { figures: new Set(printed.map((f) => f.id)), sources };
}

const sourceKey = (f: { source: string; section: string }) => `${f.source}|${f.section}`;

/** The printed figures' sources, numbered, each with the document's address written out (paper has no links). */
function printedSources(ctx: UiContext, { tr, lang }: Frame, sources: ReadonlyMap<string, number>): HTMLElement {
  return el(
    'ol',
    { class: 'print-only print-sources', 'data-testid': 'panel-printed-sources' },
    ...[...sources].map(([key, n]) => {
      const [source = '', section = ''] = key.split('|');
      const url = ctx.model.dataset.sources.find((s) => s.id === source)?.url;
      return el('li', { value: String(n) }, `${sourceCitation(ctx.model, { source, section }, tr('panel.section'), lang)}${url ? ` ${url}` : ''}`);
    }),
  );
}

const countFigures = (nodes: readonly FigureNode[]): number => nodes.reduce((n, f) => n + 1 + countFigures(f.children), 0);

/** "Qingdao 2009–2010" / "青岛2009—2010年": the entries held in part, by city. */
function heldText(ctx: UiContext, { lang }: Frame, held: readonly HeldInPart[]): string {
  const years = new Map<string, number[]>();
  for (const h of held) years.set(h.city, [...(years.get(h.city) ?? []), h.year]);
  return listText([...years].map(([city, ys]) => `${placeName(ctx.model, city, lang)}${lang === 'zh' ? '' : ' '}${yearsText(ys, lang)}`), lang);
}

/** The contradictions the sources make, as we describe them, each with where it stands in the text. */
function contradictions(ctx: UiContext, frame: Frame, rows: readonly Discrepancy[]): HTMLElement {
  return el(
    'section',
    { class: 'panel-contradictions', 'data-testid': 'panel-contradictions', 'aria-labelledby': 'panel-contradicts' },
    el('h3', { id: 'panel-contradicts' }, frame.tr('panel.contradicts')),
    ...rows.map((d) =>
      el('div', { class: 'figure-discrepancy', 'data-testid': 'panel-contradiction' }, el('p', { class: 'figure-note' }, frame.lang === 'zh' ? d.note_zh : d.note_en), sourceLine(ctx, frame, d)),
    ),
  );
}

/** "Source: <citation>", linked to the document's page when it has one. */
function sourceLine({ model }: UiContext, { tr, lang }: Frame, at: { source: string; section: string }): HTMLElement {
  const url = model.dataset.sources.find((s) => s.id === at.source)?.url;
  const citation = sourceCitation(model, at, tr('panel.section'), lang);
  return el('p', { class: 'figure-source' }, `${tr('panel.source')}${lang === 'zh' ? '：' : ': '}`, url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, citation) : citation);
}

/** What a giver's total is made of: one row per mark the map draws, with rows that are inside another said so. */
function givenTable(ctx: UiContext, frame: Frame, rows: GivenRow[]): HTMLElement {
  const { model } = ctx;
  const { tr, lang, state } = frame;
  const label = (key: string | null) => {
    const a = key === null ? undefined : model.anchors.find((x) => x.key === key.split('@')[0]);
    return a ? recipientsLabel(model, a.recipients, lang) : '';
  };
  return el(
    'table',
    { class: 'panel-totals panel-given', 'data-testid': 'panel-given' },
    el('caption', {}, tr('panel.givenByMark')),
    el(
      'tbody',
      {},
      ...rows.map((r) =>
        el(
          'tr',
          { 'data-key': r.anchor, class: `given-${r.status}` },
          el(
            'th',
            { scope: 'row' },
            label(r.anchor),
            r.status === 'counted' ? null : el('span', { class: 'given-note' }, tr(r.status === 'inside' ? 'panel.givenInside' : 'panel.givenOpen', { place: label(r.whole) })),
            r.period ? el('span', { class: 'given-note' }, tr('panel.multiYearNote', { period: formatPeriod(r.period[0], r.period[1], lang) })) : null,
          ),
          el('td', {}, metricValue(model, r.value, state.metric, r.qualifier, lang)),
        ),
      ),
    ),
  );
}

function figureItem(ctx: UiContext, frame: Frame, node: FigureNode, placeId: string, paper: Paper, parentRelation: string | null = null, parentSource: string | null = null): HTMLLIElement {
  const { model } = ctx;
  const { tr, lang } = frame;
  const f = node.figure;
  const names = (ids: string[]) => ids.map((id) => placeName(model, id, lang)).join(lang === 'zh' ? '、' : ', ');
  const own = relationText(tr, node.relation, f.recipients, placeId, names);
  // Parts say where they apply only when it differs from their whole.
  const relation = own === parentRelation ? null : own;
  const source = model.dataset.sources.find((s) => s.id === f.source);
  const disagree = model.dataset.discrepancies.some((d) => d.check === 'parts_exceed_whole' && d.figure.includes(f.id)) ? partsSum(model.dataset.figures, f.id) : null;
  return el(
    'li',
    { class: `figure relation-${node.relation}${paper.figures.has(f.id) ? ' printed' : ''}`, 'data-figure': f.id },
    el(
      'p',
      { class: 'figure-head' },
      el('strong', { class: 'figure-value' }, figureValue(model, f, lang)),
      ' ',
      el('span', { class: 'figure-metric' }, metricLabelFor(model, f.metric, f.value, f.qualifier, lang)),
      ' · ',
      formatPeriod(f.year_from, f.year_to, lang),
      ' · ',
      el('span', { class: 'figure-category' }, categoryLabel(model, f.category, lang)),
      paper.figures.has(f.id) ? el('span', { class: 'print-only figure-ref' }, ` [${paper.sources.get(sourceKey(f)) ?? ''}]`) : null,
    ),
    relation ? el('p', { class: 'figure-relation' }, relation) : null,
    // A part names its whole on its own row: a reader who skims (or prints) the list must not add the two.
    node.whole ? el('p', { class: `figure-relation figure-whole whole-${node.whole.kind}`, 'data-testid': 'figure-whole' }, figureWholeText(model, node.whole, lang)) : null,
    // Guizhou's own panel lists figures of several partner cities: each says which city gave it.
    model.places.get(placeId)?.level === 'province' && parentSource === null
      ? el('p', { class: 'figure-relation figure-donor' }, tr('panel.fromDonor', { city: placeName(model, cityOf(model.places, f.donor)?.id ?? f.donor, lang) }))
      : null,
    f.metric === 'investment_cny' ? el('p', { class: 'figure-relation' }, tr('panel.investment')) : null,
    disagree === null ? null : el('p', { class: 'figure-discrepancy', 'data-testid': 'figure-discrepancy' }, tr('panel.partsDisagree', { sum: metricValue(model, disagree, f.metric, 'exact', lang) })),
    el('p', { class: 'figure-note' }, lang === 'zh' ? f.note_zh : f.note_en),
    sourceLine(ctx, frame, f),
    // Figures from a document we hold only in part say so (once, not again on their parts): the rest of it may hold more.
    source && !source.complete && source.id !== parentSource ? el('p', { class: 'figure-held' }, tr('panel.held', { held: lang === 'zh' ? source.held_zh : source.held_en })) : null,
    node.children.length > 0 ? el('ol', { class: 'figures nested' }, ...node.children.map((c) => figureItem(ctx, frame, c, placeId, paper, own, f.source))) : null,
  );
}

/**
 * How the texts know of a partnership: "stated pairing", or, where texts differ, each kind with its
 * years ("stated pairing (2009, 2011); inferred from activity (2010)").
 */
function evidenceParts(pairing: Partnership, { tr, lang }: Frame): (HTMLElement | string)[] {
  const kinds = (['stated', 'activity'] as const)
    .map((evidence) => ({ evidence, records: pairing.records.filter((r) => r.evidence === evidence) }))
    .filter((k) => k.records.length > 0);
  return kinds.flatMap(({ evidence, records }, i) => {
    const period = yearsText(records.flatMap((r) => Array.from({ length: r.to_year - r.from_year + 1 }, (_, k) => r.from_year + k)), lang);
    const years = kinds.length === 1 ? '' : lang === 'zh' ? `（${period}）` : ` (${period})`;
    const span = el('span', { class: `evidence evidence-${evidence}` }, tr(`evidence.${evidence}`) + years);
    return i === 0 ? [span] : [lang === 'zh' ? '；' : '; ', span];
  });
}

/** Why the panel has no total: no record from any partner city that year, else no figure for this place alone. */
function noTotalText(frame: Frame, hasFigures: boolean, missing: string[]): string {
  if (missing.length > 0 && frame.state.year !== 'all') return missing.join(frame.lang === 'zh' ? '；' : '. ');
  return hasFigures ? frame.tr('panel.noOwnTotal') : frame.tr('tooltip.noFigure');
}

/** Where a figure applies, seen from the open place: its prefecture, a group it shares, or the places given to. */
function relationText(tr: Frame['tr'], relation: Relation, recipients: string[], placeId: string, names: (ids: string[]) => string): string | null {
  switch (relation) {
    case 'prefecture':
      return recipients.length === 1 ? tr('panel.viaPrefecture') : tr('panel.viaPrefectureGroup', { places: names(recipients) });
    case 'group':
      return tr('panel.viaGroup', { places: names(recipients.filter((id) => id !== placeId)) });
    case 'given':
      return `→ ${names(recipients)}`;
    default:
      return null;
  }
}
