import { el, replaceChildren } from './dom.ts';

/** A small dismissible notice over the map, e.g. for URL parameters that were ignored. */
export function createNotice(): { el: HTMLElement; show(message: string, dismiss: string, action?: { label: string; run(): void }): void } {
  const root = el('div', { class: 'notice', role: 'status', hidden: true, 'data-testid': 'notice' });
  return {
    el: root,
    show(message, dismiss, action) {
      const close = el('button', { type: 'button', class: 'notice-close', 'aria-label': dismiss }, '×');
      close.addEventListener('click', () => (root.hidden = true));
      const act = action ? el('button', { type: 'button', class: 'linkish notice-action' }, action.label) : null;
      act?.addEventListener('click', action!.run);
      replaceChildren(root, el('span', {}, message), act ? ' ' : null, act, close);
      root.hidden = false;
    },
  };
}
