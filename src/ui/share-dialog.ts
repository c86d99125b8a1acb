import { embedUrl, iframeSnippet } from '../embed/snippet.ts';
import type { Frame, UiContext } from '../view/context.ts';
import { citation } from '../view/describe.ts';
import { el } from '../view/dom.ts';
import { mapFileName } from '../view/file-names.ts';
import { openModal } from '../view/modal.ts';

/** The static image the snippet shows where scripts are stripped: the view at a common article width. */
const FALLBACK_SIZE = { width: 1200, height: 900 };

/**
 * "Share / Embed": the link, a copy-ready iframe snippet with its static-image fallback (downloadable
 * here), and a citation for the current view. Opened from a file (the offline copy) there is no
 * address anyone else could open, so it says what to do instead of handing out file:// paths.
 * A native <dialog>: focus stays inside, Escape closes.
 */
export function openShareDialog(ctx: UiContext, frame: Frame): HTMLDialogElement {
  const { tr, state } = frame;
  const offline = location.protocol === 'file:';
  const link = location.href;
  const title = state.title ?? tr('app.title');
  // The name the download below gets (export.ts names it the same way): the snippet points at it.
  const fallback = mapFileName(state, { ext: 'png', size: FALLBACK_SIZE, lang: frame.lang, transparent: state.transparent });
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
  const status = el('span', { class: 'legend-note', role: 'status' });
  const download = el('button', { type: 'button', class: 'lang', 'data-action': 'fallback' }, tr('share.fallbackDownload'));
  download.addEventListener('click', async () => {
    try {
      status.textContent = tr('export.done', { file: await ctx.exportMap('png', { size: FALLBACK_SIZE }) });
    } catch (e) {
      status.textContent = `${tr('export.failed')} ${e instanceof Error ? e.message : String(e)}`;
    }
  });
  // Offline, the citation names the data and the day, not a path on this computer.
  const cite = citation(ctx.model, frame, offline ? '' : link, new Date()).replace(/\.\s+\(/, '. (').replace(/\s{2,}/g, ' ');
  return openModal(
    frame,
    'share',
    tr('controls.share'),
    ...(offline
      ? [el('p', { class: 'share-offline', role: 'note', 'data-testid': 'share-offline' }, tr('share.offline'))]
      : [
          field('share-link', tr('share.link'), link, 2),
          field('share-embed', tr('share.embed'), iframeSnippet(link, title, fallback), 7),
          el(
            'div',
            { class: 'share-fallback' },
            el('span', { class: 'control-label' }, tr('share.fallback')),
            el('p', { class: 'legend-note' }, tr('share.fallbackNote'), ' ', el('code', {}, fallback)),
            el('div', { class: 'export-options' }, download, status),
          ),
          el('p', { class: 'legend-note' }, tr('share.note')),
          el('p', { class: 'legend-note' }, el('a', { href: embedUrl(link), target: '_blank', rel: 'noopener' }, tr('share.preview'))),
        ]),
    field('share-cite', tr('share.cite'), cite, 8),
  );
}
