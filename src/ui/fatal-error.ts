import { t, type Lang } from '../i18n/messages.ts';
import { el } from './dom.ts';

/** A friendly message with a reload button and the technical detail, instead of a white page. */
export function showFatalError(root: HTMLElement, error: unknown): void {
  if (root.querySelector('.fatal')) return;
  const lang: Lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
  const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  const reload = el('button', { type: 'button', class: 'primary' }, t(lang, 'error.reload'));
  reload.addEventListener('click', () => location.reload());
  root.append(
    el(
      'div',
      { class: 'fatal', role: 'alert' },
      el('h2', {}, t(lang, 'error.title')),
      el('p', {}, t(lang, 'error.body')),
      reload,
      el('details', {}, el('summary', {}, t(lang, 'error.details')), el('pre', {}, detail)),
    ),
  );
}
