import type { Component, Frame, UiContext } from '../view/context.ts';
import { categoryLabel, metricLabel } from '../view/describe.ts';
import { el, replaceChildren, setText } from '../view/dom.ts';
import { createPlaceSearch } from './place-search.ts';
import { timeline, type Timeline } from '../scene/timeline.ts';
import { placeChart, yearChart } from './year-chart.ts';

/** How long play shows each year: long enough to read the map and the chart. */
export const PLAY_STEP_MS = 2000;

/** Filters: year (a chart of the years, with play), kinds of aid, the sizing metric, and the place finder. */
export function createControls(ctx: UiContext): Component {
  const { model } = ctx;
  const root = el('section', { class: 'controls', 'aria-labelledby': 'controls-title' });
  const title = el('h2', { id: 'controls-title', class: 'visually-hidden' });
  const yearLabel = el('span', { class: 'control-label', id: 'year-label' });
  const allYears = el('button', { type: 'button', class: 'seg', 'data-year': 'all', 'aria-pressed': 'false' });
  const play = el('button', { type: 'button', class: 'play', 'data-action': 'play' });
  // The year chart: rebuilt on every update from the scene's filter (src/scene/timeline.ts).
  const chartHost = el('div', { class: 'year-chart-host' });
  const years = el('div', { class: 'year-control', role: 'group', 'aria-labelledby': 'year-label' }, el('div', { class: 'year-row' }, allYears, play), chartHost);
  const catLabel = el('span', { class: 'control-label', id: 'cat-label' });
  const cats = el('div', { class: 'chips', role: 'group', 'aria-labelledby': 'cat-label' });
  const usedCategories = model.dataset.categories.filter((c) => model.dataset.figures.some((f) => f.category === c.id));
  const catButtons = usedCategories.map((c) => el('button', { type: 'button', class: 'chip', 'data-category': c.id, 'aria-pressed': 'false' }));
  const allCats = el('button', { type: 'button', class: 'chip chip-all', 'data-category': '', 'aria-pressed': 'true' });
  cats.append(allCats, ...catButtons);
  const metricLabelEl = el('label', { class: 'control-label', for: 'metric' });
  const metric = el('select', { id: 'metric', class: 'select' });
  const additive = model.dataset.metrics.filter((m) => m.additive && model.dataset.figures.some((f) => f.metric === m.id));
  const rescaleInput = el('input', { type: 'checkbox', id: 'rescale' });
  const rescaleLabel = el('label', { for: 'rescale', class: 'check' });
  const search = createPlaceSearch(ctx);
  root.append(
    title,
    el('div', { class: 'control' }, yearLabel, years),
    el('div', { class: 'control' }, catLabel, cats),
    el('div', { class: 'control' }, metricLabelEl, metric, el('div', { class: 'check-row' }, rescaleInput, rescaleLabel)),
    search.el,
  );

  let timer: number | null = null;
  const stop = () => {
    if (timer !== null) window.clearInterval(timer);
    timer = null;
  };
  let current: Frame | null = null;
  let shownChart = '';
  let series: { key: string; t: Timeline } | null = null;
  years.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-year]');
    if (!b) return;
    stop();
    const y = b.dataset['year'];
    ctx.dispatch({ year: y === 'all' ? 'all' : Number(y) });
  });
  play.addEventListener('click', () => {
    if (timer !== null) {
      stop();
      if (current) update(current);
      return;
    }
    // Steps through the years on the locked scale, from the year shown (or the first), then stops on the last.
    const shown = current?.state.year ?? 'all';
    let i = shown === 'all' || shown === model.years[model.years.length - 1] ? 0 : Math.max(0, model.years.indexOf(shown));
    const step = () => {
      const y = model.years[i++];
      if (y === undefined) {
        stop();
        if (current) update(current);
        return;
      }
      ctx.dispatch({ year: y }, { replace: true });
    };
    step();
    timer = window.setInterval(step, PLAY_STEP_MS);
    if (current) update(current);
  });
  cats.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-category]');
    if (!b || !current) return;
    const id = b.dataset['category'] ?? '';
    if (id === '') return ctx.dispatch({ categories: [] });
    const set = new Set(current.state.categories);
    if (set.has(id)) set.delete(id);
    else set.add(id);
    ctx.dispatch({ categories: [...set].sort() });
  });
  metric.addEventListener('change', () => ctx.dispatch({ metric: metric.value }));
  rescaleInput.addEventListener('change', () => ctx.dispatch({ rescale: rescaleInput.checked }));

  // The language the measure's options are written in (written again only for another).
  let metricLang: string | null = null;
  function update(frame: Frame) {
    current = frame;
    const { tr, lang, state } = frame;
    setText(title, tr('controls.label'));
    setText(yearLabel, tr('controls.year'));
    setText(allYears, tr('controls.allYears'));
    allYears.setAttribute('aria-pressed', String(state.year === 'all'));
    // Map moves render too: the series is worked out again only for a new measure or kinds of aid,
    // the chart drawn again only when it would look different.
    const seriesKey = [state.metric, ...state.categories].join('|');
    if (seriesKey !== series?.key) series = { key: seriesKey, t: timeline(model, { metric: state.metric, categories: state.categories }) };
    const chartKey = [lang, seriesKey, state.year].join('|');
    if (chartKey !== shownChart) {
      shownChart = chartKey;
      const caption = tr('timeline.caption', { metric: metricLabel(model, state.metric, lang) });
      placeChart(chartHost, yearChart(ctx, frame, series.t, { caption, testId: 'year-chart' }));
    }
    years.classList.toggle('playing', timer !== null);
    setText(play, timer === null ? '▶' : '❚❚');
    play.setAttribute('aria-label', timer === null ? tr('controls.play') : tr('controls.pause'));
    play.title = play.getAttribute('aria-label') ?? '';
    setText(catLabel, tr('controls.categories'));
    setText(allCats, tr('controls.allCategories'));
    allCats.setAttribute('aria-pressed', String(state.categories.length === 0));
    for (const b of catButtons) {
      const id = b.dataset['category'] ?? '';
      setText(b, categoryLabel(model, id, lang));
      b.setAttribute('aria-pressed', String(state.categories.includes(id)));
    }
    setText(metricLabelEl, tr('controls.metric'));
    if (metricLang !== lang) {
      metricLang = lang;
      replaceChildren(metric, ...additive.map((m) => el('option', { value: m.id }, metricLabel(model, m.id, lang))));
    }
    metric.value = state.metric;
    rescaleInput.checked = state.rescale;
    setText(rescaleLabel, tr('controls.scale'));
    search.update(frame);
  }
  return { el: root, update: update };
}
