import { formatPeriod } from '../i18n/format.ts';
import { placeDetails, type FigureNode, type Relation } from '../scene/details.ts';
import { nameOf } from '../scene/places.ts';
import { filterOf } from '../scene/scene.ts';
import type { Component, Frame, UiContext } from './context.ts';
import { aggregateValue, categoryLabel, figureValue, metricLabel, metricValue, placeName, sourceCitation } from './describe.ts';
import { append, el } from './dom.ts';

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
      const more = el('button', { type: 'button', class: 'linkish panel-more', 'data-action': 'more-figures' }, tr('panel.moreFigures', { count: d.figures.length - FIRST_FIGURES }));
      more.addEventListener('click', () => (expanded = p.id));
      // An array, not arguments: a place's notes and figures may number in the tens of thousands.
      root.replaceChildren();
      append(root, [
        el(
          'header',
          { class: 'panel-header' },
          el('p', { class: 'panel-level' }, tr(`panel.level.${p.level}`)),
          el('h2', { id: 'panel-title' }, nameOf(p, lang, 'full')),
          el('p', { class: 'panel-other-name', lang: lang === 'zh' ? 'en' : 'zh-Hans' }, other),
          name2010 ? el('p', { class: 'panel-2010' }, `${tr('panel.name2010')}: ${name2010}`) : null,
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
                  ` · ${formatPeriod(pairing.from_year, pairing.to_year, lang)} · `,
                  el('span', { class: `evidence evidence-${pairing.evidence}` }, tr(`evidence.${pairing.evidence}`)),
                ),
              ),
            ),
        el('h3', {}, `${tr('panel.totals')} · ${metric}`),
        overall
          ? el('p', { class: 'panel-total', 'data-testid': 'panel-total' }, overall)
          : el('p', { class: 'muted', 'data-testid': 'panel-total' }, d.figures.length > 0 ? tr('panel.noOwnTotal') : tr('tooltip.noFigure')),
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
        ...(d.overall?.multiYear ?? []).map((f) =>
          el('p', { class: 'panel-note' }, tr('panel.multiYearNote', { period: formatPeriod(f.year_from, f.year_to, lang) }) + ' ' + figureValue(model, f, lang)),
        ),
        ...(d.overall?.outsidePeriod ?? []).map((f) =>
          el('p', { class: 'panel-note' }, tr('panel.outsideNote', { period: formatPeriod(f.year_from, f.year_to, lang), value: figureValue(model, f, lang) })),
        ),
        el('h3', {}, tr('panel.figures')),
        d.figures.length === 0
          ? el('p', { class: 'muted' }, tr('panel.noFigures'))
          : null,
        ...(d.figures.length === 0 ? [] : figureList(d.figures, expanded === p.id, (n) => figureItem(ctx, frame, n, p.id), more)),
      ]);
      if (shown !== p.id) {
        root.scrollTop = 0;
        shown = p.id;
      }
    },
  };
}

function figureItem(ctx: UiContext, frame: Frame, node: FigureNode, placeId: string, parentRelation: string | null = null): HTMLLIElement {
  const { model } = ctx;
  const { tr, lang } = frame;
  const f = node.figure;
  const names = (ids: string[]) => ids.map((id) => placeName(model, id, lang)).join(lang === 'zh' ? '、' : ', ');
  const own = relationText(tr, node.relation, f.recipients, placeId, names);
  // Parts say where they apply only when it differs from their whole.
  const relation = own === parentRelation ? null : own;
  const source = model.dataset.sources.find((s) => s.id === f.source);
  const citation = sourceCitation(model, f, tr('panel.section'));
  return el(
    'li',
    { class: `figure relation-${node.relation}`, 'data-figure': f.id },
    el(
      'p',
      { class: 'figure-head' },
      el('strong', { class: 'figure-value' }, figureValue(model, f, lang)),
      ' ',
      el('span', { class: 'figure-metric' }, metricLabel(model, f.metric, lang)),
      ' · ',
      formatPeriod(f.year_from, f.year_to, lang),
      ' · ',
      el('span', { class: 'figure-category' }, categoryLabel(model, f.category, lang)),
    ),
    relation ? el('p', { class: 'figure-relation' }, relation) : null,
    f.metric === 'investment_cny' ? el('p', { class: 'figure-relation' }, tr('panel.investment')) : null,
    el('p', { class: 'figure-note' }, lang === 'zh' ? f.note_zh : f.note_en),
    el(
      'p',
      { class: 'figure-source' },
      `${tr('panel.source')}: `,
      source?.url ? el('a', { href: source.url, rel: 'noopener noreferrer', target: '_blank' }, citation) : citation,
    ),
    node.children.length > 0 ? el('ol', { class: 'figures nested' }, ...node.children.map((c) => figureItem(ctx, frame, c, placeId, own))) : null,
  );
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
