import { el, replaceChildren } from './dom.ts';

/** A small dismissible notice over the map, e.g. for URL parameters that were ignored. */
export function createNotice(): { el: HTMLElement; show(message: string, dismiss: string): void } {
  const root = el('div', { class: 'notice', role: 'status', hidden: true, 'data-testid': 'notice' });
  return {
    el: root,
    show(message, dismiss) {
      const close = el('button', { type: 'button', class: 'notice-close', 'aria-label': dismiss }, '×');
      close.addEventListener('click', () => (root.hidden = true));
      replaceChildren(root, el('span', {}, message), close);
      root.hidden = false;
    },
  };
}
