import type { Topology } from 'topojson-specification';
import topoUrl from '../geo/pairing.topo.json?url';
import loadBuiltin from 'virtual:builtin-data';
import { t, type Lang, type MessageKey } from './i18n/messages.ts';
import { toGeography, type Geography } from './map/geography.ts';
import type { MapEvents, MapRenderer } from './map/renderer.ts';
import { coveredBy, projectionFor, type Covered } from './map/projection.ts';
import { createSvgRenderer } from './map/svg-renderer.ts';
import { postEmbedHeight } from './embed/post-height.ts';
import { buildModel } from './scene/model.ts';
import { buildScene, maxRadiusFor } from './scene/scene.ts';
import { browserLang, defaultState, parseState, serializeState, type AppState } from './state/url-state.ts';
import { vocabularyOf } from './scene/vocabulary.ts';
import type { ExportRequest, Frame, UiContext } from './view/context.ts';
import { createControls } from './ui/controls.ts';
import { createDeadEnd } from './ui/dead-end.ts';
import { el } from './view/dom.ts';
import { createHeader } from './ui/header.ts';
import { createLegend } from './ui/legend.ts';
import { createNotice } from './ui/notice.ts';
import { createPanel } from './ui/panel.ts';
import { createShell } from './ui/shell.ts';
import { takeFirstView } from './ui/first-view.ts';
import { createPresenter } from './ui/presenter.ts';
import { stepPatch } from './state/story-step.ts';
import { createTableView } from './ui/table-view.ts';
import { clearImport, readImport, updateImport, type StoredImport } from './import/store.ts';
import { readUserStories, storiesInUse } from './story/user-stories.ts';
import { createTooltip, tooltipLines } from './ui/tooltip.ts';

/*
 * The app: one state object; every change goes through dispatch → render, which derives the scene
 * and hands it to each view. The URL mirrors the state (push for user choices, replace for map moves).
 */

