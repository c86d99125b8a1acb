import { formatNumber, formatPeriod, formatYuanShort } from '../i18n/format.ts';
import type { Band, Sum, Timeline, YearCell } from '../scene/timeline.ts';
import type { Frame, UiContext } from '../view/context.ts';
import { metricValue, placeName, unitOf } from '../view/describe.ts';
import { el, svg } from '../view/dom.ts';

/*
 * A per-year bar chart of a Timeline: one column per year, a bar per partner city. Each column is a
 * button (data-year) that filters the map to its year; the bars are drawn for the eye only and the
 * same numbers stand in a visually hidden table beside them, so a screen reader reads every cell.
 * Marks: a filled bar is a total; a dashed line inside it, a figure the text may include in it (not
 * added); a flat line, records for that year but no figure of this measure; ×, no record that year.
 * A multi-year figure is a band under the years it spans, never a bar. A year whose entry we hold only
 * in part reads "at least" in its words (the qualifier comes with the series) and the key says why.
 */

const BAR_HEIGHT = 40;

export function yearChart(ctx: UiContext, frame: Frame, t: Timeline, opts: { caption: string; testId: string }): HTMLElement {
  const { model } = ctx;
  const { tr, lang, state } = frame;
  const value = (s: Sum) => (s.total === null ? '' : metricValue(model, s.total, state.metric, s.qualifier, lang));
  const cellText = (c: YearCell) => {
    if (c.status === 'no-record') return tr('timeline.noRecordShort');
    if (c.status === 'none' || c.total === null) return tr(c.partial ? 'timeline.nonePartial' : 'timeline.none');
    return apartText(ctx, frame, c, value(c));
  };
  const cityName = (id: string) => placeName(model, id, lang);
  const byYear = new Map(t.years.map((y) => [y, t.cells.filter((c) => c.year === y)]));
  const columns = t.years.map((year) => {
    const cells = byYear.get(year) ?? [];
    const [dash, colon, semicolon] = lang === 'zh' ? ['——', '：', '；'] : [' — ', ': ', '; '];
    const title = `${formatPeriod(year, year, lang)}${dash}${cells.map((c) => `${cityName(c.city)}${colon}${cellText(c)}`).join(semicolon)}`;
    return el(
      'button',
      { type: 'button', class: 'year-col', 'data-year': String(year), 'aria-pressed': String(state.year === year), title },
      bars(ctx, t, cells),
      el('span', { class: 'year-text' }, String(year)),
    );
  });
  const bands = t.bands.map((b) => band(ctx, frame, t, b, value(b))).filter((b) => b !== null);
  const columnsStyle = `--years:${t.years.length}`;
  const table = el(
    'table',
    { class: 'visually-hidden' },
    el('caption', {}, opts.caption),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, tr('controls.year')), ...t.cities.map((c) => el('th', { scope: 'col' }, cityName(c))))),
    el(
      'tbody',
      {},
      ...t.years.map((y) => el('tr', {}, el('th', { scope: 'row' }, formatPeriod(y, y, lang)), ...(byYear.get(y) ?? []).map((c) => el('td', {}, cellText(c))))),
      ...t.bands.map((b) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, formatPeriod(b.from, b.to, lang)),
          ...t.cities.map((c) => el('td', {}, c === b.city ? `${apartText(ctx, frame, b, value(b))} (${tr('timeline.band')})` : '')),
        ),
      ),
    ),
  );
  return el(
    'div',
    { class: 'year-chart', 'data-testid': opts.testId },
    el(
      'div',
      { class: 'year-scroll' },
      el('div', { class: 'year-cols', style: columnsStyle, role: 'group', 'aria-label': opts.caption }, ...columns),
      bands.length > 0 ? el('div', { class: 'year-bands', style: columnsStyle }, ...bands) : null,
    ),
    key(ctx, frame, t),
    table,
  );
}

/** The bars of one year, each city in its slot. */
function bars(ctx: UiContext, t: Timeline, cells: YearCell[]): SVGSVGElement {
  const slot = 100 / Math.max(1, cells.length);
  const h = BAR_HEIGHT;
  const y = (v: number) => h - Math.max(2, (v / (t.max || 1)) * (h - 2));
  const marks = cells.flatMap((c, i): SVGElement[] => {
    const color = ctx.model.cityColor.get(c.city) ?? '#777';
    const x = slot * i + slot * 0.2;
    const w = slot * 0.6;
    const centre = `${slot * i + slot / 2}%`;
    if (c.status === 'no-record') {
      return [svg('svg', { x: centre, y: h - 5, width: 1, height: 1, overflow: 'visible', class: 'mark-no-record', 'data-city': c.city }, svg('path', { d: 'M-3.5,-3.5L3.5,3.5M3.5,-3.5L-3.5,3.5' }))];
    }
    if (c.total === null || c.total <= 0) {
      return [svg('rect', { x: `${x}%`, y: h - 1.5, width: `${w}%`, height: 1.5, fill: color, class: 'mark-none', 'data-city': c.city })];
    }
    return [
      svg('rect', { x: `${x}%`, y: y(c.total), width: `${w}%`, height: h - y(c.total), fill: color, class: 'mark-bar', 'data-city': c.city, 'data-value': c.total }),
      ...c.apart
        .filter((f) => f.value <= t.max)
        .map((f) => svg('line', { x1: `${x}%`, x2: `${x + w}%`, y1: y(f.value), y2: y(f.value), class: 'mark-apart', 'data-city': c.city, 'data-value': f.value })),
    ];
  });
  return svg('svg', { class: 'year-bars', width: '100%', height: h, 'aria-hidden': 'true', focusable: 'false' }, svg('line', { x1: '0%', x2: '100%', y1: h - 0.5, y2: h - 0.5, class: 'year-axis' }), ...marks);
}

