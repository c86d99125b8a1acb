import type { Topology } from 'topojson-specification';
import topoUrl from '../geo/pairing.topo.json?url';
import { loadData } from './app/data.ts';
import { startLiveMap, type LiveMap } from './app/live-map.ts';
import { mapDrawing } from './app/map-drawing.ts';
import { mapEvents } from './app/map-events.ts';
import { startNotices } from './app/notices.ts';
import { outputs } from './app/outputs.ts';
import { createPage } from './app/page.ts';
import { preparePrint } from './app/print.ts';
import { watchUserPause } from './app/user-pause.ts';
import { exposeTestHooks } from './app/test-hooks.ts';
import { postEmbedHeight } from './embed/post-height.ts';
import { t, type MessageKey } from './i18n/messages.ts';
import { updateImport } from './import/store.ts';
import { toGeography, type Geography, type PreparedTopology } from './map/geography.ts';
import type { MapTarget } from './map/renderer.ts';
import { svgTarget } from './map/svg-map.ts';
import { buildScene, maxRadiusFor } from './scene/scene.ts';
import { drawnAtBuild } from './state/first-view-state.ts';
import { stepPatch } from './state/story-step.ts';
import { transition, type Change, type Session } from './state/transition.ts';
import { browserLang, parseState, serializeState, type AppState } from './state/url-state.ts';
import { takeFirstView } from './ui/first-view.ts';
import type { Frame, UiContext } from './view/context.ts';

/*
 * The composition root. One Session holds the state; every change goes through `apply`, which asks
 * the pure transition (state/transition.ts) what follows, records it in the address bar, derives the
 * frame (state and scene) and hands it to the page and the map, then moves the camera as told.
 */

