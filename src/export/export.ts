import type { Geography } from '../map/geography.ts';
import type { Model } from '../scene/model.ts';
import type { Camera } from '../state/url-state.ts';
import type { Frame } from '../view/context.ts';
import { xmlText } from './xml-text.ts';
import { downloadBlob } from '../view/download.ts';
import { composeExport, type ExportOptions } from './compose.ts';
import { mapFileName } from '../view/file-names.ts';

/*
 * Exports, loaded only when used (dynamic import): the SVG text of a composition (also the dialog's
 * preview), and the file, SVG or PNG, handed to the browser as a download.
 */

export function exportSvgText(geo: Geography, model: Model, frame: Frame, view: { camera: Camera; width: number; height: number }, options: ExportOptions): string {
  const doc = composeExport(geo, model, frame, view, options);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlText(new XMLSerializer().serializeToString(doc))}`;
}

export async function exportMap(
  format: 'png' | 'svg',
  geo: Geography,
  model: Model,
  frame: Frame,
  view: { camera: Camera; width: number; height: number },
  options: ExportOptions,
): Promise<string> {
  const svgBlob = new Blob([exportSvgText(geo, model, frame, view, options)], { type: 'image/svg+xml' });
  const name = mapFileName(frame.state, { ext: format, size: options.size, lang: frame.lang, transparent: options.transparent });
  downloadBlob(format === 'svg' ? svgBlob : await rasterise(svgBlob, options.size), name);
  return name;
}

/** The PNG of an SVG at exactly `size` pixels (exports, slides, the embed's static fallback image). */
export async function rasterise(svgBlob: Blob, size: { width: number; height: number }): Promise<Blob> {
  const url = URL.createObjectURL(svgBlob);
  try {
    const img = new Image(size.width, size.height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    canvas.getContext('2d')!.drawImage(img, 0, 0, size.width, size.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
