import type { Geography } from '../map/geography.ts';
import type { Model } from '../scene/model.ts';
import type { Camera } from '../state/url-state.ts';
import type { Frame } from '../ui/context.ts';
import { composeExport } from './compose.ts';
import { exportFileName } from './layout.ts';
import { xmlText } from './xml-text.ts';
import { downloadBlob } from '../ui/download.ts';

/** Renders the export and hands it to the browser as a download. Loaded only when used (dynamic import). */
export async function exportMap(
  format: 'png' | 'svg',
  size: { width: number; height: number },
  geo: Geography,
  model: Model,
  frame: Frame,
  view: { camera: Camera; width: number; height: number },
): Promise<string> {
  const doc = composeExport(geo, model, frame, view, size);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${xmlText(new XMLSerializer().serializeToString(doc))}`;
  const name = exportFileName(frame.state.year, frame.state.metric, format);
  const svgBlob = new Blob([text], { type: 'image/svg+xml' });
  const blob = format === 'svg' ? svgBlob : await rasterise(svgBlob, size);
  downloadBlob(blob, name);
  return name;
}

async function rasterise(svgBlob: Blob, size: { width: number; height: number }): Promise<Blob> {
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
