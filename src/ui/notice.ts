import { el, replaceChildren, type Child } from '../view/dom.ts';

/** A button that runs something, or a link that downloads a file. */
export type NoticeAction = { label: string; run(): void } | { label: string; download: string; href: string };

/** A small dismissible notice over the map, e.g. for URL parameters that were ignored. */
export function createNotice(): { el: HTMLElement; show(message: string, dismiss: string, ...actions: NoticeAction[]): void } {
  const root = el('div', { class: 'notice', role: 'status', hidden: true, 'data-testid': 'notice' });
  return {
    el: root,
    show(message, dismiss, ...actions) {
      const close = el('button', { type: 'button', class: 'notice-close', 'aria-label': dismiss }, '×');
      close.addEventListener('click', () => (root.hidden = true));
      const acts = actions.flatMap((a): Child[] => {
        if ('href' in a) return [' ', el('a', { class: 'linkish notice-action', href: a.href, download: a.download }, a.label)];
        const b = el('button', { type: 'button', class: 'linkish notice-action' }, a.label);
        b.addEventListener('click', a.run);
        return [' ', b];
      });
      replaceChildren(root, el('span', {}, message), ...acts, close);
      root.hidden = false;
    },
  };
}
