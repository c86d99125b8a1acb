import { embedUrl, iframeSnippet } from '../embed/snippet.ts';
import type { Model } from '../scene/model.ts';
import type { Frame } from './context.ts';
import { citation } from './describe.ts';
import { el } from './dom.ts';
import { openModal } from './modal.ts';

/** "Share / Embed": the link, a copy-ready iframe snippet and a citation for the current view. A native <dialog>: focus stays inside, Escape closes. */
export function openShareDialog(model: Model, frame: Frame): HTMLDialogElement {
  const { tr } = frame;
  const link = location.href;
  const snippet = iframeSnippet(link, frame.state.title ?? tr('app.title'));
  const field = (id: string, label: string, value: string, rows: number) => {
    const area = el('textarea', { id, rows, readonly: true, class: 'share-field', spellcheck: 'false' });
    area.value = value;
    const copy = el('button', { type: 'button', class: 'lang' }, tr('share.copy'));
    copy.addEventListener('click', () => {
      area.select();
      // The clipboard API needs a secure context and permission; selecting the text is the fallback.
      navigator.clipboard?.writeText(value).then(
        () => (copy.textContent = tr('share.copied')),
        () => document.execCommand?.('copy'),
      );
    });
    return el('div', { class: 'share-row' }, el('label', { for: id, class: 'control-label' }, label), area, copy);
  };
  return openModal(
    frame,
    'share',
    tr('controls.share'),
    field('share-link', tr('share.link'), link, 2),
    field('share-embed', tr('share.embed'), snippet, 6),
    el('p', { class: 'legend-note' }, tr('share.note')),
    el('p', { class: 'legend-note' }, el('a', { href: embedUrl(link), target: '_blank', rel: 'noopener' }, tr('share.preview'))),
    field('share-cite', tr('share.cite'), citation(model, frame, link, new Date()), 8),
  );
}