export async function startApp(root: HTMLElement): Promise<void> {
  // The geometry and data load from the first moment (index.html preloads them); MapLibre only after
  // the first paint (below), so that the first complete map needs none of its code.
  const topoRequest = fetch(topoUrl).then((r) => r.json() as Promise<Topology>);
  const builtin = await loadBuiltin();
  // A user's own files (kept for this tab by the import dialog, or carried by an offline copy) replace
  // or join the built-in data, which the build has already checked. Files opened in this tab that were
  // loading when the page last stopped are set aside, not replayed: an import that crashes the app
  // must not crash it again.
  const stored = await readImport();
  if (stored?.status === 'loading') await updateImport(stored, { status: 'set-aside', error: 'the page stopped while loading them' });
  const sessionImport: StoredImport | null = stored && stored.status !== 'set-aside' ? stored : null;
  if (sessionImport) await updateImport(sessionImport, { status: 'loading' });
  const userData = sessionImport ?? builtin.userData ?? null;
  const loaded = userData ? (await import('./import/with-user-data.ts')).withUserData(userData, builtin.stories) : null;
  const dataset = loaded?.dataset ?? builtin.dataset;
  const model = buildModel(dataset);
  // Stories made in the app (this tab's, or an offline copy's), checked again before use; the checker loads only then.
  const userStoriesJson = readUserStories() ?? (builtin.userStories ? { stories: builtin.userStories } : null);
  let userStories = userStoriesJson ? (await import('./story/check-stories.ts')).usableStories(userStoriesJson, model) : [];
  // One array, updated in place, so that the presenter plays a story as soon as the editor changes it.
  const stories = storiesInUse(loaded?.stories ?? builtin.stories, userStories);
  let vocab = vocabularyOf(model, stories.map((s) => s.id));
  const parsed = parseState(location.search, vocab, browserLang(navigator.languages));
  let state: AppState = parsed.state;
  const linkedStory = stories.find((s) => s.id === state.story);
  if (linkedStory) state = { ...state, ...stepPatch(linkedStory, state.step) };
  let mapView: MapRenderer | null = null;
  /** The view to return to when a story that the Present button started ends. */
  let beforeStory: AppState | null = null;

  const ctx: UiContext = {
    model,
    dispatch(patch, opts = {}) {
      const before = state;
      state = { ...state, ...patch };
      if (patch.view !== undefined && patch.camera === undefined) state.camera = null;
      writeUrl(opts.replace === true);
      render();
      // A named view is framed again when the panel opens or closes, so that Guizhou and the insets
      // stand beside it; a view the user has moved is left where it is, and a chosen place revealed.
      const panelToggled = patch.place !== undefined && (before.place === null) !== (state.place === null);
      if (mapView && (patch.view !== undefined || (panelToggled && state.camera === null))) mapView.frame(state.view, true, covered());
      else if (patch.place && before.place !== patch.place) reveal(patch.place);
      if (patch.place !== undefined && patch.place !== null && before.place !== patch.place) panel.el.focus({ preventScroll: true });
    },
    present() {
      const first = stories[0];
      if (!first) return;
      beforeStory = { ...state, camera: state.camera ?? null };
      ctx.dispatch(stepPatch(first, 0));
    },
    leaveStory() {
      // Back to the user's own view; a story opened from a link keeps its last step's filters.
      state = { ...(beforeStory ?? state), lang: state.lang, story: null, step: 0 };
      beforeStory = null;
      writeUrl(false);
      render();
      if (!mapView) return;
      if (state.camera) mapView.jumpTo(state.camera);
      else mapView.frame(state.view, false, covered());
    },
    stories: () => stories,
    setUserStories(next) {
      userStories = next;
      stories.splice(0, stories.length, ...storiesInUse(loaded?.stories ?? builtin.stories, next));
      // Links and back/forward may name the new stories.
      vocab = vocabularyOf(model, stories.map((s) => s.id));
      render();
    },
    async exportSlides(storyId, lang) {
      if (!geo) throw new Error('the map is not ready yet');
      const { exportSlides } = await import('./export/pptx.ts');
      const story = stories.find((s) => s.id === storyId) ?? null;
      return exportSlides({ geo, model, state, lang, story, size: { width: mapEl.clientWidth, height: mapEl.clientHeight }, camera: mapView?.camera() ?? null });
    },
    async saveOfflineCopy() {
      const { saveOfflineCopy } = await import('./offline/save-copy.ts');
      return saveOfflineCopy({ dataset: builtin.dataset, stories: builtin.stories, userData: userData ?? undefined, userStories });
    },
    async exportMap(format, request = {}) {
      const { exportMap } = await import('./export/export.ts');
      const e = await exportInputs(request);
      return exportMap(format, e.geo, model, e.frame, e.view, e.options);
    },
    async exportPreview(request) {
      const { exportSvgText } = await import('./export/export.ts');
      const e = await exportInputs(request);
      return exportSvgText(e.geo, model, e.frame, e.view, e.options);
    },
    async exportTexts(lang) {
      const { defaultTexts } = await import('./export/compose.ts');
      return defaultTexts(model, frameIn(lang));
    },
  };
  let geo: Geography | null = null;

  const header = createHeader(ctx);
  const controls = createControls(ctx);
  const legend = createLegend(ctx);
  const panel = createPanel(ctx);
  const notice = createNotice();
  const tooltip = createTooltip();
  const tableView = createTableView(ctx);
  const presenter = createPresenter(ctx, stories);
  const deadEnd = createDeadEnd(ctx);
  const live = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const { layout, mapArea, mapEl, svgHost } = createShell([controls.el, legend.el], [tooltip.el, notice.el, deadEnd.el, tableView.el, presenter.el], [panel.el]);
  const firstView = takeFirstView(root, state.lang, !userData && serializeState(state) === serializeState(defaultState(state.lang)));
  firstView.keepIn(svgHost);
  root.replaceChildren(header.el, layout, live);
  if (parsed.ignored.length > 0) notice.show(ignoredNotice(state.lang, parsed.ignored), t(state.lang, 'notice.dismiss'));
  if (userData && loaded) {
    // An offline copy's own files are its data: only files opened in this tab can be set aside.
    const back = sessionImport ? [{ label: t(state.lang, 'import.back'), run: () => void clearImport().then(() => location.reload()) }] : [];
    notice.show(t(state.lang, 'import.active', { files: userData.files.map((f: { name: string }) => f.name).join(', '), invalid: loaded.invalidRows }), t(state.lang, 'notice.dismiss'), ...back);
  }
  if (stored?.status === 'set-aside') showSetAside(stored);
  // Drop CSV files anywhere on the map to open them.
  mapArea.addEventListener('dragover', (e) => e.preventDefault());
  mapArea.addEventListener('drop', (e) => {
    e.preventDefault();
    const files = e.dataTransfer?.files;
    if (files?.length) void import('./ui/import-dialog.ts').then((m) => m.openImportDialog(frame, model, files));
  });

  /**
   * Brings a chosen place out from under the panel or the phone's sheet: the map moves so that the
   * place stands in the middle of what stays visible. Places in an inset are always in view.
   */
  function reveal(id: string) {
    const p = model.places.get(id);
    const parent = p?.parent ? model.places.get(p.parent) : undefined;
    if (!mapView || !p || p.level === 'province' || p.level === 'city' || parent?.level === 'city') return;
    const width = mapArea.clientWidth;
    const height = mapArea.clientHeight;
    const hidden = covered();
    const visible = { width: width - hidden.right, height: height - hidden.bottom };
    const [x, y] = mapView.project([p.lon, p.lat]);
    const margin = 48;
    if (x > margin && y > margin && x < visible.width - margin && y < visible.height - margin) return;
    const camera = mapView.camera();
    const to = projectionFor(camera, width, height).invert?.([width / 2 + x - visible.width / 2, height / 2 + y - visible.height / 2]);
    if (!to) return;
    const next = { lon: to[0], lat: to[1], zoom: camera.zoom };
    mapView.jumpTo(next);
    ctx.dispatch({ camera: next }, { replace: true });
  }

  /** What the open details panel or the story's caption card hides of the map. */
  function covered(): Covered {
    const boxes = [panel.el, presenter.el].filter((e) => !e.hidden).map((e) => e.getBoundingClientRect());
    return coveredBy(mapArea.getBoundingClientRect(), boxes);
  }

  /** The current frame, or the same state in another language (an export in the other language). */
  function frameIn(lang: Lang): Frame {
    if (lang === state.lang) return frame;
    const s = { ...state, lang };
    return { state: s, scene: buildScene(model, s), tr: (key, vars) => t(lang, key, vars), lang };
  }

  async function exportInputs(request: ExportRequest) {
    if (!geo || !mapView) throw new Error('the map is not ready yet');
    const { defaultTexts } = await import('./export/compose.ts');
    const f = frameIn(request.lang ?? state.lang);
    const texts = defaultTexts(model, f);
    const view = { camera: mapView.camera(), width: mapEl.clientWidth, height: mapEl.clientHeight };
    const options = {
      size: request.size ?? { width: view.width, height: view.height },
      title: request.title ?? texts.title,
      subtitle: request.subtitle ?? texts.subtitle,
      note: request.note ?? texts.note,
      transparent: request.transparent ?? state.transparent,
    };
    return { geo, frame: f, view, options };
  }

  let frame!: Frame; // assigned by the first render(), before anything reads it
  let lastAnnounce = '';
  function render() {
    const lang: Lang = state.lang;
    const tr = (key: MessageKey, vars?: Record<string, string | number>) => t(lang, key, vars);
    frame = { state, scene: buildScene(model, state, maxRadiusFor(mapArea.clientWidth, mapArea.clientHeight)), tr, lang };
    document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
    document.documentElement.classList.toggle('embed', state.embed);
    document.title = tr('app.title');
    mapEl.setAttribute('aria-label', tr('map.label'));
    for (const c of [header, controls, legend, panel, deadEnd, tableView, presenter]) c.update(frame);
    // The map's controls, scale and attribution move out from under the open panel.
    layout.classList.toggle('panel-open', !panel.el.hidden);
    mapView?.update(frame.scene, lang, state.place, state.view);
    const announce = tr('filter.announce', {
      metric: frame.tr('legend.markers', { metric: '' }).replace(/[:：]\s*$/, ''),
      year: state.year === 'all' ? tr('filter.allYears') : String(state.year),
      categories: state.categories.length === 0 ? tr('filter.allCategories') : String(state.categories.length),
      count: frame.scene.markers.filter((m) => !m.multiYear).length,
    });
    if (announce !== lastAnnounce) live.textContent = lastAnnounce = announce;
  }

  function writeUrl(replace: boolean) {
    const url = `${location.pathname}?${serializeState(state)}${location.hash}`;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }

  window.addEventListener('popstate', () => {
    const next = parseState(location.search, vocab, state.lang).state;
    const viewChanged = next.view !== state.view || JSON.stringify(next.camera) !== JSON.stringify(state.camera);
    state = next;
    render();
    if (viewChanged && mapView) {
      if (state.camera) mapView.jumpTo(state.camera);
      else mapView.frame(state.view, false, covered());
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.place !== null) ctx.dispatch({ place: null });
  });
  root.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    if (target.closest('[data-action="close"]')) return ctx.dispatch({ place: null });
    const placeButton = target.closest<HTMLElement>('button[data-place]');
    if (placeButton?.dataset['place']) ctx.dispatch({ place: placeButton.dataset['place'] });
  });

  render();
  writeUrl(true);
  if (state.embed) postEmbedHeight(root);

  const topo = await topoRequest;
  const geography = toGeography(topo);
  geo = geography;
  const events: MapEvents = {
    hover(target, point) {
      if (!target) return tooltip.hide();
      tooltip.show(tooltipLines(ctx, frame, target), point.x, point.y);
    },
    click(target) {
      if (!target) return ctx.dispatch({ place: null });
      if (target.type === 'place') return ctx.dispatch({ place: target.id });
      if (target.type === 'arc') {
        const arc = frame.scene.arcs.find((a) => a.id === target.id);
        if (arc) ctx.dispatch({ place: arc.recipient });
        return;
      }
      const marker = frame.scene.markers.find((m) => m.key === target.key);
      if (!marker) return;
      // A place's circle opens that place; a group's or programme's opens the partner city that gave it.
      const id = marker.kind === 'place' ? marker.recipients[0] : marker.city;
      if (id) ctx.dispatch({ place: id });
    },
    moved(camera) {
      ctx.dispatch({ camera }, { replace: true });
    },
  };

  // First paint: the complete map in SVG, at once. Then MapLibre takes over the camera and draws the
  // sea underneath; the same SVG map stays on top (see map/maplibre-map.ts).
  const svgMap = createSvgRenderer(svgHost, geography, model, { camera: state.camera, view: state.view, covered: covered() }, events);
  mapView = svgMap;
  svgMap.update(frame.scene, frame.lang, frame.state.place, frame.state.view);
  firstView.drop();
  // Marked once the frame that shows it has been painted, not when the DOM is ready; MapLibre's code
  // is fetched only then, so that it never competes with the first paint.
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  firstView.markComplete();
  try {
    const { createMapLibreMap } = await import('./map/maplibre-map.ts');
    const gl = await createMapLibreMap(
      mapEl,
      svgMap,
      { interactive: state.interactive, attribution: t(state.lang, 'map.attribution'), model },
      events,
    );
    mapView = gl;
    gl.map.on('webglcontextlost', () => {
      // Give the browser a moment to restore the context; if it does not, the SVG map takes over.
      window.setTimeout(() => {
        if (mapView !== gl || !gl.map.isStyleLoaded()) fallBackToSvg(gl);
      }, 3000);
    });
  } catch (e) {
    fallBackToSvg(null, e);
  }
  // Read-only hooks for the end-to-end tests and the benchmark: where a place is drawn, which circles are on the map.
  (window as unknown as { __gpm: unknown }).__gpm = {
    project: (id: string) => {
      const p = model.places.get(id);
      if (!p || !mapView) return null;
      // A partner city, or one of its districts, is drawn in its inset in the composed view.
      const inset = mapArea.querySelector(`.svg-layer .inset[data-city="${id}"] .inset-outline, .svg-layer .inset-districts path[data-id="${id}"]`);
      if (!inset) return mapView.project([p.lon, p.lat]);
      const r = inset.getBoundingClientRect();
      const m = mapEl.getBoundingClientRect();
      return [r.left + r.width / 2 - m.left, r.top + r.height / 2 - m.top];
    },
    markers: () => frame.scene.markers.map((m) => m.key),
    /** Resolves when the map has stopped moving, has drawn the latest change and the browser has painted it. */
    idle: () =>
      new Promise<void>((resolve) => {
        const check = () => requestAnimationFrame(() => (mapView?.isMoving() ? check() : resolve()));
        check();
      }),
    exportMap: ctx.exportMap,
    exportPreview: ctx.exportPreview,
  };
  if (sessionImport) await updateImport(sessionImport, { status: 'loaded' });
  performance.mark('map:interactive');
  document.documentElement.dataset['renderer'] = mapView.kind;
  document.documentElement.dataset['mapReady'] = 'true';
  // `?export=png&size=1920x1080`: a script asked for a file; say when it is written.
  if (state.exportFormat === 'pptx') {
    document.documentElement.dataset['exportDone'] = await ctx.exportSlides(state.story, state.lang);
  } else if (state.exportFormat) {
    const file = await ctx.exportMap(state.exportFormat, { size: state.exportSize });
    document.documentElement.dataset['exportDone'] = file;
  }

  /** The user's files that failed to load: named, downloadable, and discarded on request. */
  function showSetAside(record: StoredImport) {
    const lang = state.lang;
    const downloads = record.files.map((f) => ({
      label: t(lang, 'import.setAsideDownload', { file: f.name }),
      download: f.name,
      href: URL.createObjectURL(new Blob([f.text], { type: 'text/csv;charset=utf-8' })),
    }));
    const discard = { label: t(lang, 'import.discard'), run: () => void clearImport().then(() => (notice.el.hidden = true)) };
    notice.show(t(lang, 'import.setAside', { files: record.files.map((f) => f.name).join(', '), error: record.error ?? '' }), t(lang, 'notice.dismiss'), ...downloads, discard);
  }

  function fallBackToSvg(gl: MapRenderer | null, error?: unknown) {
    if (error) console.warn('WebGL map unavailable, using the SVG map:', error);
    const camera = gl?.camera() ?? mapView?.camera() ?? null;
    gl?.destroy();
    if (mapView?.kind !== 'svg') {
      mapView = createSvgRenderer(svgHost, geography, model, { camera, view: state.view, covered: covered() }, events);
      render();
    }
    notice.show(t(state.lang, 'notice.noWebgl'), t(state.lang, 'notice.dismiss'));
    document.documentElement.dataset['renderer'] = 'svg';
  }
}

/** The ignored link parameters, ten at most and then how many more: a link with thousands stays one line. */
function ignoredNotice(lang: Lang, ignored: readonly string[]): string {
  const items = ignored.slice(0, 10).map((i) => (i.length > 60 ? `${i.slice(0, 60)}…` : i)).join(', ');
  return ignored.length > 10 ? t(lang, 'notice.ignoredMore', { items, more: ignored.length - 10 }) : t(lang, 'notice.ignored', { items });
}
