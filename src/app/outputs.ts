import { t, type Lang } from '../i18n/messages.ts';
import type { Geography } from '../map/geography.ts';
import { buildScene } from '../scene/scene.ts';
import type { ExportRequest, Frame, UiContext } from '../view/context.ts';
import type { AppData } from './data.ts';
import type { LiveMap } from './live-map.ts';

/*
 * The files a person takes away: PNG, SVG, slides and the offline copy, each drawn from the frame on
 * screen (or the same state in another language) at the camera on screen. Their code loads on use.
 */

export interface OutputSources {
  data: AppData;
  frame(): Frame;
  geo(): Geography | null;
  map(): LiveMap | null;
  /** The live map's size on screen: what an export draws by default. */
  mapSize(): { width: number; height: number };
}

type Outputs = Pick<UiContext, 'exportMap' | 'exportPreview' | 'exportTexts' | 'exportSlides' | 'saveOfflineCopy'>;

export function outputs(o: OutputSources): Outputs {
  const { model } = o.data;
  /** The current frame, or the same state in another language (an export in the other language). */
  const frameIn = (lang: Lang): Frame => {
    const frame = o.frame();
    if (lang === frame.lang) return frame;
    const state = { ...frame.state, lang };
    return { state, scene: buildScene(model, state), tr: (key, vars) => t(lang, key, vars), lang };
  };
  const ready = () => {
    const geo = o.geo();
    const map = o.map();
    if (!geo || !map) throw new Error('the map is not ready yet');
    return { geo, camera: map.current().camera() };
  };
  const inputs = async (request: ExportRequest) => {
    const { geo, camera } = ready();
    const { defaultTexts } = await import('../export/compose.ts');
    const f = frameIn(request.lang ?? o.frame().lang);
    const texts = defaultTexts(model, f);
    const view = { camera, ...o.mapSize() };
    const options = {
      size: request.size ?? { width: view.width, height: view.height },
      title: request.title ?? texts.title,
      subtitle: request.subtitle ?? texts.subtitle,
      note: request.note ?? texts.note,
      transparent: request.transparent ?? f.state.transparent,
    };
    return { geo, frame: f, view, options };
  };
  return {
    async exportMap(format, request = {}) {
      const { exportMap } = await import('../export/export.ts');
      const e = await inputs(request);
      return exportMap(format, e.geo, model, e.frame, e.view, e.options);
    },
    async exportPreview(request) {
      const { exportSvgText } = await import('../export/export.ts');
      const e = await inputs(request);
      return exportSvgText(e.geo, model, e.frame, e.view, e.options);
    },
    async exportTexts(lang) {
      const { defaultTexts } = await import('../export/compose.ts');
      return defaultTexts(model, frameIn(lang));
    },
    async exportSlides(storyId, lang) {
      const { geo, camera } = ready();
      const { exportSlides } = await import('../export/pptx.ts');
      const story = o.data.stories.find((s) => s.id === storyId) ?? null;
      return exportSlides({ geo, model, state: o.frame().state, lang, story, size: o.mapSize(), camera });
    },
    async saveOfflineCopy() {
      const { saveOfflineCopy } = await import('../offline/save-copy.ts');
      const { builtin, userData } = o.data;
      return saveOfflineCopy({ dataset: builtin.dataset, stories: builtin.stories, userData: userData ?? undefined, userStories: o.data.userStories() });
    },
  };
}
