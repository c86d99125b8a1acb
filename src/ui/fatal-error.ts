import { t, type Lang } from '../i18n/messages.ts';
import { setAsideImport } from '../import/store.ts';
import { el } from '../view/dom.ts';

/**
 * A friendly message with a reload button and the technical detail, instead of a white page. An
 * error never sticks: one that comes while the user's own files are loading sets them aside (the
 * next start shows the built-in data and offers them for download), and "Back to the built-in
 * data" always leads to a plain start, without the link's settings or the user's files.
 */
export function showFatalError(error: unknown): void {
  if (document.querySelector('.fatal')) return;
  const lang: Lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
  const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  const summary = detail.split('\n', 1)[0]!.slice(0, 300);
  const settled = setAsideImport(summary, { whileLoading: true }).catch(() => undefined);
  // A modal dialog sits in the browser's top layer, above any z-index: close it, or it hides the page.
  for (const d of document.querySelectorAll('dialog')) d.close();
  const reload = el('button', { type: 'button', class: 'primary' }, t(lang, 'error.reload'));
  reload.addEventListener('click', () => void settled.then(() => location.reload()));
  const back = el('button', { type: 'button', class: 'primary' }, t(lang, 'import.back'));
  back.addEventListener('click', () =>
    void settled
      .then(() => setAsideImport(summary))
      .catch(() => undefined)
      .then(() => location.assign(`${location.pathname}?lang=${lang}`)),
  );
  // On the body, not in the app's root: a start-up that is still running would replace the root's content.
  document.body.append(
    el(
      'div',
      { class: 'fatal', role: 'alert' },
      el('h2', {}, t(lang, 'error.title')),
      el('p', {}, t(lang, 'error.body')),
      el('div', { class: 'fatal-actions' }, reload, back),
      el('details', {}, el('summary', {}, t(lang, 'error.details')), el('pre', {}, detail)),
    ),
  );
}
