import { PRESETS } from '../export/layout.ts';
import type { Frame, UiContext } from './context.ts';
import { el } from './dom.ts';
import { exportExtras } from './export-extras.ts';
import { openModal } from './modal.ts';

/** "Export": PNG at slide presets or the current size, or SVG. A native <dialog>. */
export function openExportDialog(ctx: UiContext, frame: Frame): HTMLDialogElement {
  const { tr } = frame;
  const status = el('p', { class: 'legend-note', role: 'status' });
  const option = (label: string, format: 'png' | 'svg', size: { width: number; height: number } | null) => {
    const b = el('button', { type: 'button', class: 'lang export-option', 'data-format': format, 'data-size': size ? `${size.width}x${size.height}` : 'current' }, label);
    b.addEventListener('click', async () => {
      status.textContent = tr('export.working');
      try {
        status.textContent = tr('export.done', { file: await ctx.exportMap(format, size) });
      } catch (e) {
        status.textContent = `${tr('export.failed')} ${e instanceof Error ? e.message : String(e)}`;
      }
    });
    return b;
  };
  return openModal(
    frame,
    'export',
    tr('export.title'),
    el('p', { class: 'legend-note' }, tr('export.note')),
    el(
      'div',
      { class: 'export-options' },
      ...PRESETS.map((p) => option(`PNG ${p.width}×${p.height}`, 'png', p)),
      option(tr('export.current'), 'png', null),
      option(tr('export.svg'), 'svg', null),
    ),
    ...exportExtras(ctx, frame, status),
    status,
  );
}
