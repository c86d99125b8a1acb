import PptxGenJS from 'pptxgenjs';
import type { Lang } from '../i18n/messages.ts';
import type { Geography } from '../map/geography.ts';
import { compose, insetCities } from '../map/composition.ts';
import type { Model } from '../scene/model.ts';
import { MAX_RADIUS, maxRadiusFor } from '../scene/scene.ts';
import type { AppState, Camera } from '../state/url-state.ts';
import { stepPatch } from '../state/story-step.ts';
import type { Story } from '../data/stories.ts';
import { downloadBlob } from '../view/download.ts';
import { slideFileName, storyDeckFileName } from '../view/file-names.ts';
import { composeExport } from './compose.ts';
import { rasterise } from './export.ts';
import { xmlText } from './xml-text.ts';
import { deckTitle, slideContent, slideFrame, type SlideContent, type SlideKey } from './slide-content.ts';

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
/** The fill of a size key's circle (the map's mixed-city grey). */
const CIRCLE = '4D4D4D';

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
  addKey(slide, c.legend, text, c.caption ? 3.75 : MAP.y, c.caption !== '');
  slide.addText(c.source, { ...text, x: 0.4, y: 6.85, w: 12.5, h: 0.45, fontSize: 9, color: MUTED });
  slide.addNotes(c.notes);
}

/**
 * The key in the side column: the circle sizes as circles to the map picture's scale, each with its
 * value under it (shapes a presenter can edit), then one paragraph per other entry, its glyph in the
 * entry's colour. Every part is named "Key …", so that the key can be told from the rest of the slide.
 */
function addKey(slide: PptxGenJS.Slide, key: SlideKey, text: PptxGenJS.TextPropsOptions, top: number, crowded: boolean): void {
  const bottom = MAP.y + MAP.h;
  let y = top;
  if (key.sizes.length > 0) {
    // A circle of radius r (pixels of a scene at MAX_RADIUS) on the picture, which is composed LOGICAL_WIDTH wide.
    const logical = { width: LOGICAL_WIDTH, height: Math.round((LOGICAL_WIDTH * MAP.h) / MAP.w) };
    const inches = (r: number) => ((r * maxRadiusFor(logical.width, logical.height)) / MAX_RADIUS) * (MAP.w / logical.width);
    slide.addText(key.sizesTitle, { ...text, objectName: 'Key sizes title', x: SIDE.x, y, w: SIDE.w, h: 0.25, fontSize: 10, bold: true });
    const tallest = 2 * Math.max(...key.sizes.map((s) => inches(s.radius)));
    const base = y + 0.3 + tallest;
    const column = SIDE.w / key.sizes.length;
    key.sizes.forEach((s, i) => {
      const d = 2 * inches(s.radius);
      const cx = SIDE.x + column * (i + 0.5);
      slide.addShape('ellipse', { objectName: `Key size ${i + 1}`, x: cx - d / 2, y: base - d, w: d, h: d, fill: { color: CIRCLE, transparency: 70 }, line: { color: MUTED, width: 0.75 } });
      slide.addText(s.label, { ...text, objectName: `Key size ${i + 1} value`, x: cx - column / 2, y: base + 0.04, w: column, h: 0.22, fontSize: 10, align: 'center' });
    });
    y = base + 0.34;
  }
  // One paragraph per entry: the glyph, a run of its own in the entry's colour, then the words.
  slide.addText(
    key.rows.flatMap((e, i) => [
      ...(e.glyph ? [{ text: `${e.glyph}  `, options: { color: hex(e.color) } }] : []),
      { text: e.label, options: { bold: e.heading === true, color: e.heading || e.glyph ? INK : MUTED, breakLine: i < key.rows.length - 1, paraSpaceBefore: e.heading && i > 0 ? 4 : 0 } },
    ]),
    { ...text, objectName: 'Key entries', x: SIDE.x, y, w: SIDE.w, h: Math.max(0.5, bottom - y), fontSize: crowded ? 8 : 10, fit: 'shrink' },
  );
}

/** A colour as pptx writes it: six hex digits, from "#rrggbb" or "rgb(r, g, b)". */
function hex(colour: string): string {
  const rgb = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(colour);
  if (!rgb) return colour.replace('#', '').toUpperCase();
  return rgb.slice(1).map((v) => Number(v).toString(16).padStart(2, '0')).join('').toUpperCase();
}
