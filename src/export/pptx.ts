import PptxGenJS from 'pptxgenjs';
import type { Lang } from '../i18n/messages.ts';
import type { Geography } from '../map/geography.ts';
import { compose, insetCities } from '../map/composition.ts';
import type { Model } from '../scene/model.ts';
import type { AppState, Camera } from '../state/url-state.ts';
import { stepPatch } from '../state/story-step.ts';
import type { Story } from '../data/stories.ts';
import { downloadBlob } from '../view/download.ts';
import { slideFileName, storyDeckFileName } from '../view/file-names.ts';
import { composeExport } from './compose.ts';
import { rasterise } from './export.ts';
import { xmlText } from './xml-text.ts';
import { deckTitle, slideContent, slideFrame, type SlideContent } from './slide-content.ts';

/*
 * "Download slides (.pptx)": one 16:9 slide per story step (or one for the current view). The map is
 * the export's own composition (compose.ts, map and scale bar only) as a 300 dpi PNG; title, caption,
 * legend and source are text boxes, editable in PowerPoint, Keynote or Impress; the speaker notes list
 * every figure on the slide. pptxgenjs (and JSZip inside it) load with this module, only when asked for.
 */

// LAYOUT_WIDE: 13.333 × 7.5 inches (16:9). Positions in inches.
const MAP = { x: 0.4, y: 1.3, w: 8.4, h: 5.35 };
const SIDE = { x: 9.05, w: 3.9 };
const DPI = 300;
const LOGICAL_WIDTH = 960;
const INK = '1F2328';
const MUTED = '5B6169';

export interface SlidesRequest {
  geo: Geography;
  model: Model;
  state: AppState;
  lang: Lang;
  /** A story's deck, or (null) one slide of the current view. */
  story: Story | null;
  /** The map on screen: its size and camera frame the current view's slide. */
  size: { width: number; height: number };
  camera: Camera | null;
}

export async function exportSlides(req: SlidesRequest): Promise<string> {
  const { model, lang, story } = req;
  const pres = new PptxGenJS();
  pres.layout = 'LAYOUT_WIDE';
  pres.title = deckTitle(model, req.state, lang, story);
  const pixels = { width: Math.round(MAP.w * DPI), height: Math.round(MAP.h * DPI) };
  const slides = story
    ? story.steps.map((_, i) => ({ state: { ...req.state, ...stepPatch(story, i) }, step: { story, step: i }, camera: null }))
    : [{ state: req.state, step: null, camera: req.camera }];
  for (const s of slides) {
    const content = slideContent(model, slideFrame(model, s.state, lang), s.step);
    const png = await mapImage(req.geo, model, content, s.camera, req.size, pixels);
    addSlide(pres, content, png, lang);
  }
  const blob = (await pres.write({ outputType: 'blob' })) as Blob;
  const name = story ? storyDeckFileName(story.id, lang) : slideFileName(req.state, lang);
  downloadBlob(blob, name);
  return name;
}

/** The map of the slide: the current camera, or the step's named view framed in the picture. */
async function mapImage(geo: Geography, model: Model, content: SlideContent, camera: Camera | null, screen: { width: number; height: number }, pixels: { width: number; height: number }): Promise<string> {
  // Composed at the size of a map on a laptop screen, then drawn at 300 dpi: names and values keep a
  // readable size on the slide (composed at full resolution, they would be a few points high).
  const logical = { width: LOGICAL_WIDTH, height: Math.round((LOGICAL_WIDTH * pixels.height) / pixels.width) };
  // A step (no camera of its own) is composed as exports are: Guizhou large, the partner cities in insets.
  const view = camera ? { camera, ...screen } : { camera: compose(content.frame.state.view, { ...logical, cities: insetCities(model) }).camera, ...logical };
  const svg = composeExport(geo, model, content.frame, view, { size: logical, title: '', subtitle: '', note: '', transparent: false, mapOnly: true });
  svg.setAttribute('width', String(pixels.width));
  svg.setAttribute('height', String(pixels.height));
  const text = xmlText(new XMLSerializer().serializeToString(svg));
  const png = await rasterise(new Blob([text], { type: 'image/svg+xml' }), pixels);
  const bytes = new Uint8Array(await png.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `image/png;base64,${btoa(binary)}`;
}

function addSlide(pres: PptxGenJS, c: SlideContent, png: string, lang: Lang): void {
  const fontFace = lang === 'zh' ? 'Microsoft YaHei' : 'Calibri';
  const text = { fontFace, lang: lang === 'zh' ? 'zh-CN' : 'en-GB', color: INK, margin: 0, valign: 'top' as const };
  const slide = pres.addSlide();
  slide.addText(c.title, { ...text, x: 0.4, y: 0.3, w: 12.5, h: 0.55, fontSize: 24, bold: true, fit: 'shrink' });
  slide.addText(c.subtitle, { ...text, x: 0.4, y: 0.88, w: 12.5, h: 0.3, fontSize: 13, color: MUTED });
  slide.addImage({ data: png, ...MAP, altText: `${c.title}: ${c.subtitle}` });
  if (c.caption) slide.addText(c.caption, { ...text, x: SIDE.x, y: MAP.y, w: SIDE.w, h: 2.3, fontSize: 15, fit: 'shrink' });
  // One paragraph per entry: the glyph in the entry's colour (partner lines, county classes), then its label.
  slide.addText(
    c.legend.flatMap((e, i) => [
      ...(e.heading ? [] : [{ text: `${e.glyph}  `, options: { color: e.color.replace('#', '').toUpperCase() } }]),
      { text: e.label, options: { bold: e.heading === true, breakLine: i < c.legend.length - 1, paraSpaceBefore: e.heading && i > 0 ? 4 : 0 } },
    ]),
    { ...text, x: SIDE.x, y: c.caption ? 3.75 : MAP.y, w: SIDE.w, h: c.caption ? 2.9 : 5.35, fontSize: 10, valign: 'bottom', fit: 'shrink' },
  );
  slide.addText(c.source, { ...text, x: 0.4, y: 6.85, w: 12.5, h: 0.45, fontSize: 9, color: MUTED });
  slide.addNotes(c.notes);
}
