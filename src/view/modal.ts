import type { Frame } from './context.ts';
import { el, type Child } from './dom.ts';

/**
 * A modal built on the native <dialog>: it keeps focus inside, closes on Escape and on its × button,
 * and removes itself when closed. The share, export and import dialogs are all one of these.
 */
export function openModal(frame: Frame, id: string, title: string, ...content: Child[]): HTMLDialogElement {
  const close = el('button', { type: 'button', class: 'panel-close', 'aria-label': frame.tr('panel.close') }, '×');
  const dialog = el('dialog', { class: `share-dialog ${id}`, 'aria-labelledby': `${id}-title` }, el('h2', { id: `${id}-title` }, title), close, ...content);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
