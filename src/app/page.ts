import type { Story } from '../data/stories.ts';
import { mapControlBoxes } from '../map/composition.ts';
import type { Surroundings } from '../map/renderer.ts';
import { createCompactKey } from '../ui/compact-key.ts';
import { createControls } from '../ui/controls.ts';
import { createDeadEnd } from '../ui/dead-end.ts';
import { createHeader } from '../ui/header.ts';
import { createLegend } from '../ui/legend.ts';
import { createNotice } from '../ui/notice.ts';
import { createPanel } from '../ui/panel.ts';
import { createPresenter } from '../ui/presenter.ts';
import { createShell } from '../ui/shell.ts';
import { createTableView } from '../ui/table-view.ts';
import { createTooltip } from '../ui/tooltip.ts';
import type { Frame, UiContext } from '../view/context.ts';
import { el } from '../view/dom.ts';

/**
 * The page around the map: every DOM view, in the shell, shown for a frame; and what of it lies over
 * the map, measured for the map (which reads no document itself).
 */
export function createPage(ctx: UiContext, stories: readonly Story[]) {
  const header = createHeader(ctx);
  const controls = createControls(ctx);
  const legend = createLegend(ctx);
  // The size the compact key was last placed for: the observer below places it again only when the map's size changed.
  let keyPlacedFor = '';
  // The map's size as the observer last reported it: read in every frame shown, after the views had
  // written, it laid the page out in the middle of a click (≈ 65 ms of a cold one).
  let reported: { width: number; height: number } | null = null;
  const mapSize = () => {
    const size = reported ?? { width: shell.svgHost.clientWidth, height: shell.svgHost.clientHeight };
    keyPlacedFor = `${size.width}x${size.height}`;
    return size;
  };
  const compactKey = createCompactKey(ctx, { mapSize, openLegend: () => legend.open() });
  const panel = createPanel(ctx);
  const notice = createNotice();
  const tooltip = createTooltip();
  const tableView = createTableView(ctx);
  const presenter = createPresenter(ctx, stories);
  const deadEnd = createDeadEnd(ctx);
  const live = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const shell = createShell([controls.el, legend.el], [compactKey.el, tooltip.el, notice.el, deadEnd.el, tableView.el, presenter.el], [panel.el]);
  let lastAnnounce = '';
  let presenting = false;
  let shown: Frame | null = null;
  // A frame shown with `panelLater` whose panel content is still to come (see fillPanel).
  let panelPending = false;
  // The compact key stands only where the map has room for it, which a resized window gives or takes.
  // (The observer's first report, before the first paint, is the size the key was just placed for.)
  new ResizeObserver(() => {
    reported = { width: shell.svgHost.clientWidth, height: shell.svgHost.clientHeight };
    if (shown && `${reported.width}x${reported.height}` !== keyPlacedFor) compactKey.update(shown);
  }).observe(shell.svgHost);
  // What lies over the map, measured once for all the map's reads in one task (a click draws the map and
  // then moves it; each read after the drawing's writes laid the page out again), and again after any
  // frame shown.
  let measured: Surroundings | null = null;

  return {
    ...shell,
    header,
    panel,
    notice,
    tooltip,
    presenter,
    live,
    /**
     * `panelLater`: where the panel lies over the map at a size of its own (not the phone's sheet,
     * whose height is its content's), only its box now, and its content once the map has been
     * painted (`fillPanel`): the first layout then holds the page without the panel's figures.
     */
    show(frame: Frame, { panelLater = false } = {}) {
      shown = frame;
      measured = null;
      const { state, tr, lang } = frame;
      // Written only when it changes: Chromium restyles the whole page for a `lang` written again
      // unchanged: 17–28 ms of a click on the map at a cold start (traced), 3–10 ms of the first drawing.
      const htmlLang = lang === 'zh' ? 'zh-Hans' : 'en';
      if (document.documentElement.lang !== htmlLang) document.documentElement.lang = htmlLang;
      document.documentElement.classList.toggle('embed', state.embed);
      document.title = tr('app.title');
      shell.mapEl.setAttribute('aria-label', tr('map.label'));
      // Every view writes first; the compact key, which reads the map's size, comes last: one layout
      // for all of them instead of one after each.
      const later = panelLater && frame.state.place !== null && getComputedStyle(panel.el).position === 'absolute';
      for (const c of [header, controls, legend, deadEnd, tableView, presenter]) c.update(frame);
      panelPending = later;
      if (later) panel.el.hidden = false;
      else panel.update(frame);
      compactKey.update(frame);
      presenting = state.story !== null;
      // The map's controls, scale and attribution move out from under the open panel (which present mode hides).
      shell.layout.classList.toggle('panel-open', !panel.el.hidden && !presenting);
      const announce = tr('filter.announce', {
        metric: tr('legend.markers', { metric: '' }).replace(/[:：]\s*$/, ''),
        year: state.year === 'all' ? tr('filter.allYears') : String(state.year),
        categories: state.categories.length === 0 ? tr('filter.allCategories') : String(state.categories.length),
        count: frame.scene.markers.filter((m) => !m.multiYear).length,
      });
      if (announce !== lastAnnounce) live.textContent = lastAnnounce = announce;
    },
    /** The panel's content, where the last frame was shown with `panelLater` and left it out. */
    fillPanel(frame: Frame) {
      if (panelPending) panel.update(frame);
      panelPending = false;
      measured = null;
    },
    /**
     * What lies over the map: MapLibre's buttons, scale and attribution, where they will stand (before
     * MapLibre has come) and where they stand (its attribution, unfolded on a wide map, is wider), the
     * compact key, the panel and the caption card.
     */
    surroundings(): Surroundings {
      if (measured) return measured;
      const origin = shell.mapEl.getBoundingClientRect();
      // Not the first view's key or card, which stand in its picture of the map while it lies under the
      // live one (scaled where the window is near a reference size: they are elsewhere than the page's).
      const found = [...shell.layout.querySelectorAll('.maplibregl-ctrl, .compact-key, .panel, .presenter')]
        .filter((c) => !c.closest('.first-view-map'))
        .map((c) => ({ r: c.getBoundingClientRect(), kind: c.matches('.maplibregl-ctrl, .compact-key') ? ('control' as const) : c.classList.contains('panel') ? ('panel' as const) : ('card' as const) }))
        .filter(({ r }) => r.width > 0 && r.right > origin.left && r.left < origin.right && r.bottom > origin.top && r.top < origin.bottom);
      // A panel down the whole right side (not the phone's sheet) has the right-hand controls beside it.
      const side = found.find(({ r, kind }) => kind === 'panel' && r.top <= origin.top + 1 && r.bottom >= origin.bottom - 1);
      const controls = mapControlBoxes(origin.width, origin.height, { zoom: shown?.state.interactive ?? true, attribution: !presenting, right: side ? origin.right - side.r.left : 0 });
      const covers = [
        ...controls.map((b) => ({ box: [b.x, b.y, b.x + b.width, b.y + b.height] as const, kind: 'control' as const })),
        ...found.map(({ r, kind }) => ({ box: [r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top] as const, kind })),
      ];
      measured = { covers, presenting };
      queueMicrotask(() => (measured = null));
      return measured;
    },
  };
}

export type Page = ReturnType<typeof createPage>;