/** A multi-year figure under the years it spans; one that begins before the first year shown says so with ‹. */
function band(ctx: UiContext, frame: Frame, t: Timeline, b: Band, value: string): HTMLElement | null {
  const inside = t.years.map((y, i) => (y >= b.from && y <= b.to ? i : -1)).filter((i) => i >= 0);
  if (inside.length === 0) return null;
  const { lang, tr, state } = frame;
  const first = inside[0]!;
  const last = inside[inside.length - 1]!;
  const unit = unitOf(ctx.model, state.metric);
  const short = b.total === null ? '' : unit === 'cny' ? formatYuanShort(b.total, lang) : formatNumber(b.total, unit, lang);
  const label = `${b.from < t.years[first]! ? '‹ ' : ''}${formatPeriod(b.from, b.to, lang)} ${short}${b.qualifier === 'exact' ? '' : '+'}`;
  // The bar spans the band's years; its label may run on under the following years.
  return el(
    'div',
    {
      class: 'year-band',
      style: `--c:${ctx.model.cityColor.get(b.city) ?? '#777'}`,
      title: `${placeName(ctx.model, b.city, lang)}, ${formatPeriod(b.from, b.to, lang)}: ${apartText(ctx, frame, b, value)} (${tr('timeline.band')})`,
      'aria-hidden': 'true',
    },
    el('span', { class: 'band-bar', style: `grid-column:${first + 1} / ${last + 2}` }),
    el('span', { class: 'band-label' }, label),
  );
}

function key(ctx: UiContext, frame: Frame, t: Timeline): HTMLElement {
  const { tr, lang } = frame;
  const marks = new Set(t.cells.map((c) => (c.status === 'value' && c.total !== null && c.total > 0 ? 'value' : c.status === 'no-record' ? 'no-record' : 'none')));
  const hasApart = t.cells.some((c) => c.apart.length > 0);
  const hasPartial = [...t.cells, ...t.bands].some((c) => c.partial && c.total !== null);
  return el(
    'ul',
    { class: 'year-key', 'aria-hidden': 'true' },
    ...t.cities.map((c) => el('li', {}, el('span', { class: 'key-bar', style: `background:${ctx.model.cityColor.get(c) ?? '#777'}` }), placeName(ctx.model, c, lang))),
    marks.has('none') ? el('li', {}, el('span', { class: 'key-none' }), tr('timeline.none')) : null,
    marks.has('no-record') ? el('li', {}, el('span', { class: 'key-no-record' }, '×'), tr('timeline.noRecordShort')) : null,
    hasApart ? el('li', {}, el('span', { class: 'key-apart' }), tr('timeline.keyApart')) : null,
    t.bands.length > 0 ? el('li', {}, el('span', { class: 'key-band' }), tr('timeline.band')) : null,
    hasPartial ? el('li', { class: 'key-partial' }, tr('timeline.keyPartial')) : null,
  );
}

/** "¥81.85 million, plus ¥10.22 million that the text may include in it (not added)". */
function apartText(ctx: UiContext, frame: Frame, s: Sum, value: string): string {
  if (s.apart.length === 0) return value;
  const values = s.apart.map((f) => metricValue(ctx.model, f.value, f.metric, f.qualifier, frame.lang)).join(frame.lang === 'zh' ? '、' : ', ');
  return `${value}${frame.tr('timeline.apart', { values })}`;
}

/**
 * Puts a new chart in place of the old one. A year button that had the focus keeps it (keyboard
 * users stay where they were), and when the years scroll sideways the chosen year is in view.
 */
export function placeChart(host: HTMLElement, chart: HTMLElement): void {
  // (No instanceof HTMLElement: the build draws the first view in a DOM without that global.)
  const active = document.activeElement as HTMLElement | null;
  const focused = active && host.contains(active) ? active.dataset?.['year'] : undefined;
  const scrolled = host.querySelector('.year-scroll')?.scrollLeft ?? 0;
  host.replaceChildren(chart);
  const scroller = chart.querySelector<HTMLElement>('.year-scroll');
  // (A new chart starts unscrolled: setting 0 would only lay the page out.)
  if (scroller && scrolled !== 0) scroller.scrollLeft = scrolled;
  showChosenYear(chart);
  if (focused !== undefined) chart.querySelector<HTMLElement>(`[data-year="${focused}"]`)?.focus({ preventScroll: true });
}

/**
 * Scrolls a chart whose years do not all fit so that the chosen year is in view: at the next frame,
 * whose layout it then reads, instead of laying the page out at once while it is being built.
 */
export function showChosenYear(chart: HTMLElement): void {
  requestAnimationFrame(() => scrollToChosenYear(chart));
}

function scrollToChosenYear(chart: HTMLElement): void {
  const scroller = chart.querySelector<HTMLElement>('.year-scroll');
  const pressed = chart.querySelector<HTMLElement>('.year-col[aria-pressed="true"]');
  if (!scroller || !pressed) return;
  if (pressed.offsetLeft < scroller.scrollLeft || pressed.offsetLeft + pressed.offsetWidth > scroller.scrollLeft + scroller.clientWidth) {
    scroller.scrollLeft = pressed.offsetLeft - (scroller.clientWidth - pressed.offsetWidth) / 2;
  }
}