export async function startApp(root: HTMLElement): Promise<void> {
  // The geometry and data load from the first moment (index.html preloads them); MapLibre only after
  // the first paint (below), so that the first complete map needs none of its code.
  const userPause = watchUserPause(window);
  const topoRequest = fetch(topoUrl).then((r) => r.json() as Promise<Topology | PreparedTopology>);
  const data = await loadData();
  const { model, stories } = data;
  const parsed = parseState(location.search, data.vocabulary(), browserLang(navigator.languages));
  const linked = stories.find((s) => s.id === parsed.state.story);
  let session: Session = { state: linked ? { ...parsed.state, ...stepPatch(linked, parsed.state.step) } : parsed.state, beforeStory: null };
  let frame!: Frame; // made by the first render(), before anything reads it
  let geo: Geography | null = null;
  let map: LiveMap | null = null;

  // After the frame being made has been painted: a task queued from its animation callback runs then.
  const afterPaint = (run: () => void) => requestAnimationFrame(() => setTimeout(run));
  const drawing = mapDrawing({
    draw: () => map?.update(frame),
    move(m) {
      const reached = map?.move(m) ?? null;
      // A moved map records where a reveal took it; a named view with a place open is described whole by its link.
      if (reached && m.type === 'reveal' && session.state.camera) apply({ type: 'set', patch: { camera: reached }, replace: true });
    },
    openPlace: () => session.state.place,
    afterFrame: afterPaint,
  });
  const apply = (change: Change): void => {
    const next = transition(session, change);
    session = next.session;
    if (next.url !== 'none') writeUrl(session.state, next.url);
    render({ focusPanel: next.focusPanel });
    page.tooltip.hide(); // whatever it said was about the map before this change
    drawing.move(next.camera);
  };
  const ctx: UiContext = {
    model,
    dispatch: (patch, opts = {}) => apply({ type: 'set', patch, replace: opts.replace }),
    present() {
      if (stories[0]) apply({ type: 'present', story: stories[0] });
    },
    leaveStory: () => apply({ type: 'leave-story' }),
    stories: () => stories,
    setUserStories(next) {
      data.setUserStories(next);
      render();
    },
    ...outputs({ data, frame: () => frame, geo: () => geo, map: () => map, mapSize: () => ({ width: page.mapEl.clientWidth, height: page.mapEl.clientHeight }) }),
  };
  const page = createPage(ctx, stories);
  const firstView = takeFirstView(root, session.state.lang, !data.userData && parsed.command === null && drawnAtBuild(session.state, linked));
  // A click on the first view's map made before the app came, taken where the view was seen.
  const early = svgTarget(firstView.takeClick());
  firstView.keepIn(page.svgHost);
  root.replaceChildren(page.header.el, page.layout, page.live);
  startNotices(page.notice, session.state.lang, parsed.ignored, data);
  // Drop CSV files anywhere on the map to open them.
  page.mapArea.addEventListener('dragover', (e) => e.preventDefault());
  page.mapArea.addEventListener('drop', (e) => {
    e.preventDefault();
    const files = e.dataTransfer?.files;
    if (files?.length) void import('./ui/import-dialog.ts').then((m) => m.openImportDialog(frame, model, files));
  });

  function frameOf(state: AppState): Frame {
    const tr = (key: MessageKey, vars?: Record<string, string | number>) => t(state.lang, key, vars);
    return { state, scene: buildScene(model, state, maxRadiusFor(page.mapArea.clientWidth, page.mapArea.clientHeight)), tr, lang: state.lang };
  }

  function render(opts: { panelLater?: boolean; focusPanel?: boolean } = {}) {
    frame = frameOf(session.state);
    page.show(frame, opts);
    firstView.outline(frame.state.place);
    if (opts.focusPanel) page.panel.el.focus({ preventScroll: true });
    // A place just opened: its panel is painted before the map is drawn with it.
    drawing.draw(opts.focusPanel ?? false);
  }

  function writeUrl(state: AppState, how: 'push' | 'replace') {
    const url = `${location.pathname}?${serializeState(state)}${location.hash}`;
    if (how === 'replace') history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }

  window.addEventListener('popstate', () => apply({ type: 'history', state: parseState(location.search, data.vocabulary(), session.state.lang).state }));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && session.state.place !== null) ctx.dispatch({ place: null });
  });
  root.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    if (target.closest('[data-action="close"]')) return ctx.dispatch({ place: null });
    const placeButton = target.closest<HTMLElement>('button[data-place]');
    if (placeButton?.dataset['place']) ctx.dispatch({ place: placeButton.dataset['place'] });
  });

  // A click on the first view's map is answered by what it was on there (the head script keeps
  // where it was): its panel is painted while the geometry comes and the live map is drawn (drawn
  // first, they held it back by ≈ 150 ms). One made before the page is shown opens its place with
  // the page's first render (two renders took ≈ 40 ms more of the click); one made after, at once
  // (answered between the live map's steps, it waited for the geometry and the step under way).
  writeUrl(session.state, 'replace');
  const events = mapEvents(ctx, () => frame, page.tooltip, apply);
  const answer = (target: MapTarget | null): boolean => {
    if (target) events.click(target);
    return target !== null;
  };
  // The scene the first view showed, which says what a circle or a line clicked on there stands for.
  const unshown = early ? (frame = frameOf(session.state)) : undefined;
  const answeredEarly = answer(early);
  // Not shown yet (no click, or one that opened nothing): the first map before the panel's figures
  // (they follow at once after it has been painted); where the first view shows the map already, a
  // place the link opens has its panel at once.
  if (frame === unshown) render({ panelLater: !firstView.onScreen });
  if (session.state.embed) postEmbedHeight(root);
  // Only a click on the map (the first view takes no pointer: the click falls to the live map's
  // layer, or before that through the drawing's host to the map element under it), and not passed
  // on: the layer would close the panel first, a render wasted.
  // (Looked up only then: the lookup lays the page out.)
  const answerOnMap = (e: MouseEvent) => {
    const onMap = e.target instanceof Node && (page.svgHost.contains(e.target) || page.mapEl.contains(e.target));
    if (onMap && answer(svgTarget(firstView.takeClick()))) e.stopPropagation();
  };
  if (firstView.onScreen) document.addEventListener('click', answerOnMap, true);
  if (answeredEarly) await new Promise<void>(afterPaint);
  geo = toGeography(await topoRequest);
  map = startLiveMap({
    host: page.svgHost,
    mapEl: page.mapEl,
    geo,
    model,
    frame: () => frame,
    reveal: session.state.place,
    events,
    surroundings: page.surroundings,
    userPause,
    fellBack() {
      page.notice.show(t(session.state.lang, 'notice.noWebgl'), t(session.state.lang, 'notice.dismiss'));
      document.documentElement.dataset['renderer'] = 'svg';
    },
  });
  // Under the first view, which shows the map and takes the clicks meanwhile, the live map's drawing
  // is cut into tasks (≈ 170 ms in one on this machine): a click waits for one of them, not for all.
  // A place opened meanwhile is drawn in the same steps, once its panel has been painted.
  if (firstView.onScreen) await map.drawInSteps(frame, () => new Promise((next) => setTimeout(() => next(drawing.waiting()))));
  else drawing.draw(false);
  // The live map, drawn, takes the clicks.
  document.removeEventListener('click', answerOnMap, true);
  preparePrint({ mapArea: page.mapArea, mapEl: page.mapEl, model, geo, map, frame: () => frame });
  // The first view stays until the live map is drawn over it.
  if (drawing.waiting()) await new Promise<void>(afterPaint);
  firstView.drop();
  // Marked once the frame that shows it has been painted, not when the DOM is ready; MapLibre's code
  // is fetched only then, so that it never competes with the first paint.
  await new Promise<void>(afterPaint);
  firstView.markComplete();
  page.fillPanel(frame);
  await map.upgrade();
  exposeTestHooks({ model, map, mapBehind: drawing.waiting, mapArea: page.mapArea, mapEl: page.mapEl, frame: () => frame, ctx });
  if (data.sessionImport) await updateImport(data.sessionImport, { status: 'loaded' });
  performance.mark('map:interactive');
  document.documentElement.dataset['renderer'] = map.current().kind;
  document.documentElement.dataset['mapReady'] = 'true';
  // `?export=png&size=1920x1080`: a script asked for a file; say when it is written.
  const command = parsed.command;
  if (command) {
    document.documentElement.dataset['exportDone'] =
      command.format === 'pptx' ? await ctx.exportSlides(session.state.story, session.state.lang) : await ctx.exportMap(command.format, { size: command.size });
  }
}
